"""Journey (issue 16): the programme manager opens the results monitor, filters on the care
chain, sees its retention curve against the region with the numbers beside it, drills down
to the care chain's placements and downloads the XLSX with the same figures."""

from __future__ import annotations

import io
import re
import shutil
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from ontschot import clock
from ontschot.access.roles import Role
from ontschot.cases.placements.models import FollowUp, Placement
from ontschot.config import Settings
from ontschot.db import make_engine
from tests.cases.helpers import make_chain, make_trajectory
from tests.e2e.conftest import log_in, screenshot
from tests.factories import DEFAULT_PASSWORD, make_organisation, make_user

pytestmark = pytest.mark.e2e
SHOTS = Path("/tmp/issue-16-shots")  # noqa: S108 - where the task asks for the screenshots
CARE = "Zorg & Welzijn (monitor)"


def _placements(db: Session, coach: Any, chain: Any, count: int, drop_every: int) -> None:
    today = clock.today()
    for n in range(count):
        trajectory = make_trajectory(db, coach, chain=chain)
        start = today - timedelta(days=40 + 15 * n)
        ended = start + timedelta(days=30 + 7 * n) if n % drop_every == 0 else None
        placement = Placement(
            trajectory_id=trajectory.id,
            candidate_id=trajectory.candidate_id,
            organisation_id=trajectory.organisation_id,
            contract_type="fixed_term",
            contract_months=12,
            hours_per_week=24,
            start_date=start,
            paid=True,
            ended_on=ended if ended and ended < today else None,
            end_reason="resigned" if ended and ended < today else None,
        )
        db.add(placement)
        db.flush()
        db.add(FollowUp(placement_id=placement.id, months=1, due_date=start + timedelta(days=30)))
    db.commit()


@pytest.fixture(scope="module")
def manager(e2e_settings: Settings, live_server: str) -> dict[str, Any]:
    engine = make_engine(e2e_settings.database_url)
    with Session(engine) as db:
        gemeente = make_organisation(db, kind="gemeente", name="Gemeente Almelo (monitor)")
        coach = make_user(db, Role.COACH, organisation=gemeente)
        pm = make_user(
            db, Role.PROGRAMME_MANAGER, organisation=gemeente,
            email="pm.monitor@almelo.nl", display_name="Petra Programma",
        )  # fmt: skip
        care = make_chain(db, name=CARE)
        logistics = make_chain(db, name="Logistiek (monitor)")
        _placements(db, coach, care, 14, drop_every=3)
        _placements(db, coach, logistics, 12, drop_every=5)
        out = {"email": pm.email, "care_id": care.id}
    engine.dispose()
    return out


def _shot(page: Any, name: str) -> None:
    path = screenshot(page, f"monitor-{name}")
    SHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, SHOTS / path.name)


def test_programme_manager_follows_the_care_chain_to_its_placements_and_exports(
    page: Any, manager: dict[str, Any]
) -> None:
    # given the programme manager on the results monitor
    log_in(page, manager["email"], DEFAULT_PASSWORD)
    page.get_by_role("link", name="Resultatenmonitor").first.click()
    page.get_by_role("heading", name="Resultatenmonitor", level=1).wait_for()
    cost = page.locator("#indicator-costPerDurablePlacementCents").inner_text()
    assert "Kosten per duurzame plaatsing" in cost
    # an amount, or why not: no ledger entries yet, or no durable placement to divide by
    assert re.search(r"€ [\d.]+,\d\d|nog geen boekingen in het budget|nog niet bekend", cost), cost
    _shot(page, "1-region")

    # when they filter on the care chain
    page.get_by_label("Keten", exact=True).select_option(label=CARE)
    page.get_by_role("button", name="Tonen").click()
    page.wait_for_url(re.compile(r"keten=\d+"))

    # then its retention curve stands against the region's, with the numbers beside it
    placements = page.locator('[data-key="placements"]').inner_text()
    assert placements == "14"
    curve = page.get_by_role("img", name=re.compile("Behoud van plaatsingen"))
    assert "de regio" in (curve.get_attribute("alt") or "")
    table = page.locator("#tabel-retention").inner_text()
    assert CARE in table and "Regio" in table
    page.locator("#grafiek-retention").scroll_into_view_if_needed()
    _shot(page, "2-care-chain")

    # when they follow the number of placements, they see the care chain's placements
    page.locator('[data-key="placements"] a').click()
    page.get_by_role("heading", name="Plaatsingen achter het cijfer").wait_for()
    assert page.locator("tbody tr").count() == 14
    _shot(page, "3-drill-down")

    # and the XLSX they download has the page's figures
    page.go_back()
    page.get_by_role("heading", name="Resultatenmonitor", level=1).wait_for()
    with page.expect_download() as download:
        page.get_by_role("link", name="Excel (XLSX)").click()
    import openpyxl

    content = Path(download.value.path()).read_bytes()
    sheet = openpyxl.load_workbook(io.BytesIO(content))["Indicatoren"]
    figures = {row[0]: row[1] for row in sheet.iter_rows(min_row=4, values_only=True)}
    assert figures["Plaatsingen"] == "14"
    durable = page.locator('[data-key="durablePlacements"]').inner_text()
    assert figures["Duurzame plaatsingen"] == durable
