"""Reassignment: one or many trajectories to another coach of the same organisation.

Crossing organisations is a hand-over (`cases.handovers`), which the receiver accepts;
within one organisation the team leader (partner administrator) or the programme manager
moves them, for example when a coach leaves. The reason is kept in each history.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from ontschot import errors
from ontschot.access.actor import Actor
from ontschot.cases.trajectories import history
from ontschot.cases.trajectories.models import Trajectory
from ontschot.cases.trajectories.schemas import ReassignmentCreate
from ontschot.cases.trajectories.service import active_coach
from ontschot.cases.trajectories.visibility import trajectory_for
from ontschot.tx import transactional


@transactional
def reassign_trajectories(
    db: Session, *, actor: Actor, data: ReassignmentCreate
) -> list[Trajectory]:
    """All or none: one refused trajectory refuses the whole batch."""
    actor.require("trajectory.reassign")
    coach = active_coach(db, data.coach_user_id)
    if coach is None:
        raise errors.invalid("coach_user_id", "geen actieve arbeidsmarktcoach")
    moved: list[Trajectory] = []
    for trajectory_id in dict.fromkeys(data.trajectory_ids):
        trajectory = trajectory_for(db, actor, trajectory_id, "trajectory.reassign")
        if trajectory.state == "closed":
            raise errors.Conflict(
                f"Traject {trajectory.id} is afgesloten.", fields={"trajectory_ids": "afgesloten"}
            )
        if coach.organisation_id != trajectory.organisation_id:
            raise errors.Conflict(
                "Deze coach werkt bij een andere organisatie: stel een warme overdracht voor.",
                fields={"coach_user_id": "andere organisatie"},
            )
        if coach.id == trajectory.coach_user_id:
            continue
        trajectory.coach_user_id = coach.id
        history.event(
            db,
            actor,
            trajectory,
            "reassigned",
            f"Overgedragen aan {coach.display_name}",
            data.reason,
        )
        history.log(db, actor, "trajectory.reassign", trajectory)
        moved.append(trajectory)
    db.flush()
    return moved
