"""Reading placements (each read logged against the candidate) and surfacing follow-ups
that fell due as the trajectory's next action (the job `cases.follow-ups-due`)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot import clock
from ontschot.access.actor import Actor
from ontschot.cases.placements.models import FollowUp, Placement
from ontschot.cases.placements.service import due_follow_up_text, log, placement_for
from ontschot.cases.trajectories import history
from ontschot.cases.trajectories.models import Trajectory
from ontschot.cases.trajectories.visibility import condition
from ontschot.tx import transactional


@dataclass(frozen=True)
class PlacementFilter:
    trajectory_id: int | None = None
    candidate_id: int | None = None


@transactional
def read_placement(db: Session, *, actor: Actor, placement_id: int) -> Placement:
    actor.require("placement.read")
    placement = placement_for(db, actor, placement_id, "trajectory.read")
    log(db, actor, "placement.read", placement)
    return placement


@transactional
def list_placements(
    db: Session, *, actor: Actor, flt: PlacementFilter, limit: int = 200
) -> list[Placement]:
    """Placements of the trajectories the actor may read, newest start first."""
    actor.require("placement.read")
    query = (
        select(Placement)
        .join(Trajectory, Trajectory.id == Placement.trajectory_id)
        .where(condition(actor, "trajectory.read"))
        .order_by(Placement.start_date.desc(), Placement.id.desc())
        .limit(limit)
    )
    if flt.trajectory_id is not None:
        query = query.where(Placement.trajectory_id == flt.trajectory_id)
    if flt.candidate_id is not None:
        query = query.where(Placement.candidate_id == flt.candidate_id)
    found = list(db.scalars(query))
    for placement in found:
        log(db, actor, "placement.read", placement)
    return found


@transactional
def surface_due_follow_ups(db: Session, *, actor: Actor, dry_run: bool = False) -> int:
    """Make each follow-up that fell due (not done, placement running) its trajectory's
    next action, unless an earlier one is already set; mark it surfaced either way, so a
    second run does nothing. Returns how many follow-ups were surfaced."""
    actor.require("placement.update")
    today = clock.today()
    rows = db.execute(
        select(FollowUp, Placement, Trajectory)
        .join(Placement, Placement.id == FollowUp.placement_id)
        .join(Trajectory, Trajectory.id == Placement.trajectory_id)
        .where(
            FollowUp.due_date <= today,
            FollowUp.done_at.is_(None),
            FollowUp.surfaced_at.is_(None),
            Placement.ended_on.is_(None),
        )
        .order_by(FollowUp.due_date, FollowUp.id)
    ).all()
    if dry_run:
        return len(rows)
    for follow_up, _placement, trajectory in rows:
        follow_up.surfaced_at = clock.now()
        if trajectory.state == "closed":
            continue
        due = trajectory.next_action_due
        if due is None or trajectory.next_action is None or due > follow_up.due_date:
            trajectory.next_action = due_follow_up_text(follow_up)
            trajectory.next_action_due = follow_up.due_date
            trajectory.updated_at = clock.now()
            history.log(db, actor, "placement.follow_up.surface", trajectory)
    db.flush()
    return len(rows)
