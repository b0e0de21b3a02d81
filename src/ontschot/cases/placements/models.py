"""A placement: where a candidate started to work (or a trial placement), and its follow-ups.

A placement belongs to a trajectory and comes from an introduction (the pipeline of ADR
0016). Follow-ups are rows with a due date, written with the placement (1, 3, 6 and 12
months after the start by default); recording one fills in the contact. Whether a
placement was durable is computed from the follow-ups and the end (see `durability.py`),
never stored, so a change of the definition applies to history too.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ontschot.db import Base, UTCDateTime, utcnow


class Placement(Base):
    __tablename__ = "placement"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    trajectory_id: Mapped[int] = mapped_column(
        ForeignKey("trajectory.id", ondelete="CASCADE"), index=True
    )
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidate.id", ondelete="CASCADE"), index=True
    )
    employer_id: Mapped[int | None] = mapped_column(
        ForeignKey("employer.id", ondelete="SET NULL"), nullable=True, index=True
    )
    vacancy_id: Mapped[int | None] = mapped_column(
        ForeignKey("vacancy.id", ondelete="SET NULL"), nullable=True
    )
    introduction_id: Mapped[int | None] = mapped_column(
        ForeignKey("introduction.id", ondelete="SET NULL"), nullable=True
    )
    occupation_uri: Mapped[str | None] = mapped_column(String(200), nullable=True)
    # permanent | fixed_term | agency | on_call
    contract_type: Mapped[str] = mapped_column(String(12))
    contract_months: Mapped[int | None] = mapped_column(Integer, nullable=True)
    hours_per_week: Mapped[int] = mapped_column(Integer)
    wage_cents: Mapped[int | None] = mapped_column(Integer, nullable=True)
    wage_period: Mapped[str | None] = mapped_column(String(8), nullable=True)  # hour|month
    start_date: Mapped[date] = mapped_column(Date)
    paid: Mapped[bool] = mapped_column(Boolean, default=True)
    # a trial placement (proefplaatsing): unpaid, at most two months, and the employer
    # intends a contract of at least six months afterwards
    trial_end_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    intended_contract_months: Mapped[int | None] = mapped_column(Integer, nullable=True)
    organisation_id: Mapped[int] = mapped_column(Integer)
    created_by_user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    ended_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    end_reason: Mapped[str | None] = mapped_column(String(20), nullable=True)
    end_reason_text: Mapped[str | None] = mapped_column(Text, nullable=True)

    follow_ups: Mapped[list[FollowUp]] = relationship(
        cascade="all, delete-orphan", order_by="FollowUp.due_date", lazy="selectin"
    )


class FollowUp(Base):
    """A scheduled follow-up contact (nazorg) and, once done, what it found."""

    __tablename__ = "placement_follow_up"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    placement_id: Mapped[int] = mapped_column(
        ForeignKey("placement.id", ondelete="CASCADE"), index=True
    )
    months: Mapped[int] = mapped_column(Integer)
    due_date: Mapped[date] = mapped_column(Date)
    # set by the job `cases.follow-ups-due` when it made this the trajectory's next action
    surfaced_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    contact_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    still_working: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    same_hours: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    hours_now: Mapped[int | None] = mapped_column(Integer, nullable=True)
    risk_signals: Mapped[str | None] = mapped_column(Text, nullable=True)
    actions_taken: Mapped[str | None] = mapped_column(Text, nullable=True)
    by_user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)

    __table_args__ = (Index("ix_placement_follow_up_due", "due_date", "done_at"),)
