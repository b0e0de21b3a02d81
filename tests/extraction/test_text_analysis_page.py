"""The /tekstanalyse page: paste, see evidence, confirm skills onto a candidate or vacancy."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from ontschot.access.roles import Role
from tests.factories import login_as, make_candidate, make_employer, make_user, make_vacancy

TEXT = "Magazijnmedewerker\nJe kunt zware gewichten tillen. Een VCA-diploma is vereist."


def test_a_coach_sees_the_form_in_dutch(client: Any, db: Session) -> None:
    login_as(client, db, make_user(db, role=Role.COACH))

    page = client.get("/tekstanalyse")

    assert page.status_code == 200
    assert '<label for="tekst">Tekst</label>' in page.text
    assert 'name="csrf_token"' in page.text


def test_analysis_highlights_the_evidence_and_names_the_occupation(
    client: Any, db: Session
) -> None:
    headers = login_as(client, db, make_user(db, role=Role.COACH))

    page = client.post("/tekstanalyse", data={"text": TEXT, "lang": "nl"}, headers=headers)

    assert page.status_code == 200, page.text
    assert '<mark class="evidence">zware gewichten tillen</mark>' in page.text
    assert "magazijnmedewerker</a></strong>" in page.text
    assert 'name="skill"' in page.text


def test_empty_text_shows_a_dutch_error(client: Any, db: Session) -> None:
    headers = login_as(client, db, make_user(db, role=Role.COACH))

    page = client.post("/tekstanalyse", data={"text": "  "}, headers=headers)

    assert page.status_code == 400
    assert "Plak of typ eerst een tekst." in page.text


def test_confirmed_skills_are_added_to_the_candidate(
    client: Any, db: Session, skill_uri: Callable[[str], str]
) -> None:
    coach = make_user(db, role=Role.COACH)
    candidate = make_candidate(db, coach)
    headers = login_as(client, db, coach)
    lift = skill_uri("lift heavy weights")

    page = client.post(
        "/tekstanalyse/bevestigen",
        data={"candidate": str(candidate.id), "skill": [lift]},
        headers=headers,
    )

    assert page.status_code == 200, page.text
    assert "1 vaardigheid toegevoegd" in page.text
    db.expire_all()
    assert any(s.skill_uri == lift and s.source == "extracted" for s in candidate.skills)


def test_confirmed_skills_go_to_the_vacancy_as_essential_or_optional(
    client: Any, db: Session, skill_uri: Callable[[str], str]
) -> None:
    adviser = make_user(db, role=Role.EMPLOYER_ADVISER)
    vacancy = make_vacancy(db, adviser, make_employer(db))
    headers = login_as(client, db, adviser)
    lift, python = skill_uri("lift heavy weights"), skill_uri("Python (computer programming)")

    page = client.post(
        "/tekstanalyse/bevestigen",
        data={"vacancy": str(vacancy.id), "skill": [lift, python], "essential": [lift]},
        headers=headers,
    )

    assert page.status_code == 200, page.text
    assert "2 vaardigheden toegevoegd" in page.text
    from ontschot.employers.models import VacancySkill

    rows = {
        r.skill_uri: r.relation for r in db.query(VacancySkill).filter_by(vacancy_id=vacancy.id)
    }
    assert rows[lift] == "essential"
    assert rows[python] == "optional"
    # one confirmation is one change of the vacancy: one log entry, not one per relation
    from ontschot.audit.models import AuditEntry

    logged = db.query(AuditEntry).filter_by(action="vacancy.skills.add", object_id=str(vacancy.id))
    assert logged.count() == 1


def test_the_found_occupation_can_be_linked_to_the_vacancy_with_the_skills(
    client: Any,
    db: Session,
    skill_uri: Callable[[str], str],
    occupation_uri: Callable[[str], str],
) -> None:
    from ontschot.audit.models import AuditEntry
    from ontschot.employers.models import Vacancy

    adviser = make_user(db, role=Role.EMPLOYER_ADVISER)
    vacancy = make_vacancy(db, adviser, make_employer(db))
    headers = login_as(client, db, adviser)
    analysed = client.post(
        "/tekstanalyse", data={"vacancy": str(vacancy.id), "text": TEXT}, headers=headers
    )
    assert "ook aan de vacature koppelen" in analysed.text
    operator = occupation_uri("forklift operator")

    page = client.post(
        "/tekstanalyse/bevestigen",
        data={
            "vacancy": str(vacancy.id),
            "skill": [skill_uri("lift heavy weights")],
            "occupation": operator,
        },
        headers=headers,
    )

    assert page.status_code == 200, page.text
    assert "Het beroep is aan de vacature gekoppeld" in page.text
    db.expire_all()
    assert db.get(Vacancy, vacancy.id).occupation_uri == operator
    logged = db.query(AuditEntry).filter(
        AuditEntry.object_type == "vacancy", AuditEntry.object_id == str(vacancy.id)
    )
    assert [e.action for e in logged if e.action.startswith("vacancy.")] == [
        "vacancy.create",
        "vacancy.skills.add",
    ]


def test_an_unknown_occupation_or_one_for_a_candidate_is_refused_and_nothing_is_added(
    client: Any, db: Session, skill_uri: Callable[[str], str], occupation_uri: Callable[[str], str]
) -> None:
    from ontschot.employers.models import Vacancy

    adviser = make_user(db, role=Role.EMPLOYER_ADVISER)
    vacancy = make_vacancy(db, adviser, make_employer(db))
    coach = make_user(db, role=Role.COACH)
    candidate = make_candidate(db, coach)
    lift = skill_uri("lift heavy weights")
    had = {s.skill_uri for s in candidate.skills}
    assert lift not in had

    headers = login_as(client, db, adviser)
    unknown = client.post(
        "/tekstanalyse/bevestigen",
        data={"vacancy": str(vacancy.id), "skill": [lift], "occupation": "http://x.org/no"},
        headers=headers,
    )
    assert unknown.status_code == 400 and "bekend ESCO-beroep" in unknown.text
    db.expire_all()
    refreshed = db.get(Vacancy, vacancy.id)
    assert refreshed.occupation_uri is None and not refreshed.skills

    headers = login_as(client, db, coach)
    for_candidate = client.post(
        "/tekstanalyse/bevestigen",
        data={
            "candidate": str(candidate.id),
            "skill": [lift],
            "occupation": occupation_uri("forklift operator"),
        },
        headers=headers,
    )
    assert for_candidate.status_code == 400
    db.refresh(candidate)
    assert {s.skill_uri for s in candidate.skills} == had


def test_unknown_skill_uris_are_refused(client: Any, db: Session) -> None:
    coach = make_user(db, role=Role.COACH)
    candidate = make_candidate(db, coach)
    headers = login_as(client, db, coach)

    page = client.post(
        "/tekstanalyse/bevestigen",
        data={"candidate": str(candidate.id), "skill": ["http://example.org/not-esco"]},
        headers=headers,
    )

    assert page.status_code == 400


def test_the_page_names_the_candidate_the_skills_go_to_and_logs_the_read(
    client: Any, db: Session
) -> None:
    from sqlalchemy import func, select

    from ontschot.audit.models import AuditEntry

    coach = make_user(db, role=Role.COACH)
    candidate = make_candidate(db, coach)
    headers = login_as(client, db, coach)
    before = db.scalar(select(func.count()).select_from(AuditEntry)) or 0

    page = client.get(f"/tekstanalyse?candidate={candidate.id}", headers=headers)

    assert page.status_code == 200
    link = f'<a href="/werkzoekenden/{candidate.id}">werkzoekende {candidate.first_name}'
    assert link in page.text
    assert (db.scalar(select(func.count()).select_from(AuditEntry)) or 0) == before + 1


def test_an_employer_never_sees_a_candidate_name_on_the_page(client: Any, db: Session) -> None:
    coach = make_user(db, role=Role.COACH)
    candidate = make_candidate(db, coach, consents=[("employer_suggestions", "all")])
    employer_user = make_user(db, role=Role.EMPLOYER)
    headers = login_as(client, db, employer_user)

    page = client.get(f"/tekstanalyse?candidate={candidate.id}", headers=headers)

    assert candidate.last_name not in page.text
    assert page.status_code == 403  # employers read candidates only through suggestions
