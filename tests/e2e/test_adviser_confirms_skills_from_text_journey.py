"""Journey (issue 13): an employer adviser pastes a vacancy text into the text analysis,
sees the occupation and the evidence, confirms the skills that fit onto the vacancy, and then
tidies them on the vacancy's edit page (one becomes optional, a wrong one is removed, a wrong
number of hours is refused without losing those choices, the occupation is picked anew)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.orm import Session

from ontschot.access.roles import Role
from ontschot.config import Settings
from ontschot.db import make_engine
from tests.e2e.conftest import log_in, screenshot
from tests.factories import (
    DEFAULT_PASSWORD,
    make_employer,
    make_organisation,
    make_user,
    make_vacancy,
)

pytestmark = pytest.mark.e2e

VACANCY_TEXT = (
    "Orderpicker / heftruckchauffeur (m/v)\n"
    "Voor ons distributiecentrum in Hengelo zoeken wij een orderpicker.\n"
    "Je verzamelt orders met de handscanner, laadt en lost vrachtwagens en rijdt op de "
    "heftruck en de reachtruck.\n"
    "Je hebt een geldig heftruckcertificaat en VCA-basis.\n"
    "Je bent bereid in ploegendienst te werken."
)


@pytest.fixture(scope="module")
def world(e2e_settings: Settings, live_server: str) -> dict[str, Any]:
    engine = make_engine(e2e_settings.database_url)
    with Session(engine) as db:
        werkgeversservicepunt = make_organisation(db, kind="uwv", name="WSP Twente")
        adviser = make_user(
            db,
            role=Role.EMPLOYER_ADVISER,
            organisation=werkgeversservicepunt,
            email="adviseur.tekst.e2e@wsptwente.nl",
        )
        employer = make_employer(db, name="DC Hengelo B.V.")
        vacancy = make_vacancy(
            db, adviser, employer, title="Orderpicker DC Hengelo", municipality="Hengelo"
        )
        found = {"email": adviser.email, "vacancy": vacancy.id}
    engine.dispose()
    return found


def test_adviser_confirms_skills_from_a_vacancy_text_and_tidies_them(
    page: Any, world: dict[str, Any]
) -> None:
    # given the adviser on the vacancy, which has no skills yet
    log_in(page, world["email"], DEFAULT_PASSWORD)
    page.goto(f"/vacatures/{world['vacancy']}")
    page.get_by_role("link", name="Vaardigheden uit tekst halen").click()
    target = page.locator("main .notice").filter(has_text="Bevestigde vaardigheden gaan naar")
    target.get_by_role("link").wait_for()

    # when the vacancy text is pasted and analysed in Dutch
    page.get_by_label("Tekst").fill(VACANCY_TEXT)
    page.get_by_label("Taal").select_option("nl")
    page.get_by_role("button", name="Analyseren").click()

    # then the occupation, the marked evidence and ticked skills are shown
    page.get_by_role("heading", name="Uitkomst").wait_for()
    occupation = page.get_by_text("Waarschijnlijk beroep:").inner_text().lower()
    assert "heftruck" in occupation or "orderpicker" in occupation, occupation
    assert page.locator("mark.evidence").count() >= 3
    boxes = page.locator("input[name=skill]")
    labels = [page.locator(f"label[for={b.get_attribute('id')}]").inner_text() for b in boxes.all()]
    assert len(labels) >= 3, labels
    screenshot(page, "text-analysis-vacancy-result")

    # when the adviser ticks the first three skills and no other, links the occupation too,
    # and confirms
    for number, box in enumerate(boxes.all()):
        box.set_checked(number < 3)
    page.get_by_label("ook aan de vacature koppelen").check()
    found = page.locator("strong a").first.inner_text().strip()
    page.get_by_role("button", name="Bevestigde vaardigheden toevoegen").click()
    added = 3
    done = page.get_by_role("status").filter(has_text=f"{added} vaardigheden toegevoegd")
    assert "Het beroep is aan de vacature gekoppeld" in done.inner_text()

    # then the vacancy lists exactly those skills, and the occupation found
    page.goto(f"/vacatures/{world['vacancy']}")
    assert found in page.locator("dl.facts").inner_text()
    skills = page.locator("h2:has-text('Vaardigheden') + ul.result-list li")
    assert skills.count() == added

    # when the adviser makes the first one optional and removes the second on the edit page
    page.get_by_role("link", name="Vacature wijzigen").click()
    choices = page.locator("select[name=skill_relation]")
    assert choices.count() == added
    first, second = labels[0].strip(), labels[1].strip()
    page.get_by_role("combobox", name=first, exact=True).select_option("optional")
    page.get_by_role("combobox", name=second, exact=True).select_option("remove")
    # and, by mistake, sets the minimum hours above the maximum of 40
    page.get_by_label("Minimaal uren per week").fill("45")
    page.get_by_role("button", name="Wijzigingen opslaan").click()

    # then the page names the field, and the skill choices are still as the adviser set them
    page.locator("#foutoverzicht").wait_for()
    screenshot(page, "vacancy-edit-skills-wrong-hours")
    assert page.get_by_role("combobox", name=first, exact=True).input_value() == "optional"
    assert page.get_by_role("combobox", name=second, exact=True).input_value() == "remove"

    # when the hours are put right and another occupation is chosen with the picker
    page.get_by_label("Minimaal uren per week").fill("32")
    page.get_by_label("Beroep (ESCO)").press_sequentially("magazijnmedewerker", delay=20)
    choice = page.locator("#keuze-occupation_uri label.choice").filter(has_text="magazijn").first
    choice.wait_for()
    picked = choice.inner_text().strip()
    choice.locator("input").check()
    screenshot(page, "vacancy-edit-skills")
    page.get_by_role("button", name="Wijzigingen opslaan").click()

    # then the vacancy page shows the change
    page.get_by_text("De wijzigingen zijn opgeslagen.").wait_for()
    listed = page.locator("h2:has-text('Vaardigheden') + ul.result-list").inner_text()
    assert second not in listed
    assert skills.count() == added - 1
    row = page.locator("h2:has-text('Vaardigheden') + ul.result-list li").filter(has_text=first)
    assert "gewenst" in row.inner_text()
    assert picked in page.locator("dl.facts").inner_text()
    screenshot(page, "vacancy-skills-after-edit")
