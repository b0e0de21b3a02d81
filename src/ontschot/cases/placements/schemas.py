"""API shapes of placements and follow-ups (lowerCamelCase JSON)."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import Field

from ontschot.schemas import ApiModel

Id = Field(ge=1, le=2**31 - 1)
# dates a placement can have; outside them month arithmetic would leave the calendar
EARLIEST, LATEST = date(1990, 1, 1), date(2100, 12, 31)
OptionalId = Field(None, ge=1, le=2**31 - 1)
Text = Field(None, max_length=2000)


class ContractType(StrEnum):
    PERMANENT = "permanent"
    FIXED_TERM = "fixed_term"
    AGENCY = "agency"
    ON_CALL = "on_call"


class WagePeriod(StrEnum):
    HOUR = "hour"
    MONTH = "month"


class EndReason(StrEnum):
    CONTRACT_ENDED = "contract_ended"
    DISMISSED = "dismissed"
    RESIGNED = "resigned"
    HEALTH = "health"
    TRIAL_CONVERTED = "trial_converted"
    TRIAL_NOT_CONVERTED = "trial_not_converted"
    OTHER = "other"


class PlacementCreate(ApiModel):
    trajectory_id: int = Id
    employer_id: int = Id
    vacancy_id: int | None = OptionalId
    introduction_id: int | None = Field(
        None, ge=1, le=2**31 - 1, description="The proposal it came from; found when omitted."
    )
    start_date: date = Field(ge=EARLIEST, le=LATEST)
    hours_per_week: int = Field(ge=1, le=60)
    contract_type: ContractType = Field(
        description="The contract (for a trial placement: the contract the employer intends)."
    )
    contract_months: int | None = Field(
        None, ge=1, le=120, description="Length of the contract; none for permanent."
    )
    paid: bool = Field(description="False for a trial placement (proefplaatsing).")
    trial_end_date: date | None = Field(
        None,
        ge=EARLIEST,
        le=LATEST,
        description="End of a trial placement; at most 2 months after the start.",
    )
    intended_contract_months: int | None = Field(
        None,
        ge=1,
        le=120,
        description="Trial placement: the contract the employer intends afterwards (>= 6).",
    )
    wage_cents: int | None = Field(None, ge=0, le=10**9, description="Wage in euro cents.")
    wage_period: WagePeriod | None = None
    occupation_uri: str | None = Field(None, max_length=200)


class FollowUpCreate(ApiModel):
    follow_up_id: int | None = Field(
        None, ge=1, le=2**31 - 1, description="Which scheduled one; the first open one if omitted."
    )
    contact_date: date = Field(ge=EARLIEST, le=LATEST)
    still_working: bool
    same_hours: bool | None = None
    hours_now: int | None = Field(None, ge=0, le=60)
    risk_signals: str | None = Text
    actions_taken: str | None = Text


class PlacementEnd(ApiModel):
    end_date: date = Field(ge=EARLIEST, le=LATEST)
    reason: EndReason
    reason_text: str | None = Text


class FollowUpRead(ApiModel):
    id: int
    months: int
    due_date: date
    done_at: datetime | None
    outcome: str | None = Field(
        description="working, hours_changed or stopped once done; null while open."
    )
    state: str = Field(description="scheduled, due, overdue, done or lapsed.")
    contact_date: date | None
    still_working: bool | None
    same_hours: bool | None
    hours_now: int | None
    risk_signals: str | None
    actions_taken: str | None


class PlacementRead(ApiModel):
    id: int
    trajectory_id: int
    candidate_id: int
    employer_id: int | None
    vacancy_id: int | None
    introduction_id: int | None
    occupation_uri: str | None
    contract_type: str
    contract_months: int | None
    hours_per_week: int
    wage_cents: int | None
    wage_period: str | None
    start_date: date
    paid: bool
    trial_end_date: date | None
    intended_contract_months: int | None
    ended_on: date | None
    end_reason: str | None
    end_reason_text: str | None
    durable: bool | None = Field(
        description="Still working durable-months after the start with at least the "
        "minimum hours; null while not yet known."
    )
    durable_definition: str
    follow_ups: list[FollowUpRead]
