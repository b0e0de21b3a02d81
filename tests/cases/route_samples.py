"""Permission-matrix samples for the chains, trajectories and hand-overs API."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ontschot import clock
from ontschot.access.roles import Role
from ontschot.cases.handovers import propose_handover
from ontschot.cases.trajectories.schemas import HandoverCreate, PlanItemCreate, SuspensionCreate
from ontschot.cases.trajectories.service import add_plan_item
from ontschot.cases.trajectories.suspension import suspend_trajectory
from ontschot.chains.defaults import STANDARD_CHAIN_TYPE, STANDARD_KEY
from tests.access.route_samples import RouteSample, World
from tests.cases.helpers import make_chain, make_trajectory, result_named, status_named
from tests.factories import ESCO_OCCUPATION_CHEF, actor_of, make_candidate, make_user


def setup_world(db: Session, world: World) -> None:
    """A chain in the region; trajectories of the home coach (one open, one suspended);
    a second home coach; a free home candidate; a hand-over from the other organisation
    to the home coach."""
    coach, other_coach = world.users[Role.COACH], world.other_users[Role.COACH]
    chain = make_chain(db, name="Logistiek (test)")
    open_one = make_trajectory(db, coach, chain=chain)
    resting = make_trajectory(db, coach, chain=chain)
    suspend_trajectory(
        db, actor=actor_of(coach), trajectory_id=resting.id, data=SuspensionCreate(reason="ziek")
    )
    item = add_plan_item(
        db,
        actor=actor_of(coach),
        trajectory_id=open_one.id,
        data=PlanItemCreate(kind="action", text="Cv bijwerken"),
    )
    foreign = make_trajectory(db, other_coach, chain=chain)
    handover = propose_handover(
        db,
        actor=actor_of(other_coach),
        data=HandoverCreate(trajectory_id=foreign.id, to_user_id=coach.id, message="Past bij u"),
    )
    world.ids.update(
        chain_id=chain.id,
        chain_type_key=STANDARD_KEY,
        trajectory_id=open_one.id,
        suspended_trajectory_id=resting.id,
        scholing_id=status_named(db, open_one, "Scholing"),
        result_id=result_named(db, open_one, "Uitgevallen"),
        free_candidate_id=make_candidate(db, coach).id,
        second_coach_id=make_user(db, Role.COACH, organisation=world.home).id,
        handover_id=handover.id,
        plan_item_id=item.id,
        today=clock.today().isoformat(),
        chef_uri=ESCO_OCCUPATION_CHEF,
    )


def _trajectory(world: World) -> dict[str, Any]:
    return {
        "candidateId": world.ids["free_candidate_id"],
        "chainId": world.ids["chain_id"],
        "goal": "Werk als heftruckchauffeur",
        "coachUserId": world.ids["user_id"],
    }


T = "/api/v1/trajectories/{trajectory_id}"
SAMPLES: list[RouteSample] = [
    RouteSample("GET", "/api/v1/chains"),
    RouteSample("GET", "/api/v1/chains/{chain_id}"),
    RouteSample("POST", "/api/v1/chains", 201, {"name": "ICT", "sector": "ICT"}),
    RouteSample("PATCH", "/api/v1/chains/{chain_id}", 200, {"capacity": 30}),
    RouteSample(
        "POST",
        "/api/v1/chains/{chain_id}/function-profiles",
        201,
        {"title": "Kok", "occupationUri": ESCO_OCCUPATION_CHEF},
    ),
    RouteSample("GET", "/api/v1/chain-types"),
    RouteSample("GET", "/api/v1/chain-types/{chain_type_key}/versions"),
    RouteSample(
        "POST",
        "/api/v1/chain-types/{chain_type_key}/versions",
        201,
        STANDARD_CHAIN_TYPE.model_dump(by_alias=True),
    ),
    RouteSample("POST", "/api/v1/trajectories", 201, _trajectory),
    RouteSample("GET", "/api/v1/trajectories?status=open"),
    RouteSample("GET", T),
    RouteSample("POST", T + "/status-changes", 200, lambda w: {"statusId": w.ids["scholing_id"]}),
    RouteSample(
        "POST",
        T + "/activities",
        201,
        lambda w: {"kind": "conversation", "occurredOn": _today(), "summary": "Intake"},
    ),
    RouteSample("PUT", T + "/next-action", 200, lambda w: {"text": "Bellen", "dueDate": _today()}),
    RouteSample("POST", T + "/plan-items", 201, {"kind": "goal", "text": "VCA halen"}),
    RouteSample("POST", T + "/plan-items/{plan_item_id}/completion"),
    RouteSample("POST", T + "/suspension", 200, {"reason": "Ziek"}),
    RouteSample("POST", "/api/v1/trajectories/{suspended_trajectory_id}/resumption"),
    RouteSample(
        "POST",
        T + "/closure",
        200,
        lambda w: {"resultId": w.ids["result_id"], "reason": "Verhuisd"},
    ),
    RouteSample(
        "POST",
        "/api/v1/trajectory-reassignments",
        200,
        lambda w: {
            "trajectoryIds": [w.ids["trajectory_id"]],
            "coachUserId": w.ids["second_coach_id"],
            "reason": "Coach vertrekt",
        },
    ),
    RouteSample("GET", "/api/v1/handovers"),
    RouteSample(
        "POST",
        "/api/v1/handovers",
        201,
        lambda w: {
            "trajectoryId": w.ids["trajectory_id"],
            "toUserId": w.ids["foreign_user_id"],
            "message": "Past beter bij u",
        },
    ),
    RouteSample(
        "POST", "/api/v1/handovers/{handover_id}/acceptance", 200, {"senderKeepsAccess": True}
    ),
    RouteSample("POST", "/api/v1/handovers/{handover_id}/decline", 200, {"reason": "Vol"}),
]


def _today() -> str:
    from ontschot import clock

    return clock.today().isoformat()
