"""Registering, reading and changing candidates through the API, under the permissions."""

from __future__ import annotations

from sqlalchemy import func, select

from ontschot.access.roles import Role
from ontschot.audit.models import AuditEntry
from ontschot.people.models import CandidateVersion
from tests.factories import (
    ESCO_SKILL_B,
    api_token_headers,
    candidate_payload,
    login_as,
    make_candidate,
    make_organisation,
    make_user,
)

VALID_BSN = "111222333"


def _audit_count(db) -> int:
    return db.scalar(select(func.count()).select_from(AuditEntry)) or 0


def test_coach_registers_candidate_and_reads_full_profile(client, db):
    # given a coach of a gemeente
    coach = make_user(db, Role.COACH)
    headers = login_as(client, db, coach)
    # when the coach registers a candidate with a BSN
    created = client.post(
        "/api/v1/candidates", json=candidate_payload(bsn=VALID_BSN), headers=headers
    )
    # then the profile is stored in the coach's caseload and the BSN is never returned
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["view"] == "full"
    assert body["coachUserId"] == coach.id
    assert body["organisationId"] == coach.organisation_id
    assert body["hasBsn"] is True
    assert VALID_BSN not in created.text
    assert body["region"] == "Twente"
    assert body["workHistory"][0]["occupationUri"].startswith("http://data.europa.eu/esco/")
    got = client.get(f"/api/v1/candidates/{body['id']}", headers=headers)
    assert got.status_code == 200
    assert got.json()["firstName"] == "Sanne"


def test_invalid_input_lists_every_field_and_never_echoes_the_bsn(client, db):
    coach = make_user(db, Role.COACH)
    headers = login_as(client, db, coach)
    bad = candidate_payload(
        bsn="123456789", municipality="Atlantis", hoursMin=40, hoursMax=20, drivingLicences=["Z"]
    )
    response = client.post("/api/v1/candidates", json=bad, headers=headers)
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/problem+json")
    names = {e["name"] for e in response.json()["invalidParams"]}
    assert {"bsn", "municipality", "drivingLicences.0"} <= names
    assert "123456789" not in response.text


def test_same_bsn_cannot_be_registered_twice_in_the_region(client, db):
    coach = make_user(db, Role.COACH)
    other = make_user(db, Role.COACH)  # another organisation
    make_candidate(db, coach, bsn=VALID_BSN)
    response = client.post(
        "/api/v1/candidates",
        json=candidate_payload(bsn=VALID_BSN),
        headers=login_as(client, db, other),
    )
    assert response.status_code == 409


def test_every_change_is_versioned_with_who_and_what(client, db):
    coach = make_user(db, Role.COACH, display_name="Coach Anja")
    candidate = make_candidate(db, coach)
    headers = login_as(client, db, coach)
    response = client.patch(
        f"/api/v1/candidates/{candidate.id}",
        json={"municipality": "Hengelo", "bsn": VALID_BSN},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["version"] == 2
    versions = client.get(f"/api/v1/candidates/{candidate.id}/versions", headers=headers).json()
    latest = versions[0]
    assert latest["changedByName"] == "Coach Anja"
    assert latest["changes"]["municipality"] == {"old": "Enschede", "new": "Hengelo"}
    assert VALID_BSN not in str(latest["changes"])
    stored = db.scalars(select(CandidateVersion.changes)).all()
    assert all(VALID_BSN not in str(c) for c in stored)


def test_coach_of_other_organisation_cannot_change_candidate(client, db):
    coach = make_user(db, Role.COACH)
    stranger = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach, consents=[("share_profile", "all")])
    response = client.patch(
        f"/api/v1/candidates/{candidate.id}",
        json={"notes": "x"},
        headers=login_as(client, db, stranger),
    )
    assert response.status_code == 403


def test_every_view_of_personal_data_writes_exactly_one_log_entry(client, db):
    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach)
    headers = login_as(client, db, coach)
    for path in (
        f"/api/v1/candidates/{candidate.id}",
        "/api/v1/candidates",
        f"/api/v1/candidates/{candidate.id}/versions",
    ):
        before = _audit_count(db)
        assert client.get(path, headers=headers).status_code == 200
        assert _audit_count(db) - before == 1, path


def test_list_filters_by_caseload_municipality_benefit_and_name(client, db):
    org = make_organisation(db)
    coach = make_user(db, Role.COACH, organisation=org)
    colleague = make_user(db, Role.COACH, organisation=org)
    make_candidate(
        db, coach, firstName="Piet", lastName="Jansen", municipality="Hengelo", benefit="bijstand"
    )
    make_candidate(db, colleague, firstName="Karin", lastName="Smit", benefit="ww")
    headers = login_as(client, db, coach)
    own = client.get("/api/v1/candidates?caseload=own", headers=headers).json()
    assert [i["name"] for i in own["items"]] == ["Piet Jansen"]
    everyone = client.get("/api/v1/candidates", headers=headers).json()
    assert everyone["total"] == 2
    assert (
        client.get("/api/v1/candidates?municipality=Hengelo", headers=headers).json()["total"] == 1
    )
    assert client.get("/api/v1/candidates?benefit=ww", headers=headers).json()["total"] == 1
    by_name = client.get("/api/v1/candidates?q=smi", headers=headers).json()
    assert [i["name"] for i in by_name["items"]] == ["Karin Smit"]


def test_skills_are_added_with_their_source_through_a_token(client, db):
    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach)
    headers = api_token_headers(db, coach, ["candidate.update", "candidate.read"])
    response = client.post(
        f"/api/v1/candidates/{candidate.id}/skills",
        headers=headers,
        json={"skillUris": [ESCO_SKILL_B], "source": "coach_confirmed"},
    )
    assert response.status_code == 201, response.text
    profile = client.get(f"/api/v1/candidates/{candidate.id}", headers=headers).json()
    sources = {(s["skillUri"], s["source"]) for s in profile["skills"]}
    assert (ESCO_SKILL_B, "coach_confirmed") in sources


def test_analyst_sees_no_personal_data(client, db):
    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach)
    analyst = make_user(db, Role.ANALYST, organisation=make_organisation(db))
    headers = login_as(client, db, analyst)
    assert client.get("/api/v1/candidates", headers=headers).status_code == 403
    assert client.get(f"/api/v1/candidates/{candidate.id}", headers=headers).status_code == 403


def test_partner_finds_candidate_by_bsn_in_the_body_only_when_visible(client, db):
    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach, bsn=VALID_BSN)
    found = client.post(
        "/api/v1/candidate-lookups", json={"bsn": VALID_BSN}, headers=login_as(client, db, coach)
    )
    assert found.status_code == 200 and found.json()["id"] == candidate.id
    assert VALID_BSN not in found.text
    client.cookies.clear()
    stranger = login_as(client, db, make_user(db, Role.COACH))
    hidden = client.post("/api/v1/candidate-lookups", json={"bsn": VALID_BSN}, headers=stranger)
    assert hidden.status_code == 404
