"""API shapes for extraction (lowerCamelCase JSON through ApiModel)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ontschot.extraction.service import MAX_TEXT_CHARS, MAX_TOP
from ontschot.extraction.skills import DEFAULT_THRESHOLD
from ontschot.schemas import ApiModel

Language = Literal["nl", "en", "auto"]


class OccupationSuggestionRequest(ApiModel):
    text: str = Field(max_length=MAX_TEXT_CHARS, description="Job title or short text.")
    lang: Language = Field("auto", description="nl, en or auto (detected).")
    top: int = Field(10, ge=1, le=MAX_TOP)


class OccupationOut(ApiModel):
    uri: str = Field(description="ESCO occupation URI.")
    label: str
    score: float = Field(description="0-1; higher is a better match.")


class OccupationSuggestions(ApiModel):
    language: str
    suggestions: list[OccupationOut]


class SkillExtractionRequest(ApiModel):
    text: str = Field(max_length=MAX_TEXT_CHARS, description="Vacancy, CV or other text.")
    lang: Language = "auto"
    top: int = Field(20, ge=1, le=MAX_TOP)
    threshold: float = Field(
        DEFAULT_THRESHOLD, ge=0.0, le=1.0, description="Leave out skills scoring below this."
    )


class SkillOut(ApiModel):
    uri: str = Field(description="ESCO skill URI.")
    label: str
    score: float
    spans: list[tuple[int, int]] = Field(
        description="Evidence as [start, end) character offsets into the submitted text."
    )
    requirement: Literal["essential", "optional"] | None = Field(
        None, description="When the text says so ('vereist', 'pré', 'must', 'nice to have')."
    )


class SkillExtractionOut(ApiModel):
    language: str
    occupation: OccupationOut | None
    skills: list[SkillOut]
