"""Trajectories and hand-overs API."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response

from ontschot.access.actor import Actor
from ontschot.access.deps import requires
from ontschot.cases import handovers
from ontschot.cases.trajectories import reads, service, suspension
from ontschot.cases.trajectories.reassign import reassign_trajectories
from ontschot.cases.trajectories.schemas import (
    ActivityCreate,
    ActivityRead,
    ClosureCreate,
    HandoverAcceptance,
    HandoverCreate,
    HandoverDecline,
    HandoverRead,
    NextActionSet,
    PlanItemCreate,
    PlanItemRead,
    ReassignmentCreate,
    StatusChange,
    SuspensionCreate,
    TrajectoryCreate,
    TrajectoryItem,
    TrajectoryRead,
    TrajectoryState,
)
from ontschot.cases.trajectories.views import handover_read, trajectory_items, trajectory_read
from ontschot.deps import DbSession, IfMatch, etag
from ontschot.schemas import Page

router = APIRouter(tags=["trajectories"])
TrajectoryId = Annotated[int, Path(ge=1, le=2**31 - 1, alias="trajectoryId")]
PlanItemId = Annotated[int, Path(ge=1, le=2**31 - 1, alias="planItemId")]
HandoverId = Annotated[int, Path(ge=1, le=2**31 - 1, alias="handoverId")]
Reader = Annotated[Actor, Depends(requires("trajectory.read"))]
Updater = Annotated[Actor, Depends(requires("trajectory.update"))]


def _full(db: DbSession, actor: Actor, trajectory_id: int, response: Response) -> TrajectoryRead:
    row = reads.read_trajectory(db, actor=actor, trajectory_id=trajectory_id)
    response.headers["ETag"] = etag(row.trajectory.version)
    return trajectory_read(db, row)


@router.post("/trajectories", status_code=201, response_model=TrajectoryRead)
def start_trajectory(
    body: TrajectoryCreate,
    db: DbSession,
    response: Response,
    actor: Annotated[Actor, Depends(requires("trajectory.create"))],
) -> TrajectoryRead:
    """Start a trajectory for a candidate in a chain, in the chain type's first status."""
    trajectory = service.start_trajectory(db, actor=actor, data=body)
    response.headers["ETag"] = etag(trajectory.version)
    row = reads.Row(trajectory, trajectory_candidate(db, trajectory.candidate_id), True)
    return trajectory_read(db, row)


def trajectory_candidate(db: DbSession, candidate_id: int):  # type: ignore[no-untyped-def]
    from ontschot.people.models import Candidate

    return db.get(Candidate, candidate_id)


@router.get("/trajectories", response_model=Page[TrajectoryItem])
def list_trajectories(
    db: DbSession,
    actor: Reader,
    chain_id: int | None = Query(None, ge=1, le=2**31 - 1, alias="chainId"),
    coach_user_id: int | None = Query(None, ge=1, le=2**31 - 1, alias="coachUserId"),
    status: TrajectoryState | None = Query(None, description="open, suspended or closed"),
    phase_id: int | None = Query(None, ge=1, le=2**31 - 1, alias="phaseId"),
    sort: str = Query("due", pattern="^(due|started|updated)$"),
    page: int = Query(1, ge=1, le=100_000),
    page_size: int = Query(25, ge=1, le=100, alias="pageSize"),
) -> Page[TrajectoryItem]:
    """Trajectories the actor may read: a coach their own, an organisation its own, the
    programme manager the region's. Each one listed is logged against its candidate."""
    flt = reads.TrajectoryFilter(
        chain_id=chain_id,
        coach_user_id=coach_user_id,
        state=status.value if status else None,
        phase_id=phase_id,
    )
    rows, total = reads.list_trajectories(
        db, actor=actor, flt=flt, sort=sort, page=page, page_size=page_size
    )
    return Page(items=trajectory_items(db, rows), total=total, page=page, page_size=page_size)


@router.get("/trajectories/{trajectoryId}", response_model=TrajectoryRead)
def get_trajectory(
    trajectory_id: TrajectoryId, db: DbSession, response: Response, actor: Reader
) -> TrajectoryRead:
    """The whole trajectory: plan, activities, every status reached with its time, events,
    suspensions and hand-overs."""
    return _full(db, actor, trajectory_id, response)


@router.post("/trajectories/{trajectoryId}/status-changes", response_model=TrajectoryRead)
def change_status(
    trajectory_id: TrajectoryId,
    body: StatusChange,
    db: DbSession,
    response: Response,
    if_match: IfMatch,
    actor: Updater,
) -> TrajectoryRead:
    """Move to another status of the trajectory's chain-type version. 409 when the target
    phase needs an employer and none is known, or the trajectory is suspended or closed."""
    service.change_status(
        db, actor=actor, trajectory_id=trajectory_id, data=body, expected_version=if_match
    )
    return _full(db, actor, trajectory_id, response)


@router.post(
    "/trajectories/{trajectoryId}/activities", status_code=201, response_model=ActivityRead
)
def record_activity(
    trajectory_id: TrajectoryId, body: ActivityCreate, db: DbSession, actor: Updater
) -> ActivityRead:
    activity = service.record_activity(db, actor=actor, trajectory_id=trajectory_id, data=body)
    return ActivityRead.model_validate(activity)


@router.put("/trajectories/{trajectoryId}/next-action", response_model=TrajectoryRead)
def set_next_action(
    trajectory_id: TrajectoryId,
    body: NextActionSet,
    db: DbSession,
    response: Response,
    actor: Updater,
) -> TrajectoryRead:
    service.set_next_action(db, actor=actor, trajectory_id=trajectory_id, data=body)
    return _full(db, actor, trajectory_id, response)


@router.post(
    "/trajectories/{trajectoryId}/plan-items", status_code=201, response_model=PlanItemRead
)
def add_plan_item(
    trajectory_id: TrajectoryId, body: PlanItemCreate, db: DbSession, actor: Updater
) -> PlanItemRead:
    item = service.add_plan_item(db, actor=actor, trajectory_id=trajectory_id, data=body)
    return PlanItemRead.model_validate(item)


@router.post(
    "/trajectories/{trajectoryId}/plan-items/{planItemId}/completion", response_model=PlanItemRead
)
def complete_plan_item(
    trajectory_id: TrajectoryId, plan_item_id: PlanItemId, db: DbSession, actor: Updater
) -> PlanItemRead:
    """Mark a goal or agreed action done today (409 when it already is)."""
    item = service.complete_plan_item(
        db, actor=actor, trajectory_id=trajectory_id, plan_item_id=plan_item_id
    )
    return PlanItemRead.model_validate(item)


@router.post("/trajectories/{trajectoryId}/suspension", response_model=TrajectoryRead)
def suspend(
    trajectory_id: TrajectoryId,
    body: SuspensionCreate,
    db: DbSession,
    response: Response,
    actor: Updater,
) -> TrajectoryRead:
    """Suspend from today; 409 when already suspended or closed."""
    suspension.suspend_trajectory(db, actor=actor, trajectory_id=trajectory_id, data=body)
    return _full(db, actor, trajectory_id, response)


@router.post("/trajectories/{trajectoryId}/resumption", response_model=TrajectoryRead)
def resume(
    trajectory_id: TrajectoryId, db: DbSession, response: Response, actor: Updater
) -> TrajectoryRead:
    """End the suspension today; every open due date moves by the days suspended."""
    suspension.resume_trajectory(db, actor=actor, trajectory_id=trajectory_id)
    return _full(db, actor, trajectory_id, response)


@router.post("/trajectories/{trajectoryId}/closure", response_model=TrajectoryRead)
def close(
    trajectory_id: TrajectoryId,
    body: ClosureCreate,
    db: DbSession,
    response: Response,
    if_match: IfMatch,
    actor: Updater,
) -> TrajectoryRead:
    """Close with a result of the chain type and a reason."""
    service.close_trajectory(
        db, actor=actor, trajectory_id=trajectory_id, data=body, expected_version=if_match
    )
    return _full(db, actor, trajectory_id, response)


@router.post("/trajectory-reassignments", response_model=list[TrajectoryItem])
def reassign(
    body: ReassignmentCreate,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("trajectory.reassign"))],
) -> list[TrajectoryItem]:
    """Move trajectories to another coach of the same organisation (all or none)."""
    moved = reassign_trajectories(db, actor=actor, data=body)
    return trajectory_items(
        db, [reads.Row(t, trajectory_candidate(db, t.candidate_id), False) for t in moved]
    )


@router.get("/handovers", response_model=list[HandoverRead])
def list_handovers(
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("handover.read"))],
    status: str | None = Query("proposed", pattern="^(proposed|accepted|declined)$"),
) -> list[HandoverRead]:
    rows = handovers.list_handovers(db, actor=actor, status=status)
    return [handover_read(db, h) for h in rows]


@router.post("/handovers", status_code=201, response_model=HandoverRead)
def propose_handover(
    body: HandoverCreate,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("handover.propose"))],
) -> HandoverRead:
    """Propose a warm hand-over to a coach of another organisation; 409 for one's own."""
    return handover_read(db, handovers.propose_handover(db, actor=actor, data=body))


@router.post("/handovers/{handoverId}/acceptance", response_model=HandoverRead)
def accept_handover(
    handover_id: HandoverId,
    body: HandoverAcceptance,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("handover.decide"))],
) -> HandoverRead:
    """The receiving coach accepts; the trajectory moves with its whole history."""
    handover = handovers.accept_handover(db, actor=actor, handover_id=handover_id, data=body)
    return handover_read(db, handover)


@router.post("/handovers/{handoverId}/decline", response_model=HandoverRead)
def decline_handover(
    handover_id: HandoverId,
    body: HandoverDecline,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("handover.decide"))],
) -> HandoverRead:
    handover = handovers.decline_handover(db, actor=actor, handover_id=handover_id, data=body)
    return handover_read(db, handover)
