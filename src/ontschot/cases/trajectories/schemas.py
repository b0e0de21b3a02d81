"""API shapes of trajectories, their history and hand-overs (lowerCamelCase JSON)."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import Field

from ontschot.schemas import ApiModel

Id = Field(ge=1, le=2**31 - 1)
Text = Field(min_length=1, max_length=2000)


class TrajectoryState(StrEnum):
    OPEN = "open"
    SUSPENDED = "suspended"
    CLOSED = "closed"


class ActivityKind(StrEnum):
    CONVERSATION = "conversation"
    TRAINING_START = "training_start"
    TEST = "test"
    EMPLOYER_VISIT = "employer_visit"
    TRIAL_DAY = "trial_day"


class PlanKind(StrEnum):
    GOAL = "goal"
    ACTION = "action"


class TrajectoryCreate(ApiModel):
    candidate_id: int = Id
    chain_id: int = Id
    goal: str = Field(min_length=1, max_length=300)
    coach_user_id: int | None = Field(
        None, ge=1, le=2**31 - 1, description="The owning coach; a coach starting one owns it."
    )


class StatusChange(ApiModel):
    status_id: int = Id
    employer_id: int | None = Field(
        None, ge=1, le=2**31 - 1, description="Sets the employer (needed to enter phase 2)."
    )


class ActivityCreate(ApiModel):
    kind: ActivityKind
    occurred_on: date
    summary: str = Text
    employer_id: int | None = Field(None, ge=1, le=2**31 - 1)


class NextActionSet(ApiModel):
    text: str = Field(min_length=1, max_length=300)
    due_date: date


class PlanItemCreate(ApiModel):
    kind: PlanKind
    text: str = Field(min_length=1, max_length=300)
    due_date: date | None = None


class SuspensionCreate(ApiModel):
    reason: str = Text


class ClosureCreate(ApiModel):
    result_id: int = Id
    reason: str = Text


class ReassignmentCreate(ApiModel):
    trajectory_ids: list[int] = Field(min_length=1, max_length=200)
    coach_user_id: int = Id
    reason: str = Text


class HandoverCreate(ApiModel):
    trajectory_id: int = Id
    to_user_id: int = Id
    message: str = Text


class HandoverAcceptance(ApiModel):
    sender_keeps_access: bool = Field(
        False, description="The sending organisation may keep reading it, for follow-up."
    )


class HandoverDecline(ApiModel):
    reason: str = Text


class NamedRef(ApiModel):
    id: int
    name: str


class CandidateRef(ApiModel):
    id: int
    reference: str
    name: str | None = Field(description="Only for those who may see the full profile.")


class PhaseRef(ApiModel):
    id: int
    position: int
    name: str
    needs_employer: bool


class StatusReachedRead(ApiModel):
    status_id: int
    status_name: str
    phase_name: str
    reached_at: datetime


class EventRead(ApiModel):
    kind: str
    occurred_at: datetime
    by_name: str
    organisation_name: str
    summary: str
    reason: str | None


class ActivityRead(ApiModel):
    id: int
    kind: ActivityKind
    occurred_on: date
    summary: str
    employer_id: int | None
    by_name: str
    organisation_name: str


class PlanItemRead(ApiModel):
    id: int
    kind: PlanKind
    text: str
    due_date: date | None
    done_on: date | None


class SuspensionRead(ApiModel):
    start_date: date
    end_date: date | None
    days: int | None
    reason: str


class HandoverRead(ApiModel):
    id: int
    trajectory_id: int
    from_organisation: NamedRef
    from_user_id: int | None
    to_organisation: NamedRef
    to_user: NamedRef
    status: str
    message: str
    proposed_at: datetime
    decided_at: datetime | None
    decline_reason: str | None
    sender_keeps_access: bool


class TrajectoryItem(ApiModel):
    id: int
    candidate: CandidateRef
    chain: NamedRef
    goal: str
    organisation_id: int
    coach: NamedRef
    phase: PhaseRef
    status: NamedRef
    employer_id: int | None
    state: TrajectoryState
    next_action: str | None
    next_action_due: date | None
    started_on: date
    version: int


class TrajectoryRead(TrajectoryItem):
    chain_type_id: int
    chain_type_version: int
    result: NamedRef | None
    close_reason: str | None
    closed_at: datetime | None
    plan: list[PlanItemRead]
    activities: list[ActivityRead]
    status_history: list[StatusReachedRead]
    events: list[EventRead]
    suspensions: list[SuspensionRead]
    handovers: list[HandoverRead]
