"""Journey (issue 14, item 7): a trajectory in phase 2 with a proposal at 'offer'; the coach
records a paid placement from the trajectory page, sees the follow-ups scheduled from the
start, is refused a follow-up before the start date, records the 1-month follow-up and sees
the 3-month one scheduled; the word "duurzaam" comes with its definition."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from ontschot import clock
from ontschot.access.roles import Role
from ontschot.cases.placements.rules import add_months
from ontschot.config import Settings
from ontschot.db import make_engine
from ontschot.people.pipeline import advance_introduction, propose_for_vacancy
from tests.cases.helpers import make_chain, make_trajectory, move_to
from tests.e2e.conftest import SCREENSHOTS, log_in, screenshot
from tests.factories import (
    DEFAULT_PASSWORD,
    actor_of,
    allow_employers,
    make_candidate,
    make_employer,
    make_organisation,
    make_user,
    make_vacancy,
)

pytestmark = pytest.mark.e2e
NOTES_SHOTS = Path("/work/notes/shots14c")


@pytest.fixture(scope="module")
def people(e2e_settings: Settings, live_server: str) -> dict[str, Any]:
    engine = make_engine(e2e_settings.database_url)
    with Session(engine) as db:
        gemeente = make_organisation(db, kind="gemeente", name="Gemeente Hengelo (plaatsing)")
        coach = make_user(
            db, Role.COACH, organisation=gemeente, email="coach.plaatsing@hengelo.nl",
            display_name="Femke Coach",
        )  # fmt: skip
        candidate = make_candidate(db, coach, firstName="Daan", lastName="Wolters")
        allow_employers(db, coach, candidate)
        employer = make_employer(db, name="Logistiek Centrum Hengelo B.V.")
        adviser = make_user(db, Role.EMPLOYER_ADVISER, organisation=gemeente)
        vacancy = make_vacancy(db, adviser, employer, title="Orderpicker")
        chain = make_chain(db, name="Logistiek (plaatsing)")
        trajectory = make_trajectory(db, coach, chain=chain, candidate=candidate)
        actor = actor_of(coach)
        intro = propose_for_vacancy(
            db, actor=actor, candidate_id=candidate.id, vacancy_id=vacancy.id
        )
        for step in ("introduced", "interview", "offer"):
            advance_introduction(db, actor=actor, introduction_id=intro.id, status=step)
        move_to(db, coach, trajectory, "Betaald werk", employer_id=employer.id)
        out = {"coach": coach.email, "trajectory_id": trajectory.id}
    engine.dispose()
    return out


def _shot(page: Any, name: str) -> None:
    path = screenshot(page, f"placement-{name}")
    NOTES_SHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, NOTES_SHOTS / path.name)


def test_coach_places_a_candidate_and_records_the_first_follow_up(
    page: Any, people: dict[str, Any]
) -> None:
    start = clock.today() - timedelta(days=35)
    # given a trajectory in phase 2 with a proposal at 'offer'
    log_in(page, people["coach"], DEFAULT_PASSWORD)
    page.goto(f"/trajecten/{people['trajectory_id']}")
    page.get_by_role("heading", name="Plaatsingen").wait_for()

    # when the coach records a paid placement, first forgetting the hours
    page.locator("summary", has_text="Plaatsing vastleggen").click()
    page.locator("#veld-pa-introduction_id").select_option(index=1)
    assert "Logistiek Centrum Hengelo" in page.locator("#veld-pa-introduction_id").inner_text()
    page.locator("#veld-pa-start_date").fill(start.isoformat())
    page.locator("#veld-pa-contract_type").select_option("fixed_term")
    page.locator("#veld-pa-contract_months").fill("12")
    page.locator("#veld-pa-wage").fill("2.650,00")
    page.locator("#veld-pa-wage_period").select_option("month")
    _shot(page, "1-form")
    page.get_by_role("button", name="Plaatsing vastleggen").click()
    summary = page.locator("#foutoverzicht")
    summary.wait_for()
    assert "Uren per week" in summary.inner_text()
    _shot(page, "2-form-error")
    page.locator("#veld-pa-hours_per_week").fill("32")
    page.get_by_role("button", name="Plaatsing vastleggen").click()

    # then the placement page shows the follow-ups scheduled from the start
    page.get_by_text("De plaatsing is vastgelegd").wait_for()
    main = page.locator("main").inner_text()
    assert "Logistiek Centrum Hengelo B.V." in main and "€ 2.650,00" in main
    for months in (1, 3, 6, 12):
        assert add_months(start, months).strftime("%d-%m-%Y") in main
    page.locator("summary", has_text="Wat betekent duurzaam?").click()
    assert "minstens 12 uur per week" in page.locator("details.definition").inner_text()
    _shot(page, "3-placement-with-follow-ups")

    # when the coach records a follow-up before the start date, it is refused
    page.locator("#veld-nz-contact_date").fill((start - timedelta(days=1)).isoformat())
    page.locator("#veld-nz-still_working").check()
    page.get_by_role("button", name="Nazorgcontact opslaan").click()
    page.locator("#foutoverzicht").wait_for()
    assert "vóór de start" in page.locator("#foutoverzicht").inner_text()
    _shot(page, "4-follow-up-before-start")

    # and then records the 1-month follow-up
    page.locator("#veld-nz-contact_date").fill(clock.today().isoformat())
    page.locator("#veld-nz-still_working").check()
    page.locator("#veld-nz-same_hours").check()
    page.locator("#veld-nz-risk_signals").fill("Late diensten zijn zwaar met de bus.")
    page.locator("#veld-nz-actions_taken").fill("Met de planner vroege diensten afgesproken.")
    page.get_by_role("button", name="Nazorgcontact opslaan").click()
    page.get_by_text("Het nazorgcontact is vastgelegd.").wait_for()

    # then the 1-month one is done and the 3-month one stands scheduled
    rows = page.locator("table tbody tr")
    assert "gedaan" in rows.nth(0).inner_text() and "werkt nog" in rows.nth(0).inner_text()
    third = rows.nth(1).inner_text()
    assert "3 maanden" in third and "gepland" in third
    assert add_months(start, 3).strftime("%d-%m-%Y") in third
    _shot(page, "5-first-follow-up-done")

    # and the trajectory page lists the placement
    page.get_by_role("link", name="Terug naar het traject").click()
    assert (
        "Betaalde plaatsing bij Logistiek Centrum Hengelo B.V." in page.locator("main").inner_text()
    )
    _shot(page, "6-trajectory-with-placement")
    assert SCREENSHOTS.exists()
