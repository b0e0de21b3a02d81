"""What cases hold about a person, for export and erasure (see `ontschot.subjects`).

Erasure keeps the facts the monitor counts, pseudonymised: each trajectory's chain, chain
type version, phase, status, state, result and dates, and every status reached with its
time (without who set it). Free text goes: the goal, the next action, the plan, the
summaries of activities, the reasons of events, suspensions and closing, and hand-over
messages. Activities keep their kind and date; hand-overs their organisations and dates.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ontschot.cases.trajectories.models import (
    Activity,
    Handover,
    PlanItem,
    StatusReached,
    Suspension,
    Trajectory,
    TrajectoryEvent,
)
from ontschot.subjects import SubjectProvider, provides

ERASED = "verwijderd"


def _ids(db: Session, candidate_id: int) -> list[int]:
    return list(db.scalars(select(Trajectory.id).where(Trajectory.candidate_id == candidate_id)))


def _iso(value: Any) -> str | None:
    return None if value is None else value.isoformat()


def _export(db: Session, candidate_id: int) -> list[dict[str, Any]]:
    out = []
    for t in db.scalars(
        select(Trajectory).where(Trajectory.candidate_id == candidate_id).order_by(Trajectory.id)
    ):
        reached = db.scalars(
            select(StatusReached)
            .where(StatusReached.trajectory_id == t.id)
            .order_by(StatusReached.id)
        )
        activities = db.scalars(
            select(Activity).where(Activity.trajectory_id == t.id).order_by(Activity.id)
        )
        events = db.scalars(
            select(TrajectoryEvent)
            .where(TrajectoryEvent.trajectory_id == t.id)
            .order_by(TrajectoryEvent.id)
        )
        out.append(
            {
                "id": t.id,
                "chainId": t.chain_id,
                "goal": t.goal,
                "state": t.state,
                "startedOn": _iso(t.started_on),
                "closedAt": _iso(t.closed_at),
                "closeReason": t.close_reason,
                "nextAction": t.next_action,
                "nextActionDue": _iso(t.next_action_due),
                "plan": [
                    {"kind": p.kind, "text": p.text, "dueDate": _iso(p.due_date)}
                    for p in t.plan_items
                ],
                "statusHistory": [
                    {"statusId": r.status_id, "reachedAt": _iso(r.reached_at)} for r in reached
                ],
                "activities": [
                    {"kind": a.kind, "occurredOn": _iso(a.occurred_on), "summary": a.summary}
                    for a in activities
                ],
                "events": [
                    {"kind": e.kind, "at": _iso(e.occurred_at), "summary": e.summary}
                    for e in events
                ],
            }
        )
    return out


def _erase(db: Session, candidate_id: int) -> None:
    ids = _ids(db, candidate_id)
    if not ids:
        return
    quiet = {"synchronize_session": False}
    db.execute(
        update(Trajectory)
        .where(Trajectory.id.in_(ids))
        .values(goal=ERASED, next_action=None, close_reason=None)
        .execution_options(**quiet)
    )
    db.execute(
        update(StatusReached)
        .where(StatusReached.trajectory_id.in_(ids))
        .values(by_user_id=None)
        .execution_options(**quiet)
    )
    db.execute(
        update(Activity)
        .where(Activity.trajectory_id.in_(ids))
        .values(summary=ERASED)
        .execution_options(**quiet)
    )
    db.execute(
        update(PlanItem)
        .where(PlanItem.trajectory_id.in_(ids))
        .values(text=ERASED)
        .execution_options(**quiet)
    )
    db.execute(
        update(TrajectoryEvent)
        .where(TrajectoryEvent.trajectory_id.in_(ids))
        .values(summary=TrajectoryEvent.kind, reason=None)
        .execution_options(**quiet)
    )
    db.execute(
        update(Suspension)
        .where(Suspension.trajectory_id.in_(ids))
        .values(reason=ERASED)
        .execution_options(**quiet)
    )
    db.execute(
        update(Handover)
        .where(Handover.trajectory_id.in_(ids))
        .values(message=ERASED, decline_reason=None)
        .execution_options(**quiet)
    )


provides(SubjectProvider("trajectories", _export, _erase))
