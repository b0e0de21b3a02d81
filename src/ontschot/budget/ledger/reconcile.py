"""Recompute every stored balance from the ledger's entries and report each difference.

`ontschot budget reconcile` prints `balanced` (exit 0) when there is none. Checked: each
fund's available, reserved and spent balance equals the sum of its entries on that
account; what the financier put in (`fund.amount_cents`) equals minus the sum on
`funding`; every transfer's entries sum to zero; no reservation is resolved twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ontschot.budget.ledger.models import LedgerEntry, LedgerTransfer
from ontschot.budget.models import Fund, FundBalance


@dataclass(frozen=True)
class Difference:
    what: str
    stored: int
    from_entries: int

    def __str__(self) -> str:
        return f"{self.what}: stored {self.stored}, entries {self.from_entries}"


def entry_sums(db: Session) -> dict[tuple[int, str], int]:
    rows = db.execute(
        select(
            LedgerEntry.fund_id, LedgerEntry.account, func.sum(LedgerEntry.amount_cents)
        ).group_by(LedgerEntry.fund_id, LedgerEntry.account)
    ).all()
    return {(fund_id, account): int(total or 0) for fund_id, account, total in rows}


def differences(db: Session) -> list[Difference]:
    sums = entry_sums(db)
    out: list[Difference] = []
    funds = {f.id: f for f in db.scalars(select(Fund))}
    balances = {b.fund_id: b for b in db.scalars(select(FundBalance))}
    for fund_id in sorted(set(funds) | set(balances) | {k[0] for k in sums}):
        b = balances.get(fund_id)
        fund = funds.get(fund_id)
        stored = {
            "available": b.available_cents if b else 0,
            "reserved": b.reserved_cents if b else 0,
            "spent": b.spent_cents if b else 0,
        }
        for account, value in stored.items():
            summed = sums.get((fund_id, account), 0)
            if value != summed:
                out.append(Difference(f"fund {fund_id} {account}", value, summed))
        funded = -sums.get((fund_id, "funding"), 0)
        if fund is not None and fund.amount_cents != funded:
            out.append(Difference(f"fund {fund_id} amount put in", fund.amount_cents, funded))
    unbalanced = db.execute(
        select(LedgerEntry.transfer_id, func.sum(LedgerEntry.amount_cents))
        .group_by(LedgerEntry.transfer_id)
        .having(func.sum(LedgerEntry.amount_cents) != 0)
    ).all()
    for transfer_id, total in unbalanced:
        out.append(Difference(f"transfer {transfer_id} entries", 0, int(total)))
    twice = db.execute(
        select(LedgerTransfer.resolves_id, func.count())
        .where(LedgerTransfer.resolves_id.is_not(None))
        .group_by(LedgerTransfer.resolves_id)
        .having(func.count() > 1)
    ).all()
    for pending_id, n in twice:
        out.append(Difference(f"reservation {pending_id} resolved times", 1, int(n)))
    return out
