"""Dutch pages of the introductions pipeline: propose from a suggestion in one click, a
candidate's proposals, a vacancy's pipeline (a column per status), and the forms with which
the coach moves a proposal on and the employer answers it."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot import errors
from ontschot.access.actor import Actor
from ontschot.access.deps import requires
from ontschot.deps import DbSession, SubmittedForm
from ontschot.employers.models import Employer, Vacancy
from ontschot.employers.service import readable_vacancy
from ontschot.people import pipeline, service
from ontschot.people.forms import text
from ontschot.people.pipeline import NEXT, STATUS_HINTS_NL, STATUS_LABELS_NL
from ontschot.web.problems import page_raises
from ontschot.web.templating import environment, render

router = APIRouter(include_in_schema=False)
environment().globals.setdefault("intro_status_names", STATUS_LABELS_NL)
environment().globals.setdefault("intro_status_hints", STATUS_HINTS_NL)
environment().globals.setdefault("intro_next", NEXT)

# Why a one-click proposal did not happen, as the page that sent it says it.
_REFUSALS = {
    "candidate_id": "geen-toestemming",
    "vacancy_id": "vacature-niet-open",
}


def _vacancy_names(db: Session, ids: set[int]) -> dict[int, tuple[str, str]]:
    rows = db.execute(
        select(Vacancy.id, Vacancy.title, Employer.name)
        .join(Employer, Employer.id == Vacancy.employer_id)
        .where(Vacancy.id.in_(ids))
    ).tuples()
    return {vid: (title, employer) for vid, title, employer in rows}


@router.post("/werkzoekenden/{candidate_id}/voorstellen/{vacancy_id}")
def propose(
    form: SubmittedForm,
    candidate_id: int,
    vacancy_id: int,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("introduction.create"))],
) -> Response:
    """One click on a suggestion: the candidate is proposed for the vacancy."""
    back = (
        f"/vacatures/{vacancy_id}/matches"
        if text(form, "terug") == "matches"
        else f"/werkzoekenden/{candidate_id}/vacaturesuggesties"
    )
    try:
        pipeline.propose_for_vacancy(
            db, actor=actor, candidate_id=candidate_id, vacancy_id=vacancy_id
        )
    except errors.Conflict as exc:
        reason = next((_REFUSALS[f] for f in exc.fields if f in _REFUSALS), "niet-voorgesteld")
        return RedirectResponse(
            f"{back}?melding={reason}&k={candidate_id}#k{candidate_id}v{vacancy_id}",
            status_code=303,
        )
    return RedirectResponse(
        f"{back}?melding=voorgesteld&k={candidate_id}#k{candidate_id}v{vacancy_id}",
        status_code=303,
    )


@router.get("/werkzoekenden/{candidate_id}/voorstellen", response_class=HTMLResponse)
def candidate_proposals(
    request: Request,
    candidate_id: int,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("introduction.read"))],
) -> HTMLResponse:
    """The candidate's proposals with the employer's answers and the next steps."""
    candidate, _ = service.read_candidate(
        db, actor=actor, candidate_id=candidate_id, purpose=pipeline.PURPOSE_PIPELINE
    )
    rows = pipeline.list_introductions(
        db, actor=actor, flt=pipeline.IntroductionFilter(candidate_id=candidate.id)
    )
    return render(
        request,
        "people/proposals.html",
        {
            "c": candidate,
            "rows": rows,
            "vacancies": _vacancy_names(db, {i.vacancy_id for i in rows if i.vacancy_id}),
            "can_advance": actor.can("introduction.advance"),
            "message": request.query_params.get("melding", "")[:30],
        },
    )


@router.get("/vacatures/{vacancy_id}/voorstellen", response_class=HTMLResponse)
def vacancy_pipeline(
    request: Request,
    vacancy_id: int,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("introduction.read"))],
) -> HTMLResponse:
    """Every proposal for one vacancy, a section per status."""
    vacancy = readable_vacancy(db, actor=actor, vacancy_id=vacancy_id)
    columns = pipeline.vacancy_pipeline(db, actor=actor, vacancy_id=vacancy_id)
    return render(
        request,
        "people/pipeline.html",
        {"vacancy": vacancy, "columns": columns, "is_employer": actor.can("introduction.answer")},
    )


def _back_to(form: Any, introduction_id: int) -> str:
    target = text(form, "terug")
    # only pages of this site, never an address from elsewhere
    if target.startswith("/") and not target.startswith("//") and len(target) < 200:
        return target
    return f"/voorstellen/{introduction_id}"


def _with(url: str, message: str) -> str:
    path, _, anchor = url.partition("#")
    sep = "&" if "?" in path else "?"
    return f"{path}{sep}melding={message}" + (f"#{anchor}" if anchor else "")


@router.post("/voorstellen/{introduction_id}/status")
def move(
    form: SubmittedForm,
    introduction_id: int,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("introduction.advance"))],
) -> Response:
    """The coach moves a proposal on (or declines it with a reason)."""
    back = _back_to(form, introduction_id)
    status = text(form, "status")
    if status not in pipeline.PIPELINE_ORDER:
        return RedirectResponse(_with(back, "kies-status"), status_code=303)
    try:
        pipeline.advance_introduction(
            db,
            actor=actor,
            introduction_id=introduction_id,
            status=status,
            reason=text(form, "reason")[:500] or None,
        )
    except (errors.Conflict, errors.Invalid) as exc:
        if page_raises(exc):
            raise
        message = "reden-nodig" if "reason" in exc.fields else "stap-niet-mogelijk"
        return RedirectResponse(_with(back, message), status_code=303)
    return RedirectResponse(_with(back, "status-gewijzigd"), status_code=303)


@router.post("/voorstellen/{introduction_id}/antwoord")
def answer(
    form: SubmittedForm,
    introduction_id: int,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("introduction.answer"))],
) -> Response:
    """The employer answers: interested or not (with a reason)."""
    choice = text(form, "answer")
    back = f"/voorstellen/{introduction_id}"
    if choice not in ("interested", "not_interested"):
        return RedirectResponse(_with(back, "kies-antwoord"), status_code=303)
    try:
        pipeline.answer_introduction(
            db,
            actor=actor,
            introduction_id=introduction_id,
            interested=choice == "interested",
            reason=text(form, "reason")[:500] or None,
        )
    except (errors.Conflict, errors.Invalid) as exc:
        message = "reden-nodig" if "reason" in exc.fields else "al-geantwoord"
        return RedirectResponse(_with(back, message), status_code=303)
    return RedirectResponse(_with(back, "antwoord-verstuurd"), status_code=303)
