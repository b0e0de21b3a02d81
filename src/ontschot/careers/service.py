"""Career routes for a candidate or an occupation, with training plans for the gap skills."""

from __future__ import annotations

from dataclasses import asdict
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ontschot import errors
from ontschot.access.actor import Actor
from ontschot.audit import service as audit
from ontschot.careers.models import TrainingOffer, TrainingOfferSkill
from ontschot.careers.plan import plan_training, training_options
from ontschot.careers.routes import CareerRoute, RouteFinder
from ontschot.careers.schemas import (
    CareerRouteOut,
    PlannedOfferOut,
    RouteList,
    TrainingOfferRead,
    TrainingPlanOut,
)
from ontschot.insight.tightness import occupation_demand
from ontschot.matching.registry import candidate_profile, taxonomy_template
from ontschot.matching.service import visible_candidate
from ontschot.schemas import Page
from ontschot.tx import transactional

Order = Literal["fit", "demand"]


def _finder(db: Session) -> RouteFinder:
    template = taxonomy_template(db)
    finder: RouteFinder | None = getattr(template, "route_finder", None)
    if finder is None:
        finder = RouteFinder(template)
        template.route_finder = finder  # type: ignore[attr-defined]
    return finder


def _with_training(db: Session, routes: list[CareerRoute]) -> list[CareerRouteOut]:
    gaps = sorted({g.uri for r in routes for g in r.gaps})
    options = training_options(db, gaps)
    out = []
    for route in routes:
        # Training is planned for the essential gaps; optional gaps are listed, not planned.
        plan = plan_training([g.uri for g in route.gaps if g.essential], options)
        training = TrainingPlanOut(
            offers=[
                PlannedOfferOut(
                    offer_id=p.option.id,
                    provider=p.option.provider,
                    title=p.option.title,
                    covers=p.covers,
                    duration_hours=p.option.duration_hours,
                    duration_weeks=p.option.duration_weeks,
                    cost_cents=p.option.cost_cents,
                    next_start=p.option.next_start,
                )
                for p in plan.offers
            ],
            covered=plan.covered,
            uncovered=plan.uncovered,
            total_hours=plan.total_hours,
            total_weeks=plan.total_weeks,
            total_cost_cents=plan.total_cost_cents,
        )
        out.append(CareerRouteOut(training=training, **asdict(route)))
    return out


@transactional
def candidate_routes(
    db: Session,
    *,
    actor: Actor,
    candidate_id: int,
    top: int = 10,
    order: Order = "fit",
    tightness_promising: float = 1.5,
) -> RouteList:
    """Occupations a candidate could move to, from their skills and current occupation.

    Reads a person's profile, so it needs `match.read` (not the public `career.read`)."""
    actor.require("match.read")
    candidate = visible_candidate(db, actor, candidate_id)
    profile = candidate_profile(candidate)
    routes = _finder(db).routes(
        occupation=profile.occupation,
        skills=profile.skills,
        top=top,
        order=order,
        demand=occupation_demand(db),
        tightness_promising=tightness_promising,
    )
    audit.record(
        db,
        actor=actor,
        action="career.read",
        object_type="candidate",
        object_id=candidate.id,
        subject_key=candidate.subject_key,
        purpose="loopbaanroutes voor kandidaat",
    )
    source = profile.occupation or "vaardigheden van de kandidaat"
    return RouteList(items=_with_training(db, routes), source=source)


def occupation_routes(
    db: Session,
    *,
    actor: Actor,
    occupation_uri: str,
    top: int = 10,
    order: Order = "fit",
    tightness_promising: float = 1.5,
) -> RouteList:
    """Occupations reachable from an occupation (no personal data)."""
    actor.require("career.read")
    finder = _finder(db)
    if occupation_uri not in finder.index.graph.occupations:
        raise errors.NotFound("Beroep")
    routes = finder.routes(
        occupation=occupation_uri,
        top=top,
        order=order,
        demand=occupation_demand(db),
        tightness_promising=tightness_promising,
    )
    return RouteList(items=_with_training(db, routes), source=occupation_uri)


def list_training_offers(
    db: Session, *, actor: Actor, skill_uri: str | None = None, page: int = 1, page_size: int = 50
) -> Page[TrainingOfferRead]:
    actor.require("training.read")
    query = select(TrainingOffer).options(
        selectinload(TrainingOffer.skills), selectinload(TrainingOffer.starts)
    )
    if skill_uri:
        query = query.where(
            TrainingOffer.id.in_(
                select(TrainingOfferSkill.offer_id).where(TrainingOfferSkill.skill_uri == skill_uri)
            )
        )
    offers = list(db.scalars(query.order_by(TrainingOffer.provider, TrainingOffer.title)))
    items = [
        TrainingOfferRead(
            id=o.id,
            provider=o.provider,
            title=o.title,
            skill_uris=o.skill_uris,
            duration_hours=o.duration_hours,
            duration_weeks=o.duration_weeks,
            cost_cents=o.cost_cents,
            start_dates=o.start_dates,
            municipality=o.municipality,
        )
        for o in offers[(page - 1) * page_size : page * page_size]
    ]
    return Page(items=items, total=len(offers), page=page, page_size=page_size)
