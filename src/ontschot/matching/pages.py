"""Dutch pages: vacancy suggestions for a candidate, candidate suggestions for a vacancy,
coach feedback on a suggestion, and career routes."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ontschot.access.actor import Actor
from ontschot.access.deps import requires
from ontschot.careers.service import Order, candidate_routes
from ontschot.deps import AppSettings, DbSession
from ontschot.matching.api import Cache
from ontschot.matching.models import VERDICT_LABELS_NL
from ontschot.matching.schemas import FeedbackCreate, Verdict
from ontschot.matching.scoring import PART_NAMES, MatchWeights
from ontschot.matching.service import (
    candidate_matches,
    record_feedback,
    vacancy_matches,
    visible_candidate,
)
from ontschot.people import pipeline
from ontschot.web.templating import environment, render

router = APIRouter(include_in_schema=False)
# what each score part can add at most, so a page says "50 van 55 punten"
_MAX = {name: 100 * getattr(MatchWeights(), name) for name in PART_NAMES}
# the two skill parts share the skills weight: each can reach it, together never more
_MAX["skills_exact"] = _MAX["skills_related"] = _MAX["skills"]
environment().globals.setdefault("score_part_max", _MAX)


@router.get("/werkzoekenden/{candidate_id}/vacaturesuggesties", response_class=HTMLResponse)
def candidate_matches_page(
    request: Request,
    candidate_id: int,
    db: DbSession,
    cache: Cache,
    actor: Annotated[Actor, Depends(requires("match.read"))],
) -> HTMLResponse:
    candidate = visible_candidate(db, actor, candidate_id)
    if cache.index is None and "match index" in getattr(request.app.state, "warming", ()):
        return render(request, "matching/preparing.html", {"c": candidate})
    result = candidate_matches(db, actor=actor, candidate_id=candidate_id, top=10, cache=cache)
    return render(
        request,
        "matching/candidate_matches.html",
        {
            "c": candidate,
            "result": result,
            "verdicts": VERDICT_LABELS_NL,
            "can_judge": actor.can("match.feedback"),
            "proposals": pipeline.proposal_states(db, actor=actor, candidate_id=candidate_id),
            "proposable": pipeline.proposable(db, actor=actor, candidate_ids=[candidate_id]),
            "message": request.query_params.get("melding", "")[:30],
        },
    )


@router.post("/werkzoekenden/{candidate_id}/vacaturesuggesties/{vacancy_id}/beoordeling")
def judge_suggestion(
    candidate_id: int,
    vacancy_id: int,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("match.feedback"))],
    verdict: Annotated[Verdict, Form()],
    reason: Annotated[str, Form(max_length=2000)] = "",
    score: Annotated[float | None, Form(ge=0, le=100)] = None,
) -> RedirectResponse:
    record_feedback(
        db,
        actor=actor,
        data=FeedbackCreate(
            candidate_id=candidate_id,
            vacancy_id=vacancy_id,
            verdict=verdict,
            reason=reason.strip() or None,
            score=score,
        ),
    )
    return RedirectResponse(
        f"/werkzoekenden/{candidate_id}/vacaturesuggesties#v{vacancy_id}", status_code=303
    )


@router.get("/vacatures/{vacancy_id}/matches", response_class=HTMLResponse)
def vacancy_matches_page(
    request: Request,
    vacancy_id: int,
    db: DbSession,
    cache: Cache,
    actor: Annotated[Actor, Depends(requires("match.read"))],
) -> HTMLResponse:
    result = vacancy_matches(db, actor=actor, vacancy_id=vacancy_id, top=10, cache=cache)
    return render(
        request,
        "matching/vacancy_matches.html",
        {
            "vacancy_id": vacancy_id,
            "result": result,
            "verdicts": VERDICT_LABELS_NL,
            "proposals": pipeline.proposal_states(db, actor=actor, vacancy_id=vacancy_id),
            "proposable": pipeline.proposable(
                db, actor=actor, candidate_ids=[m.candidate_id for m in result.items]
            ),
            "message": request.query_params.get("melding", "")[:30],
            "message_for": request.query_params.get("k", "")[:12],
        },
    )


@router.get("/werkzoekenden/{candidate_id}/loopbaanroutes", response_class=HTMLResponse)
def career_routes_page(
    request: Request,
    candidate_id: int,
    db: DbSession,
    settings: AppSettings,
    actor: Annotated[Actor, Depends(requires("match.read"))],
    volgorde: str = "fit",
) -> HTMLResponse:
    candidate = visible_candidate(db, actor, candidate_id)
    order: Order = "demand" if volgorde == "vraag" else "fit"
    routes = candidate_routes(
        db,
        actor=actor,
        candidate_id=candidate_id,
        top=10,
        order=order,
        tightness_promising=settings.tightness_promising,
    )
    return render(
        request, "careers/routes.html", {"c": candidate, "routes": routes, "order": order}
    )
