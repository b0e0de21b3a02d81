"""Journey (issue 15): a coach requests a training for a candidate without benefit; the
router picks the regional pooled fund and explains why the UWV fund cannot pay; a
programme manager who did not request it approves; the fund page shows the reservation;
the provider's invoice through the API (with an Idempotency-Key) realises it; the
financier's report shows it."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.orm import Session

from ontschot.access.roles import Role
from ontschot.budget.models import Financier
from ontschot.config import Settings
from ontschot.db import make_engine
from tests.budget.helpers import POOLED_FUND, UWV_FUND, budget_world
from tests.e2e.conftest import log_in, screenshot
from tests.factories import DEFAULT_PASSWORD, api_token_headers, make_organisation, make_user

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def region(e2e_settings: Settings, live_server: str) -> dict[str, Any]:
    engine = make_engine(e2e_settings.database_url)
    with Session(engine) as db:
        org = make_organisation(db, kind="gemeente", name="Gemeente Almelo (budget)")
        coach = make_user(
            db, Role.COACH, organisation=org, email="coach.budget@almelo.nl",
            display_name="Iris Coach",
        )  # fmt: skip
        manager = make_user(
            db, Role.PROGRAMME_MANAGER, organisation=org, email="pm.budget@almelo.nl",
            display_name="Ruud Programmamanager",
        )  # fmt: skip
        w = budget_world(db, organisation=org, coach=coach, manager=manager)
        provider = api_token_headers(db, org, ["invoice.submit"], Role.PARTNER_ADMIN)
        out = {
            "coach": coach.email,
            "manager": manager.email,
            "trajectory_id": w.trajectory.id,
            "pooled_fund_id": w.pooled_fund.id,
            "pooled_financier": db.get(Financier, w.pooled_fund.financier_id).name,
            "provider": provider,
        }
    engine.dispose()
    return out


def test_coach_requests_a_training_and_the_pooled_fund_pays_it(
    page: Any, region: dict[str, Any], live_server: str
) -> None:
    # given a candidate without benefit in a trajectory, a UWV fund for WW and a pooled fund
    log_in(page, region["coach"], DEFAULT_PASSWORD)
    page.goto(f"/trajecten/{region['trajectory_id']}")
    page.get_by_role("heading", name="Interventies en financiering").wait_for()

    # when the coach requests the training, first without saying what is needed
    page.locator("summary", has_text="Interventie aanvragen").click()
    page.locator("#veld-iv-instrument_id").select_option(index=1)
    page.locator("#veld-iv-cost").fill("2.800,00")
    page.get_by_role("button", name="Interventie aanvragen").click()
    page.locator("#foutoverzicht").wait_for()
    assert "Wat is er nodig" in page.locator("#foutoverzicht").inner_text()
    screenshot(page, "budget-1-request-error")
    page.locator("#veld-iv-need").fill("Heftruckcertificaat, dan kan ze bij het DC beginnen.")
    page.get_by_role("button", name="Interventie aanvragen").click()

    # then the router's choice and the reason per fund stand on the trajectory
    page.get_by_text("De interventie is aangevraagd.").wait_for()
    card = page.locator("section.card", has_text="Heftruckcertificaat").first
    assert f"1. {POOLED_FUND}: € 2.800,00" in card.inner_text()
    card.locator("summary", has_text="Waarom dit fonds").click()
    reasons = card.locator("ul.verdicts").inner_text()
    assert f"{UWV_FUND}: alleen voor mensen met WW" in reasons
    assert "aangevraagd, wacht op goedkeuring" in card.inner_text()
    screenshot(page, "budget-2-requested-with-reasons")

    # when a programme manager (not the requester) approves it
    page.get_by_role("button", name="Uitloggen").click()
    log_in(page, region["manager"], DEFAULT_PASSWORD)
    page.get_by_role("link", name="Aanvragen beoordelen").first.click()
    page.get_by_role("heading", name="Heftruckcertificaat: € 2.800,00").wait_for()
    screenshot(page, "budget-3-approval-queue")
    page.get_by_role("button", name="Goedkeuren en reserveren").first.click()
    page.get_by_text("De aanvraag is goedgekeurd").wait_for()

    # then the fund page shows the reservation
    page.goto(f"/budget/fondsen/{region['pooled_fund_id']}")
    facts = page.locator("dl.facts").inner_text()
    assert "€ 47.200,00" in facts and "€ 2.800,00" in facts
    reservations = page.locator("table", has_text="Goedgekeurd, nog niet gefactureerd")
    assert "€ 2.800,00" in reservations.inner_text()
    screenshot(page, "budget-4-fund-with-reservation")

    # when the provider sends its invoice twice with one Idempotency-Key
    request_id = int(reservations.locator("tbody tr td").nth(1).inner_text().split()[-1])
    body = {
        "interventionRequestId": request_id,
        "amountCents": 265_000,
        "invoiceNumber": "OO-2026-0412",
        "invoiceDate": "2026-11-30",
    }
    headers = region["provider"] | {"Idempotency-Key": "oo-2026-0412"}
    first = page.request.post(f"{live_server}/api/v1/invoices", data=body, headers=headers)
    again = page.request.post(f"{live_server}/api/v1/invoices", data=body, headers=headers)
    assert (first.status, again.status) == (201, 200)
    assert first.json() == again.json() and first.json()["releasedCents"] == 15_000

    # then it is realised once: spent € 2.650, the rest released, nothing reserved
    page.reload()
    facts = page.locator("dl.facts").inner_text()
    assert "€ 2.650,00" in facts and "€ 47.350,00" in facts
    assert "Geen open reserveringen" in page.locator("main").inner_text()
    assert "factuur" in page.locator("table", has_text="Grootboek").inner_text()
    screenshot(page, "budget-5-fund-after-invoice")

    # and the financier's report shows what its money paid for, as its files do
    page.goto("/budget")
    page.get_by_role("link", name=region["pooled_financier"], exact=True).click()
    page.get_by_role("heading", name=f"Verantwoording aan {region['pooled_financier']}").wait_for()
    paid = page.locator("#tabel-by_instrument").inner_text()
    assert "scholing" in paid and "€ 2.650,00" in paid
    assert "€ 2.650,00" in page.locator("#tabel-funds").inner_text()
    screenshot(page, "budget-6-financier-report")
    with page.expect_download() as download:
        page.get_by_role("link", name="Excel (XLSX)").click()
    assert download.value.suggested_filename.endswith(".xlsx")
