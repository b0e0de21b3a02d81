"""Dutch pages of the coach's workbench: "Mijn trajecten", one trajectory, hand-overs."""

from __future__ import annotations

from math import ceil
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ontschot import clock, errors
from ontschot.access.actor import Actor, NavItem, register_navigation
from ontschot.access.deps import requires
from ontschot.access.roles import Role, Scope
from ontschot.cases import labels, page_data
from ontschot.cases.trajectories import reads, service
from ontschot.cases.trajectories.reassign import reassign_trajectories
from ontschot.cases.trajectories.schemas import (
    ReassignmentCreate,
    TrajectoryCreate,
)
from ontschot.cases.trajectories.views import handover_read, trajectory_items
from ontschot.deps import DbSession, SubmittedForm
from ontschot.messages import dutch_message
from ontschot.people.forms import many, text
from ontschot.people.queries import CandidateFilter, list_candidates
from ontschot.web.problems import form_messages, page_raises
from ontschot.web.templating import render

router = APIRouter(include_in_schema=False)
register_navigation(Role.COACH, NavItem("/trajecten", "Mijn trajecten"))
for _role in (Role.PROGRAMME_MANAGER, Role.PARTNER_ADMIN, Role.SYSTEM_ADMIN):
    register_navigation(_role, NavItem("/trajecten", "Trajecten"))
PAGE_SIZE = 25
Reader = Annotated[Actor, Depends(requires("trajectory.read"))]
Updater = Annotated[Actor, Depends(requires("trajectory.update"))]
BASE = {
    "state_names": labels.STATE_NAMES,
    "activity_names": labels.ACTIVITY_NAMES,
    "event_names": labels.EVENT_NAMES,
    "handover_names": labels.HANDOVER_STATUS_NAMES,
    "plan_names": labels.PLAN_KIND_NAMES,
}


def _snake(name: str) -> str:
    return "".join("_" + ch.lower() if ch.isupper() else ch for ch in name)


def field_errors(exc: ValidationError) -> dict[str, str]:
    found: dict[str, str] = {}
    for err in exc.errors():
        name = _snake(str(err["loc"][0])) if err["loc"] else "algemeen"
        found.setdefault(name, dutch_message(err["msg"]))
    return found


@router.get("/trajecten", response_class=HTMLResponse)
def caseload(
    request: Request,
    db: DbSession,
    actor: Reader,
    keten: int | None = Query(None, ge=1, le=2**31 - 1),
    staat: str = Query("open", pattern="^(open|suspended|closed|)$"),
    aandacht: str = Query("", pattern="^(overdue|no_next_action|handover|follow_ups|)$"),
    volgorde: str = Query("due", pattern="^(due|started|updated)$"),
    pagina: int = Query(1, ge=1, le=10_000),
) -> HTMLResponse:
    """A coach's own trajectories with what needs attention today; wider roles see their
    organisation's or the region's, per chain, and may reassign."""
    is_coach = actor.role == Role.COACH
    day = reads.coach_day(db, actor=actor) if is_coach else None
    flt = reads.TrajectoryFilter(
        chain_id=keten,
        coach_user_id=actor.user_id if is_coach else None,
        state=staat or None,
        attention=aandacht or None,
    )
    rows, total = reads.list_trajectories(
        db, actor=actor, flt=flt, sort=volgorde, page=pagina, page_size=PAGE_SIZE
    )
    can_reassign = actor.can("trajectory.reassign")
    return render(
        request,
        "cases/caseload.html",
        {
            **BASE,
            "is_coach": is_coach,
            "day": day,
            "items": trajectory_items(db, rows),
            "day_items": _day_items(db, day),
            "total": total,
            "page": pagina,
            "pages": max(1, ceil(total / PAGE_SIZE)),
            "f": {"keten": keten or "", "staat": staat, "aandacht": aandacht, "volgorde": volgorde},
            "chains": page_data.chain_choices(db, actor),
            "attention_choices": labels.ATTENTION_CHOICES,
            "sort_choices": labels.SORT_CHOICES,
            "can_reassign": can_reassign,
            "can_create": actor.can("trajectory.create"),
            "coach_choices": page_data.coaches(
                db,
                organisation_id=None
                if actor.scope("trajectory.reassign") == Scope.REGION
                else actor.organisation_id,
            )
            if can_reassign and actor.organisation_id is not None
            else [],
            "today": clock.today(),
            "message": request.query_params.get("melding", ""),
        },
    )


def _day_items(db: Session, day: reads.Day | None) -> dict[str, Any]:
    if day is None:
        return {}
    return {
        "overdue": trajectory_items(db, day.overdue),
        "due_today": trajectory_items(db, day.due_today),
        "without": trajectory_items(db, day.without_next_action),
        "follow_ups": trajectory_items(db, day.follow_ups_due),
        "incoming": [handover_read(db, h) for h in day.incoming],
        "outgoing": [handover_read(db, h) for h in day.outgoing],
    }


@router.post("/trajecten/herverdelen", response_class=HTMLResponse)
def reassign(
    request: Request,
    form: SubmittedForm,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("trajectory.reassign"))],
) -> Response:
    ids = [int(v) for v in many(form, "trajectory_id") if v.isdigit() and len(v) < 10]
    coach = text(form, "coach_user_id")
    try:
        data = ReassignmentCreate.model_validate(
            {
                "trajectoryIds": ids,
                "coachUserId": int(coach) if coach.isdigit() and len(coach) < 10 else 0,
                "reason": text(form, "reason"),
            }
        )
        moved = reassign_trajectories(db, actor=actor, data=data)
    except ValidationError as exc:
        return _notice(request, field_errors(exc))
    except errors.DomainError as exc:
        if page_raises(exc):
            raise
        return _notice(request, form_messages(exc))
    return RedirectResponse(f"/trajecten?melding=herverdeeld-{len(moved)}", status_code=303)


def _notice(request: Request, problems: dict[str, str]) -> HTMLResponse:
    names = {
        "trajectory_ids": "Trajecten",
        "coach_user_id": "Nieuwe coach",
        "reason": "Reden",
    }
    return render(
        request,
        "cases/refused.html",
        {"problems": [(names.get(k, ""), v) for k, v in problems.items()], "back": "/trajecten"},
        status=400,
    )


def _new_form(
    request: Request, db: Session, actor: Actor, v: dict[str, str], errs: dict[str, str]
) -> HTMLResponse:
    own, _ = list_candidates(
        db,
        actor=actor,
        flt=CandidateFilter(own_caseload=actor.role == Role.COACH),
        page=1,
        page_size=200,
    )
    candidates = [(str(c.id), f"{c.full_name} ({c.reference})") for c in own]
    if v["candidate_id"] and v["candidate_id"] not in {c for c, _ in candidates}:
        candidates.insert(0, (v["candidate_id"], f"Werkzoekende nummer {v['candidate_id']}"))
    return render(
        request,
        "cases/new.html",
        {
            "v": v,
            "errors": errs,
            "chains": page_data.chain_choices(db, actor),
            "candidates": candidates,
            "coach_choices": []
            if actor.role == Role.COACH
            else [
                (str(u.id), u.display_name)
                for u, _ in page_data.coaches(db, organisation_id=actor.organisation_id)
            ],
        },
        status=400 if errs else 200,
    )


@router.get("/trajecten/nieuw", response_class=HTMLResponse)
def new_trajectory(
    request: Request,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("trajectory.create"))],
    werkzoekende: int | None = Query(None, ge=1, le=2**31 - 1),
) -> HTMLResponse:
    v = {"candidate_id": str(werkzoekende or ""), "chain_id": "", "goal": "", "coach_user_id": ""}
    return _new_form(request, db, actor, v, {})


@router.post("/trajecten/nieuw", response_class=HTMLResponse)
def start(
    request: Request,
    form: SubmittedForm,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("trajectory.create"))],
) -> Response:
    v = {k: text(form, k) for k in ("candidate_id", "chain_id", "goal", "coach_user_id")}
    try:
        data = TrajectoryCreate.model_validate(
            {
                "candidateId": v["candidate_id"] or None,
                "chainId": v["chain_id"] or None,
                "goal": v["goal"],
                "coachUserId": v["coach_user_id"] or None,
            }
        )
        trajectory = service.start_trajectory(db, actor=actor, data=data)
    except ValidationError as exc:
        return _new_form(request, db, actor, v, field_errors(exc))
    except errors.DomainError as exc:
        if page_raises(exc):
            raise
        return _new_form(request, db, actor, v, form_messages(exc))
    return RedirectResponse(f"/trajecten/{trajectory.id}?melding=gestart", status_code=303)
