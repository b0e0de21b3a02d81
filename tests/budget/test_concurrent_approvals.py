"""100 approvals racing for one fund from 4 OS processes on PostgreSQL: the fund never goes
below zero, every approval is booked or refused with "onvoldoende budget", none is lost or
booked twice. SQLite serialises writers by itself (one write transaction at a time), so
the race only means something on PostgreSQL; CI runs it there."""

from __future__ import annotations

import os
from collections import Counter

import pytest
from sqlalchemy.orm import Session

from ontschot.budget.ledger.models import LedgerTransfer
from ontschot.budget.ledger.reconcile import differences
from ontschot.budget.models import FundBalance, InterventionRequest
from tests.budget.race import drop, engine_for, prepare, race
from tests.conftest import IN_CI, PG_URL_VAR

COUNT, COST, FUND = 100, 100_001, 6_000_000  # room for 59 of the 100


def test_a_hundred_approvals_race_for_one_fund() -> None:
    url = os.environ.get(PG_URL_VAR, "")
    if not url:
        if IN_CI:
            pytest.fail(f"{PG_URL_VAR} must be set in CI")
        pytest.skip("needs PostgreSQL (SQLite serialises writers itself)")
    setup = prepare(url, count=COUNT, fund_cents=FUND, cost_cents=COST)
    try:
        outcomes, _ = race(setup, processes=4)
        engine = engine_for(url, setup.schema)
        with Session(engine) as db:
            balance = db.get(FundBalance, setup.fund_id)
            states = Counter(
                db.get(InterventionRequest, rid).state  # type: ignore[union-attr]
                for rid in setup.request_ids
            )
            reserves = [
                t.request_id
                for t in db.query(LedgerTransfer).filter(LedgerTransfer.kind == "reserve")
            ]
            found = differences(db)
        engine.dispose()
    finally:
        drop(setup)
    said = Counter(what for _, what in outcomes)
    # every approval answered exactly once, as booked or as "onvoldoende budget"
    assert sorted(rid for rid, _ in outcomes) == sorted(setup.request_ids)
    assert set(said) <= {"booked", "refused"}, said
    assert said["booked"] == FUND // COST and said["refused"] == COUNT - FUND // COST
    # what was booked is exactly what the ledger and the balance row hold
    assert balance is not None and balance.available_cents >= 0
    assert balance.reserved_cents == said["booked"] * COST
    assert balance.available_cents == FUND - said["booked"] * COST
    assert sorted(reserves) == sorted(rid for rid, what in outcomes if what == "booked")
    assert states == Counter({"approved": said["booked"], "requested": said["refused"]})
    assert found == []
