"""Contact moments with candidates (personal data: visibility, log, export, erasure) and
with employers (the employer's scope)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from ontschot import clock, errors
from ontschot.access.roles import Role
from ontschot.audit.models import AuditEntry
from ontschot.contacts import service
from ontschot.contacts.models import ContactMoment
from ontschot.contacts.schemas import ContactMomentIn
from tests.factories import (
    actor_of,
    login_as,
    make_candidate,
    make_employer,
    make_organisation,
    make_user,
)


def _moment(**overrides: object) -> ContactMomentIn:
    values: dict[str, object] = {
        "kind": "conversation",
        "occurred_on": clock.today(),
        "summary": "Besproken: proefplaatsing in de zorg.",
        "next_action": "Cv sturen naar Zorggroep Twente",
        "next_action_due": clock.today() + timedelta(days=7),
    }
    values.update(overrides)
    return ContactMomentIn.model_validate(values)


def _count(db) -> tuple[int, int]:
    return (
        db.scalar(select(func.count()).select_from(ContactMoment)) or 0,
        db.scalar(select(func.count()).select_from(AuditEntry)) or 0,
    )


def test_a_coach_records_and_reads_a_contact_moment_and_the_read_is_logged(db):
    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach)
    service.record_candidate_contact(
        db, actor=actor_of(coach), candidate_id=candidate.id, data=_moment()
    )
    _, rows = service.read_candidate_contacts(db, actor=actor_of(coach), candidate_id=candidate.id)
    assert [(r.kind, r.next_action) for r in rows] == [
        ("conversation", "Cv sturen naar Zorggroep Twente")
    ]
    logged = db.scalars(
        select(AuditEntry.action).where(AuditEntry.object_type == "contact_moment")
    ).all()
    assert sorted(logged) == ["contact_moment.create", "contact_moment.read"]


def test_a_contact_moment_in_the_future_or_an_action_due_before_it_is_refused(db):
    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach)
    before = _count(db)
    with pytest.raises(errors.Invalid) as refused:
        service.record_candidate_contact(
            db,
            actor=actor_of(coach),
            candidate_id=candidate.id,
            data=_moment(
                occurred_on=clock.today() + timedelta(days=1),
                next_action_due=clock.today(),
            ),
        )
    assert set(refused.value.fields) == {"occurred_on", "next_action_due"}
    assert _count(db) == before


def test_another_organisation_sees_no_contact_moments_of_a_person_it_may_not_see(db):
    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach, consents=[("employer_suggestions", "all")])
    service.record_candidate_contact(
        db, actor=actor_of(coach), candidate_id=candidate.id, data=_moment()
    )
    stranger = make_user(db, Role.COACH, organisation=make_organisation(db, kind="uitzendbureau"))
    before = _count(db)
    # anonymised only (by the consent): notes about the person stay hidden
    with pytest.raises(errors.NotFound):
        service.read_candidate_contacts(db, actor=actor_of(stranger), candidate_id=candidate.id)
    with pytest.raises(errors.Forbidden):
        service.record_candidate_contact(
            db, actor=actor_of(stranger), candidate_id=candidate.id, data=_moment()
        )
    assert _count(db) == before


def test_a_partner_who_sees_the_profile_by_consent_sees_the_contact_moments(db):
    coach = make_user(db, Role.COACH, organisation=make_organisation(db, kind="gemeente"))
    candidate = make_candidate(db, coach, consents=[("share_profile", "uitzendbureau")])
    service.record_candidate_contact(
        db, actor=actor_of(coach), candidate_id=candidate.id, data=_moment()
    )
    agency = make_user(db, Role.COACH, organisation=make_organisation(db, kind="uitzendbureau"))
    _, rows = service.read_candidate_contacts(db, actor=actor_of(agency), candidate_id=candidate.id)
    assert len(rows) == 1


def test_the_analyst_reads_no_contact_moments(db):
    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach)
    analyst = make_user(db, Role.ANALYST)
    with pytest.raises(errors.Forbidden):
        service.read_candidate_contacts(db, actor=actor_of(analyst), candidate_id=candidate.id)


def test_contact_moments_are_exported_and_erased_with_the_person(db):
    from ontschot.people.rights import erase_candidate, export_candidate_data

    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach)
    service.record_candidate_contact(
        db, actor=actor_of(coach), candidate_id=candidate.id, data=_moment()
    )
    export = export_candidate_data(db, actor=actor_of(coach), candidate_id=candidate.id)
    assert export["contactMoments"][0]["summary"].startswith("Besproken")
    admin = make_user(db, Role.PARTNER_ADMIN, organisation=coach.organisation)
    erase_candidate(db, actor=actor_of(admin), candidate_id=candidate.id, reason="verzoek")
    db.expire_all()
    row = db.scalar(select(ContactMoment).where(ContactMoment.candidate_id == candidate.id))
    assert row is not None and row.summary == "Verwijderd" and row.next_action is None
    assert row.kind == "conversation" and row.next_action_due is not None


def test_employer_contact_moments_follow_the_partner_administrators_scope(db):
    home = make_organisation(db, kind="gemeente")
    other = make_organisation(db, kind="werkgever")
    admin = make_user(db, Role.PARTNER_ADMIN, organisation=home)
    theirs = make_employer(db, organisation=other)
    free = make_employer(db)
    before = _count(db)
    with pytest.raises(errors.Forbidden):
        service.record_employer_contact(
            db, actor=actor_of(admin), employer_id=theirs.id, data=_moment()
        )
    assert _count(db) == before
    service.record_employer_contact(db, actor=actor_of(admin), employer_id=free.id, data=_moment())
    _, rows = service.employer_contacts(db, actor=actor_of(admin), employer_id=free.id)
    assert len(rows) == 1


def test_api_contact_moments_of_a_candidate(client, db):
    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach)
    headers = login_as(client, db, coach)
    url = f"/api/v1/candidates/{candidate.id}/contact-moments"
    bad = client.post(url, json={"kind": "fax", "occurredOn": "gisteren"}, headers=headers)
    assert bad.status_code == 400
    assert bad.headers["content-type"].startswith("application/problem+json")
    assert {p["name"] for p in bad.json()["invalidParams"]} >= {"kind", "occurredOn", "summary"}
    made = client.post(
        url,
        json={
            "kind": "phone",
            "occurredOn": date.today().isoformat(),
            "summary": "Gebeld",
            "nextAction": "Terugbellen",
            "nextActionDue": (date.today() + timedelta(days=2)).isoformat(),
        },
        headers=headers,
    )
    assert made.status_code == 201 and made.json()["nextAction"] == "Terugbellen"
    listed = client.get(url, headers=headers).json()
    assert [m["kind"] for m in listed] == ["phone"]
