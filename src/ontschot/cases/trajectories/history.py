"""Writing a trajectory's history: the status rows and the other events, and the log."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ontschot import clock
from ontschot.access.actor import Actor
from ontschot.audit import service as audit
from ontschot.cases.trajectories.models import StatusReached, Trajectory, TrajectoryEvent

PURPOSE = "begeleiding naar werk"


def subject_key(trajectory: Trajectory) -> str:
    """The candidate is the data subject of everything about their trajectory."""
    return f"candidate:{trajectory.candidate_id}"


def log(db: Session, actor: Actor, action: str, trajectory: Trajectory) -> None:
    audit.record(
        db,
        actor=actor,
        action=action,
        object_type="trajectory",
        object_id=trajectory.id,
        subject_key=subject_key(trajectory),
        purpose=PURPOSE,
    )


def reach_status(
    db: Session, actor: Actor, trajectory: Trajectory, status_id: int, phase_id: int
) -> None:
    trajectory.status_id, trajectory.phase_id = status_id, phase_id
    db.add(
        StatusReached(
            trajectory_id=trajectory.id,
            phase_id=phase_id,
            status_id=status_id,
            reached_at=clock.now(),
            by_user_id=actor.user_id,
        )
    )


def event(
    db: Session,
    actor: Actor,
    trajectory: Trajectory,
    kind: str,
    summary: str,
    reason: str | None = None,
) -> None:
    db.add(
        TrajectoryEvent(
            trajectory_id=trajectory.id,
            kind=kind,
            occurred_at=clock.now(),
            by_user_id=actor.user_id,
            by_name=actor.display_name[:200],
            organisation_name=actor.organisation_name[:200],
            summary=summary[:300],
            reason=reason,
        )
    )
    trajectory.updated_at = clock.now()
