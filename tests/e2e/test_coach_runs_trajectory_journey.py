"""Journey (issue 14): a coach starts a trajectory in a chain, records an activity and a
next action, moves through phase 1 into phase 2 (refused without an employer, then with
one), proposes a warm hand-over to a coach of another organisation, who logs in, accepts
and sees the whole history."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from ontschot import clock
from ontschot.access.roles import Role
from ontschot.config import Settings
from ontschot.db import make_engine
from tests.cases.helpers import make_chain
from tests.e2e.conftest import SCREENSHOTS, log_in, screenshot
from tests.factories import (
    DEFAULT_PASSWORD,
    make_candidate,
    make_employer,
    make_organisation,
    make_user,
)

pytestmark = pytest.mark.e2e
NOTES_SHOTS = Path("/work/notes/shots14b")


@pytest.fixture(scope="module")
def people(e2e_settings: Settings, live_server: str) -> dict[str, str]:
    engine = make_engine(e2e_settings.database_url)
    with Session(engine) as db:
        gemeente = make_organisation(db, kind="gemeente", name="Gemeente Almelo (traject)")
        werkfit = make_organisation(db, kind="reintegratiebedrijf", name="Werkfit Twente (traject)")
        sender = make_user(
            db, Role.COACH, organisation=gemeente, email="coach.traject@almelo.nl",
            display_name="Sanne Coach",
        )  # fmt: skip
        receiver = make_user(
            db, Role.COACH, organisation=werkfit, email="coach.traject@werkfit.nl",
            display_name="Ruud Ontvanger",
        )  # fmt: skip
        make_candidate(db, sender, firstName="Ilse", lastName="Tromp")
        make_chain(db, name="Logistiek (journey)")
        make_employer(db, name="Distributiecentrum Almelo B.V.")
        out = {"sender": sender.email, "receiver": receiver.email}
    engine.dispose()
    return out


def _shot(page: Any, name: str) -> None:
    path = screenshot(page, f"trajectory-{name}")
    NOTES_SHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, NOTES_SHOTS / path.name)


def test_coach_runs_a_trajectory_and_hands_it_over_with_its_history(
    page: Any, people: dict[str, str]
) -> None:
    # given a coach with a candidate, on "Mijn trajecten"
    log_in(page, people["sender"], DEFAULT_PASSWORD)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Mijn trajecten"
    ).click()
    page.get_by_role("heading", name="Vandaag aandacht nodig").wait_for()

    # when the coach starts a trajectory in the chain
    page.get_by_role("link", name="Traject starten").click()
    page.locator("#veld-candidate_id").select_option(index=1)
    assert "Ilse Tromp" in page.locator("#veld-candidate_id").inner_text()
    page.get_by_label("Keten *").select_option(label="Logistiek (journey)")
    page.get_by_label("Doel *").fill("Vast werk als orderpicker, 32 uur per week")
    _shot(page, "1-start-form")
    page.get_by_role("button", name="Traject starten").click()
    page.get_by_text("Het traject is gestart").wait_for()
    _shot(page, "2-started")

    # and records a conversation and a next action
    page.get_by_text("Activiteit vastleggen").click()
    page.locator("#veld-ac-kind").select_option("conversation")
    page.locator("#veld-ac-summary").fill("Intakegesprek: wil in de logistiek, heeft rijbewijs B.")
    page.get_by_role("button", name="Activiteit opslaan").click()
    page.get_by_text("De activiteit is vastgelegd.").wait_for()
    page.locator("#veld-va-text").fill("Heftruckcursus aanvragen bij het ROC")
    page.locator("#veld-va-due_date").fill(clock.today().isoformat())
    page.get_by_role("button", name="Volgende actie opslaan").click()
    page.get_by_text("De volgende actie is vastgelegd.").wait_for()

    # and moves through phase 1 (training) to phase 2, first without an employer
    page.get_by_text("Naar een volgende status of fase", exact=True).click()
    page.locator("#veld-st-status_id").select_option(label="Scholing")
    page.get_by_role("button", name="Status vastleggen").click()
    page.get_by_text("De nieuwe status is vastgelegd").wait_for()
    page.get_by_text("Naar een volgende status of fase", exact=True).click()
    page.locator("#veld-st-status_id").select_option(label="Proefplaatsing")
    page.get_by_role("button", name="Status vastleggen").click()
    summary = page.locator("#foutoverzicht")
    summary.wait_for()
    assert "werkgever" in summary.inner_text().lower()
    _shot(page, "3-phase-two-needs-employer")
    page.locator("#veld-st-status_id").select_option(label="Proefplaatsing")
    page.locator("#veld-st-employer_id").select_option(label="Distributiecentrum Almelo B.V.")
    page.get_by_role("button", name="Status vastleggen").click()
    page.get_by_text("De nieuwe status is vastgelegd").wait_for()
    assert "Fase 2: Proefplaatsing" in page.locator("dl.facts").inner_text()

    # and proposes a warm hand-over to a coach of another organisation
    page.get_by_text("Warme overdracht aan een andere organisatie").click()
    page.locator("#veld-ov-to_user_id").select_option(
        label="Ruud Ontvanger (Werkfit Twente (traject))"
    )
    page.locator("#veld-ov-message").fill("Ilse verhuist naar Wierden; Werkfit begeleidt daar.")
    page.get_by_role("button", name="Overdracht voorstellen").click()
    page.get_by_text("De overdracht is voorgesteld").wait_for()
    trajectory_url = page.url.split("?")[0]
    _shot(page, "4-handover-proposed")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Mijn trajecten"
    ).click()
    page.get_by_text("Door u voorgesteld aan Ruud Ontvanger").wait_for()
    _shot(page, "4b-caseload-handover-waiting")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Ketens").click()
    page.get_by_role("link", name="Logistiek (journey)").click()
    page.get_by_role(
        "heading", name="Fasen (Beroepsgroepenketen in twee fasen, versie 1)"
    ).wait_for()
    _shot(page, "4c-chain")
    page.get_by_role("button", name="Uitloggen").click()

    # then the receiving coach logs in, sees it waiting, accepts and keeps the sender reading
    log_in(page, people["receiver"], DEFAULT_PASSWORD)
    page.goto("/trajecten")
    page.get_by_role("link", name="Bekijken en beslissen").click()
    page.get_by_text("Ilse verhuist naar Wierden").wait_for()
    _shot(page, "5-handover-waiting")
    page.get_by_label("Ja, een jaar lang alleen lezen").check()
    page.get_by_role("button", name="Aanvaarden en overnemen").click()
    page.get_by_text("U hebt het traject overgenomen").wait_for()

    # and sees the whole history: the activity, every status reached, the hand-over
    assert page.url.split("?")[0] == trajectory_url
    main = page.locator("main").inner_text()
    assert "Intakegesprek: wil in de logistiek" in main
    for status in ("Intake", "Scholing", "Proefplaatsing"):
        assert page.get_by_role("cell", name=status, exact=True).count() >= 1
    assert "Overdracht aanvaard door Ruud Ontvanger" in main
    assert "Ilse Tromp" in page.get_by_role("heading", level=1).inner_text()
    assert "Ruud Ontvanger" in page.locator("dl.facts").inner_text()
    _shot(page, "6-accepted-with-history")
    assert SCREENSHOTS.exists()
