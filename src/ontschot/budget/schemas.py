"""API shapes of the pooled budget (lowerCamelCase JSON; money is integer cents)."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import Field

from ontschot.budget.rules.vocabulary import MAX_FUND_CENTS, FundRules, InstrumentKind
from ontschot.schemas import ApiModel

Id = Field(ge=1, le=2**31 - 1)
Day = Field(ge=date(2000, 1, 1), le=date(2100, 12, 31))
PositiveCents = Field(ge=1, le=MAX_FUND_CENTS)


class FinancierKind(StrEnum):
    UWV = "uwv"
    GEMEENTE = "gemeente"
    NATIONAL = "national"
    SECTOR_FUND = "sector_fund"
    EMPLOYERS = "employers"
    OTHER = "other"


class FinancierCreate(ApiModel):
    name: str = Field(min_length=2, max_length=200)
    kind: FinancierKind


class FundCreate(ApiModel):
    financier_id: int = Id
    name: str = Field(min_length=2, max_length=200)
    period_start: date = Day
    period_end: date = Day
    amount_cents: int = PositiveCents
    rules: FundRules = Field(default_factory=FundRules)
    source: str | None = Field(None, max_length=2000)


class FundUpdate(ApiModel):
    name: str = Field(min_length=2, max_length=200)
    period_start: date = Day
    period_end: date = Day
    amount_cents: int = Field(
        ge=0, le=MAX_FUND_CENTS, description="What the financier puts in; more tops the fund up."
    )
    rules: FundRules
    source: str | None = Field(None, max_length=2000)


class FundRead(ApiModel):
    id: int
    financier_id: int
    financier_name: str
    name: str
    period_start: date
    period_end: date
    amount_cents: int
    available_cents: int
    reserved_cents: int
    spent_cents: int
    rules_version: int
    rules: FundRules


class InstrumentCreate(ApiModel):
    kind: InstrumentKind
    name: str = Field(min_length=2, max_length=300)
    provider: str = Field(min_length=2, max_length=200)
    unit_price_cents: int | None = Field(
        None, ge=1, le=MAX_FUND_CENTS, description="None: priced per quote."
    )
    duration_weeks: int | None = Field(None, ge=1, le=520)
    valid_from: date | None = Field(None, ge=date(2000, 1, 1), le=date(2100, 12, 31))
    valid_until: date | None = Field(None, ge=date(2000, 1, 1), le=date(2100, 12, 31))


class InterventionRequestCreate(ApiModel):
    trajectory_id: int = Id
    instrument_id: int = Id
    need: str = Field(min_length=3, max_length=2000, description="What the person needs, in words.")
    cost_cents: int | None = Field(
        None, ge=1, le=MAX_FUND_CENTS, description="The quote; omitted: the catalogue price."
    )
    quote_reference: str | None = Field(None, max_length=100)


class FundingSourceRead(ApiModel):
    fund_id: int
    fund_name: str
    position: int
    amount_cents: int


class FundVerdictRead(ApiModel):
    fund_id: int
    fund_name: str
    eligible: bool
    amount_cents: int
    reason: str


class InterventionRequestRead(ApiModel):
    id: int
    trajectory_id: int
    instrument_id: int
    instrument_name: str
    need: str
    cost_cents: int
    state: str
    requested_at: datetime
    requested_by_user_id: int | None
    decided_by_user_id: int | None
    reject_reason: str | None
    sources: list[FundingSourceRead]
    verdicts: list[FundVerdictRead]


class Decision(ApiModel):
    approve: bool
    reason: str | None = Field(None, max_length=2000)


class InvoiceCreate(ApiModel):
    intervention_request_id: int = Id
    amount_cents: int = PositiveCents
    invoice_number: str = Field(min_length=1, max_length=60)
    invoice_date: date = Day


class InvoiceRead(ApiModel):
    id: int
    intervention_request_id: int
    amount_cents: int
    released_cents: int
    invoice_number: str
    invoice_date: date
    reversed: bool
