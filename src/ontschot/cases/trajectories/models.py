"""Trajectories, their status history, plan, activities, suspensions and hand-overs.

A trajectory points at the chain-type *version* it started under (`chain_type_id`), and
its status at a status of that version, so changing a chain type never rewrites a running
trajectory. Every status reached gets a row in `trajectory_status_history` with its time:
the monitor measures durations from those rows, and erasure keeps them (they name no one).
A later placement (issue 14, item 7) points at `trajectory.id`.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ontschot.db import Base, UTCDateTime, utcnow


class Trajectory(Base):
    __tablename__ = "trajectory"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id"), index=True)
    chain_id: Mapped[int] = mapped_column(ForeignKey("chain.id"))
    chain_type_id: Mapped[int] = mapped_column(ForeignKey("chain_type.id"))
    goal: Mapped[str] = mapped_column(String(300))
    organisation_id: Mapped[int] = mapped_column(Integer)
    coach_user_id: Mapped[int] = mapped_column(Integer)
    phase_id: Mapped[int] = mapped_column(ForeignKey("chain_phase.id"))
    status_id: Mapped[int] = mapped_column(ForeignKey("chain_status.id"))
    employer_id: Mapped[int | None] = mapped_column(
        ForeignKey("employer.id", ondelete="SET NULL"), nullable=True
    )
    state: Mapped[str] = mapped_column(String(12), default="open")  # open|suspended|closed
    next_action: Mapped[str | None] = mapped_column(String(300), nullable=True)
    next_action_due: Mapped[date | None] = mapped_column(Date, nullable=True)
    result_id: Mapped[int | None] = mapped_column(ForeignKey("chain_result.id"), nullable=True)
    close_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    started_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {  # noqa: RUF012 - SQLAlchemy reads it once
        "version_id_col": version,
    }

    plan_items: Mapped[list[PlanItem]] = relationship(
        cascade="all, delete-orphan", order_by="PlanItem.id", lazy="selectin"
    )

    __table_args__ = (
        Index("ix_trajectory_coach_state", "coach_user_id", "state"),
        Index("ix_trajectory_org_chain", "organisation_id", "chain_id"),
        Index("ix_trajectory_chain_state", "chain_id", "state"),
    )


class StatusReached(Base):
    """A status a trajectory reached, and when: the durations the monitor measures."""

    __tablename__ = "trajectory_status_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    trajectory_id: Mapped[int] = mapped_column(
        ForeignKey("trajectory.id", ondelete="CASCADE"), index=True
    )
    phase_id: Mapped[int] = mapped_column(ForeignKey("chain_phase.id"))
    status_id: Mapped[int] = mapped_column(ForeignKey("chain_status.id"))
    reached_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    by_user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)


class TrajectoryEvent(Base):
    """What happened to a trajectory besides its status: reassigned, handed over, suspended,
    resumed, employer set, closed. Kept with the trajectory when it moves."""

    __tablename__ = "trajectory_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    trajectory_id: Mapped[int] = mapped_column(
        ForeignKey("trajectory.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    by_user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    by_name: Mapped[str] = mapped_column(String(200), default="")
    organisation_name: Mapped[str] = mapped_column(String(200), default="")
    summary: Mapped[str] = mapped_column(String(300))
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)


class Activity(Base):
    __tablename__ = "trajectory_activity"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    trajectory_id: Mapped[int] = mapped_column(
        ForeignKey("trajectory.id", ondelete="CASCADE"), index=True
    )
    # conversation | training_start | test | employer_visit | trial_day
    kind: Mapped[str] = mapped_column(String(20))
    occurred_on: Mapped[date] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(Text)
    employer_id: Mapped[int | None] = mapped_column(
        ForeignKey("employer.id", ondelete="SET NULL"), nullable=True
    )
    by_user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    by_name: Mapped[str] = mapped_column(String(200), default="")
    organisation_name: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class PlanItem(Base):
    """A goal or an agreed action in the trajectory's plan."""

    __tablename__ = "trajectory_plan_item"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    trajectory_id: Mapped[int] = mapped_column(
        ForeignKey("trajectory.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(8))  # goal | action
    text: Mapped[str] = mapped_column(String(300))
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    done_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Suspension(Base):
    """A period in which the trajectory rests (illness, care); on resumption every open due
    date moves by `days`."""

    __tablename__ = "trajectory_suspension"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    trajectory_id: Mapped[int] = mapped_column(
        ForeignKey("trajectory.id", ondelete="CASCADE"), index=True
    )
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    reason: Mapped[str] = mapped_column(Text)


class Handover(Base):
    """A warm hand-over of a trajectory to a coach of another partner organisation."""

    __tablename__ = "handover"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    trajectory_id: Mapped[int] = mapped_column(
        ForeignKey("trajectory.id", ondelete="CASCADE"), index=True
    )
    from_organisation_id: Mapped[int] = mapped_column(Integer)
    from_user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    to_organisation_id: Mapped[int] = mapped_column(Integer, index=True)
    to_user_id: Mapped[int] = mapped_column(Integer, index=True)
    status: Mapped[str] = mapped_column(String(10), default="proposed")  # |accepted|declined
    message: Mapped[str] = mapped_column(Text)
    proposed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    decline_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    sender_keeps_access: Mapped[bool] = mapped_column(Boolean, default=False)
