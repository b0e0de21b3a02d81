"""Regressions for the defects found when the joints were reviewed (issue 10)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ontschot.access.roles import Role
from ontschot.audit.models import AuditEntry
from ontschot.audit.service import pseudonymise
from ontschot.people.models import AccessGrant, Candidate, Introduction
from tests.factories import (
    actor_of,
    allow_employers,
    login_as,
    make_candidate,
    make_employer,
    make_organisation,
    make_user,
)


def _count(db: Session, model: Any) -> int:
    return db.scalar(select(func.count()).select_from(model)) or 0


def test_a_refused_history_read_logs_no_success(client: Any, db: Session) -> None:
    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach, consents=[("employer_suggestions", "all")])
    # Another organisation's coach sees this candidate anonymised only: no history for them.
    outsider = make_user(db, Role.COACH)
    headers = login_as(client, db, outsider)
    before = db.scalar(select(func.max(AuditEntry.id))) or 0

    got = client.get(f"/api/v1/candidates/{candidate.id}/versions", headers=headers)

    assert got.status_code == 404
    new = db.scalars(select(AuditEntry).where(AuditEntry.id > before)).all()
    assert [e.result for e in new] == ["denied"]
    assert new[0].subject_pseudonym == pseudonymise(candidate.subject_key)


def test_a_shown_history_read_logs_one_entry_with_what_was_shown(client: Any, db: Session) -> None:
    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach)
    headers = login_as(client, db, coach)
    before = _count(db, AuditEntry)

    got = client.get(f"/api/v1/candidates/{candidate.id}/versions", headers=headers)

    assert got.status_code == 200
    assert _count(db, AuditEntry) == before + 1
    last = db.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert last is not None and last.action == "candidate.versions.read"
    assert last.subject_pseudonym == pseudonymise(candidate.subject_key)


def test_patch_with_minimum_hours_above_maximum_names_both_fields(client: Any, db: Session) -> None:
    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach)
    headers = login_as(client, db, coach)

    got = client.patch(
        f"/api/v1/candidates/{candidate.id}", json={"hoursMin": 40, "hoursMax": 20}, headers=headers
    )

    assert got.status_code == 400
    assert got.headers["content-type"].startswith("application/problem+json")
    names = {p["name"] for p in got.json()["invalidParams"]}
    assert names == {"hoursMin", "hoursMax"}
    db.expire_all()
    assert db.get(Candidate, candidate.id).hours_min == 24


def test_patch_of_one_bound_is_checked_against_the_stored_other(client: Any, db: Session) -> None:
    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach)  # hours 24 to 36
    headers = login_as(client, db, coach)

    got = client.patch(f"/api/v1/candidates/{candidate.id}", json={"hoursMin": 38}, headers=headers)

    assert got.status_code == 400
    assert {p["name"] for p in got.json()["invalidParams"]} == {"hoursMin", "hoursMax"}


def test_a_required_field_cannot_be_emptied_by_patch(client: Any, db: Session) -> None:
    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach)
    headers = login_as(client, db, coach)

    got = client.patch(f"/api/v1/candidates/{candidate.id}", json={"status": None}, headers=headers)

    assert got.status_code == 400
    assert [p["name"] for p in got.json()["invalidParams"]] == ["status"]


def test_an_introduction_stays_readable_after_500_newer_ones(client: Any, db: Session) -> None:
    from ontschot.people.consent import record_introduction

    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach)
    allow_employers(db, coach, candidate)
    employer_org = make_organisation(db, kind="werkgever")
    employer = make_employer(db, organisation=employer_org)
    first = record_introduction(
        db, actor=actor_of(coach), candidate_id=candidate.id, employer_id=employer.id
    )
    db.add_all(Introduction(candidate_id=candidate.id, employer_id=employer.id) for _ in range(500))
    db.commit()
    boss = make_user(db, Role.EMPLOYER, organisation=employer_org)

    got = client.get(f"/api/v1/introductions/{first.id}", headers=login_as(client, db, boss))

    assert got.status_code == 200
    assert got.json()["candidate"]["lastName"] == candidate.last_name


def test_an_introduction_without_consent_for_employers_is_refused(client: Any, db: Session) -> None:
    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach)  # no consent at all
    employer = make_employer(db, organisation=make_organisation(db, kind="werkgever"))
    headers = login_as(client, db, coach)
    before = (_count(db, Introduction), _count(db, AccessGrant), _count(db, AuditEntry))

    got = client.post(
        f"/api/v1/candidates/{candidate.id}/introductions",
        json={"employerId": employer.id},
        headers=headers,
    )

    assert got.status_code == 409
    assert "toestemming" in got.json()["detail"]
    after = (_count(db, Introduction), _count(db, AccessGrant), _count(db, AuditEntry))
    assert after == before


def test_withdrawing_consent_revokes_its_grant_and_hides_the_candidate(db: Session) -> None:
    from ontschot.people.consent import withdraw_consent
    from ontschot.people.visibility import View, view_for

    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach, consents=[("share_profile", "all")])
    outsider = actor_of(make_user(db, Role.COACH))
    assert view_for(outsider, candidate, db) == View.FULL

    withdraw_consent(
        db, actor=actor_of(coach), candidate_id=candidate.id, consent_id=candidate.consents[0].id
    )

    assert view_for(outsider, candidate, db) == View.NONE
    grant = db.scalars(select(AccessGrant).where(AccessGrant.candidate_id == candidate.id)).one()
    assert grant.revoked_at is not None and grant.basis == "consent"


def test_a_grant_outside_its_period_gives_no_access(db: Session) -> None:
    from datetime import timedelta

    from ontschot import clock
    from ontschot.people.grants import Basis, GrantView, grant
    from ontschot.people.visibility import View, view_for

    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach)
    receiver = make_user(db, Role.COACH)
    start = clock.now() + timedelta(days=1)
    grant(
        db,
        candidate_id=candidate.id,
        organisation_id=receiver.organisation_id,
        view=GrantView.FULL,
        purpose="warme overdracht",
        basis=Basis.HANDOVER,
        source_type="test",
        source_id=None,
        valid_from=start,
        valid_until=start + timedelta(days=30),
    )
    db.commit()
    receiving = actor_of(receiver)
    assert view_for(receiving, candidate, db) == View.NONE
    with clock.frozen(start + timedelta(days=2)):
        assert view_for(receiving, candidate, db) == View.FULL
    with clock.frozen(start + timedelta(days=31)):
        assert view_for(receiving, candidate, db) == View.NONE


def _person_with_digest(region_code: str, digest: str, municipality: str) -> Candidate:
    """A bare candidate row, written past the service: only the database decides."""
    return Candidate(
        first_name="Proef",
        last_name=region_code,
        name_search=f"proef {region_code}",
        municipality=municipality,
        benefit="ww",
        region_code=region_code,
        bsn_digest=digest,
    )


def test_the_database_itself_refuses_the_same_bsn_twice_in_a_region(db: Session) -> None:
    from ontschot.people.service import bsn_digest

    digest = bsn_digest("111222333")
    db.add(_person_with_digest("twente", digest, "Hengelo"))
    db.flush()
    with pytest.raises(IntegrityError), db.begin_nested():
        db.add(_person_with_digest("twente", digest, "Hengelo"))
        db.flush()
    db.add(_person_with_digest("ijsselvechtstreek", digest, "Zwolle"))
    db.flush()  # another region may know the same person


def test_an_etag_guards_against_a_lost_update(client: Any, db: Session) -> None:
    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach)
    headers = login_as(client, db, coach)
    read = client.get(f"/api/v1/candidates/{candidate.id}", headers=headers)
    etag = read.headers["ETag"]

    first = client.patch(
        f"/api/v1/candidates/{candidate.id}",
        json={"notes": "eerste"},
        headers=headers | {"If-Match": etag},
    )
    stale = client.patch(
        f"/api/v1/candidates/{candidate.id}",
        json={"notes": "tweede"},
        headers=headers | {"If-Match": etag},
    )

    assert first.status_code == 200 and first.headers["ETag"] != etag
    assert stale.status_code == 412
    assert "intussen door iemand anders gewijzigd" in stale.json()["detail"]
    db.expire_all()
    assert db.get(Candidate, candidate.id).notes == "eerste"


def test_a_vacancy_patch_that_sends_a_known_skill_again_keeps_it(client: Any, db: Session) -> None:
    from tests.factories import ESCO_SKILL_A, ESCO_SKILL_B, make_vacancy

    adviser = make_user(db, Role.EMPLOYER_ADVISER)
    vacancy = make_vacancy(db, adviser, make_employer(db), skills=[ESCO_SKILL_A])
    headers = login_as(client, db, adviser)

    got = client.patch(
        f"/api/v1/vacancies/{vacancy.id}",
        json={"essentialSkills": [ESCO_SKILL_A, ESCO_SKILL_B]},
        headers=headers,
    )

    assert got.status_code == 200, got.text
    assert set(got.json()["essentialSkills"]) == {ESCO_SKILL_A, ESCO_SKILL_B}
