"""Booking: every change of money is one balanced transfer, applied to the fund's balance
row by one guarded conditional UPDATE (ADR 0020).

`UPDATE fund_balance SET available = available + :da, ... WHERE fund_id = :id AND
available >= :need ...` changes the row only when no account would go below zero; a
rowcount of 0 means "onvoldoende budget" and the caller's whole transaction rolls back.
The row's CHECK constraints refuse a negative balance even if this guard were bypassed.
On PostgreSQL concurrent bookings on one fund queue on its row lock and each re-reads the
row before it decides; on SQLite the write transaction itself is exclusive.

These functions run inside the calling service's transaction and write no log entry:
the service logs what the person did.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ontschot import clock, errors
from ontschot.budget.ledger.models import ACCOUNTS, LedgerEntry, LedgerTransfer
from ontschot.budget.models import Fund, FundBalance, InterventionRequest
from ontschot.money import format_cents

COLUMNS = {
    "available": FundBalance.available_cents,
    "reserved": FundBalance.reserved_cents,
    "spent": FundBalance.spent_cents,
}


class InsufficientBudget(errors.Conflict):
    def __init__(self, fund_name: str, wanted: int) -> None:
        super().__init__(
            f"onvoldoende budget in {fund_name}: er is minder dan {format_cents(wanted)} "
            "beschikbaar. Niets is geboekt."
        )


@dataclass(frozen=True)
class Dimensions:
    """What a transfer was for, copied so the report can group without the request."""

    request_id: int | None = None
    invoice_id: int | None = None
    instrument_id: int | None = None
    chain_id: int | None = None
    municipality: str | None = None


def dimensions_of(
    request: InterventionRequest, chain_id: int | None, municipality: str
) -> Dimensions:
    return Dimensions(request.id, None, request.instrument_id, chain_id, municipality or None)


def _apply(db: Session, fund: Fund, deltas: dict[str, int]) -> None:
    values = {COLUMNS[a]: COLUMNS[a] + d for a, d in deltas.items() if a in COLUMNS and d}
    if not values:
        return
    guard = [FundBalance.fund_id == fund.id]
    for account, delta in deltas.items():
        if account in COLUMNS and delta < 0:
            guard.append(COLUMNS[account] >= -delta)
    result = db.execute(
        update(FundBalance)
        .where(*guard)
        .values(values)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        wanted = -min(deltas.get("available", 0), deltas.get("reserved", 0), deltas.get("spent", 0))
        raise InsufficientBudget(fund.name, wanted)


def book(
    db: Session,
    *,
    kind: str,
    fund: Fund,
    lines: Sequence[tuple[str, int]],
    amount_cents: int,
    dims: Dimensions = Dimensions(),
    resolves: LedgerTransfer | None = None,
    reverses: LedgerTransfer | None = None,
    note: str | None = None,
    actor_user_id: int | None = None,
) -> LedgerTransfer:
    """Write one balanced transfer and move the fund's balance row with it."""
    if sum(amount for _, amount in lines) != 0:
        raise ValueError(f"unbalanced transfer {kind}: {lines}")
    if any(account not in ACCOUNTS for account, _ in lines):
        raise ValueError(f"unknown account in {lines}")
    deltas: dict[str, int] = {}
    for account, amount in lines:
        deltas[account] = deltas.get(account, 0) + amount
    transfer = LedgerTransfer(
        kind=kind,
        fund_id=fund.id,
        financier_id=fund.financier_id,
        amount_cents=amount_cents,
        request_id=dims.request_id,
        invoice_id=dims.invoice_id,
        instrument_id=dims.instrument_id,
        chain_id=dims.chain_id,
        municipality=dims.municipality,
        period=clock.today().strftime("%Y-%m"),
        resolves_id=resolves.id if resolves else None,
        reverses_id=reverses.id if reverses else None,
        note=note,
        actor_user_id=actor_user_id,
        created_at=clock.now(),
    )
    db.add(transfer)
    db.flush()
    db.add_all(
        LedgerEntry(transfer_id=transfer.id, fund_id=fund.id, account=a, amount_cents=c)
        for a, c in lines
        if c
    )
    db.flush()
    # the balance row last: its row lock is then held only until the commit that follows
    _apply(db, fund, deltas)
    return transfer


def deposit(db: Session, fund: Fund, cents: int, *, actor_user_id: int | None) -> LedgerTransfer:
    return book(
        db,
        kind="deposit",
        fund=fund,
        lines=[("funding", -cents), ("available", cents)],
        amount_cents=cents,
        actor_user_id=actor_user_id,
    )


def withdraw(db: Session, fund: Fund, cents: int, *, actor_user_id: int | None) -> LedgerTransfer:
    return book(
        db,
        kind="withdrawal",
        fund=fund,
        lines=[("available", -cents), ("funding", cents)],
        amount_cents=cents,
        actor_user_id=actor_user_id,
    )


def reserve(
    db: Session, fund: Fund, cents: int, dims: Dimensions, *, actor_user_id: int | None
) -> LedgerTransfer:
    """A pending amount: from available to reserved, until a post or a void resolves it."""
    return book(
        db,
        kind="reserve",
        fund=fund,
        lines=[("available", -cents), ("reserved", cents)],
        amount_cents=cents,
        dims=dims,
        actor_user_id=actor_user_id,
    )


def _unresolved(db: Session, pending: LedgerTransfer) -> None:
    if pending.kind != "reserve":
        raise ValueError("only a reservation is pending")
    done = db.scalar(select(LedgerTransfer.id).where(LedgerTransfer.resolves_id == pending.id))
    if done is not None:
        raise errors.Conflict("Deze reservering is al afgehandeld; een tweede keer kan niet.")


def post(
    db: Session,
    fund: Fund,
    pending: LedgerTransfer,
    cents: int,
    *,
    invoice_id: int,
    actor_user_id: int | None,
) -> LedgerTransfer:
    """Realise a reservation: `cents` are spent, the rest of it is released to available."""
    _unresolved(db, pending)
    if not 0 < cents <= pending.amount_cents:
        raise ValueError("a post realises at most its reservation")
    rest = pending.amount_cents - cents
    dims = _dims_of(pending, invoice_id)
    return book(
        db,
        kind="post",
        fund=fund,
        lines=[("reserved", -pending.amount_cents), ("spent", cents), ("available", rest)],
        amount_cents=cents,
        dims=dims,
        resolves=pending,
        actor_user_id=actor_user_id,
    )


def void(
    db: Session, fund: Fund, pending: LedgerTransfer, *, actor_user_id: int | None
) -> LedgerTransfer:
    """Release a reservation in full (the request was cancelled)."""
    _unresolved(db, pending)
    cents = pending.amount_cents
    return book(
        db,
        kind="void",
        fund=fund,
        lines=[("reserved", -cents), ("available", cents)],
        amount_cents=cents,
        dims=_dims_of(pending, None),
        resolves=pending,
        actor_user_id=actor_user_id,
    )


def reverse(
    db: Session, fund: Fund, posted: LedgerTransfer, *, note: str, actor_user_id: int | None
) -> LedgerTransfer:
    """Undo a post: what it spent goes back to available. Once: `reverses_id` is unique."""
    if posted.kind != "post":
        raise ValueError("only a post can be reversed")
    if db.scalar(select(LedgerTransfer.id).where(LedgerTransfer.reverses_id == posted.id)):
        raise errors.Conflict("Deze boeking is al teruggedraaid; een tweede keer kan niet.")
    cents = posted.amount_cents
    return book(
        db,
        kind="reversal",
        fund=fund,
        lines=[("spent", -cents), ("available", cents)],
        amount_cents=cents,
        dims=_dims_of(posted, posted.invoice_id),
        reverses=posted,
        note=note[:300],
        actor_user_id=actor_user_id,
    )


def _dims_of(transfer: LedgerTransfer, invoice_id: int | None) -> Dimensions:
    return Dimensions(
        transfer.request_id,
        invoice_id,
        transfer.instrument_id,
        transfer.chain_id,
        transfer.municipality,
    )


def open_reservations(db: Session, request_id: int) -> list[LedgerTransfer]:
    """The request's reservations that no post or void resolved yet, in booking order."""
    resolved = select(LedgerTransfer.resolves_id).where(LedgerTransfer.resolves_id.is_not(None))
    return list(
        db.scalars(
            select(LedgerTransfer)
            .where(
                LedgerTransfer.request_id == request_id,
                LedgerTransfer.kind == "reserve",
                LedgerTransfer.id.not_in(resolved),
            )
            .order_by(LedgerTransfer.id)
        )
    )


def open_reservations_of_fund(db: Session, fund_id: int) -> list[LedgerTransfer]:
    """The fund's reservations still pending (for the fund page), oldest first."""
    resolved = select(LedgerTransfer.resolves_id).where(LedgerTransfer.resolves_id.is_not(None))
    return list(
        db.scalars(
            select(LedgerTransfer)
            .where(
                LedgerTransfer.fund_id == fund_id,
                LedgerTransfer.kind == "reserve",
                LedgerTransfer.id.not_in(resolved),
            )
            .order_by(LedgerTransfer.id)
        )
    )
