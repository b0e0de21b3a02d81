"""Cases in the person's export, and erasure that keeps pseudonymised facts."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot import clock
from ontschot.access.models import Organisation
from ontschot.access.roles import Role
from ontschot.cases.trajectories import service
from ontschot.cases.trajectories.models import Activity, StatusReached, Trajectory
from ontschot.cases.trajectories.schemas import ActivityCreate, NextActionSet
from ontschot.people.rights import erase_candidate, export_candidate_data
from tests.cases.helpers import make_trajectory, move_to
from tests.factories import actor_of, make_user


def _trajectory_with_history(db: Session) -> tuple[Any, Trajectory]:
    coach = make_user(db, Role.COACH)
    trajectory = make_trajectory(db, coach)
    service.record_activity(
        db,
        actor=actor_of(coach),
        trajectory_id=trajectory.id,
        data=ActivityCreate(
            kind="conversation", occurred_on=clock.today(), summary="Vertelde over haar ziekte"
        ),
    )
    service.set_next_action(
        db,
        actor=actor_of(coach),
        trajectory_id=trajectory.id,
        data=NextActionSet(text="Bellen met Ilse", due_date=clock.today()),
    )
    move_to(db, coach, trajectory, "Scholing")
    return coach, trajectory


def test_the_export_holds_the_trajectory_with_its_history(db: Session) -> None:
    coach, trajectory = _trajectory_with_history(db)

    exported = export_candidate_data(
        db, actor=actor_of(coach), candidate_id=trajectory.candidate_id
    )

    [shown] = exported["trajectories"]
    assert shown["goal"] == "Werk als orderpicker"
    assert len(shown["statusHistory"]) == 2
    assert shown["activities"][0]["summary"] == "Vertelde over haar ziekte"


def test_erasure_keeps_status_times_and_drops_free_text(db: Session) -> None:
    coach, trajectory = _trajectory_with_history(db)
    admin = make_user(
        db, Role.PARTNER_ADMIN, organisation=db.get(Organisation, coach.organisation_id)
    )

    erase_candidate(
        db, actor=actor_of(admin), candidate_id=trajectory.candidate_id, reason="verzoek"
    )

    db.expire_all()
    kept = db.get(Trajectory, trajectory.id)
    assert kept is not None
    assert kept.goal == "verwijderd" and kept.next_action is None
    assert kept.chain_id == trajectory.chain_id and kept.status_id == trajectory.status_id
    reached = db.scalars(
        select(StatusReached).where(StatusReached.trajectory_id == trajectory.id)
    ).all()
    assert len(reached) == 2 and all(r.reached_at and r.by_user_id is None for r in reached)
    activity = db.scalar(select(Activity).where(Activity.trajectory_id == trajectory.id))
    assert activity is not None
    assert activity.summary == "verwijderd" and activity.kind == "conversation"
