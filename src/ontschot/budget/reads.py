"""Read functions of the pooled budget, for the pages, the API and the accountability
report (issue 15, item 7): balances per fund, a fund's entries, and what a financier's
money paid for grouped by fund, instrument, chain, municipality or period.

"Spent" is what invoices realised minus what was reversed: the sum of the ledger's
entries on the `spent` account, so every figure here equals the sum of entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ontschot.access.actor import Actor
from ontschot.budget import funds as fund_service
from ontschot.budget.ledger.models import LedgerEntry, LedgerTransfer
from ontschot.budget.models import Financier, Fund, FundBalance
from ontschot.budget.rules.vocabulary import FundRules
from ontschot.budget.schemas import FundRead

Dimension = Literal["fund", "financier", "instrument", "chain", "municipality", "period"]
_COLUMNS = {
    "fund": LedgerTransfer.fund_id,
    "financier": LedgerTransfer.financier_id,
    "instrument": LedgerTransfer.instrument_id,
    "chain": LedgerTransfer.chain_id,
    "municipality": LedgerTransfer.municipality,
    "period": LedgerTransfer.period,
}


def fund_read(db: Session, fund: Fund, rules: FundRules | None = None) -> FundRead:
    balance = db.get(FundBalance, fund.id)
    financier = db.get(Financier, fund.financier_id)
    return FundRead(
        id=fund.id,
        financier_id=fund.financier_id,
        financier_name=financier.name if financier else "",
        name=fund.name,
        period_start=fund.period_start,
        period_end=fund.period_end,
        amount_cents=fund.amount_cents,
        available_cents=balance.available_cents if balance else 0,
        reserved_cents=balance.reserved_cents if balance else 0,
        spent_cents=balance.spent_cents if balance else 0,
        rules_version=fund.rules_version,
        rules=rules or fund_service.rules_of(db, fund),
    )


def list_funds(db: Session, *, actor: Actor, financier_id: int | None = None) -> list[FundRead]:
    actor.require("budget.read")
    code, _ = fund_service.region_of(db, actor)
    funds = fund_service.funds_in_region(db, code)
    if financier_id is not None:
        funds = [f for f in funds if f.financier_id == financier_id]
    return [fund_read(db, f) for f in funds]


def read_fund(db: Session, *, actor: Actor, fund_id: int) -> FundRead:
    return fund_read(db, fund_service.readable_fund(db, actor, fund_id))


@dataclass(frozen=True)
class EntryLine:
    transfer_id: int
    kind: str
    created_at: object
    request_id: int | None
    invoice_id: int | None
    available: int
    reserved: int
    spent: int
    resolves_id: int | None
    reverses_id: int | None
    note: str | None


def fund_entries(db: Session, *, actor: Actor, fund_id: int, limit: int = 200) -> list[EntryLine]:
    """The fund's transfers, newest first, each with what it moved per account."""
    fund_service.readable_fund(db, actor, fund_id)
    transfers = list(
        db.scalars(
            select(LedgerTransfer)
            .where(LedgerTransfer.fund_id == fund_id)
            .order_by(LedgerTransfer.id.desc())
            .limit(limit)
        )
    )
    moved: dict[tuple[int, str], int] = {}
    if transfers:
        for transfer_id, account, cents in db.execute(
            select(LedgerEntry.transfer_id, LedgerEntry.account, LedgerEntry.amount_cents).where(
                LedgerEntry.transfer_id.in_([t.id for t in transfers])
            )
        ):
            moved[(transfer_id, account)] = moved.get((transfer_id, account), 0) + cents
    return [
        EntryLine(
            t.id,
            t.kind,
            t.created_at,
            t.request_id,
            t.invoice_id,
            moved.get((t.id, "available"), 0),
            moved.get((t.id, "reserved"), 0),
            moved.get((t.id, "spent"), 0),
            t.resolves_id,
            t.reverses_id,
            t.note,
        )
        for t in transfers
    ]


@dataclass(frozen=True)
class SpendingRow:
    key: int | str | None
    reserved_cents: int
    spent_cents: int


def spending(
    db: Session,
    *,
    actor: Actor,
    by: Dimension,
    financier_id: int | None = None,
    fund_id: int | None = None,
    instrument_id: int | None = None,
    chain_id: int | None = None,
    municipality: str | None = None,
    period: str | None = None,
) -> list[SpendingRow]:
    """What the money paid for (spent) and holds (reserved), grouped by one dimension and
    filtered by any of the others: "what did financier X's money pay for"."""
    actor.require("budget.read")
    code, _ = fund_service.region_of(db, actor)
    column = _COLUMNS[by]
    query = (
        select(column, LedgerEntry.account, func.sum(LedgerEntry.amount_cents))
        .join(LedgerTransfer, LedgerTransfer.id == LedgerEntry.transfer_id)
        .where(LedgerEntry.account.in_(("reserved", "spent")))
        .group_by(column, LedgerEntry.account)
    )
    if code:
        query = query.where(
            LedgerTransfer.fund_id.in_(select(Fund.id).where(Fund.region_code == code))
        )
    filters = {
        LedgerTransfer.financier_id: financier_id,
        LedgerTransfer.fund_id: fund_id,
        LedgerTransfer.instrument_id: instrument_id,
        LedgerTransfer.chain_id: chain_id,
        LedgerTransfer.municipality: municipality,
        LedgerTransfer.period: period,
    }
    for col, value in filters.items():
        if value is not None:
            query = query.where(col == value)
    totals: dict[int | str | None, dict[str, int]] = {}
    for key, account, cents in db.execute(query):
        totals.setdefault(key, {"reserved": 0, "spent": 0})[account] = int(cents or 0)
    return [
        SpendingRow(key, v["reserved"], v["spent"])
        for key, v in sorted(totals.items(), key=lambda kv: str(kv[0]))
    ]
