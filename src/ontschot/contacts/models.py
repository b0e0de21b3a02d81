"""A contact moment (contactmoment) with a candidate or with an employer.

Exactly one of `candidate_id` and `employer_id` is set (the service sees to it). A contact
moment with a candidate is personal data: it is read under the candidate's visibility rule,
logged, exported and erased with the person (see `subject_data.py`).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ontschot.db import Base, UTCDateTime, utcnow


class ContactMoment(Base):
    __tablename__ = "contact_moment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int | None] = mapped_column(
        ForeignKey("candidate.id", ondelete="CASCADE"), nullable=True
    )
    employer_id: Mapped[int | None] = mapped_column(
        ForeignKey("employer.id", ondelete="CASCADE"), nullable=True
    )
    kind: Mapped[str] = mapped_column(String(12))  # conversation | phone | visit | email
    occurred_on: Mapped[date] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(Text)
    next_action: Mapped[str | None] = mapped_column(String(300), nullable=True)
    next_action_due: Mapped[date | None] = mapped_column(Date, nullable=True)
    organisation_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_by_user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_by_name: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (
        Index("ix_contact_moment_candidate", "candidate_id", "occurred_on"),
        Index("ix_contact_moment_employer", "employer_id", "occurred_on"),
        Index("ix_contact_moment_due", "organisation_id", "next_action_due"),
    )
