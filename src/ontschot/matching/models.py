"""Coach feedback on a match suggestion: suitable or not, with a reason, kept and shown."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ontschot.db import Base, UTCDateTime, utcnow

VERDICTS = ("suitable", "not_suitable")
VERDICT_LABELS_NL = {"suitable": "Passend", "not_suitable": "Niet passend"}


class MatchFeedback(Base):
    __tablename__ = "match_feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidate.id", ondelete="CASCADE"), index=True
    )
    vacancy_id: Mapped[int] = mapped_column(
        ForeignKey("vacancy.id", ondelete="CASCADE"), index=True
    )
    verdict: Mapped[str] = mapped_column(String(16))  # suitable | not_suitable
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    score: Mapped[float | None] = mapped_column(nullable=True)  # score shown when judged
    user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    organisation_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
