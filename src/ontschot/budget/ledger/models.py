"""Ledger transfers and their entries: append-only (triggers refuse UPDATE and DELETE on
both databases, like the processing log), integer cents, each transfer balanced.

A transfer's entries move money between a fund's accounts: `funding` (what the financier
put in, negative), `available`, `reserved` and `spent`. Every transfer's entries sum to 0.
A `reserve` is pending until exactly one `post` (invoice) or `void` (cancellation)
resolves it (`resolves_id` is unique); a `reversal` undoes a post once (`reverses_id` is
unique). The dimensions the accountability report groups by are copied onto the transfer.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ontschot.db import Base, UTCDateTime, utcnow

KINDS = ("deposit", "withdrawal", "reserve", "post", "void", "reversal")
ACCOUNTS = ("funding", "available", "reserved", "spent")


class LedgerTransfer(Base):
    __tablename__ = "ledger_transfer"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(12), index=True)
    fund_id: Mapped[int] = mapped_column(ForeignKey("fund.id"), index=True)
    financier_id: Mapped[int] = mapped_column(Integer, index=True)
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    # no foreign keys to requests or people: the ledger outlives an erased person
    request_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    invoice_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    instrument_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    chain_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    municipality: Mapped[str | None] = mapped_column(String(80), nullable=True)
    period: Mapped[str] = mapped_column(String(7))  # YYYY-MM of booking
    resolves_id: Mapped[int | None] = mapped_column(
        ForeignKey("ledger_transfer.id"), nullable=True, unique=True
    )
    reverses_id: Mapped[int | None] = mapped_column(
        ForeignKey("ledger_transfer.id"), nullable=True, unique=True
    )
    note: Mapped[str | None] = mapped_column(String(300), nullable=True)
    actor_user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class LedgerEntry(Base):
    __tablename__ = "ledger_entry"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    transfer_id: Mapped[int] = mapped_column(ForeignKey("ledger_transfer.id"), index=True)
    fund_id: Mapped[int] = mapped_column(Integer)
    account: Mapped[str] = mapped_column(String(10))
    amount_cents: Mapped[int] = mapped_column(BigInteger)  # signed: + into the account

    __table_args__ = (Index("ix_ledger_entry_fund_account", "fund_id", "account"),)
