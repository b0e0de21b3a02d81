"""API shapes of match suggestions, their explanations and coach feedback."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import Field

from ontschot.schemas import ApiModel


class Verdict(StrEnum):
    SUITABLE = "suitable"
    NOT_SUITABLE = "not_suitable"


class ScorePartOut(ApiModel):
    name: str
    label: str
    points: float = Field(description="Contribution to the score; the parts add up to it.")


class SkillOut(ApiModel):
    uri: str
    label: str
    essential: bool


class RelatedSkillOut(ApiModel):
    vacancy_skill: SkillOut
    candidate_skill_uri: str
    candidate_skill_label: str
    credit: float = Field(description="Share of the skill's weight counted (0–1).")
    reason: str


class GapOut(ApiModel):
    kind: str
    label: str
    route: str


class FeedbackRead(ApiModel):
    id: int
    candidate_id: int
    vacancy_id: int
    verdict: Verdict
    reason: str | None
    score: float | None
    user_id: int | None
    created_at: datetime


class MatchOut(ApiModel):
    candidate_id: int
    vacancy_id: int
    title: str = Field(description="Vacancy title, or the candidate's reference.")
    subtitle: str = ""
    score: float = Field(description="0–100; equals the sum of `parts`.")
    parts: list[ScorePartOut]
    covered: list[SkillOut]
    related: list[RelatedSkillOut]
    missing_essential: list[SkillOut]
    missing_optional: list[SkillOut]
    practical_notes: list[str]
    gaps: list[GapOut]
    notes: list[str]
    feedback: FeedbackRead | None = None


class MatchList(ApiModel):
    items: list[MatchOut]
    notes: list[str] = Field(default_factory=list)


class FeedbackCreate(ApiModel):
    candidate_id: int = Field(ge=1, le=2**31 - 1)
    vacancy_id: int = Field(ge=1, le=2**31 - 1)
    verdict: Verdict
    reason: str | None = Field(default=None, max_length=2000)
    score: float | None = Field(default=None, ge=0, le=100)
