"""The demo region's pooled budget: sourced funds, requests in every state, invoices and
reversals, booked by the real ledger and balanced to the cent (issue 15, item 8)."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ontschot.budget.ledger.models import LedgerEntry, LedgerTransfer
from ontschot.budget.ledger.reconcile import differences
from ontschot.budget.models import Fund, FundBalance, InterventionRequest, Invoice
from ontschot.config import Settings
from ontschot.synth.generate import Size, generate_region
from ontschot.synth.profiles import OccupationProfile
from ontschot.synth.regions import find_region
from ontschot.synth.write_db import write_region

TODAY = date(2026, 11, 23)


def test_demo_budget_is_sourced_varied_and_balanced(
    db: Session, profiles: tuple[OccupationProfile, ...], settings: Settings
) -> None:
    data = generate_region(profiles, find_region("twente"), Size(900, 250, 8), seed=4, today=TODAY)
    write_region(db, data, settings)

    funds = db.scalars(select(Fund)).all()
    names = {f.name for f in funds}
    assert {"UWV-scholingsbudget WW 2025", "UWV-scholingsbudget WW 2026"} <= names
    assert "Regionaal werkfonds Twente" in names
    assert "Loonkostensubsidie Participatiewet Enschede 2026" in names
    assert all(f.source and "Bron" in f.source for f in funds)

    states = Counter(db.scalars(select(InterventionRequest.state)))
    assert {"approved", "invoiced", "rejected", "cancelled", "reversed"} <= set(states), states
    rejected = db.scalars(
        select(InterventionRequest).where(InterventionRequest.state == "rejected")
    ).all()
    assert all(r.reject_reason for r in rejected)
    # partial invoices released the rest of their reservation
    partial = db.scalars(
        select(Invoice)
        .join(InterventionRequest, InterventionRequest.id == Invoice.request_id)
        .where(Invoice.amount_cents < InterventionRequest.cost_cents)
    ).all()
    assert partial

    # people without a benefit are paid from the regional pooled fund, never from UWV's WW money
    regional = db.scalar(select(Fund.id).where(Fund.name == "Regionaal werkfonds Twente"))
    uwv_training = {f.id for f in funds if f.name.startswith("UWV-scholingsbudget")}
    without = [
        r
        for r in db.scalars(select(InterventionRequest))
        if json.loads(r.facts_json)["benefit"] == "none"
    ]
    assert without
    sources = [
        s["fundId"] if "fundId" in s else s["fund_id"]
        for r in without
        for s in json.loads(r.routing_json)["sources"]
    ]
    assert regional in sources and not uwv_training & set(sources)

    # balanced to the cent: every transfer sums to zero, every balance row equals its entries
    unbalanced = db.scalar(
        select(func.count()).select_from(
            select(LedgerEntry.transfer_id)
            .group_by(LedgerEntry.transfer_id)
            .having(func.sum(LedgerEntry.amount_cents) != 0)
            .subquery()
        )
    )
    assert unbalanced == 0
    assert differences(db) == []
    assert db.scalar(
        select(func.count()).select_from(LedgerTransfer).where(LedgerTransfer.kind == "reversal")
    )
    for balance in db.scalars(select(FundBalance)):
        assert min(balance.available_cents, balance.reserved_cents, balance.spent_cents) >= 0
