"""Career routes and training catalogue API."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from ontschot.access.actor import Actor
from ontschot.access.deps import requires
from ontschot.careers import service
from ontschot.careers.schemas import RouteList, TrainingOfferRead
from ontschot.deps import AppSettings, DbSession
from ontschot.schemas import Page

router = APIRouter(tags=["careers"])
Top = Annotated[int, Query(ge=1, le=50)]
OrderQ = Annotated[service.Order, Query(description="fit, or demand (regional tightness)")]


@router.get("/candidates/{candidateId}/career-routes", response_model=RouteList)
def candidate_routes(
    candidate_id: Annotated[int, Path(ge=1, le=2**31 - 1, alias="candidateId")],
    db: DbSession,
    settings: AppSettings,
    actor: Annotated[Actor, Depends(requires("match.read"))],
    top: Top = 10,
    order: OrderQ = "fit",
) -> RouteList:
    """Occupations this candidate could move to, with gap skills and training to close them."""
    return service.candidate_routes(
        db,
        actor=actor,
        candidate_id=candidate_id,
        top=top,
        order=order,
        tightness_promising=settings.tightness_promising,
    )


@router.get("/career-routes", response_model=RouteList)
def occupation_routes(
    db: DbSession,
    settings: AppSettings,
    actor: Annotated[Actor, Depends(requires("career.read"))],
    occupation_uri: Annotated[str, Query(alias="occupationUri", min_length=10, max_length=200)],
    top: Top = 10,
    order: OrderQ = "fit",
) -> RouteList:
    """Occupations reachable from an ESCO occupation."""
    return service.occupation_routes(
        db,
        actor=actor,
        occupation_uri=occupation_uri,
        top=top,
        order=order,
        tightness_promising=settings.tightness_promising,
    )


@router.get("/training-offers", response_model=Page[TrainingOfferRead])
def training_offers(
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("training.read"))],
    skill_uri: Annotated[str | None, Query(alias="skillUri", max_length=200)] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    page_size: Annotated[int, Query(ge=1, le=100, alias="pageSize")] = 50,
) -> Page[TrainingOfferRead]:
    """The training catalogue, optionally only offers that teach one skill."""
    return service.list_training_offers(
        db, actor=actor, skill_uri=skill_uri, page=page, page_size=page_size
    )
