"""Suspension: a trajectory rests, and its clock stops with it.

A suspension starts today and ends on resumption; its length in days is `end - start`.
On resumption every open due date (the next action, and plan items not done) moves by
exactly that many days, so what was due in 3 days is due in 3 days again afterwards, and
an action already overdue stays as many days overdue as it was (ADR 0017). While suspended
nothing is counted as overdue, and the trajectory cannot move or plan until resumed.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot import clock, errors
from ontschot.access.actor import Actor
from ontschot.cases.trajectories import history
from ontschot.cases.trajectories.models import Suspension, Trajectory
from ontschot.cases.trajectories.schemas import SuspensionCreate
from ontschot.cases.trajectories.visibility import trajectory_for
from ontschot.tx import transactional


def shifted(due: date | None, days: int) -> date | None:
    """A due date moved by the days suspended (None stays None)."""
    return None if due is None else due + timedelta(days=days)


def open_suspension(db: Session, trajectory: Trajectory) -> Suspension | None:
    return db.scalar(
        select(Suspension).where(
            Suspension.trajectory_id == trajectory.id, Suspension.end_date.is_(None)
        )
    )


def end_open_suspension(db: Session, trajectory: Trajectory) -> int:
    """End a running suspension today; returns its days (0 when none was running)."""
    running = open_suspension(db, trajectory)
    if running is None:
        return 0
    today = clock.today()
    running.end_date = today
    running.days = (today - running.start_date).days
    return running.days


@transactional
def suspend_trajectory(
    db: Session, *, actor: Actor, trajectory_id: int, data: SuspensionCreate
) -> Suspension:
    trajectory = trajectory_for(db, actor, trajectory_id, "trajectory.update")
    if trajectory.state == "closed":
        raise errors.Conflict("Dit traject is afgesloten en kan niet meer veranderen.")
    if trajectory.state == "suspended":
        raise errors.Conflict("Dit traject is al opgeschort.")
    suspension = Suspension(
        trajectory_id=trajectory.id, start_date=clock.today(), reason=data.reason.strip()
    )
    db.add(suspension)
    trajectory.state = "suspended"
    history.event(db, actor, trajectory, "suspended", "Opgeschort", data.reason)
    history.log(db, actor, "trajectory.suspend", trajectory)
    db.flush()
    return suspension


@transactional
def resume_trajectory(db: Session, *, actor: Actor, trajectory_id: int) -> Trajectory:
    """End the suspension and move every open due date by the days it lasted."""
    trajectory = trajectory_for(db, actor, trajectory_id, "trajectory.update")
    if trajectory.state != "suspended":
        raise errors.Conflict("Dit traject is niet opgeschort.")
    days = end_open_suspension(db, trajectory)
    trajectory.next_action_due = shifted(trajectory.next_action_due, days)
    for item in trajectory.plan_items:
        if item.done_on is None:
            item.due_date = shifted(item.due_date, days)
    trajectory.state = "open"
    history.event(db, actor, trajectory, "resumed", f"Hervat; afspraken {days} dagen later")
    history.log(db, actor, "trajectory.resume", trajectory)
    db.flush()
    return trajectory
