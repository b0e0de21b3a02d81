"""Candidates (werkzoekenden) of the region, their profile parts, consents and history.

A candidate is registered once for the whole region. Profile fields follow the VUM
werkzoekendeprofiel (see `vum.py`). ESCO concepts are kept as URI strings, with a column
for the CompetentNL URI beside each, so the taxonomy can be replaced without migrations of
this context. The BSN is stored for matching with partner systems but is never listed,
logged or put in a URL.
"""

from __future__ import annotations

import secrets
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ontschot.db import Base, UTCDateTime, utcnow


def new_reference() -> str:
    """Short pseudonymous reference shown to employers instead of a name."""
    return "WZ-" + secrets.token_hex(4).upper()


class Candidate(Base):
    __tablename__ = "candidate"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(16), unique=True, default=new_reference)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(150))
    # lower-case "first last" for search by name; kept in step by the service
    name_search: Mapped[str] = mapped_column(String(260), index=True)
    email: Mapped[str | None] = mapped_column(String(254), nullable=True)
    phone: Mapped[str | None] = mapped_column(String(30), nullable=True)
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    bsn: Mapped[str | None] = mapped_column(String(9), nullable=True, index=True)
    # Keyed hash of the BSN: the database keeps one person per BSN per region (unique with
    # region_code) without a second copy of the BSN itself.
    bsn_digest: Mapped[str | None] = mapped_column(String(64), nullable=True)
    region_code: Mapped[str] = mapped_column(String(40), default="", server_default="")
    municipality: Mapped[str] = mapped_column(String(80))
    postcode: Mapped[str | None] = mapped_column(String(7), nullable=True)
    benefit: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(20), default="seeking")
    legal_basis: Mapped[str] = mapped_column(String(20), default="wettelijke_taak")
    available_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    hours_min: Mapped[int | None] = mapped_column(Integer, nullable=True)
    hours_max: Mapped[int | None] = mapped_column(Integer, nullable=True)
    contract_forms: Mapped[list[str]] = mapped_column(JSON, default=list)
    max_travel_km: Mapped[int | None] = mapped_column(Integer, nullable=True)
    max_travel_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    transport: Mapped[list[str]] = mapped_column(JSON, default=list)
    driving_licences: Mapped[list[str]] = mapped_column(JSON, default=list)
    notes: Mapped[str | None] = mapped_column(Text, nullable=True)
    coach_user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    organisation_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # set when an employer registered their own employee at risk of losing the job
    current_employer_id: Mapped[int | None] = mapped_column(
        ForeignKey("employer.id", ondelete="SET NULL"), nullable=True
    )
    source: Mapped[str | None] = mapped_column(String(60), nullable=True)
    external_id: Mapped[str | None] = mapped_column(String(100), nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    languages: Mapped[list[CandidateLanguage]] = relationship(
        cascade="all, delete-orphan", order_by="CandidateLanguage.id"
    )
    educations: Mapped[list[CandidateEducation]] = relationship(
        cascade="all, delete-orphan", order_by="CandidateEducation.id"
    )
    work_history: Mapped[list[CandidateWork]] = relationship(
        cascade="all, delete-orphan", order_by="CandidateWork.start_date.desc()"
    )
    skills: Mapped[list[CandidateSkill]] = relationship(
        cascade="all, delete-orphan", order_by="CandidateSkill.id"
    )
    wishes: Mapped[list[CandidateWish]] = relationship(
        cascade="all, delete-orphan", order_by="CandidateWish.id"
    )
    consents: Mapped[list[Consent]] = relationship(
        cascade="all, delete-orphan", order_by="Consent.id"
    )

    __table_args__ = (
        Index("ix_candidate_org_status", "organisation_id", "status"),
        Index("ix_candidate_coach", "coach_user_id", "last_name"),
        Index("ix_candidate_municipality", "municipality"),
        Index("ix_candidate_benefit", "benefit"),
        Index("ix_candidate_name", "last_name", "first_name"),
        UniqueConstraint("source", "external_id", name="uq_candidate_source_external_id"),
        UniqueConstraint("region_code", "bsn_digest", name="uq_candidate_bsn"),
    )
    # Optimistic locking: every UPDATE says "WHERE version = <the version read>"; the
    # services raise the version themselves (one per recorded change).
    __mapper_args__ = {  # noqa: RUF012 - SQLAlchemy reads it once
        "version_id_col": version,
        "version_id_generator": False,
    }

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def subject_key(self) -> str:
        """Key under which the processing log records this person (pseudonymised there)."""
        return f"candidate:{self.id}"

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None


class CandidateLanguage(Base):
    __tablename__ = "candidate_language"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidate.id", ondelete="CASCADE"), index=True
    )
    language: Mapped[str] = mapped_column(String(3))  # ISO 639-3
    spoken: Mapped[str] = mapped_column(String(12), default="onbekend")
    written: Mapped[str] = mapped_column(String(12), default="onbekend")


class CandidateEducation(Base):
    __tablename__ = "candidate_education"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidate.id", ondelete="CASCADE"), index=True
    )
    level: Mapped[str] = mapped_column(String(12))
    status: Mapped[str] = mapped_column(String(12))
    field: Mapped[str | None] = mapped_column(String(200), nullable=True)
    name: Mapped[str | None] = mapped_column(String(200), nullable=True)


class CandidateWork(Base):
    __tablename__ = "candidate_work"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidate.id", ondelete="CASCADE"), index=True
    )
    employer_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    job_title: Mapped[str | None] = mapped_column(String(200), nullable=True)
    occupation_uri: Mapped[str | None] = mapped_column(String(200), nullable=True, index=True)
    competentnl_uri: Mapped[str | None] = mapped_column(String(200), nullable=True)
    start_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    end_date: Mapped[date | None] = mapped_column(Date, nullable=True)


class CandidateSkill(Base):
    __tablename__ = "candidate_skill"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"))
    skill_uri: Mapped[str] = mapped_column(String(200), index=True)
    competentnl_uri: Mapped[str | None] = mapped_column(String(200), nullable=True)
    source: Mapped[str] = mapped_column(String(20))
    level: Mapped[str | None] = mapped_column(String(12), nullable=True)
    added_by_user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (
        UniqueConstraint("candidate_id", "skill_uri", "source", name="uq_candidate_skill"),
    )


class CandidateWish(Base):
    """A wished occupation (ESCO URI) or sector (free code)."""

    __tablename__ = "candidate_wish"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidate.id", ondelete="CASCADE"), index=True
    )
    occupation_uri: Mapped[str | None] = mapped_column(String(200), nullable=True)
    competentnl_uri: Mapped[str | None] = mapped_column(String(200), nullable=True)
    sector: Mapped[str | None] = mapped_column(String(100), nullable=True)


class CandidateVersion(Base):
    """One row per change: who changed what, when (values of the BSN are never kept)."""

    __tablename__ = "candidate_version"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidate.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[int] = mapped_column(Integer)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    changed_by_user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    changed_by_name: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(String(200))
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Consent(Base):
    """Consent for one purpose and partner category; withdrawal ends it at once."""

    __tablename__ = "candidate_consent"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"))
    purpose: Mapped[str] = mapped_column(String(30))
    partner_category: Mapped[str] = mapped_column(String(30), default="all")
    given_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    recorded_by_user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)

    __table_args__ = (
        Index("ix_candidate_consent_lookup", "candidate_id", "purpose", "withdrawn_at"),
    )

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None


class Introduction(Base):
    """The candidate agreed to be introduced by name to this employer (for a vacancy)."""

    __tablename__ = "introduction"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidate.id", ondelete="CASCADE"), index=True
    )
    employer_id: Mapped[int] = mapped_column(
        ForeignKey("employer.id", ondelete="CASCADE"), index=True
    )
    vacancy_id: Mapped[int | None] = mapped_column(
        ForeignKey("vacancy.id", ondelete="SET NULL"), nullable=True
    )
    consent_given_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    created_by_user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # The pipeline (see pipeline.py): proposed -> introduced -> interview -> offer -> placed,
    # or declined with a reason. Every status reached is also a row in introduction_step.
    status: Mapped[str] = mapped_column(String(12), default="proposed", server_default="proposed")
    status_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    declined_by: Mapped[str | None] = mapped_column(String(12), nullable=True)
    decline_reason: Mapped[str | None] = mapped_column(String(500), nullable=True)
    # The employer's answer to the proposal: interested | not_interested
    employer_answer: Mapped[str | None] = mapped_column(String(16), nullable=True)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    steps: Mapped[list[IntroductionStep]] = relationship(
        cascade="all, delete-orphan", order_by="IntroductionStep.id"
    )

    __table_args__ = (Index("ix_introduction_vacancy_status", "vacancy_id", "status"),)


class IntroductionStep(Base):
    """One status an introduction reached, when and by whom (so durations can be measured)."""

    __tablename__ = "introduction_step"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    introduction_id: Mapped[int] = mapped_column(
        ForeignKey("introduction.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(12))
    reached_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    by_user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    party: Mapped[str] = mapped_column(String(12), default="coach")  # coach | employer
    reason: Mapped[str | None] = mapped_column(String(500), nullable=True)


class AccessGrant(Base):
    """Which organisation (or kind of partner, or employer) may see which candidate, how
    much, for what purpose, on which basis, from when until when.

    Consent, introductions and hand-overs write grants; the visibility rule reads them.
    Exactly one grantee column is set. A grant ends by `valid_until` or `revoked_at`; rows
    are never deleted, so the history of who could see a person stays.
    """

    __tablename__ = "access_grant"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"))
    organisation_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    partner_category: Mapped[str | None] = mapped_column(String(30), nullable=True)
    employer_id: Mapped[int | None] = mapped_column(
        ForeignKey("employer.id", ondelete="CASCADE"), nullable=True
    )
    view: Mapped[str] = mapped_column(String(12))  # full | anonymised
    purpose: Mapped[str] = mapped_column(String(40))
    basis: Mapped[str] = mapped_column(String(20))  # consent | introduction | handover | legal_task
    source_type: Mapped[str] = mapped_column(String(30))
    source_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    valid_from: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    valid_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    granted_by_user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)

    __table_args__ = (
        Index("ix_access_grant_candidate", "candidate_id", "view", "revoked_at"),
        Index("ix_access_grant_source", "source_type", "source_id"),
    )
