"""The one catalogue of instruments. Training offers of the career routes are instruments
of kind `training`: the training import calls `sync_training_offers`, which keeps one
instrument row per offer (linked by `training_offer_id`, created or updated with it), so
a coach picks a training from the same list as job coaching or a language course.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ontschot import clock, errors
from ontschot.access.actor import Actor
from ontschot.audit import service as audit
from ontschot.budget.models import Instrument
from ontschot.budget.schemas import InstrumentCreate
from ontschot.careers.models import TrainingOffer
from ontschot.tx import transactional


@transactional
def create_instrument(db: Session, *, actor: Actor, data: InstrumentCreate) -> Instrument:
    actor.require("instrument.manage")
    if data.valid_from and data.valid_until and data.valid_until < data.valid_from:
        raise errors.invalid("valid_until", "ligt vóór geldig vanaf")
    instrument = Instrument(
        kind=data.kind.value,
        name=" ".join(data.name.split()),
        provider=" ".join(data.provider.split()),
        unit_price_cents=data.unit_price_cents,
        duration_weeks=data.duration_weeks,
        valid_from=data.valid_from,
        valid_until=data.valid_until,
        created_at=clock.now(),
    )
    db.add(instrument)
    db.flush()
    audit.record(
        db,
        actor=actor,
        action="instrument.create",
        object_type="instrument",
        object_id=instrument.id,
        subject_key=None,
        purpose="beheer van de instrumentencatalogus",
    )
    return instrument


def sync_training_offers(db: Session, offers: Iterable[TrainingOffer]) -> int:
    """One instrument per training offer, kept equal to it; inside the import's transaction
    (its log entry covers this). Returns how many instruments were created."""
    offers = list(offers)
    db.flush()
    linked = {
        i.training_offer_id: i
        for i in db.scalars(
            select(Instrument).where(Instrument.training_offer_id.in_([o.id for o in offers]))
        )
    }
    created = 0
    for offer in offers:
        instrument = linked.get(offer.id)
        if instrument is None:
            instrument = Instrument(kind="training", training_offer_id=offer.id)
            db.add(instrument)
            created += 1
        instrument.name, instrument.provider = offer.title, offer.provider
        instrument.unit_price_cents = offer.cost_cents or None
        instrument.duration_weeks = offer.duration_weeks or None
    db.flush()
    return created


def usable_on(instrument: Instrument, day: date) -> bool:
    return (instrument.valid_from is None or instrument.valid_from <= day) and (
        instrument.valid_until is None or day <= instrument.valid_until
    )


def catalogue(
    db: Session, *, actor: Actor, kind: str | None = None, usable: date | None = None
) -> list[Instrument]:
    """The catalogue (no personal data), optionally one kind or what is valid on a day."""
    actor.require("budget.read")
    query = select(Instrument).order_by(Instrument.kind, Instrument.name, Instrument.id)
    if kind:
        query = query.where(Instrument.kind == kind)
    if usable:
        query = query.where(
            or_(Instrument.valid_from.is_(None), Instrument.valid_from <= usable),
            or_(Instrument.valid_until.is_(None), Instrument.valid_until >= usable),
        )
    return list(db.scalars(query))
