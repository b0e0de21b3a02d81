"""Consent decides who outside the owning organisation sees a candidate, and how much."""

from __future__ import annotations

from ontschot.access.roles import Role
from ontschot.people.visibility import View, view_for, visible_candidates_query
from tests.factories import (
    ESCO_SKILL_A,
    actor_of,
    allow_employers,
    login_as,
    make_candidate,
    make_employer,
    make_organisation,
    make_user,
    make_vacancy,
)


def test_withdrawn_consent_hides_candidate_from_temp_agency_at_once(client, db):
    # given a candidate of a gemeente who shares the profile with temp agencies
    coach = make_user(db, Role.COACH, organisation=make_organisation(db, kind="gemeente"))
    candidate = make_candidate(db, coach, consents=[("share_profile", "uitzendbureau")])
    agency = make_user(db, Role.COACH, organisation=make_organisation(db, kind="uitzendbureau"))
    agency_headers = login_as(client, db, agency)
    assert (
        client.get(f"/api/v1/candidates/{candidate.id}", headers=agency_headers).json()["view"]
        == "full"
    )
    assert client.get("/api/v1/candidates", headers=agency_headers).json()["total"] == 1
    # when the coach withdraws that consent
    consent_id = candidate.consents[0].id
    client.cookies.clear()
    withdrawn = client.post(
        f"/api/v1/candidates/{candidate.id}/consents/{consent_id}/withdrawal",
        headers=login_as(client, db, coach),
    )
    assert withdrawn.status_code == 200 and withdrawn.json()["isActive"] is False
    # then the temp agency no longer finds the candidate, in the list or by id
    client.cookies.clear()
    agency_headers = login_as(client, db, agency)
    assert client.get("/api/v1/candidates", headers=agency_headers).json()["total"] == 0
    assert (
        client.get(f"/api/v1/candidates/{candidate.id}", headers=agency_headers).status_code == 404
    )


def test_consent_for_one_partner_category_does_not_open_others(db):
    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach, consents=[("share_profile", "onderwijs")])
    school = make_user(db, Role.COACH, organisation=make_organisation(db, kind="onderwijs"))
    agency = make_user(db, Role.COACH, organisation=make_organisation(db, kind="uitzendbureau"))
    assert view_for(actor_of(school), candidate) == View.FULL
    assert view_for(actor_of(agency), candidate) == View.NONE


def test_employer_sees_anonymised_profile_until_introduction(client, db):
    # given a candidate who allows anonymous suggestions to employers
    coach = make_user(db, Role.COACH)
    candidate = make_candidate(
        db,
        coach,
        firstName="Fatima",
        lastName="El Amrani",
        consents=[("employer_suggestions", "all")],
    )
    employer_org = make_organisation(db, kind="werkgever")
    employer = make_employer(db, organisation=employer_org)
    boss = make_user(db, Role.EMPLOYER, organisation=employer_org)
    # then the employer sees the anonymised view: no name, contact or birth date
    assert view_for(actor_of(boss), candidate) == View.ANONYMISED
    vacancy = make_vacancy(db, coach, employer, skills=[ESCO_SKILL_A])
    headers = login_as(client, db, boss)
    response = client.get(f"/api/v1/candidate-suggestions?vacancyId={vacancy.id}", headers=headers)
    assert response.status_code == 200, response.text
    [suggestion] = response.json()
    assert suggestion["sharedSkills"] == 1
    shown = suggestion["candidate"]
    assert shown["view"] == "anonymised" and shown["region"] == "Twente"
    for secret in ("Fatima", "El Amrani", "example.nl", "0612345678", "Hotel De Kroon"):
        assert secret not in response.text
    assert not {"firstName", "email", "phone", "birthDate", "bsn"} & set(shown)
    # when the candidate agrees to an introduction to this employer
    client.cookies.clear()
    intro = client.post(
        f"/api/v1/candidates/{candidate.id}/introductions",
        json={"employerId": employer.id, "vacancyId": vacancy.id},
        headers=login_as(client, db, coach),
    )
    assert intro.status_code == 201, intro.text
    # then that employer (and no other) sees the full profile
    assert view_for(actor_of(boss), candidate) == View.FULL
    other_boss = make_user(db, Role.EMPLOYER, organisation=make_organisation(db, kind="werkgever"))
    assert view_for(actor_of(other_boss), candidate) == View.ANONYMISED


def test_candidate_without_employer_consent_is_never_suggested(client, db):
    coach = make_user(db, Role.COACH)
    make_candidate(db, coach)  # no consents
    employer_org = make_organisation(db, kind="werkgever")
    employer = make_employer(db, organisation=employer_org)
    vacancy = make_vacancy(db, coach, employer, skills=[ESCO_SKILL_A])
    boss = make_user(db, Role.EMPLOYER, organisation=employer_org)
    response = client.get(
        f"/api/v1/candidate-suggestions?vacancyId={vacancy.id}", headers=login_as(client, db, boss)
    )
    assert response.status_code == 200 and response.json() == []


def test_employer_cannot_ask_suggestions_for_another_employers_vacancy(client, db):
    coach = make_user(db, Role.COACH)
    vacancy = make_vacancy(db, coach, make_employer(db, organisation=make_organisation(db)))
    boss = make_user(db, Role.EMPLOYER, organisation=make_organisation(db, kind="werkgever"))
    response = client.get(
        f"/api/v1/candidate-suggestions?vacancyId={vacancy.id}", headers=login_as(client, db, boss)
    )
    assert response.status_code == 404


def test_list_query_and_single_view_agree(db):
    coach = make_user(db, Role.COACH)
    shared = make_candidate(db, coach, consents=[("share_profile", "all")])
    private = make_candidate(db, coach)
    other = actor_of(make_user(db, Role.EMPLOYER_ADVISER))
    ids = {c.id for c in db.scalars(visible_candidates_query(db, other))}
    assert shared.id in ids and private.id not in ids
    assert view_for(other, shared) == View.FULL and view_for(other, private) == View.NONE


def test_employer_reads_introduced_candidate_with_name_and_one_log_entry(client, db):
    from sqlalchemy import func, select

    from ontschot.audit.models import AuditEntry
    from ontschot.people.consent import record_introduction

    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach, firstName="Bram", lastName="Kok")
    employer_org = make_organisation(db, kind="werkgever")
    employer = make_employer(db, organisation=employer_org)
    allow_employers(db, coach, candidate)
    intro = record_introduction(
        db, actor=actor_of(coach), candidate_id=candidate.id, employer_id=employer.id
    )
    boss = make_user(db, Role.EMPLOYER, organisation=employer_org)
    headers = login_as(client, db, boss)
    listed = client.get("/api/v1/introductions", headers=headers).json()
    assert [i["id"] for i in listed] == [intro.id]
    before = db.scalar(select(func.count()).select_from(AuditEntry))
    got = client.get(f"/api/v1/introductions/{intro.id}", headers=headers)
    assert got.status_code == 200
    assert got.json()["candidate"]["lastName"] == "Kok"
    assert db.scalar(select(func.count()).select_from(AuditEntry)) - before == 1
    client.cookies.clear()
    stranger = make_user(db, Role.EMPLOYER, organisation=make_organisation(db, kind="werkgever"))
    other = client.get(f"/api/v1/introductions/{intro.id}", headers=login_as(client, db, stranger))
    assert other.status_code == 404
