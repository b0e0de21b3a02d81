"""Training catalogue: offers from providers, the ESCO skills each teaches, start dates.

Skills are referenced by URI (no foreign key to the taxonomy, which can be replaced by a newer
import); a CompetentNL URI can stand beside the ESCO one.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ontschot.db import Base, UTCDateTime, utcnow


class TrainingOffer(Base):
    __tablename__ = "training_offer"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    provider: Mapped[str] = mapped_column(String(200), index=True)
    external_ref: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text, nullable=True)
    duration_hours: Mapped[int] = mapped_column(Integer)
    duration_weeks: Mapped[int] = mapped_column(Integer)
    cost_cents: Mapped[int] = mapped_column(Integer)
    municipality: Mapped[str | None] = mapped_column(String(80), nullable=True)
    source: Mapped[str] = mapped_column(String(60), default="csv")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    skills: Mapped[list[TrainingOfferSkill]] = relationship(
        cascade="all, delete-orphan", order_by="TrainingOfferSkill.skill_uri"
    )
    starts: Mapped[list[TrainingOfferStart]] = relationship(
        cascade="all, delete-orphan", order_by="TrainingOfferStart.start_date"
    )

    __table_args__ = (UniqueConstraint("provider", "external_ref"),)

    @property
    def skill_uris(self) -> list[str]:
        return [s.skill_uri for s in self.skills]

    @property
    def start_dates(self) -> list[date]:
        return [s.start_date for s in self.starts]


class TrainingOfferSkill(Base):
    __tablename__ = "training_offer_skill"

    offer_id: Mapped[int] = mapped_column(
        ForeignKey("training_offer.id", ondelete="CASCADE"), primary_key=True
    )
    skill_uri: Mapped[str] = mapped_column(String(200), primary_key=True, index=True)


class TrainingOfferStart(Base):
    __tablename__ = "training_offer_start"

    offer_id: Mapped[int] = mapped_column(
        ForeignKey("training_offer.id", ondelete="CASCADE"), primary_key=True
    )
    start_date: Mapped[date] = mapped_column(Date, primary_key=True)
