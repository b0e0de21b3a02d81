"""Reading trajectories: one in full, lists with filters, and a coach's day.

Every trajectory shown is logged against its candidate ("who looked at my data"); the name
of a candidate is shown only to those who may see the full profile (the registry's rule),
others see the pseudonymous reference.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import ColumnElement, Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session

from ontschot import clock
from ontschot.access.actor import Actor
from ontschot.cases.trajectories import history
from ontschot.cases.trajectories.models import Handover, PlanItem, Trajectory
from ontschot.cases.trajectories.visibility import condition, trajectory_for
from ontschot.people.models import Candidate
from ontschot.people.visibility import full_view_condition
from ontschot.tx import transactional

SORTS = ("due", "started", "updated")


@dataclass(frozen=True)
class TrajectoryFilter:
    chain_id: int | None = None
    coach_user_id: int | None = None
    state: str | None = None
    phase_id: int | None = None
    # overdue | no_next_action | handover | follow_ups
    attention: str | None = None


@dataclass
class Row:
    """A trajectory with what a list shows next to it."""

    trajectory: Trajectory
    candidate: Candidate
    name_visible: bool


@dataclass
class Day:
    """What needs a coach's attention today, and counts for the headings."""

    overdue: list[Row] = field(default_factory=list)
    due_today: list[Row] = field(default_factory=list)
    without_next_action: list[Row] = field(default_factory=list)
    incoming: list[Handover] = field(default_factory=list)
    outgoing: list[Handover] = field(default_factory=list)
    follow_ups_due: list[Row] = field(default_factory=list)


def _overdue(today: date) -> ColumnElement[bool]:
    late_plan = exists().where(
        PlanItem.trajectory_id == Trajectory.id,
        PlanItem.done_on.is_(None),
        PlanItem.due_date < today,
    )
    return and_(Trajectory.state == "open", or_(Trajectory.next_action_due < today, late_plan))


def _follow_up_due(today: date) -> ColumnElement[bool]:
    """A follow-up of a running placement in the trajectory fell due and is not done."""
    from ontschot.cases.placements.models import FollowUp, Placement

    return exists().where(
        Placement.trajectory_id == Trajectory.id,
        Placement.ended_on.is_(None),
        FollowUp.placement_id == Placement.id,
        FollowUp.done_at.is_(None),
        FollowUp.due_date <= today,
    )


def _pending_handover() -> ColumnElement[bool]:
    return exists().where(Handover.trajectory_id == Trajectory.id, Handover.status == "proposed")


def _filtered(actor: Actor, flt: TrajectoryFilter) -> Select[tuple[Trajectory, Candidate, bool]]:
    visible = full_view_condition(actor).label("name_visible")
    query = (
        select(Trajectory, Candidate, visible)
        .join(Candidate, Candidate.id == Trajectory.candidate_id)
        .where(condition(actor, "trajectory.read"))
    )
    if flt.chain_id is not None:
        query = query.where(Trajectory.chain_id == flt.chain_id)
    if flt.coach_user_id is not None:
        query = query.where(Trajectory.coach_user_id == flt.coach_user_id)
    if flt.state is not None:
        query = query.where(Trajectory.state == flt.state)
    if flt.phase_id is not None:
        query = query.where(Trajectory.phase_id == flt.phase_id)
    if flt.attention == "overdue":
        query = query.where(_overdue(clock.today()))
    elif flt.attention == "no_next_action":
        query = query.where(Trajectory.state == "open", Trajectory.next_action.is_(None))
    elif flt.attention == "handover":
        query = query.where(_pending_handover())
    elif flt.attention == "follow_ups":
        query = query.where(_follow_up_due(clock.today()))
    return query


def _ordered(
    query: Select[tuple[Trajectory, Candidate, bool]], sort: str
) -> Select[tuple[Trajectory, Candidate, bool]]:
    if sort == "started":
        return query.order_by(Trajectory.started_on.desc(), Trajectory.id.desc())
    if sort == "updated":
        return query.order_by(Trajectory.updated_at.desc(), Trajectory.id.desc())
    # soonest due first; without a due date last
    return query.order_by(
        Trajectory.next_action_due.is_(None), Trajectory.next_action_due, Trajectory.id
    )


def _logged(db: Session, actor: Actor, rows: list[Row]) -> list[Row]:
    for row in rows:
        history.log(db, actor, "trajectory.read", row.trajectory)
    return rows


@transactional
def list_trajectories(
    db: Session,
    *,
    actor: Actor,
    flt: TrajectoryFilter,
    sort: str = "due",
    page: int = 1,
    page_size: int = 25,
) -> tuple[list[Row], int]:
    actor.require("trajectory.read")
    query = _filtered(actor, flt)
    total = db.scalar(select(func.count()).select_from(query.subquery())) or 0
    found = db.execute(_ordered(query, sort).limit(page_size).offset((page - 1) * page_size)).all()
    rows = [Row(t, c, bool(v)) for t, c, v in found]
    return _logged(db, actor, rows), total


@transactional
def read_trajectory(db: Session, *, actor: Actor, trajectory_id: int) -> Row:
    trajectory = trajectory_for(db, actor, trajectory_id, "trajectory.read")
    found = db.execute(
        select(Candidate, full_view_condition(actor)).where(Candidate.id == trajectory.candidate_id)
    ).one()
    history.log(db, actor, "trajectory.read", trajectory)
    return Row(trajectory, found[0], bool(found[1]))


@transactional
def coach_day(db: Session, *, actor: Actor, limit: int = 50) -> Day:
    """The actor's own open work that needs attention today (a coach's "Mijn dag")."""
    actor.require("trajectory.read")
    today = clock.today()
    own = TrajectoryFilter(coach_user_id=actor.user_id)

    def rows(extra: ColumnElement[bool]) -> list[Row]:
        query = _ordered(_filtered(actor, own).where(extra), "due").limit(limit)
        return [Row(t, c, bool(v)) for t, c, v in db.execute(query).all()]

    day = Day(
        overdue=rows(_overdue(today)),
        due_today=rows(and_(Trajectory.state == "open", Trajectory.next_action_due == today)),
        without_next_action=rows(
            and_(Trajectory.state == "open", Trajectory.next_action.is_(None))
        ),
        follow_ups_due=rows(_follow_up_due(today)),
        incoming=list(
            db.scalars(
                select(Handover).where(
                    Handover.to_user_id == actor.user_id, Handover.status == "proposed"
                )
            )
        ),
        outgoing=list(
            db.scalars(
                select(Handover).where(
                    Handover.from_user_id == actor.user_id, Handover.status == "proposed"
                )
            )
        ),
    )
    seen: dict[int, Row] = {}
    for row in (*day.overdue, *day.due_today, *day.without_next_action, *day.follow_ups_due):
        seen[row.trajectory.id] = row
    _logged(db, actor, list(seen.values()))
    for handover in (*day.incoming, *day.outgoing):
        trajectory = db.get(Trajectory, handover.trajectory_id)
        assert trajectory is not None
        history.log(db, actor, "trajectory.read", trajectory)
    return day
