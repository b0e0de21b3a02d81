"""API shapes of career routes, training plans and training offers."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from ontschot.schemas import ApiModel


class GapSkillOut(ApiModel):
    uri: str
    label: str
    essential: bool
    related_credit: float


class RelatedCoverOut(ApiModel):
    target_uri: str
    target_label: str
    source_uri: str
    source_label: str
    credit: float
    reason: str


class TrainingOfferRead(ApiModel):
    id: int
    provider: str
    title: str
    skill_uris: list[str]
    duration_hours: int
    duration_weeks: int
    cost_cents: int
    start_dates: list[date]
    municipality: str | None


class PlannedOfferOut(ApiModel):
    offer_id: int
    provider: str
    title: str
    covers: list[str]
    duration_hours: int
    duration_weeks: int
    cost_cents: int
    next_start: date | None


class TrainingPlanOut(ApiModel):
    offers: list[PlannedOfferOut]
    covered: list[str]
    uncovered: list[str] = Field(description="Gap skills that no offer in the catalogue teaches.")
    total_hours: int
    total_weeks: int
    total_cost_cents: int


class CareerRouteOut(ApiModel):
    occupation_uri: str
    label: str
    isco_code: str
    fit: float
    overlap_pct: float
    essential_overlap_pct: float
    shared: list[str]
    related: list[RelatedCoverOut]
    gaps: list[GapSkillOut]
    tightness: float | None
    open_vacancies: int | None
    available_candidates: int | None
    is_kansberoep: bool
    rank_score: float
    training: TrainingPlanOut


class RouteList(ApiModel):
    items: list[CareerRouteOut]
    source: str = Field(description="What the routes start from.")
