"""The Dutch pages: register, find, view with tabs; employer sees anonymised suggestions."""

from __future__ import annotations

from sqlalchemy import select

from ontschot.access.roles import Role
from ontschot.people.models import Candidate
from tests.factories import (
    ESCO_OCCUPATION_CHEF,
    ESCO_SKILL_A,
    allow_employers,
    login_as,
    make_candidate,
    make_employer,
    make_organisation,
    make_user,
    make_vacancy,
)


def _form(csrf: str, **overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "csrf_token": csrf,
        "first_name": "Mohamed",
        "last_name": "Yilmaz",
        "municipality": "hengelo",
        "benefit": "bijstand",
        "status": "seeking",
        "hours_min": "20",
        "hours_max": "32",
        "language": "nld",
        "language_level": "goed",
        "education_level": "mbo",
        "education_status": "afgerond",
        "work_job_title": "Kok",
        "work_employer": "Restaurant Het Anker",
        "work_occupation_uri": ESCO_OCCUPATION_CHEF,
        "work_start": "2019-03-01",
        "skill_uri": [ESCO_SKILL_A],
        "driving_licences": ["B"],
    }
    data.update(overrides)
    return data


def test_coach_registers_candidate_with_skill_and_work_history_and_finds_them(client, db):
    coach = make_user(db, Role.COACH)
    csrf = login_as(client, db, coach)["X-CSRF-Token"]
    assert "Werkzoekende inschrijven" in client.get("/werkzoekenden/nieuw").text
    response = client.post("/werkzoekenden/nieuw", data=_form(csrf), follow_redirects=False)
    assert response.status_code == 303, response.text
    profile = client.get(response.headers["location"])
    assert profile.status_code == 200
    assert "Mohamed Yilmaz" in profile.text and "Restaurant Het Anker" in profile.text
    listing = client.get("/werkzoekenden?naam=yilm")
    assert "Mohamed Yilmaz" in listing.text
    skills = client.get(response.headers["location"].split("?")[0] + "?tab=vaardigheden")
    assert "toxicologische onderzoeken uitvoeren" in skills.text
    stored = db.scalar(select(Candidate).where(Candidate.last_name == "Yilmaz"))
    assert stored.municipality == "Hengelo" and stored.coach_user_id == coach.id


def test_form_shows_messages_next_to_the_fields(client, db):
    coach = make_user(db, Role.COACH)
    csrf = login_as(client, db, coach)["X-CSRF-Token"]
    response = client.post(
        "/werkzoekenden/nieuw",
        data=_form(
            csrf,
            first_name="",
            municipality="Atlantis",
            bsn="123456789",
            hours_min="50",
            hours_max="10",
        ),
    )
    assert response.status_code == 400
    page = response.text
    assert 'id="fout-first_name"' in page and 'id="fout-municipality"' in page
    assert 'id="fout-bsn"' in page and "11-proef" in page
    assert "123456789" not in page  # the BSN is not echoed back
    assert 'value="Yilmaz"' in page  # other input is kept


def test_profile_tabs_render_for_the_owning_coach(client, db):
    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach, consents=[("share_profile", "all")])
    login_as(client, db, coach)
    for tab, expected in (
        ("profiel", "Werkervaring"),
        ("vaardigheden", "Bron"),
        ("historie", "ingeschreven"),
        ("toestemmingen", "Intrekken"),
        ("logboek", "werkzoekende inschrijven"),
    ):
        page = client.get(f"/werkzoekenden/{candidate.id}?tab={tab}")
        assert page.status_code == 200, tab
        assert expected in page.text, tab
    export = client.get(f"/werkzoekenden/{candidate.id}/inzage")
    assert export.status_code == 200 and "Hotel De Kroon" in export.text


def test_withdrawing_consent_on_the_page_hides_the_candidate_from_partners(client, db):
    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach, consents=[("share_profile", "all")])
    csrf = login_as(client, db, coach)["X-CSRF-Token"]
    consent_id = candidate.consents[0].id
    response = client.post(
        f"/werkzoekenden/{candidate.id}/toestemmingen/{consent_id}/intrekken",
        data={"csrf_token": csrf},
        follow_redirects=False,
    )
    assert response.status_code == 303
    client.cookies.clear()
    login_as(client, db, make_user(db, Role.COACH))
    assert client.get(f"/werkzoekenden/{candidate.id}").status_code == 404


def test_employer_sees_suggested_candidate_without_name_or_contact(client, db):
    coach = make_user(db, Role.COACH)
    make_candidate(
        db, coach, firstName="Anouk", lastName="Visser", consents=[("employer_suggestions", "all")]
    )
    employer_org = make_organisation(db, kind="werkgever")
    vacancy = make_vacancy(
        db,
        coach,
        make_employer(db, organisation=employer_org),
        skills=[ESCO_SKILL_A],
        title="Zorgkok",
    )
    boss = make_user(db, Role.EMPLOYER, organisation=employer_org)
    login_as(client, db, boss)
    listing = client.get("/vacatures")
    assert "Zorgkok" in listing.text
    page = client.get(f"/vacatures/{vacancy.id}/kandidaten")
    assert page.status_code == 200
    assert "Kandidaat WZ-" in page.text and "1 gedeelde vaardigheid" in page.text
    for secret in ("Anouk", "Visser", "@example.nl", "06 12345678", "Hotel De Kroon"):
        assert secret not in page.text
    assert client.get("/werkzoekenden").status_code == 403


def test_employer_adviser_registers_employer_and_vacancy(client, db):
    adviser = make_user(db, Role.EMPLOYER_ADVISER)
    csrf = login_as(client, db, adviser)["X-CSRF-Token"]
    bad = client.post(
        "/werkgevers", data={"csrf_token": csrf, "name": "Bouw BV", "kvk_number": "123"}
    )
    assert bad.status_code == 400 and "8 cijfers" in bad.text
    created = client.post(
        "/werkgevers",
        data={
            "csrf_token": csrf,
            "name": "Bouw BV",
            "kvk_number": "87654321",
            "municipality": "Almelo",
        },
        follow_redirects=False,
    )
    assert created.status_code == 303
    employer_id = created.headers["location"].rsplit("/", 1)[1]
    vacancy = client.post(
        "/vacatures/nieuw",
        data={
            "csrf_token": csrf,
            "employer_id": employer_id,
            "title": "Timmerman",
            "municipality": "Almelo",
            "salary_min": "2.800,00",
            "skill_uri": [ESCO_SKILL_A],
            "requirements": "certificate:VCA\nlicence:B",
        },
        follow_redirects=False,
    )
    assert vacancy.status_code == 303, vacancy.text
    page = client.get(vacancy.headers["location"])
    assert "Timmerman" in page.text and "VCA" in page.text and "€ 2.800,00" in page.text
    assert "Timmerman" in client.get("/vacatures?titel=timmer").text


def test_picker_lists_esco_suggestions_and_keeps_chosen_ones(client, db):
    login_as(client, db, make_user(db, Role.COACH))
    page = client.get(
        f"/esco-keuze?soort=skill&veld=skill_uri&q=toxicolog&skill_uri={ESCO_SKILL_A}"
    )
    assert page.status_code == 200
    assert page.text.count(ESCO_SKILL_A) == 1 and "checked" in page.text


def test_employer_page_shows_introduced_candidate_by_name(client, db):
    from ontschot.people.consent import record_introduction
    from tests.factories import actor_of

    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach, firstName="Lotte", lastName="Bos")
    employer_org = make_organisation(db, kind="werkgever")
    employer = make_employer(db, organisation=employer_org)
    allow_employers(db, coach, candidate)
    intro = record_introduction(
        db, actor=actor_of(coach), candidate_id=candidate.id, employer_id=employer.id
    )
    login_as(client, db, make_user(db, Role.EMPLOYER, organisation=employer_org))
    assert f"/voorstellen/{intro.id}" in client.get("/voorstellen").text
    page = client.get(f"/voorstellen/{intro.id}")
    assert page.status_code == 200 and "Lotte Bos" in page.text


def test_coach_records_and_withdraws_an_introduction_on_the_consents_tab(client, db):
    from ontschot.people.models import Introduction

    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach)
    employer_org = make_organisation(db, kind="werkgever")
    vacancy = make_vacancy(db, coach, make_employer(db, organisation=employer_org))
    allow_employers(db, coach, candidate)
    csrf = login_as(client, db, coach)["X-CSRF-Token"]
    done = client.post(
        f"/werkzoekenden/{candidate.id}/voorstellen",
        data={"csrf_token": csrf, "vacancy_id": str(vacancy.id)},
        follow_redirects=False,
    )
    assert done.status_code == 303
    intro = db.scalar(select(Introduction).where(Introduction.candidate_id == candidate.id))
    assert intro.vacancy_id == vacancy.id
    tab = client.get(f"/werkzoekenden/{candidate.id}?tab=toestemmingen")
    assert f"/voorstellen/{intro.id}/intrekken" in tab.text
    client.post(
        f"/werkzoekenden/{candidate.id}/voorstellen/{intro.id}/intrekken", data={"csrf_token": csrf}
    )
    db.expire_all()
    assert db.get(Introduction, intro.id).withdrawn_at is not None
