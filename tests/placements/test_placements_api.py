"""The placements API contract: shapes others rely on, follow-ups 1/3/6/12 months after
the start, refusals as problem+json that say why and change nothing, and who may not."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy.orm import Session

from ontschot import clock
from ontschot.access.roles import Role
from tests.cases.placement_helpers import Ready, ready_to_place, snapshot
from tests.factories import login_as, make_user

NOW = datetime(2026, 6, 15, 10, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _frozen() -> Any:
    with clock.frozen(NOW):
        yield


def _body(ready: Ready, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "trajectoryId": ready.trajectory.id,
        "employerId": ready.employer.id,
        "vacancyId": ready.vacancy.id,
        "startDate": "2026-01-31",
        "hoursPerWeek": 32,
        "contractType": "fixed_term",
        "paid": True,
    }
    body.update(overrides)
    return body


def test_post_placement_then_get_it_with_its_follow_ups(db: Session, client: Any) -> None:
    ready = ready_to_place(db)
    headers = login_as(client, db, ready.coach)

    created = client.post(
        "/api/v1/placements",
        json=_body(ready, wageCents=1450, wagePeriod="hour", contractMonths=12),
        headers=headers,
    )

    assert created.status_code == 201, created.text
    body = created.json()
    got = client.get(f"/api/v1/placements/{body['id']}", headers=headers)
    assert got.status_code == 200
    placement = got.json()
    assert [f["dueDate"] for f in placement["followUps"]] == [
        "2026-02-28",
        "2026-04-30",
        "2026-07-31",
        "2027-01-31",
    ]
    assert all(f["doneAt"] is None and f["outcome"] is None for f in placement["followUps"])
    assert placement["introductionId"] == ready.introduction.id
    assert placement["wageCents"] == 1450 and placement["durable"] is None
    assert "12 uur" in placement["durableDefinition"]
    intro = client.get(
        f"/api/v1/introductions?candidateId={ready.trajectory.candidate_id}", headers=headers
    ).json()
    intros = intro["items"] if isinstance(intro, dict) else intro
    assert intros[0]["status"] == "placed"
    listed = client.get(
        f"/api/v1/placements?trajectoryId={ready.trajectory.id}", headers=headers
    ).json()
    assert [p["id"] for p in listed] == [body["id"]]
    by_candidate = client.get(
        f"/api/v1/placements?candidateId={ready.trajectory.candidate_id}", headers=headers
    ).json()
    assert [p["id"] for p in by_candidate] == [body["id"]]


def test_record_a_follow_up_and_end_the_placement(db: Session, client: Any) -> None:
    ready = ready_to_place(db)
    headers = login_as(client, db, ready.coach)
    pid = client.post("/api/v1/placements", json=_body(ready), headers=headers).json()["id"]

    recorded = client.post(
        f"/api/v1/placements/{pid}/follow-ups",
        json={"contactDate": "2026-03-02", "stillWorking": True, "sameHours": True},
        headers=headers,
    )

    assert recorded.status_code == 200, recorded.text
    first, second = recorded.json()["followUps"][:2]
    assert first["outcome"] == "working" and first["doneAt"] is not None
    assert second["doneAt"] is None and second["dueDate"] == "2026-04-30"
    ended = client.post(
        f"/api/v1/placements/{pid}/ending",
        json={"endDate": "2026-05-01", "reason": "dismissed", "reasonText": "Reorganisatie"},
        headers=headers,
    )
    assert ended.status_code == 200, ended.text
    assert ended.json()["endedOn"] == "2026-05-01" and ended.json()["durable"] is False


def _refused(
    db: Session, client: Any, headers: dict[str, str], url: str, body: dict[str, Any]
) -> Any:
    before = snapshot(db, with_log=False, api=True)
    response = client.post(url, json=body, headers=headers)
    assert response.headers["content-type"].startswith("application/problem+json")
    assert snapshot(db, with_log=False, api=True) == before
    return response


def test_a_placement_without_a_proposal_is_409_and_changes_nothing(
    db: Session, client: Any
) -> None:
    ready = ready_to_place(db)
    headers = login_as(client, db, ready.coach)
    from tests.factories import make_employer, make_vacancy

    stranger = make_employer(db)
    vacancy = make_vacancy(db, make_user(db, Role.EMPLOYER_ADVISER), stranger)

    response = _refused(
        db,
        client,
        headers,
        "/api/v1/placements",
        _body(ready, employerId=stranger.id, vacancyId=vacancy.id),
    )

    assert response.status_code == 409
    assert "geen lopend voorstel" in response.json()["detail"]


def test_a_trial_longer_than_two_months_is_400_and_changes_nothing(
    db: Session, client: Any
) -> None:
    ready = ready_to_place(db)
    headers = login_as(client, db, ready.coach)

    response = _refused(
        db,
        client,
        headers,
        "/api/v1/placements",
        _body(ready, paid=False, contractMonths=3, intendedContractMonths=12),
    )

    assert response.status_code == 400
    assert "hoogstens 2 maanden" in response.json()["detail"]
    names = {p["name"] for p in response.json()["invalidParams"]}
    assert "contractMonths" in names


def test_a_paid_placement_outside_phase_two_is_409_and_changes_nothing(
    db: Session, client: Any
) -> None:
    ready = ready_to_place(db, phase_two=False)
    headers = login_as(client, db, ready.coach)

    response = _refused(db, client, headers, "/api/v1/placements", _body(ready))

    assert response.status_code == 409
    assert "fase 2" in response.json()["detail"]


def test_follow_up_before_start_and_on_an_ended_placement_change_nothing(
    db: Session, client: Any
) -> None:
    ready = ready_to_place(db)
    headers = login_as(client, db, ready.coach)
    pid = client.post("/api/v1/placements", json=_body(ready), headers=headers).json()["id"]
    url = f"/api/v1/placements/{pid}/follow-ups"

    early = _refused(db, client, headers, url, {"contactDate": "2026-01-30", "stillWorking": True})
    assert early.status_code == 400 and "vóór de start" in early.text

    client.post(
        f"/api/v1/placements/{pid}/ending",
        json={"endDate": "2026-03-01", "reason": "resigned"},
        headers=headers,
    )
    late = _refused(db, client, headers, url, {"contactDate": "2026-03-02", "stillWorking": False})
    assert late.status_code == 409 and "beëindigd" in late.json()["detail"]


@pytest.mark.parametrize("role", [Role.COACH, Role.ANALYST, Role.EMPLOYER])
def test_others_cannot_place_read_or_record(db: Session, client: Any, role: Role) -> None:
    ready = ready_to_place(db)
    owner = login_as(client, db, ready.coach)
    pid = client.post("/api/v1/placements", json=_body(ready), headers=owner).json()["id"]
    second = ready_to_place(db)
    client.cookies.clear()
    headers = login_as(client, db, make_user(db, role))

    create = _refused(db, client, headers, "/api/v1/placements", _body(second))
    follow = _refused(
        db,
        client,
        headers,
        f"/api/v1/placements/{pid}/follow-ups",
        {"contactDate": "2026-03-02", "stillWorking": True},
    )
    read = client.get(f"/api/v1/placements/{pid}", headers=headers)

    expected = 404 if role == Role.COACH else 403
    assert create.status_code == expected
    assert follow.status_code == expected and read.status_code == expected
    if role == Role.COACH:
        assert client.get("/api/v1/placements", headers=headers).json() == []
