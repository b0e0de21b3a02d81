"""Placements API: create (the flow), read, list, record a follow-up, end the employment."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from ontschot.access.actor import Actor
from ontschot.access.deps import requires
from ontschot.cases import flows
from ontschot.cases.placements import reads, service
from ontschot.cases.placements.rules import PlacementRules
from ontschot.cases.placements.schemas import (
    FollowUpCreate,
    PlacementCreate,
    PlacementEnd,
    PlacementRead,
)
from ontschot.cases.placements.views import placement_read
from ontschot.deps import AppSettings, DbSession

router = APIRouter(tags=["placements"])
PlacementId = Annotated[int, Path(ge=1, le=2**31 - 1, alias="placementId")]
Reader = Annotated[Actor, Depends(requires("placement.read"))]
Updater = Annotated[Actor, Depends(requires("placement.update"))]


def _shown(db: DbSession, actor: Actor, placement_id: int, settings: AppSettings) -> PlacementRead:
    placement = reads.read_placement(db, actor=actor, placement_id=placement_id)
    return placement_read(placement, PlacementRules.from_settings(settings))


@router.post("/placements", status_code=201, response_model=PlacementRead)
def create_placement(
    body: PlacementCreate,
    db: DbSession,
    settings: AppSettings,
    actor: Annotated[Actor, Depends(requires("placement.create"))],
) -> PlacementRead:
    """Record a placement from a proposal at 'offer' (or a finished trial): the proposal
    becomes 'placed', the trajectory records it, and follow-ups are scheduled 1, 3, 6 and
    12 months after `startDate` (ONTSCHOT_FOLLOW_UP_MONTHS). 409 without a live proposal to
    this employer, or when the trajectory is not in phase 2; 400 for a trial placement of
    more than 2 months."""
    rules = PlacementRules.from_settings(settings)
    placement = flows.place_candidate(db, actor=actor, data=body, rules=rules)
    return placement_read(placement, rules)


@router.get("/placements", response_model=list[PlacementRead])
def list_placements(
    db: DbSession,
    settings: AppSettings,
    actor: Reader,
    trajectory_id: int | None = Query(None, ge=1, le=2**31 - 1, alias="trajectoryId"),
    candidate_id: int | None = Query(None, ge=1, le=2**31 - 1, alias="candidateId"),
) -> list[PlacementRead]:
    """Placements of the trajectories the caller may read; each one is logged."""
    rules = PlacementRules.from_settings(settings)
    flt = reads.PlacementFilter(trajectory_id=trajectory_id, candidate_id=candidate_id)
    return [placement_read(p, rules) for p in reads.list_placements(db, actor=actor, flt=flt)]


@router.get("/placements/{placementId}", response_model=PlacementRead)
def get_placement(
    placement_id: PlacementId, db: DbSession, settings: AppSettings, actor: Reader
) -> PlacementRead:
    """One placement with its `followUps` (due, done, outcome) and whether it was durable."""
    return _shown(db, actor, placement_id, settings)


@router.post("/placements/{placementId}/follow-ups", response_model=PlacementRead)
def record_follow_up(
    placement_id: PlacementId,
    body: FollowUpCreate,
    db: DbSession,
    settings: AppSettings,
    actor: Updater,
) -> PlacementRead:
    """Record a follow-up contact (the first open one unless `followUpId` says which).
    400 for a contact before the start; 409 on an ended placement."""
    service.record_follow_up(db, actor=actor, placement_id=placement_id, data=body)
    return _shown(db, actor, placement_id, settings)


@router.post("/placements/{placementId}/ending", response_model=PlacementRead)
def end_placement(
    placement_id: PlacementId,
    body: PlacementEnd,
    db: DbSession,
    settings: AppSettings,
    actor: Updater,
) -> PlacementRead:
    """The employment ended: date and reason. 409 when it had already ended."""
    service.end_placement(db, actor=actor, placement_id=placement_id, data=body)
    return _shown(db, actor, placement_id, settings)
