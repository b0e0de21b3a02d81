"""Match suggestions and coach feedback API."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request

from ontschot.access.actor import Actor
from ontschot.access.deps import requires
from ontschot.deps import DbSession
from ontschot.matching import service
from ontschot.matching.registry import MatchCache
from ontschot.matching.schemas import FeedbackCreate, FeedbackRead, MatchList

router = APIRouter(tags=["matching"])
Top = Annotated[int, Query(ge=1, le=100)]
CandidateId = Annotated[int, Path(ge=1, le=2**31 - 1, alias="candidateId")]
VacancyId = Annotated[int, Path(ge=1, le=2**31 - 1, alias="vacancyId")]
Places = Annotated[list[str] | None, Query(alias="municipality", max_length=50)]


def match_cache(request: Request) -> MatchCache:
    """The app's index, built on first use and synced with the database on every request."""
    cache: MatchCache | None = getattr(request.app.state, "match_cache", None)
    if cache is None:
        cache = request.app.state.match_cache = MatchCache()
    return cache


Cache = Annotated[MatchCache, Depends(match_cache)]


@router.get("/candidates/{candidateId}/matches", response_model=MatchList)
def candidate_matches(
    candidate_id: CandidateId,
    db: DbSession,
    cache: Cache,
    actor: Annotated[Actor, Depends(requires("match.read"))],
    top: Top = 10,
    municipality: Places = None,
    sector: Annotated[list[str] | None, Query(max_length=50)] = None,
    hours_min: Annotated[int | None, Query(ge=0, le=80, alias="hoursMin")] = None,
    hours_max: Annotated[int | None, Query(ge=0, le=80, alias="hoursMax")] = None,
) -> MatchList:
    """Best open vacancies for a candidate, each with its explanation."""
    hours = None
    if hours_min is not None or hours_max is not None:
        hours = (hours_min or 0, hours_max if hours_max is not None else 80)
    return service.candidate_matches(
        db,
        actor=actor,
        candidate_id=candidate_id,
        top=top,
        municipalities=municipality,
        sectors=sector,
        hours=hours,
        cache=cache,
    )


@router.get("/vacancies/{vacancyId}/matches", response_model=MatchList)
def vacancy_matches(
    vacancy_id: VacancyId,
    db: DbSession,
    cache: Cache,
    actor: Annotated[Actor, Depends(requires("match.read"))],
    top: Top = 10,
    municipality: Places = None,
) -> MatchList:
    """Best candidates for a vacancy among those the caller may see (consent applies)."""
    return service.vacancy_matches(
        db, actor=actor, vacancy_id=vacancy_id, top=top, municipalities=municipality, cache=cache
    )


@router.post("/match-feedback", status_code=201, response_model=FeedbackRead)
def create_feedback(
    body: FeedbackCreate,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("match.feedback"))],
) -> FeedbackRead:
    """Mark a suggestion suitable or not suitable, with a reason."""
    return service.record_feedback(db, actor=actor, data=body)
