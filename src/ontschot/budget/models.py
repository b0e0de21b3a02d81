"""Financiers, funds (with their versioned rules), instruments, intervention requests and
invoices. The money itself lives in the ledger (`budget/ledger/models.py`); a fund's
`FundBalance` row is the ledger's running sum, guarded by the database (ADR 0020).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from ontschot.db import Base, UTCDateTime, utcnow


class Financier(Base):
    """Who puts money in: UWV, a gemeente, the national programme, a sector (O&O) fund."""

    __tablename__ = "financier"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    # uwv | gemeente | national | sector_fund | employers | other
    kind: Mapped[str] = mapped_column(String(16))
    region_code: Mapped[str] = mapped_column(String(40), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (UniqueConstraint("region_code", "name"),)


class Fund(Base):
    __tablename__ = "fund"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    financier_id: Mapped[int] = mapped_column(ForeignKey("financier.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    region_code: Mapped[str] = mapped_column(String(40), index=True)
    region_name: Mapped[str] = mapped_column(String(200), default="")
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    # what the financier put in so far (the sum of its deposits in the ledger)
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    rules_version: Mapped[int] = mapped_column(Integer, default=1)
    source: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class FundRuleVersion(Base):
    """Every version of a fund's rules, kept: a request records the version it was routed
    under, and the accountability report can say which rules paid for what."""

    __tablename__ = "fund_rule_version"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fund_id: Mapped[int] = mapped_column(ForeignKey("fund.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    rules_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)

    __table_args__ = (UniqueConstraint("fund_id", "version"),)


class FundBalance(Base):
    """The running sums of a fund's ledger accounts. The CHECKs make a negative balance
    impossible whatever the code does; every change is a guarded conditional UPDATE."""

    __tablename__ = "fund_balance"

    fund_id: Mapped[int] = mapped_column(ForeignKey("fund.id"), primary_key=True)
    available_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    reserved_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    spent_cents: Mapped[int] = mapped_column(BigInteger, default=0)

    __table_args__ = (
        CheckConstraint("available_cents >= 0", name="available_not_negative"),
        CheckConstraint("reserved_cents >= 0", name="reserved_not_negative"),
        CheckConstraint("spent_cents >= 0", name="spent_not_negative"),
    )


class Instrument(Base):
    """One catalogue of what money can buy. A training offer of the career routes is an
    instrument of kind `training`, kept in step by the training import (`training_offer_id`)."""

    __tablename__ = "instrument"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(24), index=True)
    name: Mapped[str] = mapped_column(String(300))
    provider: Mapped[str] = mapped_column(String(200))
    # None: priced per quote (offerte)
    unit_price_cents: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    duration_weeks: Mapped[int | None] = mapped_column(Integer, nullable=True)
    valid_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    valid_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    training_offer_id: Mapped[int | None] = mapped_column(
        ForeignKey("training_offer.id", ondelete="SET NULL"), nullable=True, unique=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class InterventionRequest(Base):
    """A coach asks for an instrument for a candidate within a trajectory.

    The facts the router used are copied here (benefit, status, age, municipality, sector,
    chain), so the decision can be explained later even when the person's data changed or
    was erased. state: requested | approved | rejected | cancelled | invoiced.
    """

    __tablename__ = "intervention_request"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    trajectory_id: Mapped[int] = mapped_column(
        ForeignKey("trajectory.id", ondelete="CASCADE"), index=True
    )
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidate.id", ondelete="CASCADE"), index=True
    )
    instrument_id: Mapped[int] = mapped_column(ForeignKey("instrument.id"), index=True)
    need: Mapped[str] = mapped_column(Text)
    cost_cents: Mapped[int] = mapped_column(BigInteger)
    quote_reference: Mapped[str | None] = mapped_column(String(100), nullable=True)
    state: Mapped[str] = mapped_column(String(12), default="requested", index=True)
    facts_json: Mapped[str] = mapped_column(Text)
    routing_json: Mapped[str] = mapped_column(Text)
    organisation_id: Mapped[int] = mapped_column(Integer)
    region_code: Mapped[str] = mapped_column(String(40), default="")
    requested_by_user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    decided_by_user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    reject_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    __table_args__ = (CheckConstraint("cost_cents > 0", name="cost_positive"),)


class InterventionFunding(Base):
    """One source of the router's plan: fund, order and the capped amount it pays."""

    __tablename__ = "intervention_funding"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("intervention_request.id", ondelete="CASCADE"), index=True
    )
    fund_id: Mapped[int] = mapped_column(ForeignKey("fund.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    rules_version: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        UniqueConstraint("request_id", "position"),
        CheckConstraint("amount_cents > 0", name="amount_positive"),
    )


class Invoice(Base):
    """A provider's invoice for an approved request; `idempotency_key` makes a retry book
    nothing twice (unique per submitting organisation)."""

    __tablename__ = "invoice"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(Integer, index=True)
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    invoice_number: Mapped[str] = mapped_column(String(60))
    invoice_date: Mapped[date] = mapped_column(Date)
    idempotency_key: Mapped[str | None] = mapped_column(String(100), nullable=True)
    body_digest: Mapped[str] = mapped_column(String(64))
    organisation_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    submitted_by_user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    reversed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    __table_args__ = (
        UniqueConstraint("organisation_id", "idempotency_key", name="uq_invoice_key"),
        # one invoice realises a request (in full or in part; the rest is released)
        UniqueConstraint("request_id", name="uq_invoice_request"),
        CheckConstraint("amount_cents > 0", name="invoice_amount_positive"),
        Index("ix_invoice_number", "invoice_number"),
    )
