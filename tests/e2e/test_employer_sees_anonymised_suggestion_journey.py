"""Journey (issue 4): an employer opens its own vacancy and sees a suggested candidate who
consented to employer suggestions — with skills and experience, without name or contact."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.orm import Session

from ontschot.access.roles import Role
from ontschot.config import Settings
from ontschot.db import make_engine
from tests.e2e.conftest import log_in, screenshot
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


@pytest.fixture(scope="module")
def world(e2e_settings: Settings, live_server: str) -> dict[str, Any]:
    engine = make_engine(e2e_settings.database_url)
    with Session(engine) as db:
        occupation, essential, _ = occupation_with_skills(db, "heftruckchauffeur")
        municipality = make_organisation(db, kind="gemeente", name="Gemeente Almelo")
        coach = make_user(db, role=Role.COACH, organisation=municipality)
        company = make_organisation(db, kind="werkgever", name="Logistiek Oost B.V.")
        employer_user = make_user(
            db, role=Role.EMPLOYER, organisation=company, email="hr.e2e@logistiekoost.nl"
        )
        employer = make_employer(db, name="Logistiek Oost B.V.", organisation=company)
        vacancy = make_vacancy(
            db,
            employer_user,
            employer,
            title="Heftruckchauffeur magazijn",
            municipality="Almelo",
            occupationUri=occupation,
            skills=essential[:4],
        )
        candidate = make_candidate(
            db,
            coach,
            firstName="Joris",
            lastName="Mulder",
            email="joris.mulder@example.nl",
            phone="06 98765432",
            municipality="Almelo",
            skills=[{"skillUri": uri, "source": "coach_confirmed"} for uri in essential[:3]],
            workHistory=[
                {
                    "employerName": "Transportbedrijf Wierden",
                    "jobTitle": "orderpicker",
                    "occupationUri": occupation,
                    "startDate": "2020-01-01",
                    "endDate": "2024-12-31",
                }
            ],
            consents=[("employer_suggestions", "all")],
        )
        details = {
            "email": employer_user.email,
            "vacancy_id": vacancy.id,
            "reference": candidate.reference,
        }
    engine.dispose()
    return details


def test_employer_sees_suggested_candidate_without_name_or_contact_data(
    page: Any, world: dict[str, Any]
) -> None:
    # given an employer user whose vacancy shares skills with a consenting candidate
    log_in(page, world["email"], DEFAULT_PASSWORD)

    # when the employer opens the vacancy and its suggested candidates
    page.goto("/vacatures")
    page.get_by_role("link", name="Heftruckchauffeur magazijn", exact=True).click()
    page.get_by_role("heading", name="Heftruckchauffeur magazijn").wait_for()
    assert page.get_by_role("link", name="Passende kandidaten (matching)").count() == 0
    assert "onbekend" in page.locator("dt:has-text('Salaris') + dd").inner_text()
    screenshot(page, "employer-vacancy-page")
    page.get_by_role("link", name="Voorgestelde kandidaten").click()

    # then the candidate appears by reference with shared skills and experience
    card = page.locator(".card", has_text=world["reference"])
    card.wait_for()
    assert "3 gedeelde vaardigheden" in card.inner_text()
    assert "orderpicker" in card.inner_text()
    # and no name or contact data reaches the page
    html = page.content()
    for personal in ("Joris", "Mulder", "joris.mulder@example.nl", "06 98765432", "98765432"):
        assert personal not in html
    screenshot(page, "employer-anonymised-suggestion")
