"""Trajectories: start, move through the chain type's statuses, record, plan, close.

Every refusal is raised before anything is written, and every change is one transaction
with one processing-log entry about the candidate. Suspension lives in `suspension.py`,
reassignment in `reassign.py`, reads in `reads.py`.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ontschot import clock, errors
from ontschot.access.actor import Actor
from ontschot.access.models import AppUser
from ontschot.access.roles import Role, Scope
from ontschot.cases.trajectories import history
from ontschot.cases.trajectories.models import Activity, PlanItem, Trajectory
from ontschot.cases.trajectories.schemas import (
    ActivityCreate,
    ClosureCreate,
    NextActionSet,
    PlanItemCreate,
    StatusChange,
    TrajectoryCreate,
)
from ontschot.cases.trajectories.visibility import trajectory_for
from ontschot.chains.models import Chain, ChainPhase, ChainStatus, ChainType
from ontschot.chains.service import current_type
from ontschot.employers.models import Employer
from ontschot.errors import StaleVersion
from ontschot.people.models import Candidate
from ontschot.people.visibility import View, view_for
from ontschot.tx import transactional

ACTIVITY_NAMES = {
    "conversation": "Gesprek",
    "training_start": "Start opleiding",
    "test": "Toets of test",
    "employer_visit": "Bezoek aan werkgever",
    "trial_day": "Meeloopdag of proefdag",
}


def active_coach(db: Session, user_id: int) -> AppUser | None:
    user = db.get(AppUser, user_id)
    if user is None or not user.is_active or user.role != Role.COACH.value:
        return None
    return user


def _owner(db: Session, actor: Actor, scope: Scope, coach_user_id: int | None) -> AppUser:
    if coach_user_id is None:
        if actor.role != Role.COACH or actor.user_id is None:
            raise errors.invalid("coach_user_id", "kies de trajectcoach")
        coach_user_id = actor.user_id
    if scope == Scope.OWN and coach_user_id != actor.user_id:
        raise errors.Forbidden("U kunt alleen trajecten starten die u zelf begeleidt.")
    coach = active_coach(db, coach_user_id)
    if coach is None:
        raise errors.invalid("coach_user_id", "geen actieve arbeidsmarktcoach")
    if scope != Scope.REGION and coach.organisation_id != actor.organisation_id:
        raise errors.invalid("coach_user_id", "geen coach van uw organisatie")
    return coach


@transactional
def start_trajectory(db: Session, *, actor: Actor, data: TrajectoryCreate) -> Trajectory:
    """Start a trajectory in a chain, in the first status of the chain type's current
    version; the candidate must be visible to the actor in full."""
    scope = actor.require("trajectory.create")
    candidate = db.get(Candidate, data.candidate_id)
    if candidate is None or view_for(actor, candidate, db) != View.FULL:
        raise errors.NotFound("Deze werkzoekende").about(f"candidate:{data.candidate_id}")
    chain = db.get(Chain, data.chain_id)
    if chain is None or (actor.region_code and chain.region_code != actor.region_code):
        raise errors.invalid("chain_id", "onbekende keten")
    if not chain.is_active:
        raise errors.Conflict(
            "Deze keten neemt geen nieuwe trajecten aan.", fields={"chain_id": "niet actief"}
        )
    coach = _owner(db, actor, scope, data.coach_user_id)
    return open_trajectory(db, actor=actor, candidate=candidate, chain=chain, coach=coach,
                           goal=data.goal)  # fmt: skip


def open_trajectory(
    db: Session, *, actor: Actor, candidate: Candidate, chain: Chain, coach: AppUser, goal: str
) -> Trajectory:
    """Write a new trajectory in the first status of the chain type's current version, for
    a candidate, chain and coach the caller has checked (`start_trajectory`, or the
    work-to-work flow, where the employer registering the person may not start one)."""
    chain_type = current_type(db, chain.chain_type_key)
    assert chain_type is not None, "a chain names an existing chain type"
    goal = goal.strip()
    same_goal = select(Trajectory.id).where(
        Trajectory.candidate_id == candidate.id,
        Trajectory.state != "closed",
        func.lower(Trajectory.goal) == goal.lower(),
    )
    if db.scalar(same_goal):
        raise errors.Conflict(
            "Deze werkzoekende heeft al een lopend traject met dit doel.",
            fields={"goal": "er loopt al een traject met dit doel"},
        )
    first_phase = chain_type.phases[0]
    first_status = first_phase.statuses[0]
    trajectory = Trajectory(
        candidate_id=candidate.id,
        chain_id=chain.id,
        chain_type_id=chain_type.id,
        goal=goal,
        organisation_id=coach.organisation_id,
        coach_user_id=coach.id,
        phase_id=first_phase.id,
        status_id=first_status.id,
        state="open",
        started_on=clock.today(),
        created_at=clock.now(),
        updated_at=clock.now(),
    )
    db.add(trajectory)
    db.flush()
    history.reach_status(db, actor, trajectory, first_status.id, first_phase.id)
    history.event(db, actor, trajectory, "started", f"Traject gestart in {chain.name}")
    history.log(db, actor, "trajectory.create", trajectory)
    db.flush()
    return trajectory


def _for_change(
    db: Session, actor: Actor, trajectory_id: int, expected_version: int | None
) -> Trajectory:
    trajectory = trajectory_for(db, actor, trajectory_id, "trajectory.update")
    if expected_version is not None and expected_version != trajectory.version:
        raise StaleVersion("Dit traject")
    return trajectory


def _must_be_open(trajectory: Trajectory) -> None:
    if trajectory.state == "closed":
        raise errors.Conflict("Dit traject is afgesloten en kan niet meer veranderen.")
    if trajectory.state == "suspended":
        raise errors.Conflict("Dit traject is opgeschort. Hervat het eerst.")


def _employer(db: Session, employer_id: int | None, field: str = "employer_id") -> Employer | None:
    if employer_id is None:
        return None
    employer = db.get(Employer, employer_id)
    if employer is None:
        raise errors.invalid(field, "onbekende werkgever")
    return employer


@transactional
def change_status(
    db: Session,
    *,
    actor: Actor,
    trajectory_id: int,
    data: StatusChange,
    expected_version: int | None = None,
) -> Trajectory:
    """Move to another status of the trajectory's own chain-type version. A phase that
    needs an employer is entered only with an employer on the trajectory."""
    trajectory = _for_change(db, actor, trajectory_id, expected_version)
    _must_be_open(trajectory)
    status = db.get(ChainStatus, data.status_id)
    phase = db.get(ChainPhase, status.phase_id) if status is not None else None
    if status is None or phase is None or phase.chain_type_id != trajectory.chain_type_id:
        raise errors.invalid("status_id", "geen status van het ketentype van dit traject")
    if status.id == trajectory.status_id:
        raise errors.Conflict(
            "Het traject staat al in deze status.", fields={"status_id": "huidige status"}
        )
    employer = _employer(db, data.employer_id)
    if phase.needs_employer and employer is None and trajectory.employer_id is None:
        raise errors.Conflict(
            f"{phase.name} vraagt een werkgever. Kies eerst de werkgever bij wie de "
            "werkzoekende gaat werken of op proefplaatsing gaat.",
            fields={
                "employer_id": f"{phase.name} vraagt een werkgever: kies bij wie de "
                "werkzoekende gaat werken of op proefplaatsing gaat"
            },
        )
    if employer is not None and employer.id != trajectory.employer_id:
        trajectory.employer_id = employer.id
        history.event(db, actor, trajectory, "employer", f"Werkgever: {employer.name}")
    history.reach_status(db, actor, trajectory, status.id, phase.id)
    trajectory.updated_at = clock.now()
    history.log(db, actor, "trajectory.status.change", trajectory)
    db.flush()
    return trajectory


@transactional
def record_activity(
    db: Session, *, actor: Actor, trajectory_id: int, data: ActivityCreate
) -> Activity:
    trajectory = _for_change(db, actor, trajectory_id, None)
    if trajectory.state == "closed":
        raise errors.Conflict("Dit traject is afgesloten en kan niet meer veranderen.")
    if data.occurred_on > clock.today():
        raise errors.invalid("occurred_on", "ligt in de toekomst; plan het als volgende actie")
    if data.occurred_on < trajectory.started_on:
        raise errors.invalid("occurred_on", "ligt vóór de start van het traject")
    _employer(db, data.employer_id)
    activity = Activity(
        trajectory_id=trajectory.id,
        kind=data.kind.value,
        occurred_on=data.occurred_on,
        summary=data.summary.strip(),
        employer_id=data.employer_id,
        by_user_id=actor.user_id,
        by_name=actor.display_name[:200],
        organisation_name=actor.organisation_name[:200],
        created_at=clock.now(),
    )
    db.add(activity)
    trajectory.updated_at = clock.now()
    history.log(db, actor, "trajectory.activity.add", trajectory)
    db.flush()
    return activity


@transactional
def set_next_action(
    db: Session, *, actor: Actor, trajectory_id: int, data: NextActionSet
) -> Trajectory:
    trajectory = _for_change(db, actor, trajectory_id, None)
    _must_be_open(trajectory)
    if data.due_date < clock.today():
        raise errors.invalid("due_date", "ligt in het verleden")
    trajectory.next_action = data.text.strip()
    trajectory.next_action_due = data.due_date
    trajectory.updated_at = clock.now()
    history.log(db, actor, "trajectory.next_action.set", trajectory)
    db.flush()
    return trajectory


@transactional
def add_plan_item(
    db: Session, *, actor: Actor, trajectory_id: int, data: PlanItemCreate
) -> PlanItem:
    trajectory = _for_change(db, actor, trajectory_id, None)
    _must_be_open(trajectory)
    if data.due_date is not None and data.due_date < clock.today():
        raise errors.invalid("due_date", "ligt in het verleden")
    item = PlanItem(
        trajectory_id=trajectory.id,
        kind=data.kind.value,
        text=data.text.strip(),
        due_date=data.due_date,
        created_at=clock.now(),
    )
    trajectory.plan_items.append(item)
    trajectory.updated_at = clock.now()
    history.log(db, actor, "trajectory.plan.add", trajectory)
    db.flush()
    return item


@transactional
def complete_plan_item(
    db: Session, *, actor: Actor, trajectory_id: int, plan_item_id: int
) -> PlanItem:
    """Mark a goal or agreed action done today. Done items no longer count as open in the
    caseload and do not move on resumption; marking one done twice is 409."""
    trajectory = _for_change(db, actor, trajectory_id, None)
    _must_be_open(trajectory)
    item = db.get(PlanItem, plan_item_id)
    if item is None or item.trajectory_id != trajectory.id:
        raise errors.NotFound("Dit planonderdeel")
    if item.done_on is not None:
        raise errors.Conflict(
            f"Dit planonderdeel is al afgerond op {item.done_on:%d-%m-%Y}.",
            fields={"plan_item_id": "al afgerond"},
        )
    item.done_on = clock.today()
    trajectory.updated_at = clock.now()
    history.log(db, actor, "trajectory.plan.done", trajectory)
    db.flush()
    return item


@transactional
def close_trajectory(
    db: Session,
    *,
    actor: Actor,
    trajectory_id: int,
    data: ClosureCreate,
    expected_version: int | None = None,
) -> Trajectory:
    """Close with one of the results of the trajectory's chain-type version and a reason.
    A suspension still running ends today (its days no longer move anything)."""
    from ontschot.cases.trajectories.suspension import end_open_suspension
    from ontschot.chains.models import ChainResult

    trajectory = _for_change(db, actor, trajectory_id, expected_version)
    if trajectory.state == "closed":
        raise errors.Conflict("Dit traject is al afgesloten.")
    result = db.get(ChainResult, data.result_id)
    if result is None or result.chain_type_id != trajectory.chain_type_id:
        raise errors.invalid("result_id", "geen resultaat van het ketentype van dit traject")
    end_open_suspension(db, trajectory)
    trajectory.state = "closed"
    trajectory.result_id = result.id
    trajectory.close_reason = data.reason.strip()
    trajectory.closed_at = clock.now()
    history.event(db, actor, trajectory, "closed", f"Afgesloten: {result.name}", data.reason)
    history.log(db, actor, "trajectory.close", trajectory)
    db.flush()
    return trajectory


def record_placement_on_trajectory(
    db: Session, *, actor: Actor, trajectory: Trajectory, employer_id: int, summary: str
) -> None:
    """A placement (written by `cases.flows.place_candidate`, inside its transaction) is an
    event in the trajectory's history; its employer becomes the trajectory's employer."""
    if trajectory.employer_id != employer_id:
        trajectory.employer_id = employer_id
    history.event(db, actor, trajectory, "placed", summary[:300])
    trajectory.updated_at = clock.now()


def chain_type_of(db: Session, trajectory: Trajectory) -> ChainType:
    chain_type = db.get(ChainType, trajectory.chain_type_id)
    assert chain_type is not None
    return chain_type
