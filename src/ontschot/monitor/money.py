"""The pooled budget's ledger as the monitor's money facts (ADR 0023's adapter).

One fact per intervention request, fund and booking month: how much that month's
transfers moved into "committed" (reserved or spent) and into "spent". Summed over the
months a fact gives the request's current position, so every money figure of the monitor
is a sum of ledger entries, to the cent, and a period filter shows what moved in that
period. Deposits and withdrawals (money into a fund, not for anyone) are not facts.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from ontschot.budget.ledger.models import LedgerEntry, LedgerTransfer
from ontschot.budget.models import Financier, Fund, Instrument, InterventionRequest
from ontschot.budget.rules.vocabulary import KIND_NAMES
from ontschot.monitor.facts import MoneyFact


def ledger_money(db: Session) -> list[MoneyFact]:
    committed = func.sum(
        case((LedgerEntry.account.in_(("reserved", "spent")), LedgerEntry.amount_cents), else_=0)
    )
    spent = func.sum(case((LedgerEntry.account == "spent", LedgerEntry.amount_cents), else_=0))
    # the dimensions are copied onto every transfer of a request, so grouping by them
    # splits nothing
    keys = (
        LedgerTransfer.request_id,
        LedgerTransfer.fund_id,
        LedgerTransfer.period,
        LedgerTransfer.instrument_id,
        LedgerTransfer.chain_id,
        LedgerTransfer.municipality,
    )
    rows = db.execute(
        select(*keys, committed, spent)
        .join(LedgerTransfer, LedgerTransfer.id == LedgerEntry.transfer_id)
        .where(LedgerTransfer.request_id.is_not(None))
        .group_by(*keys)
        .order_by(*keys[:3])
    ).all()
    if not rows:
        return []
    funds = {
        f.id: (f, name)
        for f, name in db.execute(
            select(Fund, Financier.name).join(Financier, Financier.id == Fund.financier_id)
        ).tuples()
    }
    kinds = dict(db.execute(select(Instrument.id, Instrument.kind)).tuples().all())
    trajectories = dict(
        db.execute(
            select(InterventionRequest.id, InterventionRequest.trajectory_id).where(
                InterventionRequest.id.in_({row[0] for row in rows})
            )
        )
        .tuples()
        .all()
    )
    facts: list[MoneyFact] = []
    for request_id, fund_id, period, instrument_id, chain_id, place, moved, paid in rows:
        if not moved and not paid:
            continue  # reserved and released in the same month: nothing moved
        fund, financier_name = funds[fund_id]
        facts.append(
            MoneyFact(
                trajectory_id=trajectories.get(request_id),
                placement_id=None,
                financier_id=fund.financier_id,
                financier_name=financier_name,
                fund_id=fund.id,
                fund_name=fund.name,
                instrument=KIND_NAMES.get(kinds.get(instrument_id, ""), "onbekend instrument"),
                chain_id=chain_id,
                municipality=place,
                period=date(int(period[:4]), int(period[5:7]), 1),
                committed_cents=int(moved or 0),
                realised_cents=int(paid or 0),
            )
        )
    return facts
