"""Employers (werkgevers), their locations, and vacancies with skills and hard requirements.

A vacancy that reaches the region twice (two partners, two feeds) is stored twice but the
later copy points at the first through `canonical_id`, so it is shown and counted once.
Skills are ESCO URIs (CompetentNL beside them); hard requirements (diploma, certificate,
licence, language level) are kept apart, because they decide eligibility rather than fit.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ontschot.db import Base, UTCDateTime, utcnow


class Employer(Base):
    __tablename__ = "employer"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_norm: Mapped[str] = mapped_column(String(200), index=True)
    kvk_number: Mapped[str | None] = mapped_column(String(8), nullable=True, unique=True)
    sector: Mapped[str | None] = mapped_column(String(100), nullable=True)
    municipality: Mapped[str | None] = mapped_column(String(80), nullable=True)
    # the access organisation whose employer users act for this employer
    organisation_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    # vast contactpersoon: a user at a partner organisation
    contact_user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    locations: Mapped[list[EmployerLocation]] = relationship(
        cascade="all, delete-orphan", order_by="EmployerLocation.id"
    )
    contact_persons: Mapped[list[EmployerContactPerson]] = relationship(
        cascade="all, delete-orphan", order_by="EmployerContactPerson.id"
    )


class EmployerContactPerson(Base):
    """Someone to call at the employer (not a user of Ontschot)."""

    __tablename__ = "employer_contact_person"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(
        ForeignKey("employer.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str | None] = mapped_column(String(100), nullable=True)
    phone: Mapped[str | None] = mapped_column(String(30), nullable=True)
    email: Mapped[str | None] = mapped_column(String(254), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class EmployerLocation(Base):
    __tablename__ = "employer_location"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(
        ForeignKey("employer.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    municipality: Mapped[str] = mapped_column(String(80))
    postcode: Mapped[str | None] = mapped_column(String(7), nullable=True)


class Vacancy(Base):
    __tablename__ = "vacancy"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    occupation_uri: Mapped[str | None] = mapped_column(String(200), nullable=True, index=True)
    competentnl_uri: Mapped[str | None] = mapped_column(String(200), nullable=True)
    hours_min: Mapped[int | None] = mapped_column(Integer, nullable=True)
    hours_max: Mapped[int | None] = mapped_column(Integer, nullable=True)
    contract_form: Mapped[str | None] = mapped_column(String(12), nullable=True)
    salary_min_cents: Mapped[int | None] = mapped_column(Integer, nullable=True)
    salary_max_cents: Mapped[int | None] = mapped_column(Integer, nullable=True)
    salary_period: Mapped[str] = mapped_column(String(8), default="month")
    municipality: Mapped[str] = mapped_column(String(80))
    start_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    closing_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(8), default="open")
    # How many people the employer wants; the vacancy is filled when as many are placed.
    positions: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    description: Mapped[str | None] = mapped_column(Text, nullable=True)
    source: Mapped[str] = mapped_column(String(60), default="ontschot")
    external_id: Mapped[str | None] = mapped_column(String(100), nullable=True)
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    canonical_id: Mapped[int | None] = mapped_column(
        ForeignKey("vacancy.id", ondelete="SET NULL"), nullable=True, index=True
    )
    organisation_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_by_user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # Optimistic locking: an update names the version it read (API: If-Match).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {  # noqa: RUF012 - SQLAlchemy reads it once
        "version_id_col": version,
        "version_id_generator": False,
    }

    employer: Mapped[Employer] = relationship(lazy="joined")
    skills: Mapped[list[VacancySkill]] = relationship(
        cascade="all, delete-orphan", order_by="VacancySkill.id"
    )
    requirements: Mapped[list[VacancyRequirement]] = relationship(
        cascade="all, delete-orphan", order_by="VacancyRequirement.id"
    )

    __table_args__ = (
        UniqueConstraint("source", "external_id", name="uq_vacancy_source_external_id"),
        Index("ix_vacancy_status_municipality", "status", "municipality"),
    )

    @property
    def is_duplicate(self) -> bool:
        return self.canonical_id is not None


class VacancySkill(Base):
    __tablename__ = "vacancy_skill"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancy.id", ondelete="CASCADE"))
    skill_uri: Mapped[str] = mapped_column(String(200), index=True)
    competentnl_uri: Mapped[str | None] = mapped_column(String(200), nullable=True)
    relation: Mapped[str] = mapped_column(String(10))  # essential | optional

    __table_args__ = (UniqueConstraint("vacancy_id", "skill_uri", name="uq_vacancy_skill"),)


class VacancyRequirement(Base):
    """A hard requirement: diploma level, certificate, driving licence or language level."""

    __tablename__ = "vacancy_requirement"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    vacancy_id: Mapped[int] = mapped_column(
        ForeignKey("vacancy.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(12))  # diploma | certificate | licence | language
    value: Mapped[str] = mapped_column(String(100))
    level: Mapped[str | None] = mapped_column(String(12), nullable=True)
