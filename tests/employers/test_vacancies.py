"""Employers and vacancies: registration, scopes, duplicate detection."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ontschot.access.roles import Role
from ontschot.employers.service import employer_key, normalise, vacancy_fingerprint
from tests.factories import (
    ESCO_SKILL_A,
    login_as,
    make_employer,
    make_organisation,
    make_user,
    make_vacancy,
)


def test_fingerprint_ignores_case_legal_form_gender_marker_and_punctuation():
    a = vacancy_fingerprint("Bakkerij Jansen B.V.", "Verkoper (m/v)", "Enschede")
    b = vacancy_fingerprint("bakkerij  jansen bv", "verkoper m/v/x", "enschede")
    c = vacancy_fingerprint("Bakkerij Jansen", "Verkoper", "Hengelo")
    assert a == b
    assert a != c


@given(st.text(max_size=60), st.text(max_size=60), st.text(max_size=40))
def test_fingerprint_is_stable_under_case_and_spacing(employer, title, town):
    assert vacancy_fingerprint(employer, title, town) == vacancy_fingerprint(
        f"  {employer.upper()} ", title.upper(), f"{town}  "
    )
    assert normalise(normalise(title)) == normalise(title)
    assert employer_key(employer) == employer_key(employer.upper())


def test_adviser_registers_employer_and_vacancy_through_the_api(client, db):
    adviser = make_user(db, Role.EMPLOYER_ADVISER)
    headers = login_as(client, db, adviser)
    employer = client.post(
        "/api/v1/employers",
        headers=headers,
        json={
            "name": "Techniek Twente B.V.",
            "kvkNumber": "12345678",
            "sector": "techniek",
            "locations": [{"municipality": "Almelo", "postcode": "7607 AB"}],
        },
    )
    assert employer.status_code == 201, employer.text
    assert employer.json()["locations"][0]["postcode"] == "7607AB"
    again = client.post(
        "/api/v1/employers", headers=headers, json={"name": "Ander", "kvkNumber": "12345678"}
    )
    assert again.status_code == 409
    bad = client.post("/api/v1/employers", headers=headers, json={"name": "X", "kvkNumber": "1234"})
    assert bad.status_code == 400 and bad.json()["invalidParams"][0]["name"] == "kvkNumber"
    vacancy = client.post(
        "/api/v1/vacancies",
        headers=headers,
        json={
            "employerId": employer.json()["id"],
            "title": "Monteur",
            "municipality": "Almelo",
            "essentialSkills": [ESCO_SKILL_A],
            "salaryMinCents": 300000,
            "salaryMaxCents": 250000,
            "requirements": [{"kind": "certificate", "value": "VCA"}],
        },
    )
    assert vacancy.status_code == 400  # salary range reversed
    vacancy = client.post(
        "/api/v1/vacancies",
        headers=headers,
        json={
            "employerId": employer.json()["id"],
            "title": "Monteur",
            "municipality": "Almelo",
            "essentialSkills": [ESCO_SKILL_A],
            "salaryMinCents": 250000,
            "salaryMaxCents": 300000,
            "requirements": [{"kind": "certificate", "value": "VCA"}],
        },
    )
    assert vacancy.status_code == 201, vacancy.text
    body = vacancy.json()
    assert body["essentialSkills"] == [ESCO_SKILL_A]
    assert body["requirements"] == [{"kind": "certificate", "value": "VCA", "level": None}]
    assert body["canonicalId"] is None


def test_employer_user_sees_and_changes_only_own_vacancies(client, db):
    adviser = make_user(db, Role.EMPLOYER_ADVISER)
    own_org = make_organisation(db, kind="werkgever")
    mine = make_vacancy(db, adviser, make_employer(db, organisation=own_org), title="Eigen")
    theirs = make_vacancy(
        db, adviser, make_employer(db, organisation=make_organisation(db)), title="Vreemd"
    )
    boss = make_user(db, Role.EMPLOYER, organisation=own_org)
    headers = login_as(client, db, boss)
    listed = client.get("/api/v1/vacancies", headers=headers).json()
    assert [v["title"] for v in listed["items"]] == ["Eigen"]
    assert client.get(f"/api/v1/vacancies/{theirs.id}", headers=headers).status_code == 404
    closed = client.patch(
        f"/api/v1/vacancies/{mine.id}", headers=headers, json={"status": "filled"}
    )
    assert closed.status_code == 200 and closed.json()["status"] == "filled"
    assert (
        client.patch(
            f"/api/v1/vacancies/{theirs.id}", headers=headers, json={"status": "filled"}
        ).status_code
        == 404
    )


def test_same_job_registered_twice_is_linked_to_the_first(db):
    adviser = make_user(db, Role.EMPLOYER_ADVISER)
    employer = make_employer(db, name="Zorg Oost B.V.")
    first = make_vacancy(db, adviser, employer, title="Verzorgende IG (m/v)")
    second = make_vacancy(
        db, adviser, employer, title="verzorgende ig", source="uwv", externalId="U-1"
    )
    assert second.canonical_id == first.id and first.canonical_id is None


def test_add_vacancy_skills_keeps_known_skills(db):
    from ontschot.employers.service import add_vacancy_skills
    from tests.factories import ESCO_SKILL_B, actor_of

    adviser = make_user(db, Role.EMPLOYER_ADVISER)
    vacancy = make_vacancy(db, adviser, make_employer(db), skills=[ESCO_SKILL_A])
    added = add_vacancy_skills(
        db,
        actor=actor_of(adviser),
        vacancy_id=vacancy.id,
        skill_uris=[ESCO_SKILL_A, ESCO_SKILL_B],
        relation="optional",
    )
    assert [s.skill_uri for s in added] == [ESCO_SKILL_B]
    assert {(s.skill_uri, s.relation) for s in vacancy.skills} == {
        (ESCO_SKILL_A, "essential"),
        (ESCO_SKILL_B, "optional"),
    }
