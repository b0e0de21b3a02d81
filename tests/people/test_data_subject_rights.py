"""Export, erasure and 'who looked at my data'."""

from __future__ import annotations

from sqlalchemy import func, select

from ontschot.access.roles import Role
from ontschot.people.models import Candidate, CandidateSkill
from tests.factories import login_as, make_candidate, make_organisation, make_user

VALID_BSN = "111222333"


def test_export_contains_every_part_of_the_profile(client, db):
    org = make_organisation(db)
    coach = make_user(db, Role.COACH, organisation=org)
    candidate = make_candidate(db, coach, bsn=VALID_BSN, consents=[("share_profile", "all")])
    response = client.get(
        f"/api/v1/candidates/{candidate.id}/export", headers=login_as(client, db, coach)
    )
    assert response.status_code == 200
    data = response.json()
    assert data["profile"]["bsn"] == VALID_BSN
    assert data["profile"]["workHistory"][0]["employerName"] == "Hotel De Kroon"
    assert data["consents"][0]["purpose"] == "share_profile"
    assert data["history"][0]["summary"] == "ingeschreven"


def test_erasure_removes_personal_data_but_keeps_statistics(client, db):
    org = make_organisation(db)
    coach = make_user(db, Role.COACH, organisation=org)
    admin = make_user(db, Role.PARTNER_ADMIN, organisation=org)
    candidate = make_candidate(db, coach, bsn=VALID_BSN, firstName="Ilse")
    response = client.post(
        f"/api/v1/candidates/{candidate.id}/erasure",
        json={"reason": "verzoek betrokkene"},
        headers=login_as(client, db, admin),
    )
    assert response.status_code == 204, response.text
    db.expire_all()
    row = db.get(Candidate, candidate.id)
    assert row.erased_at is not None
    assert (row.bsn, row.email, row.phone, row.birth_date) == (None, None, None, None)
    assert "Ilse" not in row.full_name
    assert row.municipality == "Enschede" and row.benefit == "ww"
    assert (
        db.scalar(
            select(func.count())
            .select_from(CandidateSkill)
            .where(CandidateSkill.candidate_id == candidate.id)
        )
        == 1
    )
    client.cookies.clear()
    assert (
        client.get(
            f"/api/v1/candidates/{candidate.id}", headers=login_as(client, db, coach)
        ).status_code
        == 404
    )


def test_coach_may_not_erase(client, db):
    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach)
    response = client.post(
        f"/api/v1/candidates/{candidate.id}/erasure",
        json={"reason": "verzoek"},
        headers=login_as(client, db, coach),
    )
    assert response.status_code == 403


def test_access_log_shows_who_viewed_the_candidate(client, db):
    org = make_organisation(db)
    coach = make_user(db, Role.COACH, organisation=org, display_name="Coach Bram")
    candidate = make_candidate(db, coach, consents=[("share_profile", "all")])
    viewer = make_user(db, Role.EMPLOYER_ADVISER, display_name="Adviseur Eva")
    client.get(f"/api/v1/candidates/{candidate.id}", headers=login_as(client, db, viewer))
    client.cookies.clear()
    log = client.get(
        f"/api/v1/candidates/{candidate.id}/access-log", headers=login_as(client, db, coach)
    )
    assert log.status_code == 200, log.text
    who = {(e["actorDisplay"], e["action"]) for e in log.json()}
    assert ("Adviseur Eva", "candidate.read.full") in who
    assert ("Coach Bram", "candidate.create") in who
