"""Chain types as data, sector chains and the function profiles agreed in them.

A chain type is the ZGW idea of a case type: ordered phases, each with ordered statuses,
and the results that may close a trajectory. It is versioned: a change writes a new row
with the next `version` for the same `key` (and its own phases, statuses and results), so a
trajectory keeps pointing at the version it started under (ADR 0017).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ontschot.db import Base, UTCDateTime, utcnow


class ChainType(Base):
    __tablename__ = "chain_type"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(120))
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)

    phases: Mapped[list[ChainPhase]] = relationship(
        cascade="all, delete-orphan", order_by="ChainPhase.position", lazy="selectin"
    )
    results: Mapped[list[ChainResult]] = relationship(
        cascade="all, delete-orphan", order_by="ChainResult.position", lazy="selectin"
    )

    __table_args__ = (UniqueConstraint("key", "version", name="uq_chain_type_version"),)

    def statuses(self) -> list[ChainStatus]:
        """Every status of this version, in order (phase by phase)."""
        return [status for phase in self.phases for status in phase.statuses]


class ChainPhase(Base):
    __tablename__ = "chain_phase"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chain_type_id: Mapped[int] = mapped_column(
        ForeignKey("chain_type.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(120))
    # Phase 2 of the chain approach: work with an employer, paid or as a trial placement.
    needs_employer: Mapped[bool] = mapped_column(Boolean, default=False)

    statuses: Mapped[list[ChainStatus]] = relationship(
        cascade="all, delete-orphan", order_by="ChainStatus.position", lazy="selectin"
    )


class ChainStatus(Base):
    __tablename__ = "chain_status"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    phase_id: Mapped[int] = mapped_column(
        ForeignKey("chain_phase.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(120))


class ChainResult(Base):
    __tablename__ = "chain_result"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chain_type_id: Mapped[int] = mapped_column(
        ForeignKey("chain_type.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(120))
    # work found (paid work, durable or not) versus an ending without work
    is_work: Mapped[bool] = mapped_column(Boolean, default=False)


class Chain(Base):
    """A sector chain: employers, educators and services around one group of occupations."""

    __tablename__ = "chain"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    sector: Mapped[str] = mapped_column(String(100))
    region_code: Mapped[str] = mapped_column(String(40), index=True)
    # New trajectories start under the current version of this chain type.
    chain_type_key: Mapped[str] = mapped_column(String(40))
    coordinator_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL"), nullable=True
    )
    capacity: Mapped[int | None] = mapped_column(Integer, nullable=True)
    intake_criteria: Mapped[str | None] = mapped_column(Text, nullable=True)
    description: Mapped[str | None] = mapped_column(Text, nullable=True)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    partners: Mapped[list[ChainPartner]] = relationship(
        cascade="all, delete-orphan", order_by="ChainPartner.id"
    )
    profiles: Mapped[list[FunctionProfile]] = relationship(
        cascade="all, delete-orphan", order_by="FunctionProfile.id"
    )

    __table_args__ = (UniqueConstraint("region_code", "name", name="uq_chain_region_name"),)


class ChainPartner(Base):
    """A partner employer (`employer_id`) or educator (`organisation_id`) in a chain."""

    __tablename__ = "chain_partner"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chain_id: Mapped[int] = mapped_column(ForeignKey("chain.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(12))  # employer | educator
    employer_id: Mapped[int | None] = mapped_column(
        ForeignKey("employer.id", ondelete="CASCADE"), nullable=True
    )
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), nullable=True
    )


class FunctionProfile(Base):
    """A function profile agreed with the chain's employers (functieprofiel)."""

    __tablename__ = "function_profile"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chain_id: Mapped[int] = mapped_column(ForeignKey("chain.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(200))
    occupation_uri: Mapped[str] = mapped_column(String(200))
    # ESCO skill URIs that count for this function, and those learnt on the job
    skill_uris: Mapped[list[str]] = mapped_column(JSON, default=list)
    learnable_skill_uris: Mapped[list[str]] = mapped_column(JSON, default=list)
    learn_on_job: Mapped[str | None] = mapped_column(Text, nullable=True)
    entry_route: Mapped[str | None] = mapped_column(Text, nullable=True)
    agreed_with: Mapped[str | None] = mapped_column(String(300), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (Index("ix_function_profile_chain", "chain_id"),)
