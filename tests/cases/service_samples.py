"""Samples of the chains and cases services for tests/platform/test_transactions.py."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from ontschot import clock
from ontschot.access.models import Organisation
from ontschot.access.roles import Role
from ontschot.cases.trajectories.schemas import (
    ActivityCreate,
    ClosureCreate,
    HandoverAcceptance,
    HandoverCreate,
    HandoverDecline,
    NextActionSet,
    PlanItemCreate,
    ReassignmentCreate,
    StatusChange,
    SuspensionCreate,
    TrajectoryCreate,
)
from ontschot.chains.defaults import STANDARD_CHAIN_TYPE
from ontschot.chains.schemas import ChainCreate, ChainUpdate, FunctionProfileCreate
from tests.cases.helpers import (
    make_chain,
    make_trajectory,
    result_named,
    standard_type,
    status_named,
)
from tests.factories import ESCO_OCCUPATION_CHEF, ESCO_SKILL_A, actor_of, make_candidate, make_user

C = "ontschot.cases."


def _sample(kwargs: dict[str, Any], entries: int = 1) -> Any:
    from tests.platform.service_samples import Sample

    return Sample(kwargs, entries)


def _manager(db: Session) -> Any:
    return make_user(db, Role.PROGRAMME_MANAGER)


def _revise(db: Session) -> Any:
    return _sample({"actor": actor_of(_manager(db)), "key": "proef", "data": STANDARD_CHAIN_TYPE})


def _create_chain(db: Session) -> Any:
    standard_type(db)
    data = ChainCreate(name="Zorg & Welzijn proef", sector="Zorg")
    return _sample({"actor": actor_of(_manager(db)), "data": data})


def _update_chain(db: Session) -> Any:
    chain = make_chain(db)
    return _sample(
        {"actor": actor_of(_manager(db)), "chain_id": chain.id, "data": ChainUpdate(capacity=12)}
    )


def _add_profile(db: Session) -> Any:
    chain = make_chain(db)
    data = FunctionProfileCreate(
        title="Kok", occupation_uri=ESCO_OCCUPATION_CHEF, skill_uris=[ESCO_SKILL_A]
    )
    return _sample({"actor": actor_of(_manager(db)), "chain_id": chain.id, "data": data})


def _start(db: Session) -> Any:
    coach = make_user(db, Role.COACH)
    data = TrajectoryCreate(
        candidate_id=make_candidate(db, coach).id, chain_id=make_chain(db).id, goal="Werk"
    )
    return _sample({"actor": actor_of(coach), "data": data})


def _owned(db: Session) -> tuple[Any, Any]:
    coach = make_user(db, Role.COACH)
    return coach, make_trajectory(db, coach)


def _change_status(db: Session) -> Any:
    coach, t = _owned(db)
    data = StatusChange(status_id=status_named(db, t, "Scholing"))
    return _sample({"actor": actor_of(coach), "trajectory_id": t.id, "data": data})


def _activity(db: Session) -> Any:
    coach, t = _owned(db)
    data = ActivityCreate(kind="conversation", occurred_on=clock.today(), summary="Intake")
    return _sample({"actor": actor_of(coach), "trajectory_id": t.id, "data": data})


def _next_action(db: Session) -> Any:
    coach, t = _owned(db)
    data = NextActionSet(text="Bellen", due_date=clock.today() + timedelta(days=3))
    return _sample({"actor": actor_of(coach), "trajectory_id": t.id, "data": data})


def _plan(db: Session) -> Any:
    coach, t = _owned(db)
    data = PlanItemCreate(kind="goal", text="VCA halen")
    return _sample({"actor": actor_of(coach), "trajectory_id": t.id, "data": data})


def _plan_done(db: Session) -> Any:
    from ontschot.cases.trajectories.service import add_plan_item

    coach, t = _owned(db)
    item = add_plan_item(
        db, actor=actor_of(coach), trajectory_id=t.id, data=PlanItemCreate(kind="goal", text="VCA")
    )
    return _sample({"actor": actor_of(coach), "trajectory_id": t.id, "plan_item_id": item.id})


def _close(db: Session) -> Any:
    coach, t = _owned(db)
    data = ClosureCreate(result_id=result_named(db, t, "Uitgevallen"), reason="Verhuisd")
    return _sample({"actor": actor_of(coach), "trajectory_id": t.id, "data": data})


def _suspend(db: Session) -> Any:
    coach, t = _owned(db)
    data = SuspensionCreate(reason="Ziek")
    return _sample({"actor": actor_of(coach), "trajectory_id": t.id, "data": data})


def _resume(db: Session) -> Any:
    from ontschot.cases.trajectories.suspension import suspend_trajectory

    coach, t = _owned(db)
    suspend_trajectory(
        db, actor=actor_of(coach), trajectory_id=t.id, data=SuspensionCreate(reason="Ziek")
    )
    return _sample({"actor": actor_of(coach), "trajectory_id": t.id})


def _reassign(db: Session) -> Any:
    coach, t = _owned(db)
    org = db.get(Organisation, coach.organisation_id)
    other = make_user(db, Role.COACH, organisation=org)
    admin = make_user(db, Role.PARTNER_ADMIN, organisation=org)
    data = ReassignmentCreate(trajectory_ids=[t.id], coach_user_id=other.id, reason="Vertrekt")
    return _sample({"actor": actor_of(admin), "data": data})


def _list(db: Session) -> Any:
    from ontschot.cases.trajectories.reads import TrajectoryFilter

    coach, _ = _owned(db)
    return _sample({"actor": actor_of(coach), "flt": TrajectoryFilter()})


def _read(db: Session) -> Any:
    coach, t = _owned(db)
    return _sample({"actor": actor_of(coach), "trajectory_id": t.id})


def _day(db: Session) -> Any:
    coach, _ = _owned(db)  # no next action yet: one row that needs attention
    return _sample({"actor": actor_of(coach)})


def proposed(db: Session) -> tuple[Any, Any, Any]:
    from ontschot.cases.handovers import propose_handover

    coach, t = _owned(db)
    receiver = make_user(db, Role.COACH)
    handover = propose_handover(
        db,
        actor=actor_of(coach),
        data=HandoverCreate(trajectory_id=t.id, to_user_id=receiver.id, message="Past beter"),
    )
    return coach, receiver, handover


def _propose(db: Session) -> Any:
    coach, t = _owned(db)
    receiver = make_user(db, Role.COACH)
    data = HandoverCreate(trajectory_id=t.id, to_user_id=receiver.id, message="Past beter")
    return _sample({"actor": actor_of(coach), "data": data})


def _accept(db: Session) -> Any:
    _, receiver, handover = proposed(db)
    return _sample(
        {
            "actor": actor_of(receiver),
            "handover_id": handover.id,
            "data": HandoverAcceptance(sender_keeps_access=True),
        }
    )


def _decline(db: Session) -> Any:
    _, receiver, handover = proposed(db)
    return _sample(
        {
            "actor": actor_of(receiver),
            "handover_id": handover.id,
            "data": HandoverDecline(reason="Geen plek"),
        }
    )


def _list_handovers(db: Session) -> Any:
    _, receiver, _ = proposed(db)
    return _sample({"actor": actor_of(receiver)})


CASES_SAMPLES = {
    "ontschot.chains.service.revise_chain_type": _revise,
    "ontschot.chains.service.create_chain": _create_chain,
    "ontschot.chains.service.update_chain": _update_chain,
    "ontschot.chains.service.add_function_profile": _add_profile,
    C + "trajectories.service.start_trajectory": _start,
    C + "trajectories.service.change_status": _change_status,
    C + "trajectories.service.record_activity": _activity,
    C + "trajectories.service.set_next_action": _next_action,
    C + "trajectories.service.add_plan_item": _plan,
    C + "trajectories.service.complete_plan_item": _plan_done,
    C + "trajectories.service.close_trajectory": _close,
    C + "trajectories.suspension.suspend_trajectory": _suspend,
    C + "trajectories.suspension.resume_trajectory": _resume,
    C + "trajectories.reassign.reassign_trajectories": _reassign,
    C + "trajectories.reads.list_trajectories": _list,
    C + "trajectories.reads.read_trajectory": _read,
    C + "trajectories.reads.coach_day": _day,
    C + "handovers.propose_handover": _propose,
    C + "handovers.accept_handover": _accept,
    C + "handovers.decline_handover": _decline,
    C + "handovers.list_handovers": _list_handovers,
}


def _placement_samples() -> dict[str, Any]:
    from datetime import date

    from ontschot.cases.flows import place_candidate
    from ontschot.cases.placements.reads import PlacementFilter
    from ontschot.cases.placements.schemas import FollowUpCreate, PlacementEnd
    from tests.cases.placement_helpers import placement_data, ready_to_place

    def placed(db: Session) -> tuple[Any, Any]:
        ready = ready_to_place(db)
        start = clock.today() - timedelta(days=40)
        data = placement_data(ready, start)
        return ready.coach, place_candidate(db, actor=actor_of(ready.coach), data=data)

    def place(db: Session) -> Any:
        ready = ready_to_place(db)
        data = placement_data(ready, clock.today())
        # the proposal becomes 'placed', the placement is written and the vacancy (one
        # position) is filled: three entries
        return _sample({"actor": actor_of(ready.coach), "data": data}, entries=3)

    def follow_up(db: Session) -> Any:
        coach, p = placed(db)
        data = FollowUpCreate(contact_date=clock.today(), still_working=True)
        return _sample({"actor": actor_of(coach), "placement_id": p.id, "data": data})

    def end(db: Session) -> Any:
        coach, p = placed(db)
        data = PlacementEnd(end_date=clock.today(), reason="resigned")
        return _sample({"actor": actor_of(coach), "placement_id": p.id, "data": data})

    def read(db: Session) -> Any:
        coach, p = placed(db)
        return _sample({"actor": actor_of(coach), "placement_id": p.id})

    def listed(db: Session) -> Any:
        coach, p = placed(db)
        flt = PlacementFilter(trajectory_id=p.trajectory_id)
        return _sample({"actor": actor_of(coach), "flt": flt})

    def surface(db: Session) -> Any:
        from ontschot.access.actor import Actor

        ready = ready_to_place(db)
        start = date.fromordinal(clock.today().toordinal() - 35)
        place_candidate(db, actor=actor_of(ready.coach), data=placement_data(ready, start))
        return _sample({"actor": Actor.cli()})

    p_ = C + "placements."
    return {
        C + "flows.place_candidate": place,
        p_ + "service.record_follow_up": follow_up,
        p_ + "service.end_placement": end,
        p_ + "reads.read_placement": read,
        p_ + "reads.list_placements": listed,
        p_ + "reads.surface_due_follow_ups": surface,
    }


CASES_SAMPLES.update(_placement_samples())


def _work_to_work_samples() -> dict[str, Any]:
    from ontschot.cases.flows import register_employees_at_risk
    from tests.work_to_work.helpers import employee, registration, setting

    def register(db: Session) -> Any:
        s = setting(db)
        # per employee: the candidate, the trajectory and the registration itself
        data = registration(s, employee())
        return _sample({"actor": actor_of(s.employer_user), "data": data}, entries=3)

    def listed(db: Session) -> Any:
        s = setting(db)
        register_employees_at_risk(db, actor=actor_of(s.employer_user), data=registration(s))
        return _sample({"actor": actor_of(s.employer_user)})

    return {
        C + "flows.register_employees_at_risk": register,
        C + "work_to_work.reads.list_at_risk": listed,
    }


CASES_SAMPLES.update(_work_to_work_samples())
