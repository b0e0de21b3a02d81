"""Taking the facts snapshot (the job) and reading it back (pages, API, exports)."""

from __future__ import annotations

import dataclasses
from datetime import date
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


def _typed(cls: type[Any], data: dict[str, Any]) -> Any:
    values: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        raw = data.get(f.name)
        kind = str(f.type)
        if raw is not None and "date" in kind and "update" not in kind:
            raw = date.fromisoformat(raw)
        elif f.name == "follow_ups":
            raw = tuple(_typed(Observation, o) for o in raw or ())
        elif f.name == "chain_ids":
            raw = tuple(raw or ())
        values[f.name] = raw
    return cls(**values)


def to_payload(facts: Facts) -> dict[str, Any]:
    payload: dict[str, Any] = {kind: _plain(getattr(facts, kind)) for kind in _KINDS}
    payload["chainNames"] = {str(k): v for k, v in facts.chain_names.items()}
    payload["chainSectors"] = {str(k): v for k, v in facts.chain_sectors.items()}
    payload["organisationNames"] = {str(k): v for k, v in facts.organisation_names.items()}
    payload["takenOn"] = facts.taken_on.isoformat() if facts.taken_on else None
    return payload


def from_payload(payload: dict[str, Any]) -> Facts:
    rows = {
        kind: tuple(_typed(cls, r) for r in payload.get(kind, [])) for kind, cls in _KINDS.items()
    }
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


def latest(db: Session) -> tuple[Facts, MonitorSnapshot | None]:
    """The latest snapshot's facts; without one (never refreshed), the facts as they are."""
    row = db.scalar(select(MonitorSnapshot).order_by(MonitorSnapshot.id.desc()).limit(1))
    if row is None:
        return loader.collect_facts(db), None
    return from_payload(row.payload), row
