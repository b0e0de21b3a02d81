"""Journey (issue 4): a coach registers a job seeker with a skill and a work-history entry
through the pages, sees the profile, and finds the person in the own caseload list."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.orm import Session

from ontschot.access.roles import Role
from ontschot.config import Settings
from ontschot.db import make_engine
from tests.e2e.conftest import log_in, screenshot
from tests.factories import DEFAULT_PASSWORD, make_organisation, make_user

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def coach_email(e2e_settings: Settings, live_server: str) -> str:
    engine = make_engine(e2e_settings.database_url)
    with Session(engine) as db:
        org = make_organisation(db, kind="gemeente", name="Gemeente Hengelo")
        user = make_user(db, role=Role.COACH, organisation=org, email="inschrijver.e2e@hengelo.nl")
        email = user.email
    engine.dispose()
    return email


def test_coach_registers_candidate_with_skill_and_work_history_and_finds_them(
    page: Any, coach_email: str
) -> None:
    # given a logged-in coach on the registration form
    log_in(page, coach_email, DEFAULT_PASSWORD)
    page.goto("/werkzoekenden/nieuw")
    page.get_by_role("heading", name="Werkzoekende inschrijven").wait_for()

    # when the coach fills in the person, one work-history entry and one ESCO skill
    page.get_by_label("Voornaam *").fill("Ayla")
    page.get_by_label("Achternaam *").fill("Kaya")
    page.get_by_label("Gemeente *").fill("Hengelo")
    page.get_by_label("E-mailadres").fill("ayla.kaya@example.nl")
    page.get_by_role("checkbox", name="B", exact=True).check()
    page.get_by_label("Functie").fill("Heftruckchauffeur")
    page.get_by_label("Werkgever").fill("Distributiecentrum Twente")
    page.get_by_label("Beroep (ESCO)").press_sequentially("heftruck", delay=20)
    occupation = page.locator("#keuze-work_occupation_uri input[type=radio]").first
    occupation.wait_for()
    occupation.check()
    page.get_by_label("Van", exact=True).fill("2019-03-01")
    page.get_by_label("Tot", exact=True).fill("2024-02-29")
    page.get_by_label("Vaardigheid zoeken (ESCO)").press_sequentially("heftruck", delay=20)
    skill = page.locator("#keuze-skill_uri input[type=checkbox]").first
    skill.wait_for()
    skill.check()
    skill_label = page.locator("#keuze-skill_uri label.choice").first.inner_text().strip()
    screenshot(page, "candidate-register-form")
    page.get_by_role("button", name="Inschrijven").click()

    # then the profile confirms the registration and shows the work history
    page.get_by_text("De werkzoekende is ingeschreven.").wait_for()
    page.get_by_role("heading", name="Ayla Kaya").wait_for()
    history = page.locator("ul.result-list").first
    assert "Heftruckchauffeur bij Distributiecentrum Twente" in history.inner_text()
    assert "03-2019" in history.inner_text()
    screenshot(page, "candidate-registered-profile")

    # and the skills tab lists the chosen ESCO skill
    page.locator("ul.tabs").get_by_role("link", name="Vaardigheden", exact=True).click()
    page.get_by_role("cell", name=skill_label, exact=True).wait_for()
    candidate_id = page.url.split("/werkzoekenden/")[1].split("?")[0]

    # and the tab bar leads to the text analysis for this person
    page.locator("ul.tabs").get_by_role("link", name="Tekstanalyse").click()
    target = page.locator("main .notice").filter(has_text="Bevestigde vaardigheden gaan naar")
    target.get_by_role("link", name="werkzoekende Ayla Kaya").wait_for()
    assert target.get_by_role("link").get_attribute("href") == f"/werkzoekenden/{candidate_id}"
    page.go_back()

    # and the coach finds the person in the own caseload
    page.get_by_role("navigation", name="Kruimelpad").get_by_role(
        "link", name="Werkzoekenden"
    ).click()
    page.get_by_role("link", name="Kaya", exact=False).first.wait_for()
    assert "Ayla" in page.locator("main").inner_text()
    screenshot(page, "candidate-list-after-registration")
