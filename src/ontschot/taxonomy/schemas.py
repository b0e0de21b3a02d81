"""API shapes for the taxonomy (lowerCamelCase in JSON)."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from ontschot.schemas import ApiModel


class ConceptRef(ApiModel):
    uri: str = Field(description="ESCO URI.")
    id: str = Field(description="Last URI segment; used in this API's paths.")
    label: str = Field(description="Dutch label where ESCO has one, otherwise English.")
    label_lang: str = Field(description="`nl`, or `en` when no Dutch label exists.")


class SkillRef(ConceptRef):
    skill_type: str | None = None


class SearchHit(ConceptRef):
    matched_label: str
    matched_lang: str
    score: float


class SearchPage(ApiModel):
    items: list[SearchHit]
    total: int
    page: int
    page_size: int


class IscoRef(ApiModel):
    code: str
    label: str


class OccupationDetail(ConceptRef):
    label_en: str
    code: str | None
    isco_group: IscoRef | None
    description: str | None
    alt_labels_nl: list[str]
    alt_labels_en: list[str]
    essential_skills: list[SkillRef]
    optional_skills: list[SkillRef]


class OccupationUse(ConceptRef):
    relation: str


class SkillDetail(SkillRef):
    label_en: str
    reuse_level: str | None
    description: str | None
    is_group: bool
    alt_labels_en: list[str]
    broader: list[list[ConceptRef]] = Field(description="Paths from the hierarchy's top down.")
    narrower: list[ConceptRef]
    related: list[ConceptRef]
    occupations: list[OccupationUse]
    occupations_total: int


class TaxonomyVersionRead(ApiModel):
    esco_version: str
    source: str
    checksum: str
    languages: list[str]
    imported_at: datetime
    occupations: int
    skills: int
    relations: int
