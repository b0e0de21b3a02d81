"""Journeys (issue 12): every kind of field on the registration, employer, vacancy and user
forms, first with a wrong value. The page never breaks; the summary at the top names and
links each wrong field and takes the focus; the message stands beside the field; nothing
typed is lost except the BSN (and a password)."""

from __future__ import annotations

from datetime import date, timedelta
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
def people(e2e_settings: Settings, live_server: str) -> dict[Role, str]:
    engine = make_engine(e2e_settings.database_url)
    with Session(engine) as db:
        org = make_organisation(db, kind="gemeente", name="Gemeente Wierden")
        emails = {
            role: make_user(
                db, role=role, organisation=org, email=f"{role.value}.velden@wierden.nl"
            ).email
            for role in (Role.COACH, Role.EMPLOYER_ADVISER, Role.PARTNER_ADMIN)
        }
    engine.dispose()
    return emails


def _summary_names(page: Any, *names: str) -> None:
    """The summary has the focus and links each named field; each field shows its message."""
    summary = page.locator("#foutoverzicht")
    summary.wait_for()
    assert page.evaluate("document.activeElement && document.activeElement.id") == "foutoverzicht"
    text = summary.inner_text()
    for name in names:
        assert name in text, f"{name!r} not in the summary: {text}"


def _pick(page: Any, search_label: str, query: str, box: str) -> str:
    page.get_by_label(search_label).press_sequentially(query, delay=20)
    choice = page.locator(f"#keuze-{box} input").first
    choice.wait_for()
    choice.check()
    return str(choice.get_attribute("value"))


def test_registration_with_every_field_and_a_wrong_bsn_and_distance(
    page: Any, people: dict[Role, str]
) -> None:
    # given a coach on the registration form
    log_in(page, people[Role.COACH], DEFAULT_PASSWORD)
    page.goto("/werkzoekenden/nieuw")
    # when every kind of field is filled in, with an invalid BSN and a distance out of range
    page.get_by_label("Voornaam *").fill("Samira")
    page.get_by_label("Achternaam *").fill("El Amrani")
    page.get_by_label("Geboortedatum").fill("1988-03-14")
    page.get_by_label("BSN").fill("123456789")
    page.get_by_label("E-mailadres").fill("samira@example.nl")
    page.get_by_label("Telefoon").fill("06 12345678")
    page.get_by_label("Gemeente *").fill("Zwolle")  # outside Twente: allowed, but said
    page.get_by_label("Postcode").fill("7607 AB")
    page.get_by_label("Uitkering").select_option("bijstand")
    page.get_by_label("Beschikbaar vanaf").fill((date.today() + timedelta(days=14)).isoformat())
    page.get_by_label("Minimaal uren per week").fill("32")
    page.get_by_label("Maximaal uren per week").fill("36")
    page.get_by_label("Maximale reisafstand (km)").fill("900")
    page.get_by_role("checkbox", name="B", exact=True).check()
    page.get_by_label("Taal", exact=True).select_option(label="Nederlands")
    page.get_by_label("Taalniveau").select_option("goed")
    page.get_by_label("Opleidingsniveau").select_option("mbo")
    page.get_by_label("Functie").fill("Orderpicker")
    skill = _pick(page, "Vaardigheid zoeken (ESCO)", "heftruck", "skill_uri")
    page.get_by_role("button", name="Inschrijven").click()
    # then the form comes back naming both wrong fields, with everything else still there
    _summary_names(page, "BSN", "Maximale reisafstand")
    assert page.locator("#fout-bsn").is_visible()
    assert page.locator("#fout-max_travel_km").is_visible()
    screenshot(page, "registration-wrong-values")
    assert page.get_by_label("Voornaam *").input_value() == "Samira"
    assert page.get_by_label("Geboortedatum").input_value() == "1988-03-14"
    assert page.get_by_label("Taal", exact=True).input_value() == "nld"
    assert page.get_by_role("checkbox", name="B", exact=True).is_checked()
    assert page.locator(f"#keuze-skill_uri input[value='{skill}']").is_checked()
    assert page.get_by_label("BSN").input_value() == ""
    # and a link in the summary puts the focus in the field
    page.locator("#foutoverzicht a", has_text="Maximale reisafstand").click()
    assert page.evaluate("document.activeElement.id") == "veld-max_travel_km"
    # when the coach corrects the distance (and leaves the BSN out), then the person is saved
    page.get_by_label("Maximale reisafstand (km)").fill("25")
    page.get_by_role("button", name="Inschrijven").click()
    page.get_by_text("De werkzoekende is ingeschreven.").wait_for()
    notice = page.locator(".notice.warn").inner_text()
    assert "Zwolle hoort niet bij de gemeenten van deze regio" in notice
    assert "14-03-1988" in page.locator("main").inner_text()
    assert "Nederlands (spreken goed" in page.locator("main").inner_text()
    screenshot(page, "registration-saved-outside-region")


def test_employer_and_vacancy_with_every_field_and_a_wrong_kvk_and_closing_date(
    page: Any, people: dict[Role, str]
) -> None:
    # given an employer adviser on the employers page
    log_in(page, people[Role.EMPLOYER_ADVISER], DEFAULT_PASSWORD)
    page.goto("/werkgevers")
    # when an employer is registered with a KvK number that is too short
    page.get_by_label("Naam *").fill("Logistiek Almelo BV")
    page.get_by_label("KvK-nummer").fill("1234")
    page.get_by_label("Sector").fill("Logistiek")
    page.locator("#veld-municipality").fill("Almelo")
    page.get_by_role("button", name="Registreren").click()
    # then the summary at the top names it and the name stays
    _summary_names(page, "KvK-nummer")
    screenshot(page, "employer-wrong-kvk")
    assert page.get_by_label("Naam *").input_value() == "Logistiek Almelo BV"
    page.get_by_label("KvK-nummer").fill("12345678")
    page.get_by_role("button", name="Registreren").click()
    page.get_by_role("heading", name="Logistiek Almelo BV").wait_for()

    # when a vacancy is filled in completely but closes yesterday
    page.goto("/vacatures/nieuw")
    page.get_by_label("Werkgever *").select_option(label="Logistiek Almelo BV")
    page.get_by_label("Titel *").fill("Heftruckchauffeur dagdienst")
    _pick(page, "Beroep (ESCO)", "heftruck", "occupation_uri")
    page.get_by_label("Gemeente *").fill("Almelo")
    page.get_by_label("Minimaal uren per week").fill("32")
    page.get_by_label("Maximaal uren per week").fill("40")
    page.get_by_label("Contractvorm").select_option("tijdelijk")
    page.get_by_label("Salaris vanaf (€ per maand)").fill("2.800,50")
    page.get_by_label("Startdatum").fill((date.today() + timedelta(days=30)).isoformat())
    page.get_by_label("Sluitingsdatum").fill((date.today() - timedelta(days=1)).isoformat())
    skill = _pick(page, "Essentiële vaardigheden (ESCO)", "heftruck", "skill_uri")
    page.get_by_role("checkbox", name="VCA basis").check()
    page.get_by_role("checkbox", name="Nederlands, goed").check()
    page.get_by_label("Omschrijving").fill("Laden en lossen in het distributiecentrum.")
    page.get_by_role("button", name="Registreren").click()
    # then the closing date is named, and everything typed is still there
    _summary_names(page, "Sluitingsdatum")
    assert "verleden" in page.locator("#fout-closing_date").inner_text()
    screenshot(page, "vacancy-closing-date-in-the-past")
    assert page.get_by_label("Salaris vanaf (€ per maand)").input_value() == "2.800,50"
    assert page.get_by_role("checkbox", name="VCA basis").is_checked()
    assert page.locator(f"#keuze-skill_uri input[value='{skill}']").is_checked()
    # when the date is corrected, then the vacancy shows its requirements in words
    page.get_by_label("Sluitingsdatum").fill((date.today() + timedelta(days=60)).isoformat())
    page.get_by_role("button", name="Registreren").click()
    page.get_by_role("heading", name="Heftruckchauffeur dagdienst").wait_for()
    facts = page.locator("main").inner_text()
    assert "Certificaat: VCA" in facts and "Taal: Nederlands (goed)" in facts
    assert "€ 2.800,50" in facts and "Tijdelijk" in facts
    screenshot(page, "vacancy-registered")


def test_new_user_with_a_wrong_email_and_short_password_then_a_role_change(
    page: Any, people: dict[Role, str]
) -> None:
    # given a partner administrator on the administration page
    log_in(page, people[Role.PARTNER_ADMIN], DEFAULT_PASSWORD)
    page.goto("/beheer")
    # when a new user is entered with a wrong e-mail address and a short password
    page.locator("#veld-nieuw-display_name").fill("Noor Jansen")
    page.locator("#veld-nieuw-email").fill("noor.jansen")
    page.locator("#veld-nieuw-password").fill("kort")
    page.locator("#veld-nieuw-role").select_option("employer_adviser")
    page.get_by_role("button", name="Gebruiker aanmaken").click()
    # then the summary at the top names both, and the name and role stay
    _summary_names(page, "E-mailadres")
    screenshot(page, "user-wrong-email")
    assert page.locator("#veld-nieuw-display_name").input_value() == "Noor Jansen"
    assert page.locator("#veld-nieuw-role").input_value() == "employer_adviser"
    # when corrected, then the user is in the list and their own page changes the role
    page.locator("#veld-nieuw-email").fill("noor.jansen@wierden.nl")
    page.locator("#veld-nieuw-password").fill("een lang en goed wachtwoord")
    page.get_by_role("button", name="Gebruiker aanmaken").click()
    page.get_by_text("De gebruiker is aangemaakt.").wait_for()
    page.get_by_label("Naam of e-mailadres").fill("noor")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("link", name="Noor Jansen").click()
    page.get_by_label("Nieuwe rol").select_option("coach")
    page.get_by_role("button", name="Rol opslaan").click()
    page.get_by_text("De rol is gewijzigd.").wait_for()
    screenshot(page, "user-role-changed")
