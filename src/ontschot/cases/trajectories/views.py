"""Trajectories and hand-overs as API shapes (and as what the pages show)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot.access.models import AppUser, Organisation
from ontschot.cases.trajectories.models import (
    Activity,
    Handover,
    StatusReached,
    Suspension,
    Trajectory,
    TrajectoryEvent,
)
from ontschot.cases.trajectories.reads import Row
from ontschot.cases.trajectories.schemas import (
    ActivityRead,
    CandidateRef,
    EventRead,
    HandoverRead,
    NamedRef,
    PhaseRef,
    PlanItemRead,
    StatusReachedRead,
    SuspensionRead,
    TrajectoryItem,
    TrajectoryRead,
    TrajectoryState,
)
from ontschot.chains.models import Chain, ChainPhase, ChainResult, ChainStatus, ChainType


def _user(db: Session, key: int | None) -> str:
    row = db.get(AppUser, key) if key is not None else None
    return "" if row is None else row.display_name


def _org(db: Session, key: int | None) -> str:
    row = db.get(Organisation, key) if key is not None else None
    return "" if row is None else row.name


@dataclass
class Lookup:
    """Chains, phases, statuses and coach names of a batch of rows, loaded once and held
    (the session's identity map forgets objects nobody holds, and each `get` of a chain
    or phase would load its children again)."""

    chains: dict[int, Chain] = field(default_factory=dict)
    phases: dict[int, ChainPhase] = field(default_factory=dict)
    statuses: dict[int, ChainStatus] = field(default_factory=dict)
    coaches: dict[int, str] = field(default_factory=dict)


def lookup_for(db: Session, rows: list[Row]) -> Lookup:
    found = Lookup()
    ts = [r.trajectory for r in rows]
    if not ts:
        return found
    found.chains = {
        c.id: c for c in db.scalars(select(Chain).where(Chain.id.in_({t.chain_id for t in ts})))
    }
    found.phases = {
        p.id: p
        for p in db.scalars(select(ChainPhase).where(ChainPhase.id.in_({t.phase_id for t in ts})))
    }
    found.statuses = {
        s.id: s
        for s in db.scalars(
            select(ChainStatus).where(ChainStatus.id.in_({t.status_id for t in ts}))
        )
    }
    coach_ids = {t.coach_user_id for t in ts}
    names = db.execute(select(AppUser.id, AppUser.display_name).where(AppUser.id.in_(coach_ids)))
    found.coaches = {user_id: name for user_id, name in names}
    return found


def trajectory_items(db: Session, rows: list[Row]) -> list[TrajectoryItem]:
    lookup = lookup_for(db, rows)
    return [trajectory_item(db, r, lookup) for r in rows]


def trajectory_item(db: Session, row: Row, lookup: Lookup | None = None) -> TrajectoryItem:
    t = row.trajectory
    lookup = lookup or lookup_for(db, [row])
    chain = lookup.chains[t.chain_id]
    phase = lookup.phases[t.phase_id]
    status = lookup.statuses[t.status_id]
    return TrajectoryItem(
        id=t.id,
        candidate=CandidateRef(
            id=row.candidate.id,
            reference=row.candidate.reference,
            name=row.candidate.full_name if row.name_visible else None,
        ),
        chain=NamedRef(id=chain.id, name=chain.name),
        goal=t.goal,
        organisation_id=t.organisation_id,
        coach=NamedRef(id=t.coach_user_id, name=lookup.coaches.get(t.coach_user_id, "")),
        phase=PhaseRef(
            id=phase.id,
            position=phase.position,
            name=phase.name,
            needs_employer=phase.needs_employer,
        ),
        status=NamedRef(id=status.id, name=status.name),
        employer_id=t.employer_id,
        state=TrajectoryState(t.state),
        next_action=t.next_action,
        next_action_due=t.next_action_due,
        started_on=t.started_on,
        version=t.version,
    )


def handover_read(db: Session, handover: Handover) -> HandoverRead:
    return HandoverRead(
        id=handover.id,
        trajectory_id=handover.trajectory_id,
        from_organisation=NamedRef(
            id=handover.from_organisation_id,
            name=_org(db, handover.from_organisation_id),
        ),
        from_user_id=handover.from_user_id,
        to_organisation=NamedRef(
            id=handover.to_organisation_id,
            name=_org(db, handover.to_organisation_id),
        ),
        to_user=NamedRef(id=handover.to_user_id, name=_user(db, handover.to_user_id)),
        status=handover.status,
        message=handover.message,
        proposed_at=handover.proposed_at,
        decided_at=handover.decided_at,
        decline_reason=handover.decline_reason,
        sender_keeps_access=handover.sender_keeps_access,
    )


def _rows(db: Session, model: Any, trajectory_id: int, *order: Any) -> list[Any]:
    return list(
        db.scalars(select(model).where(model.trajectory_id == trajectory_id).order_by(*order))
    )


def trajectory_read(db: Session, row: Row) -> TrajectoryRead:
    t: Trajectory = row.trajectory
    item = trajectory_item(db, row)
    chain_type = db.get(ChainType, t.chain_type_id)
    assert chain_type is not None
    result = db.get(ChainResult, t.result_id) if t.result_id else None
    statuses = {s.id: (s.name, p.name) for p in chain_type.phases for s in p.statuses}
    reached: list[StatusReached] = _rows(
        db, StatusReached, t.id, StatusReached.reached_at, StatusReached.id
    )
    activities: list[Activity] = _rows(
        db, Activity, t.id, Activity.occurred_on.desc(), Activity.id.desc()
    )
    events: list[TrajectoryEvent] = _rows(
        db, TrajectoryEvent, t.id, TrajectoryEvent.occurred_at, TrajectoryEvent.id
    )
    suspensions: list[Suspension] = _rows(
        db, Suspension, t.id, Suspension.start_date, Suspension.id
    )
    handovers: list[Handover] = _rows(db, Handover, t.id, Handover.proposed_at, Handover.id)
    return TrajectoryRead(
        **item.model_dump(),
        chain_type_id=chain_type.id,
        chain_type_version=chain_type.version,
        result=NamedRef(id=result.id, name=result.name) if result else None,
        close_reason=t.close_reason,
        closed_at=t.closed_at,
        plan=[PlanItemRead.model_validate(p) for p in t.plan_items],
        activities=[ActivityRead.model_validate(a) for a in activities],
        status_history=[
            StatusReachedRead(
                status_id=r.status_id,
                status_name=statuses.get(r.status_id, ("", ""))[0],
                phase_name=statuses.get(r.status_id, ("", ""))[1],
                reached_at=r.reached_at,
            )
            for r in reached
        ],
        events=[EventRead.model_validate(e) for e in events],
        suspensions=[SuspensionRead.model_validate(s) for s in suspensions],
        handovers=[handover_read(db, h) for h in handovers],
    )
