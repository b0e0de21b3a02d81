"""Acceptance journey of issue 14, end to end in one browser: a coach edits a candidate's
wishes, records a contact moment and proposes the candidate from a suggestion; the employer
answers "interested" in their own pages; the coach runs the trajectory through phase 1 (a
training) and phase 2 (a trial placement) to a paid placement, records the 1-month
follow-up and sees the 3-month one scheduled; a warm hand-over to a coach of another
organisation keeps the whole history, and the receiver sees all of it. On the way the
employer registers an employee at risk (work-to-work). It replaces the journey "a coach runs
a trajectory" (start, activity, statuses, phase 2 needs an employer, hand-over)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy.orm import Session

from ontschot import clock
from ontschot.access.roles import Role
from ontschot.cases.placements.rules import add_months
from ontschot.config import Settings
from ontschot.db import make_engine
from tests.cases.helpers import make_chain
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
CANDIDATE = "Noor Bakker"


@pytest.fixture(scope="module")
def world(e2e_settings: Settings, live_server: str) -> dict[str, Any]:
    engine = make_engine(e2e_settings.database_url)
    with Session(engine) as db:
        occupation, essential, _ = occupation_with_skills(db, "heftruckchauffeur")
        gemeente = make_organisation(db, kind="gemeente", name="Gemeente Wierden (acceptatie)")
        werkfit = make_organisation(db, kind="reintegratie", name="Werkfit Rijssen (acceptatie)")
        coach = make_user(
            db, Role.COACH, organisation=gemeente, email="coach.acceptatie@wierden.nl",
            display_name="Lotte Coach",
        )  # fmt: skip
        receiver = make_user(
            db, Role.COACH, organisation=werkfit, email="coach.acceptatie@werkfit.nl",
            display_name="Bram Ontvanger",
        )  # fmt: skip
        company = make_organisation(db, kind="werkgever", name="Overslag Wierden B.V.")
        employer_user = make_user(
            db, Role.EMPLOYER, organisation=company, email="hr.acceptatie@overslag.nl"
        )
        employer = make_employer(db, name="Overslag Wierden B.V.", organisation=company)
        employer.contact_user_id = coach.id  # vast contactpersoon: takes work-to-work cases
        db.commit()
        vacancy = make_vacancy(
            db, coach, employer, title="Heftruckchauffeur dagdienst", municipality="Wierden",
            occupationUri=occupation, skills=essential[:5],
        )  # fmt: skip
        make_candidate(
            db, coach, firstName="Noor", lastName="Bakker", municipality="Wierden",
            skills=[{"skillUri": uri, "source": "coach_confirmed"} for uri in essential[:4]],
            workHistory=[{"employerName": "Tuincentrum Wierden", "jobTitle": "magazijnmedewerker",
                          "occupationUri": occupation, "startDate": "2018-03-01",
                          "endDate": "2025-06-30"}],
            consents=[("employer_suggestions", "all")],
        )  # fmt: skip
        make_chain(db, name="Logistiek (acceptatie)")
        out = {
            "coach": coach.email,
            "receiver": receiver.email,
            "employer": employer_user.email,
            "vacancy_id": vacancy.id,
        }
    engine.dispose()
    return out


def _shot(page: Any, name: str) -> None:
    screenshot(page, f"acceptance-{name}")


def _log_out(page: Any) -> None:
    page.get_by_role("button", name="Uitloggen").click()
    page.get_by_label("E-mailadres").wait_for()


def _status(page: Any, name: str) -> None:
    page.get_by_text("Naar een volgende status of fase", exact=True).click()
    page.locator("#veld-st-status_id").select_option(label=name)
    page.get_by_role("button", name="Status vastleggen").click()
    page.get_by_text("De nieuwe status is vastgelegd").wait_for()


def _proposal_step(page: Any, candidate_url: str, step: str) -> None:
    page.goto(candidate_url)
    page.locator("ul.tabs").get_by_role("link", name="Voorstellen").click()
    page.get_by_label(step).first.check()
    page.get_by_role("button", name="Status opslaan").click()
    page.get_by_text(step).first.wait_for()


def _place(page: Any, *, paid: bool, start: str, **fields: str) -> None:
    page.locator("summary", has_text="Plaatsing vastleggen").click()
    page.locator("#veld-pa-introduction_id").select_option(index=1)
    page.locator(f"input[name=paid][value={'ja' if paid else 'nee'}]").check()
    page.locator("#veld-pa-start_date").fill(start)
    for name, value in fields.items():
        target = page.locator(f"#veld-pa-{name}")
        if name in ("contract_type", "wage_period"):
            target.select_option(value)
        else:
            target.fill(value)
    page.get_by_role("button", name="Plaatsing vastleggen").click()
    page.get_by_text("De plaatsing is vastgelegd").wait_for()


def test_the_workbench_from_suggestion_to_durable_work_and_a_warm_hand_over(
    page: Any, world: dict[str, Any]
) -> None:
    today = clock.today()
    # given a coach with a consenting candidate and a matching vacancy
    log_in(page, world["coach"], DEFAULT_PASSWORD)
    page.goto("/werkzoekenden")
    page.get_by_role("link", name=CANDIDATE).click()
    page.get_by_role("heading", name=CANDIDATE).wait_for()
    candidate_url = page.url.split("?")[0]

    # when the coach edits the wishes, records a phone call and proposes from a suggestion
    page.get_by_role("link", name="Profiel, status en wensen wijzigen").click()
    page.get_by_label("Gewenste sectoren").fill("Logistiek")
    page.get_by_label("Maximaal uren per week").fill("32")
    page.get_by_role("button", name="Wijzigingen opslaan").click()
    page.get_by_text("De wijzigingen zijn opgeslagen").wait_for()
    assert "Logistiek" in page.locator("dt:has-text('Wensen') + dd").inner_text()
    page.locator("ul.tabs").get_by_role("link", name="Contactmomenten").click()
    page.get_by_label("Soort contact").select_option("phone")
    page.get_by_label("Samenvatting").fill("Gebeld: Noor wil heftruck rijden, dagdienst.")
    page.get_by_label("Volgende actie").fill("Voorstellen bij Overslag Wierden")
    page.get_by_label("Uiterlijk op").fill((today + timedelta(days=3)).isoformat())
    page.get_by_role("button", name="Contactmoment vastleggen").click()
    page.get_by_text("Het contactmoment is vastgelegd").wait_for()
    page.goto(candidate_url)
    page.locator("ul.tabs").get_by_role("link", name="Vacaturesuggesties").click()
    card = page.locator(f"#v{world['vacancy_id']}")
    card.get_by_role("button", name="Voorstellen aan werkgever").click()
    page.get_by_text("Voorgesteld. De werkgever ziet het voorstel").wait_for()
    _shot(page, "1-proposed-from-suggestion")
    _log_out(page)

    # and the employer answers "interested" in their own pages
    log_in(page, world["employer"], DEFAULT_PASSWORD)
    page.get_by_role("navigation").get_by_role("link", name="Voorstellen").first.click()
    page.locator("table").get_by_role("link").first.click()
    page.get_by_label("Ja, ik wil kennismaken").check()
    page.get_by_role("button", name="Antwoord versturen").click()
    page.get_by_text("Uw antwoord is verstuurd").wait_for()
    _shot(page, "2-employer-interested")

    # and the employer registers an employee at risk (work-to-work), first without consent
    page.get_by_role("navigation").get_by_role("link", name="Van werk naar werk").click()
    page.get_by_label("Keten *").select_option(label="Logistiek (acceptatie)")
    page.locator("#veld-r1_first_name").fill("Kees")
    page.locator("#veld-r1_last_name").fill("Hofstede")
    page.locator("#veld-r1_municipality").fill("Wierden")
    page.locator("#veld-r1_job_title").fill("Expeditiemedewerker")
    page.locator("#veld-r1_hours_per_week").fill("36")
    page.locator("#veld-r1_job_ends_on").fill((today + timedelta(days=120)).isoformat())
    page.get_by_role("button", name="Werknemers aanmelden").click()
    page.locator("#foutoverzicht").wait_for()
    assert "Werknemer 1, instemming" in page.locator("#foutoverzicht").inner_text()
    _shot(page, "2b-work-to-work-refused")
    page.locator("#veld-r1_agreed").check()
    page.get_by_role("button", name="Werknemers aanmelden").click()
    page.get_by_text("1 werknemer is aangemeld").wait_for()
    row = page.locator("table tbody tr").first.inner_text()
    assert "Kees Hofstede" in row and "Lotte Coach" in row and "Intake" in row
    _shot(page, "2c-work-to-work-registered")
    _log_out(page)

    # when the coach starts a trajectory and runs phase 1: a training
    log_in(page, world["coach"], DEFAULT_PASSWORD)
    page.goto(candidate_url)
    page.get_by_role("link", name="Traject starten in een keten").click()
    page.get_by_label("Keten *").select_option(label="Logistiek (acceptatie)")
    page.get_by_label("Doel *").fill("Vast werk als heftruckchauffeur, 32 uur per week")
    page.get_by_role("button", name="Traject starten").click()
    page.get_by_text("Het traject is gestart").wait_for()
    trajectory_url = page.url.split("?")[0]
    page.get_by_text("Activiteit vastleggen").click()
    page.locator("#veld-ac-kind").select_option("training_start")
    page.locator("#veld-ac-summary").fill("Gestart met de heftruckopleiding bij het ROC.")
    page.get_by_role("button", name="Activiteit opslaan").click()
    page.get_by_text("De activiteit is vastgelegd.").wait_for()
    _status(page, "Scholing")

    # and the proposal moves on to an offer
    _proposal_step(page, candidate_url, "Sollicitatiegesprek")
    _proposal_step(page, candidate_url, "Aanbod")

    # and phase 2 starts with a trial placement at the employer (not without one)
    page.goto(trajectory_url)
    page.get_by_text("Naar een volgende status of fase", exact=True).click()
    page.locator("#veld-st-status_id").select_option(label="Proefplaatsing")
    page.get_by_role("button", name="Status vastleggen").click()
    page.locator("#foutoverzicht").wait_for()
    assert "werkgever" in page.locator("#foutoverzicht").inner_text().lower()
    _shot(page, "3a-phase-two-needs-employer")
    page.locator("#veld-st-status_id").select_option(label="Proefplaatsing")
    page.locator("#veld-st-employer_id").select_option(label="Overslag Wierden B.V.")
    page.get_by_role("button", name="Status vastleggen").click()
    page.get_by_text("De nieuwe status is vastgelegd").wait_for()
    trial_start, paid_start = today - timedelta(days=70), today - timedelta(days=35)
    _place(
        page, paid=False, start=trial_start.isoformat(), hours_per_week="24",
        contract_type="fixed_term", trial_end_date=(paid_start - timedelta(days=1)).isoformat(),
        intended_contract_months="12",
    )  # fmt: skip
    assert "Proefplaatsing (onbetaald)" in page.locator("main").inner_text()
    _shot(page, "3-trial-placement")

    # and the trial ends, turned into a contract: paid work from the same proposal
    page.locator("summary", has_text="Einde dienstverband vastleggen").click()
    page.locator("#veld-ei-end_date").fill((paid_start - timedelta(days=1)).isoformat())
    page.locator("#veld-ei-reason").select_option("trial_converted")
    page.get_by_role("button", name="Einde vastleggen").click()
    page.get_by_text("Het einde van het dienstverband is vastgelegd.").wait_for()
    page.goto(trajectory_url)
    _status(page, "Betaald werk")
    _place(
        page, paid=True, start=paid_start.isoformat(), hours_per_week="32",
        contract_type="fixed_term", contract_months="12", wage="2.750,00", wage_period="month",
    )  # fmt: skip
    placement_url = page.url.split("?")[0]

    # when the coach records the 1-month follow-up
    page.locator("#veld-nz-contact_date").fill(today.isoformat())
    page.locator("#veld-nz-still_working").check()
    page.locator("#veld-nz-same_hours").check()
    page.locator("#veld-nz-actions_taken").fill("Op de werkvloer gesproken; gaat goed.")
    page.get_by_role("button", name="Nazorgcontact opslaan").click()
    page.get_by_text("Het nazorgcontact is vastgelegd.").wait_for()

    # then it is done and the 3-month one stands scheduled
    rows = page.locator("table tbody tr")
    assert "gedaan" in rows.nth(0).inner_text()
    third = rows.nth(1).inner_text()
    assert "3 maanden" in third and "gepland" in third
    assert add_months(paid_start, 3).strftime("%d-%m-%Y") in third
    _shot(page, "4-paid-placement-follow-up")

    # when the coach hands the trajectory over to a coach of another organisation
    page.goto(trajectory_url)
    page.get_by_text("Warme overdracht aan een andere organisatie").click()
    page.locator("#veld-ov-to_user_id").select_option(
        label="Bram Ontvanger (Werkfit Rijssen (acceptatie))"
    )
    page.locator("#veld-ov-message").fill("Noor verhuist naar Rijssen; nazorg daar.")
    page.get_by_role("button", name="Overdracht voorstellen").click()
    page.get_by_text("De overdracht is voorgesteld").wait_for()
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Mijn trajecten"
    ).click()
    page.get_by_text("Door u voorgesteld aan Bram Ontvanger").wait_for()
    _log_out(page)
    log_in(page, world["receiver"], DEFAULT_PASSWORD)
    page.goto("/trajecten")
    page.get_by_role("link", name="Bekijken en beslissen").click()
    page.get_by_text("Noor verhuist naar Rijssen").wait_for()
    page.get_by_label("Ja, een jaar lang alleen lezen").check()
    page.get_by_role("button", name="Aanvaarden en overnemen").click()
    page.get_by_text("U hebt het traject overgenomen").wait_for()

    # then the receiver sees the whole history: person, activity, statuses, placements
    assert page.url.split("?")[0] == trajectory_url
    main = page.locator("main").inner_text()
    assert CANDIDATE in page.get_by_role("heading", level=1).inner_text()
    assert "heftruckopleiding" in main
    for status in ("Intake", "Scholing", "Proefplaatsing", "Betaald werk"):
        assert page.get_by_role("cell", name=status, exact=True).count() >= 1
    assert "Proefplaatsing bij Overslag Wierden B.V." in main
    assert "Betaalde plaatsing bij Overslag Wierden B.V." in main
    assert "Overdracht aanvaard door Bram Ontvanger" in main
    _shot(page, "5-receiver-sees-everything")
    page.goto(placement_url)
    assert "gedaan" in page.locator("table tbody tr").nth(0).inner_text()
    page.goto(candidate_url)
    page.locator("ul.tabs").get_by_role("link", name="Contactmomenten").click()
    assert "heftruck rijden" in page.locator("main").inner_text()
    _shot(page, "6-receiver-sees-contact-moments")
    assert SCREENSHOTS.exists()
