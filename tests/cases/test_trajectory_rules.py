"""Trajectory rules on both databases: invalid transitions are refused with a reason and
change nothing; refused actors write nothing; chain-type versions stay with a trajectory."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ontschot import clock, errors
from ontschot.access.actor import Actor
from ontschot.access.models import Organisation
from ontschot.access.roles import Role
from ontschot.audit.models import AuditEntry
from ontschot.cases.handovers import propose_handover
from ontschot.cases.trajectories import reads, service, suspension
from ontschot.cases.trajectories.models import StatusReached, Trajectory
from ontschot.cases.trajectories.schemas import (
    ActivityCreate,
    ClosureCreate,
    HandoverCreate,
    NextActionSet,
    StatusChange,
    SuspensionCreate,
    TrajectoryCreate,
)
from ontschot.chains.defaults import STANDARD_CHAIN_TYPE, STANDARD_KEY
from ontschot.chains.schemas import ChainTypeVersionCreate
from ontschot.chains.service import revise_chain_type
from ontschot.db import Base
from tests.cases.helpers import make_chain, make_trajectory, move_to, result_named, status_named
from tests.factories import actor_of, make_candidate, make_employer, make_organisation, make_user


def _snapshot(db: Session) -> dict[str, Any]:
    """Row counts of every table and the trajectories' columns: "nothing changed"."""
    db.expire_all()
    counts = {
        t.name: db.scalar(select(func.count()).select_from(t)) or 0
        for t in Base.metadata.sorted_tables
    }
    rows = db.execute(select(Trajectory.__table__)).all()
    return {"counts": counts, "trajectories": sorted(tuple(r) for r in rows)}


def _refused(db: Session, error: type[errors.DomainError], call: Callable[[], Any]) -> str:
    before = _snapshot(db)
    with pytest.raises(error) as caught:
        call()
    assert _snapshot(db) == before
    return caught.value.detail + " " + " ".join(caught.value.fields.values())


def test_phase_two_without_an_employer_is_refused_and_changes_nothing(db: Session) -> None:
    coach = make_user(db, Role.COACH)
    trajectory = make_trajectory(db, coach)
    data = StatusChange(status_id=status_named(db, trajectory, "Proefplaatsing"))

    why = _refused(
        db,
        errors.Conflict,
        lambda: service.change_status(
            db, actor=actor_of(coach), trajectory_id=trajectory.id, data=data
        ),
    )

    assert "werkgever" in why


def test_phase_two_with_an_employer_records_every_status_reached(db: Session) -> None:
    coach = make_user(db, Role.COACH)
    trajectory = make_trajectory(db, coach)
    employer = make_employer(db)

    move_to(db, coach, trajectory, "Scholing")
    move_to(db, coach, trajectory, "Proefplaatsing", employer_id=employer.id)

    reached = db.scalars(
        select(StatusReached.status_id)
        .where(StatusReached.trajectory_id == trajectory.id)
        .order_by(StatusReached.id)
    ).all()
    names = ["Intake", "Scholing", "Proefplaatsing"]
    assert list(reached) == [status_named(db, trajectory, n) for n in names]
    assert trajectory.employer_id == employer.id


@pytest.mark.parametrize(
    "attempt",
    ["same status", "foreign status", "suspended", "closed", "close twice", "foreign result"],
)
def test_invalid_transitions_are_refused_and_change_nothing(db: Session, attempt: str) -> None:
    coach = make_user(db, Role.COACH)
    actor = actor_of(coach)
    trajectory = make_trajectory(db, coach)
    other_version = revise_chain_type(db, actor=Actor.cli(), key="ander", data=STANDARD_CHAIN_TYPE)
    foreign_status = other_version.phases[0].statuses[1].id
    intake = status_named(db, trajectory, "Intake")
    scholing = status_named(db, trajectory, "Scholing")
    dropped = result_named(db, trajectory, "Uitgevallen")
    if attempt == "suspended":
        suspension.suspend_trajectory(
            db, actor=actor, trajectory_id=trajectory.id, data=SuspensionCreate(reason="ziek")
        )
    if attempt in {"closed", "close twice"}:
        service.close_trajectory(
            db,
            actor=actor,
            trajectory_id=trajectory.id,
            data=ClosureCreate(result_id=dropped, reason="verhuisd"),
        )

    calls: dict[str, tuple[type[errors.DomainError], Callable[[], Any]]] = {
        "same status": (errors.Conflict, lambda: _move(db, actor, trajectory, intake)),
        "foreign status": (errors.Invalid, lambda: _move(db, actor, trajectory, foreign_status)),
        "suspended": (errors.Conflict, lambda: _move(db, actor, trajectory, scholing)),
        "closed": (errors.Conflict, lambda: _move(db, actor, trajectory, scholing)),
        "close twice": (
            errors.Conflict,
            lambda: service.close_trajectory(
                db,
                actor=actor,
                trajectory_id=trajectory.id,
                data=ClosureCreate(result_id=dropped, reason="nogmaals"),
            ),
        ),
        "foreign result": (
            errors.Invalid,
            lambda: service.close_trajectory(
                db,
                actor=actor,
                trajectory_id=trajectory.id,
                data=ClosureCreate(result_id=other_version.results[0].id, reason="x"),
            ),
        ),
    }
    error, call = calls[attempt]
    assert _refused(db, error, call).strip()


def _move(db: Session, actor: Actor, trajectory: Trajectory, status_id: int) -> Any:
    return service.change_status(
        db, actor=actor, trajectory_id=trajectory.id, data=StatusChange(status_id=status_id)
    )


def test_a_handover_to_ones_own_organisation_is_refused_and_changes_nothing(db: Session) -> None:
    coach = make_user(db, Role.COACH)
    colleague = make_user(db, Role.COACH, organisation=db.get(Organisation, coach.organisation_id))
    trajectory = make_trajectory(db, coach)
    data = HandoverCreate(trajectory_id=trajectory.id, to_user_id=colleague.id, message="graag")

    why = _refused(
        db, errors.Conflict, lambda: propose_handover(db, actor=actor_of(coach), data=data)
    )

    assert "andere organisatie" in why


@pytest.mark.parametrize("who", ["other organisation's coach", "employer", "analyst"])
def test_others_cannot_read_or_change_a_trajectory_and_nothing_is_written(
    db: Session, who: str
) -> None:
    coach = make_user(db, Role.COACH)
    trajectory = make_trajectory(db, coach)
    outsider = {
        "other organisation's coach": lambda: make_user(db, Role.COACH),
        "employer": lambda: make_user(
            db, Role.EMPLOYER, organisation=make_organisation(db, kind="werkgever")
        ),
        "analyst": lambda: make_user(db, Role.ANALYST),
    }[who]()
    actor = actor_of(outsider)
    scholing = status_named(db, trajectory, "Scholing")

    for call in (
        lambda: reads.read_trajectory(db, actor=actor, trajectory_id=trajectory.id),
        lambda: _move(db, actor, trajectory, scholing),
        lambda: service.record_activity(
            db,
            actor=actor,
            trajectory_id=trajectory.id,
            data=ActivityCreate(kind="conversation", occurred_on=clock.today(), summary="x"),
        ),
    ):
        _refused(db, (errors.Forbidden, errors.NotFound), call)  # type: ignore[arg-type]

    rows, total = (
        reads.list_trajectories(db, actor=actor, flt=reads.TrajectoryFilter())
        if actor.can("trajectory.read")
        else ([], 0)
    )
    assert (rows, total) == ([], 0)


def test_a_trajectory_keeps_the_chain_type_version_it_started_under(db: Session) -> None:
    coach = make_user(db, Role.COACH)
    chain = make_chain(db)
    before = make_trajectory(db, coach, chain=chain)
    changed = STANDARD_CHAIN_TYPE.model_dump()
    changed["phases"][0]["statuses"].append("Taaltraject")
    revise_chain_type(
        db,
        actor=actor_of(make_user(db, Role.PROGRAMME_MANAGER)),
        key=STANDARD_KEY,
        data=ChainTypeVersionCreate.model_validate(changed),
    )

    after = make_trajectory(db, coach, chain=chain)

    assert after.chain_type_id != before.chain_type_id
    assert "Taaltraject" in [s.name for s in _statuses(db, after)]
    assert "Taaltraject" not in [s.name for s in _statuses(db, before)]
    move_to(db, coach, before, "Scholing")  # the old version still works for the old one


def _statuses(db: Session, trajectory: Trajectory) -> list[Any]:
    from ontschot.chains.models import ChainType

    chain_type = db.get(ChainType, trajectory.chain_type_id)
    assert chain_type is not None
    return chain_type.statuses()


def test_one_open_trajectory_per_candidate_and_goal(db: Session) -> None:
    coach = make_user(db, Role.COACH)
    chain = make_chain(db)
    candidate = make_candidate(db, coach)
    make_trajectory(db, coach, chain=chain, candidate=candidate)
    data = TrajectoryCreate(
        candidate_id=candidate.id, chain_id=chain.id, goal="werk als ORDERPICKER"
    )

    _refused(
        db, errors.Conflict, lambda: service.start_trajectory(db, actor=actor_of(coach), data=data)
    )


def test_every_read_is_logged_against_the_candidate(db: Session) -> None:
    from ontschot.audit.service import pseudonymise

    coach = make_user(db, Role.COACH)
    trajectory = make_trajectory(db, coach)
    subject = pseudonymise(f"candidate:{trajectory.candidate_id}")

    reads.read_trajectory(db, actor=actor_of(coach), trajectory_id=trajectory.id)
    reads.list_trajectories(db, actor=actor_of(coach), flt=reads.TrajectoryFilter())

    logged = db.scalars(
        select(AuditEntry.action).where(
            AuditEntry.subject_pseudonym == subject, AuditEntry.action == "trajectory.read"
        )
    ).all()
    assert len(logged) == 2


def test_caseload_shows_overdue_and_trajectories_without_next_action(db: Session) -> None:
    coach = make_user(db, Role.COACH)
    actor = actor_of(coach)
    late = make_trajectory(db, coach)
    service.set_next_action(
        db,
        actor=actor,
        trajectory_id=late.id,
        data=NextActionSet(text="Bellen", due_date=clock.today()),
    )
    idle = make_trajectory(db, coach)

    with clock.frozen(clock.now() + timedelta(days=2)):
        day = reads.coach_day(db, actor=actor)

    assert [r.trajectory.id for r in day.overdue] == [late.id]
    assert [r.trajectory.id for r in day.without_next_action] == [idle.id]
