"""ESCO taxonomy tables. Concepts are keyed by their ESCO URI, which is stable across versions.

Labels live in one table per concept and language so that an official ESCO download in any
language can be imported; `label_nl`/`label_en` on the concept are the display labels of the
two languages the pages speak. A concept without a Dutch label shows the English one, and
`has_dutch_label` tells the UI to say so.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ontschot.db import Base, UTCDateTime


class TaxonomyVersion(Base):
    """One row per import; the newest row is the taxonomy in force."""

    __tablename__ = "taxonomy_version"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    esco_version: Mapped[str] = mapped_column(String(32))
    source: Mapped[str] = mapped_column(String(200))
    checksum: Mapped[str] = mapped_column(String(64), index=True)
    languages: Mapped[str] = mapped_column(String(200))
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime())
    occupations: Mapped[int] = mapped_column(Integer, default=0)
    skills: Mapped[int] = mapped_column(Integer, default=0)
    relations: Mapped[int] = mapped_column(Integer, default=0)


class IscoGroup(Base):
    __tablename__ = "isco_group"

    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    uri: Mapped[str] = mapped_column(String(200), unique=True)
    parent_code: Mapped[str | None] = mapped_column(String(8), nullable=True)
    label_nl: Mapped[str | None] = mapped_column(String(300), nullable=True)
    label_en: Mapped[str] = mapped_column(String(300))


class Occupation(Base):
    __tablename__ = "occupation"

    uri: Mapped[str] = mapped_column(String(200), primary_key=True)
    code: Mapped[str | None] = mapped_column(String(40), nullable=True)
    isco_code: Mapped[str | None] = mapped_column(String(8), index=True, nullable=True)
    label_nl: Mapped[str | None] = mapped_column(String(300), nullable=True)
    label_en: Mapped[str] = mapped_column(String(300))
    description_nl: Mapped[str | None] = mapped_column(Text, nullable=True)
    description_en: Mapped[str | None] = mapped_column(Text, nullable=True)

    @property
    def label(self) -> str:
        return self.label_nl or self.label_en

    @property
    def has_dutch_label(self) -> bool:
        return bool(self.label_nl)


class Skill(Base):
    """A skill, knowledge item or competence; also the skill groups of the hierarchy."""

    __tablename__ = "skill"

    uri: Mapped[str] = mapped_column(String(200), primary_key=True)
    label_nl: Mapped[str | None] = mapped_column(String(400), nullable=True)
    label_en: Mapped[str] = mapped_column(String(400))
    skill_type: Mapped[str | None] = mapped_column(String(40), nullable=True)
    reuse_level: Mapped[str | None] = mapped_column(String(40), nullable=True)
    description_nl: Mapped[str | None] = mapped_column(Text, nullable=True)
    description_en: Mapped[str | None] = mapped_column(Text, nullable=True)
    is_group: Mapped[bool] = mapped_column(Boolean, default=False)
    code: Mapped[str | None] = mapped_column(String(40), nullable=True)

    @property
    def label(self) -> str:
        return self.label_nl or self.label_en

    @property
    def has_dutch_label(self) -> bool:
        return bool(self.label_nl)


class OccupationSkill(Base):
    __tablename__ = "occupation_skill"

    occupation_uri: Mapped[str] = mapped_column(
        ForeignKey("occupation.uri", ondelete="CASCADE"), primary_key=True
    )
    skill_uri: Mapped[str] = mapped_column(
        ForeignKey("skill.uri", ondelete="CASCADE"), primary_key=True, index=True
    )
    relation: Mapped[str] = mapped_column(String(10))  # essential | optional


class SkillBroader(Base):
    """Skill pillar hierarchy: skill or group → broader skill or group."""

    __tablename__ = "skill_broader"

    skill_uri: Mapped[str] = mapped_column(String(200), primary_key=True)
    broader_uri: Mapped[str] = mapped_column(String(200), primary_key=True, index=True)


class SkillRelation(Base):
    """ESCO skill–skill relation (essential or optional)."""

    __tablename__ = "skill_relation"

    skill_uri: Mapped[str] = mapped_column(String(200), primary_key=True)
    related_uri: Mapped[str] = mapped_column(String(200), primary_key=True, index=True)
    relation: Mapped[str] = mapped_column(String(10))


class ConceptLabel(Base):
    """Every label of every concept in every imported language, with a search form."""

    __tablename__ = "concept_label"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    concept_uri: Mapped[str] = mapped_column(String(200), index=True)
    concept_type: Mapped[str] = mapped_column(String(12))  # occupation | skill
    lang: Mapped[str] = mapped_column(String(5))
    kind: Mapped[str] = mapped_column(String(10))  # preferred | alt | hidden
    text: Mapped[str] = mapped_column(String(500))
    norm: Mapped[str] = mapped_column(String(500))

    __table_args__ = (Index("ix_concept_label_type_norm", "concept_type", "norm"),)
