"""The monitor's money facts come from the pooled budget's ledger, to the cent: a request
reserved in one month and invoiced in part in the next gives per-month movements whose sum
is the ledger's reserved and spent, and the monitor's money indicators equal the ledger."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy.orm import Session

from ontschot import clock
from ontschot.budget import invoices, reads
from ontschot.budget import requests as budget_requests
from ontschot.budget.schemas import InterventionRequestCreate, InvoiceCreate
from ontschot.cases.placements.rules import PlacementRules
from ontschot.config import Settings
from ontschot.monitor.indicators import compute
from ontschot.monitor.loader import collect_facts
from ontschot.monitor.money import ledger_money
from ontschot.monitor.selection import MonitorFilter
from tests.budget.helpers import budget_world
from tests.factories import actor_of


def test_ledger_movements_become_money_facts_that_sum_to_the_ledger(
    db: Session, settings: Settings
) -> None:
    assert ledger_money(db) == []
    world = budget_world(db)
    coach, manager = actor_of(world.coach), actor_of(world.other_manager)
    with clock.frozen(datetime(2026, 3, 20, 10, tzinfo=UTC)) as advance:
        request = budget_requests.request_intervention(
            db,
            actor=coach,
            data=InterventionRequestCreate(
                trajectory_id=world.trajectory.id,
                instrument_id=world.instrument.id,
                need="Heftruckcertificaat voor het werk in het magazijn",
            ),
        )
        budget_requests.approve_request(db, actor=manager, request_id=request.id)
        advance(timedelta(days=20))  # into April
        invoices.submit_invoice(
            db,
            actor=manager,
            data=InvoiceCreate(
                intervention_request_id=request.id,
                amount_cents=250_000,
                invoice_number="F-1",
                invoice_date=date(2026, 4, 9),
            ),
        )

    facts = ledger_money(db)
    by_month = {(f.period, f.fund_name): (f.committed_cents, f.realised_cents) for f in facts}
    # March: 2.800,00 reserved; April: 2.500,00 spent and 300,00 released
    assert by_month == {
        (date(2026, 3, 1), world.pooled_fund.name): (280_000, 0),
        (date(2026, 4, 1), world.pooled_fund.name): (-30_000, 250_000),
    }
    assert {f.trajectory_id for f in facts} == {world.trajectory.id}
    assert {f.instrument for f in facts} == {"scholing"}

    spent = reads.spending(db, actor=manager, by="fund")
    assert sum(r.spent_cents for r in spent) == sum(f.realised_cents for f in facts) == 250_000
    assert sum(r.reserved_cents + r.spent_cents for r in spent) == sum(
        f.committed_cents for f in facts
    )

    bundle = collect_facts(db)
    result = compute(
        bundle,
        MonitorFilter(),
        rules=PlacementRules.from_settings(settings),
        observed_on=date(2026, 5, 1),
        masked=False,
    )
    financier = next(iter(result.money_by_financier))
    assert result.money_by_financier[financier] == (250_000, 250_000)
    only_march = compute(
        bundle,
        MonitorFilter(period_from=date(2026, 3, 1), period_to=date(2026, 3, 31)),
        rules=PlacementRules.from_settings(settings),
        observed_on=date(2026, 5, 1),
        masked=False,
    )
    assert only_march.money_by_fund == {world.pooled_fund.name: (280_000, 0)}
