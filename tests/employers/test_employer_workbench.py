"""Acting on employers and vacancies: edit, close, mark filled, the fixed contact person and
contact persons at the employer; pages and API use the same services."""

from __future__ import annotations

import pytest

from ontschot import errors
from ontschot.access.roles import Role
from ontschot.employers import relations
from ontschot.employers.schemas import ContactPersonIn, EmployerUpdate
from tests.factories import (
    actor_of,
    login_as,
    make_employer,
    make_organisation,
    make_user,
    make_vacancy,
)


def test_the_fixed_contact_person_is_a_partner_user_not_an_employer_user(db):
    adviser = make_user(db, Role.EMPLOYER_ADVISER)
    firm = make_organisation(db, kind="werkgever")
    employer = make_employer(db, organisation=firm)
    employer_user = make_user(db, Role.EMPLOYER, organisation=firm)
    with pytest.raises(errors.Invalid) as refused:
        relations.update_employer(
            db,
            actor=actor_of(adviser),
            employer_id=employer.id,
            data=EmployerUpdate(contact_user_id=employer_user.id),
        )
    assert "contact_user_id" in refused.value.fields
    db.rollback()
    relations.update_employer(
        db,
        actor=actor_of(adviser),
        employer_id=employer.id,
        data=EmployerUpdate(contact_user_id=adviser.id, sector="Zorg & Welzijn"),
    )
    db.refresh(employer)
    assert (employer.contact_user_id, employer.sector) == (adviser.id, "Zorg & Welzijn")


def test_a_partner_administrator_may_not_change_another_organisations_employer(db):
    admin = make_user(db, Role.PARTNER_ADMIN)
    theirs = make_employer(db, organisation=make_organisation(db, kind="werkgever"))
    with pytest.raises(errors.Forbidden):
        relations.update_employer(
            db, actor=actor_of(admin), employer_id=theirs.id, data=EmployerUpdate(sector="X")
        )
    with pytest.raises(errors.Forbidden):
        relations.add_contact_person(
            db, actor=actor_of(admin), employer_id=theirs.id, data=ContactPersonIn(name="Jan")
        )
    db.refresh(theirs)
    assert theirs.sector is None and theirs.contact_persons == []


def test_api_employer_edit_and_contact_persons(client, db):
    adviser = make_user(db, Role.EMPLOYER_ADVISER)
    employer = make_employer(db, name="Logistiek Oost B.V.")
    headers = login_as(client, db, adviser)
    url = f"/api/v1/employers/{employer.id}"
    changed = client.patch(
        url, json={"sector": "Logistiek", "contactUserId": adviser.id}, headers=headers
    )
    assert changed.status_code == 200 and changed.json()["contactUserId"] == adviser.id
    added = client.post(
        f"{url}/contact-persons",
        json={"name": "Anna de Boer", "role": "HR", "email": "anna@example.nl"},
        headers=headers,
    )
    assert added.status_code == 201
    bad = client.post(f"{url}/contact-persons", json={"email": "geen-adres"}, headers=headers)
    assert bad.status_code == 400
    assert {p["name"] for p in bad.json()["invalidParams"]} == {"name", "email"}
    person_id = added.json()["id"]
    assert client.get(url, headers=headers).json()["contactPersons"][0]["name"] == "Anna de Boer"
    assert client.delete(f"{url}/contact-persons/{person_id}", headers=headers).status_code == 204
    assert client.get(f"{url}/contact-persons", headers=headers).json() == []


def test_api_vacancy_edit_with_a_stale_if_match_is_412_and_changes_nothing(client, db):
    adviser = make_user(db, Role.EMPLOYER_ADVISER)
    vacancy = make_vacancy(db, adviser, make_employer(db), title="Orderpicker")
    headers = login_as(client, db, adviser)
    url = f"/api/v1/vacancies/{vacancy.id}"
    etag = client.get(url, headers=headers).headers["etag"]
    first = client.patch(
        url,
        json={"title": "Orderpicker nachtdienst", "hoursMax": 32},
        headers=headers | {"If-Match": etag},
    )
    assert first.status_code == 200 and first.json()["title"] == "Orderpicker nachtdienst"
    stale = client.patch(url, json={"status": "filled"}, headers=headers | {"If-Match": etag})
    assert stale.status_code == 412
    assert client.get(url, headers=headers).json()["status"] == "open"
    hours = client.patch(url, json={"hoursMin": 40}, headers=headers)
    assert hours.status_code == 400  # 40 above the stored maximum of 32


def test_the_vacancy_page_closes_and_marks_filled(client, db):
    adviser = make_user(db, Role.EMPLOYER_ADVISER)
    vacancy = make_vacancy(db, adviser, make_employer(db), title="Helpende zorg")
    headers = login_as(client, db, adviser)
    page = client.get(f"/vacatures/{vacancy.id}", headers=headers)
    assert "Markeren als vervuld" in page.text and "Vacature sluiten" in page.text
    done = client.post(
        f"/vacatures/{vacancy.id}/status",
        data={"status": "filled", "version": str(vacancy.version)},
        headers=headers,
        follow_redirects=False,
    )
    assert done.status_code == 303 and done.headers["location"].endswith("status-filled")
    stale = client.post(
        f"/vacatures/{vacancy.id}/status",
        data={"status": "closed", "version": str(vacancy.version)},
        headers=headers,
        follow_redirects=False,
    )
    assert stale.headers["location"].endswith("melding=verouderd")
    assert "als vervuld gemarkeerd" in client.get(done.headers["location"], headers=headers).text


def _skills_of(db, vacancy_id):
    from ontschot.employers.models import VacancySkill

    db.expire_all()
    rows = db.query(VacancySkill).filter_by(vacancy_id=vacancy_id)
    return {r.skill_uri: r.relation for r in rows}


def _edit_form(vacancy, version, skill_uri, skill_relation):
    return {
        "title": vacancy.title,
        "municipality": "Enschede",
        "status": "open",
        "version": str(version),
        "skill_uri": skill_uri,
        "skill_relation": skill_relation,
    }


def test_the_vacancy_edit_page_turns_a_skill_optional_and_removes_another_in_one_save(client, db):
    from sqlalchemy import select

    from ontschot.audit.models import AuditEntry
    from ontschot.taxonomy.models import Occupation, Skill

    forklift, sql = db.scalars(
        select(Skill.uri).where(Skill.label_en.in_(["operate forklift", "SQL"])).order_by(Skill.uri)
    ).all()
    adviser = make_user(db, Role.EMPLOYER_ADVISER)
    vacancy = make_vacancy(
        db, adviser, make_employer(db), title="Heftruckchauffeur", skills=[forklift, sql]
    )
    headers = login_as(client, db, adviser)
    page = client.get(f"/vacatures/{vacancy.id}/bewerken", headers=headers)
    assert page.text.count('name="skill_relation"') == 2 and "Verwijderen" in page.text

    operator = db.scalar(select(Occupation.uri).where(Occupation.label_en == "forklift operator"))
    form = _edit_form(vacancy, vacancy.version, [forklift, sql], ["optional", "remove"])
    saved = client.post(
        f"/vacatures/{vacancy.id}/bewerken",
        data=form | {"occupation_uri": operator},
        headers=headers,
        follow_redirects=False,
    )

    assert saved.status_code == 303
    assert _skills_of(db, vacancy.id) == {forklift: "optional"}
    assert db.get(type(vacancy), vacancy.id).occupation_uri == operator
    logged = db.query(AuditEntry).filter_by(action="vacancy.update", object_id=str(vacancy.id))
    assert logged.count() == 1


def test_a_wrong_skill_choice_or_a_stale_form_changes_no_skill(client, db):
    from sqlalchemy import select

    from ontschot.employers.service import add_vacancy_skills
    from ontschot.taxonomy.models import Skill

    forklift, sql = db.scalars(
        select(Skill.uri).where(Skill.label_en.in_(["operate forklift", "SQL"])).order_by(Skill.uri)
    ).all()
    adviser = make_user(db, Role.EMPLOYER_ADVISER)
    vacancy = make_vacancy(db, adviser, make_employer(db), title="Orderpicker", skills=[forklift])
    headers = login_as(client, db, adviser)
    url = f"/vacatures/{vacancy.id}/bewerken"
    read_version = vacancy.version

    wrong = client.post(
        url, data=_edit_form(vacancy, read_version, [forklift], ["weg"]), headers=headers
    )
    assert wrong.status_code == 400
    assert "Vaardigheden" in wrong.text and "essentieel, gewenst of verwijderen" in wrong.text
    assert _skills_of(db, vacancy.id) == {forklift: "essential"}

    # someone confirms a skill from a text while the form is open: the form is stale now
    add_vacancy_skills(
        db, actor=actor_of(adviser), vacancy_id=vacancy.id, skill_uris=[sql], relation="optional"
    )
    db.commit()
    stale = client.post(
        url, data=_edit_form(vacancy, read_version, [forklift], ["remove"]), headers=headers
    )
    assert stale.status_code == 412 and "Iemand anders heeft deze vacature gewijzigd" in stale.text
    assert _skills_of(db, vacancy.id) == {forklift: "essential", sql: "optional"}
    # the page shows the new skill beside the user's own choice, to save again
    assert stale.text.count('name="skill_relation"') == 2
