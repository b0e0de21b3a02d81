"""Journey (issue 14): a coach edits a candidate's wishes, records a contact moment and
proposes the candidate from a vacancy suggestion in one click; the employer answers
"interested" in their own pages; the coach sees the answer on the candidate's proposals
and in the vacancy's pipeline."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from ontschot.access.roles import Role
from ontschot.config import Settings
from ontschot.db import make_engine
from tests.e2e.conftest import SCREENSHOTS, log_in, screenshot
from tests.e2e.esco_data import occupation_with_skills
from tests.factories import (
    DEFAULT_PASSWORD,
    make_candidate,
    make_employer,
    make_organisation,
    make_user,
    make_vacancy,
)

pytestmark = pytest.mark.e2e
NOTES_SHOTS = Path("/work/notes/shots14a")


@pytest.fixture(scope="module")
def world(e2e_settings: Settings, live_server: str) -> dict[str, Any]:
    engine = make_engine(e2e_settings.database_url)
    with Session(engine) as db:
        occupation, essential, _ = occupation_with_skills(db, "heftruckchauffeur")
        org = make_organisation(db, kind="gemeente", name="Gemeente Borne")
        coach = make_user(db, role=Role.COACH, organisation=org, email="werkbank.e2e@borne.nl")
        company = make_organisation(db, kind="werkgever", name="Magazijn Borne B.V.")
        employer_user = make_user(
            db, role=Role.EMPLOYER, organisation=company, email="hr.e2e@magazijnborne.nl"
        )
        employer = make_employer(db, name="Magazijn Borne B.V.", organisation=company)
        vacancy = make_vacancy(
            db,
            coach,
            employer,
            title="Heftruckchauffeur vroege dienst",
            municipality="Borne",
            occupationUri=occupation,
            skills=essential[:5],
        )
        make_candidate(
            db,
            coach,
            firstName="Noah",
            lastName="Brinkman",
            municipality="Borne",
            skills=[{"skillUri": uri, "source": "coach_confirmed"} for uri in essential[:4]],
            workHistory=[
                {
                    "employerName": "Bouwmarkt Borne",
                    "jobTitle": "magazijnmedewerker",
                    "occupationUri": occupation,
                    "startDate": "2019-05-01",
                    "endDate": "2025-04-30",
                }
            ],
            consents=[("employer_suggestions", "all")],
        )
        details = {
            "coach": coach.email,
            "employer": employer_user.email,
            "candidate": "Noah Brinkman",
            "vacancy_id": vacancy.id,
            "vacancy": vacancy.title,
        }
    engine.dispose()
    return details


def _shot(page: Any, name: str) -> None:
    path = screenshot(page, name)
    NOTES_SHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, NOTES_SHOTS / path.name)


def _log_out(page: Any) -> None:
    page.get_by_role("button", name="Uitloggen").click()
    page.get_by_label("E-mailadres").wait_for()


def test_coach_edits_records_contact_and_proposes_and_sees_the_employers_answer(
    page: Any, world: dict[str, Any]
) -> None:
    # given a coach with a consenting candidate and a matching vacancy
    log_in(page, world["coach"], DEFAULT_PASSWORD)
    page.goto("/werkzoekenden")
    page.get_by_role("link", name=world["candidate"]).click()
    page.get_by_role("heading", name=world["candidate"]).wait_for()

    # when the coach changes the wishes and hours on the edit page
    page.get_by_role("link", name="Profiel, status en wensen wijzigen").click()
    page.get_by_label("Gewenste sectoren").fill("Logistiek, Techniek")
    page.get_by_label("Maximaal uren per week").fill("32")
    page.get_by_label("Fiets", exact=True).check()
    _shot(page, "14a-1-candidate-edit-form")
    page.get_by_role("button", name="Wijzigingen opslaan").click()

    # then the profile says so and shows the new wishes
    page.get_by_text("De wijzigingen zijn opgeslagen").wait_for()
    wishes = page.locator("dt:has-text('Wensen') + dd").inner_text()
    assert "Logistiek" in wishes and "Techniek" in wishes
    _shot(page, "14a-2-candidate-profile-after-edit")

    # when the coach records a phone call with a next action
    page.locator("ul.tabs").get_by_role("link", name="Contactmomenten").click()
    page.get_by_label("Soort contact").select_option("phone")
    page.get_by_label("Samenvatting").fill("Gebeld: Noah wil graag in de logistiek beginnen.")
    page.get_by_label("Volgende actie").fill("Voorstellen bij Magazijn Borne")
    due = (date.today() + timedelta(days=5)).isoformat()
    page.get_by_label("Uiterlijk op").fill(due)
    page.get_by_role("button", name="Contactmoment vastleggen").click()

    # then the contact moment is listed
    page.get_by_text("Het contactmoment is vastgelegd").wait_for()
    assert "logistiek beginnen" in page.locator("table").inner_text()
    _shot(page, "14a-3-contact-moments")

    # when the coach proposes the candidate from the vacancy suggestions in one click
    page.get_by_role("link", name=world["candidate"]).click()
    page.locator("ul.tabs").get_by_role("link", name="Vacaturesuggesties").click()
    card = page.locator(f"#v{world['vacancy_id']}")
    card.get_by_role("button", name="Voorstellen aan werkgever").click()

    # then the page confirms it and the suggestion shows the proposal's status
    page.get_by_text("Voorgesteld. De werkgever ziet het voorstel").wait_for()
    assert "Voorgesteld" in page.locator(f"#v{world['vacancy_id']}").inner_text()
    _shot(page, "14a-4-proposed-from-suggestion")
    _log_out(page)

    # when the employer opens the proposal in their own pages and answers "interested"
    log_in(page, world["employer"], DEFAULT_PASSWORD)
    page.get_by_role("navigation").get_by_role("link", name="Voorstellen").first.click()
    page.get_by_text("Wacht op uw antwoord").wait_for()
    _shot(page, "14a-5-employer-proposals")
    page.locator("table").get_by_role("link").first.click()
    page.get_by_role("heading", name=world["candidate"]).wait_for()
    page.get_by_label("Ja, ik wil kennismaken").check()
    page.get_by_role("button", name="Antwoord versturen").click()
    page.get_by_text("Uw antwoord is verstuurd").wait_for()
    _shot(page, "14a-6-employer-answered")
    _log_out(page)

    # then the coach sees the answer on the candidate's proposals and in the pipeline
    log_in(page, world["coach"], DEFAULT_PASSWORD)
    page.goto("/werkzoekenden")
    page.get_by_role("link", name=world["candidate"]).click()
    page.locator("ul.tabs").get_by_role("link", name="Voorstellen").click()
    page.get_by_text("Werkgever: geïnteresseerd").wait_for()
    assert "Kennismaking" in page.locator(".card").first.inner_text()
    _shot(page, "14a-7-coach-sees-answer")
    page.goto(f"/vacatures/{world['vacancy_id']}/voorstellen")
    column = page.locator("section", has=page.get_by_role("heading", name="Kennismaking"))
    assert world["candidate"] in column.inner_text()
    _shot(page, "14a-8-vacancy-pipeline")
    assert SCREENSHOTS.exists()
