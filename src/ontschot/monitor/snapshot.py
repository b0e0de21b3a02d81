"""Taking the facts snapshot (the job) and reading it back (pages, API, exports)."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ontschot.access.actor import Actor
from ontschot.audit import service as audit
from ontschot.monitor import loader
from ontschot.monitor.facts import (
    Facts,
    IntroductionFact,
    MoneyFact,
    Observation,
    PersonFact,
    PlacementFact,
    TrajectoryFact,
)
from ontschot.monitor.models import MonitorSnapshot
from ontschot.tx import transactional

_KINDS: dict[str, type[Any]] = {
    "people": PersonFact,
    "trajectories": TrajectoryFact,
    "placements": PlacementFact,
    "introductions": IntroductionFact,
    "money": MoneyFact,
}


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def _decoder(cls: type[Any]) -> Callable[[dict[str, Any]], Any]:
    """A fast reader for one fact type: which fields are dates, which nested tuples."""
    dates = [f.name for f in dataclasses.fields(cls) if str(f.type).startswith("date")]
    names = [f.name for f in dataclasses.fields(cls)]

    def decode(data: dict[str, Any]) -> Any:
        values = {name: data.get(name) for name in names}
        for name in dates:
            raw = values[name]
            if raw is not None:
                values[name] = date.fromisoformat(raw)
        if "follow_ups" in values:
            values["follow_ups"] = tuple(_observation(o) for o in values["follow_ups"] or ())
        if "chain_ids" in values:
            values["chain_ids"] = tuple(values["chain_ids"] or ())
        return cls(**values)

    return decode


def _observation(data: dict[str, Any]) -> Observation:
    contact = data.get("contact_date")
    return Observation(
        data["months"],
        date.fromisoformat(contact) if contact else None,
        data.get("still_working"),
        data.get("same_hours"),
        data.get("hours_now"),
    )


_DECODERS = {kind: _decoder(cls) for kind, cls in _KINDS.items()}


def to_payload(facts: Facts) -> dict[str, Any]:
    payload: dict[str, Any] = {kind: _plain(getattr(facts, kind)) for kind in _KINDS}
    payload["chainNames"] = {str(k): v for k, v in facts.chain_names.items()}
    payload["chainSectors"] = {str(k): v for k, v in facts.chain_sectors.items()}
    payload["organisationNames"] = {str(k): v for k, v in facts.organisation_names.items()}
    payload["takenOn"] = facts.taken_on.isoformat() if facts.taken_on else None
    return payload


def from_payload(payload: dict[str, Any]) -> Facts:
    rows = {kind: tuple(map(_DECODERS[kind], payload.get(kind, []))) for kind in _KINDS}
    return Facts(
        people=rows["people"],
        trajectories=rows["trajectories"],
        placements=rows["placements"],
        introductions=rows["introductions"],
        money=rows["money"],
        chain_names={int(k): v for k, v in payload.get("chainNames", {}).items()},
        chain_sectors={int(k): v for k, v in payload.get("chainSectors", {}).items()},
        organisation_names={int(k): v for k, v in payload.get("organisationNames", {}).items()},
        taken_on=date.fromisoformat(payload["takenOn"]) if payload.get("takenOn") else None,
    )


@transactional
def refresh_facts(db: Session, *, actor: Actor, dry_run: bool = False) -> Facts:
    """Take the facts anew and replace the snapshot (one processing-log entry)."""
    actor.require("monitor.refresh")
    facts = loader.collect_facts(db)
    if dry_run:
        return facts
    db.execute(delete(MonitorSnapshot))
    row = MonitorSnapshot(
        placements=len(facts.placements), people=len(facts.people), payload=to_payload(facts)
    )
    db.add(row)
    db.flush()
    audit.record(
        db,
        actor=actor,
        action="monitor.refresh",
        object_type="monitor_snapshot",
        object_id=row.id,
        subject_key=None,
        purpose="resultatenmonitor",
    )
    return facts


# The latest snapshot, decoded once per process: a snapshot row is never changed (the job
# writes a new one), so its id says whether the decoded facts are still current.
_decoded: dict[str, tuple[tuple[int, datetime], Facts]] = {}
_lock = threading.Lock()


def latest(db: Session) -> tuple[Facts, MonitorSnapshot | None]:
    """The latest snapshot's facts; without one (never refreshed), the facts as they are."""
    head = db.execute(
        select(MonitorSnapshot.id, MonitorSnapshot.taken_at)
        .order_by(MonitorSnapshot.id.desc())
        .limit(1)
    ).first()
    if head is None:
        return loader.collect_facts(db), None
    key = str(db.get_bind().engine.url)
    version = (head.id, head.taken_at)  # ids can come back after a rollback; times do not
    with _lock:
        cached = _decoded.get(key)
    if cached is None or cached[0] != version:
        row = db.get(MonitorSnapshot, head.id)
        assert row is not None
        cached = (version, from_payload(row.payload))
        with _lock:
            _decoded[key] = cached
    info = MonitorSnapshot(id=head.id, taken_at=head.taken_at, placements=0, people=0, payload={})
    return cached[1], info
