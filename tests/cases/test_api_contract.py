"""The API contract others rely on: chains with ordered phases, starting a trajectory,
and refusals as problem+json that say why and change nothing."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ontschot.access.models import Organisation
from ontschot.access.roles import Role
from tests.cases.helpers import make_chain
from tests.factories import login_as, make_candidate, make_employer, make_user


def _coach_with_candidate(db: Session, client: Any) -> tuple[Any, Any, dict[str, str]]:
    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach)
    return coach, candidate, login_as(client, db, coach)


def test_chains_list_each_chain_with_its_ordered_phases(db: Session, client: Any) -> None:
    chain = make_chain(db, name="Logistiek")
    headers = login_as(client, db, make_user(db, Role.COACH))

    body = client.get("/api/v1/chains", headers=headers).json()

    found = next(c for c in body["items"] if c["id"] == chain.id)
    assert found["name"] == "Logistiek"
    assert [p["position"] for p in found["phases"]] == [1, 2]
    assert found["phases"][0]["needsEmployer"] is False
    assert found["phases"][1]["needsEmployer"] is True
    assert found["phases"][0]["statuses"][0]["name"] == "Intake"
    one = client.get(f"/api/v1/chains/{chain.id}", headers=headers).json()
    assert one["phases"] == found["phases"]


def test_post_trajectory_starts_in_the_first_status(db: Session, client: Any) -> None:
    chain = make_chain(db)
    _, candidate, headers = _coach_with_candidate(db, client)

    response = client.post(
        "/api/v1/trajectories",
        json={"candidateId": candidate.id, "chainId": chain.id, "goal": "Werk in de logistiek"},
        headers=headers,
    )

    assert response.status_code == 201, response.text
    body = response.json()
    assert body["status"]["name"] == "Intake" and body["phase"]["position"] == 1
    assert body["candidate"]["name"] == candidate.full_name
    assert [h["statusName"] for h in body["statusHistory"]] == ["Intake"]
    listed = client.get(
        f"/api/v1/trajectories?chainId={chain.id}&status=open&pageSize=10", headers=headers
    ).json()
    assert [t["id"] for t in listed["items"]] == [body["id"]] and listed["total"] == 1


def _start(client: Any, headers: dict[str, str], candidate: Any, chain: Any) -> dict[str, Any]:
    response = client.post(
        "/api/v1/trajectories",
        json={"candidateId": candidate.id, "chainId": chain.id, "goal": "Werk"},
        headers=headers,
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def test_phase_two_without_employer_is_409_and_changes_nothing(db: Session, client: Any) -> None:
    chain = make_chain(db)
    _, candidate, headers = _coach_with_candidate(db, client)
    started = _start(client, headers, candidate, chain)
    trial = status_named_api(client, headers, chain, "Proefplaatsing")
    url = f"/api/v1/trajectories/{started['id']}"

    refused = client.post(url + "/status-changes", json={"statusId": trial}, headers=headers)

    assert refused.status_code == 409
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert "werkgever" in refused.json()["detail"]
    after = client.get(url, headers=headers).json()
    assert after["status"]["name"] == "Intake" and after["version"] == started["version"]
    employer = make_employer(db)
    moved = client.post(
        url + "/status-changes",
        json={"statusId": trial, "employerId": employer.id},
        headers=headers,
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["employerId"] == employer.id


def _phases(client: Any, headers: dict[str, str], chain: Any) -> list[dict[str, Any]]:
    phases: list[dict[str, Any]] = client.get(f"/api/v1/chains/{chain.id}", headers=headers).json()[
        "phases"
    ]
    return phases


def test_handover_to_own_organisation_is_409(db: Session, client: Any) -> None:
    chain = make_chain(db)
    coach, candidate, headers = _coach_with_candidate(db, client)
    colleague = make_user(db, Role.COACH, organisation=db.get(Organisation, coach.organisation_id))
    started = _start(client, headers, candidate, chain)

    refused = client.post(
        "/api/v1/handovers",
        json={"trajectoryId": started["id"], "toUserId": colleague.id, "message": "graag"},
        headers=headers,
    )

    assert refused.status_code == 409
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert "andere organisatie" in refused.json()["detail"]
    assert client.get("/api/v1/handovers", headers=headers).json() == []


def test_wrong_input_is_400_with_every_field(db: Session, client: Any) -> None:
    _, _, headers = _coach_with_candidate(db, client)

    response = client.post("/api/v1/trajectories", json={"goal": ""}, headers=headers)

    assert response.status_code == 400
    names = {p["name"] for p in response.json()["invalidParams"]}
    assert {"candidateId", "chainId", "goal"} <= names


def test_a_stale_if_match_is_412(db: Session, client: Any) -> None:
    chain = make_chain(db)
    _, candidate, headers = _coach_with_candidate(db, client)
    started = _start(client, headers, candidate, chain)
    scholing = status_named_api(client, headers, chain, "Scholing")

    response = client.post(
        f"/api/v1/trajectories/{started['id']}/status-changes",
        json={"statusId": scholing},
        headers={**headers, "If-Match": '"99"'},
    )

    assert response.status_code == 412


def status_named_api(client: Any, headers: dict[str, str], chain: Any, name: str) -> int:
    return int(
        next(
            s["id"]
            for p in _phases(client, headers, chain)
            for s in p["statuses"]
            if s["name"] == name
        )
    )
