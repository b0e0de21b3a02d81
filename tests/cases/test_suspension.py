"""Suspension really shifts the due dates: by exactly the days suspended."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from ontschot import clock
from ontschot.access.roles import Role
from ontschot.cases.trajectories import service, suspension
from ontschot.cases.trajectories.schemas import NextActionSet, PlanItemCreate, SuspensionCreate
from tests.cases.helpers import make_trajectory
from tests.factories import actor_of, make_user


@given(
    due=st.one_of(st.none(), st.dates(date(2000, 1, 1), date(2100, 1, 1))),
    days=st.integers(0, 3650),
)
def test_shifted_moves_a_date_by_exactly_the_days(due: date | None, days: int) -> None:
    moved = suspension.shifted(due, days)
    assert moved is None if due is None else (moved - due).days == days  # type: ignore[operator]


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(days=st.integers(0, 400), ahead=st.integers(0, 60), plan_ahead=st.integers(0, 90))
def test_resuming_after_n_days_moves_every_open_due_date_by_n(
    db: Session, days: int, ahead: int, plan_ahead: int
) -> None:
    coach = make_user(db, Role.COACH)
    actor = actor_of(coach)
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    with clock.frozen(start):
        trajectory = make_trajectory(db, coach)
        today = clock.today()
        service.set_next_action(
            db,
            actor=actor,
            trajectory_id=trajectory.id,
            data=NextActionSet(text="Bellen", due_date=today + timedelta(days=ahead)),
        )
        item = service.add_plan_item(
            db,
            actor=actor,
            trajectory_id=trajectory.id,
            data=PlanItemCreate(
                kind="action", text="VCA", due_date=today + timedelta(days=plan_ahead)
            ),
        )
        done = service.add_plan_item(
            db,
            actor=actor,
            trajectory_id=trajectory.id,
            data=PlanItemCreate(kind="action", text="Cv", due_date=today),
        )
        done.done_on = today
        db.commit()
        suspension.suspend_trajectory(
            db, actor=actor, trajectory_id=trajectory.id, data=SuspensionCreate(reason="ziek")
        )
    with clock.frozen(start + timedelta(days=days)):
        suspension.resume_trajectory(db, actor=actor, trajectory_id=trajectory.id)

    db.refresh(trajectory)
    assert trajectory.next_action_due == today + timedelta(days=ahead + days)
    assert item.due_date == today + timedelta(days=plan_ahead + days)
    assert done.due_date == today  # done: nothing to shift
    assert trajectory.state == "open"
