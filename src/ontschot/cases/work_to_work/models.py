"""One row per employee registered as at risk: who registered them for which employer, the
job that is ending and the trajectory that was started for them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ontschot.db import Base, UTCDateTime, utcnow


class AtRiskEmployee(Base):
    __tablename__ = "at_risk_employee"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id", ondelete="CASCADE"))
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidate.id", ondelete="CASCADE"), index=True
    )
    trajectory_id: Mapped[int | None] = mapped_column(
        ForeignKey("trajectory.id", ondelete="SET NULL"), nullable=True
    )
    job_title: Mapped[str] = mapped_column(String(200))
    occupation_uri: Mapped[str | None] = mapped_column(String(200), nullable=True)
    hours_per_week: Mapped[int | None] = mapped_column(Integer, nullable=True)
    job_ends_on: Mapped[date] = mapped_column(Date)
    # a sector fund (e.g. a training and development fund) that registered through an adviser
    fund_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    organisation_id: Mapped[int] = mapped_column(Integer)  # the coaching organisation
    registered_by_user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (Index("ix_at_risk_employee_employer", "employer_id", "job_ends_on"),)
