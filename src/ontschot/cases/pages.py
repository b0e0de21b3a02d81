"""Dutch pages of the coach's workbench: "Mijn trajecten", one trajectory, hand-overs."""

from __future__ import annotations

from collections.abc import Callable
from math import ceil
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, ValidationError
from sqlalchemy.orm import Session

from ontschot import clock, errors
from ontschot.access.actor import Actor, NavItem, register_navigation
from ontschot.access.deps import requires
from ontschot.access.roles import Role
from ontschot.cases import handovers, labels, page_data
from ontschot.cases.trajectories import reads, service, suspension
from ontschot.cases.trajectories.reassign import reassign_trajectories
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
from ontschot.cases.trajectories.views import handover_read, trajectory_item, trajectory_read
from ontschot.chains.models import Chain
from ontschot.deps import DbSession, SubmittedForm
from ontschot.employers.models import Employer
from ontschot.people.forms import iso_date, many, text
from ontschot.people.queries import CandidateFilter, list_candidates
from ontschot.web.problems import form_messages, page_raises
from ontschot.web.templating import render
from ontschot.web.words import dutch_message

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
    aandacht: str = Query("", pattern="^(overdue|no_next_action|handover|)$"),
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
            "items": [trajectory_item(db, r) for r in rows],
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
                db, organisation_id=None if actor.region_code is None else actor.organisation_id
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
        "overdue": [trajectory_item(db, r) for r in day.overdue],
        "due_today": [trajectory_item(db, r) for r in day.due_today],
        "without": [trajectory_item(db, r) for r in day.without_next_action],
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


def _detail(
    request: Request,
    db: Session,
    actor: Actor,
    trajectory_id: int,
    *,
    form: str = "",
    v: dict[str, str] | None = None,
    errs: dict[str, str] | None = None,
) -> HTMLResponse:
    row = reads.read_trajectory(db, actor=actor, trajectory_id=trajectory_id)
    shown = trajectory_read(db, row)
    chain = db.get(Chain, shown.chain.id)
    can_update = actor.can("trajectory.update") and (
        actor.role != Role.COACH or row.trajectory.coach_user_id == actor.user_id
    )
    employer = db.get(Employer, shown.employer_id) if shown.employer_id else None
    chain_type = page_data.chain_type(db, shown.chain_type_id)
    return render(
        request,
        "cases/trajectory.html",
        {
            **BASE,
            "t": shown,
            "employer_name": employer.name if employer else "",
            "reached_ids": {r.status_id for r in shown.status_history},
            "result_choices": [(str(r.id), r.name) for r in chain_type.results],
            "chain_type": chain_type,
            "can_update": can_update and shown.state != "closed",
            "can_hand_over": can_update and actor.can("handover.propose"),
            "employer_groups": page_data.employer_groups(db, chain) if can_update else [],
            "receivers": page_data.coaches(
                db, organisation_id=None, other_than=row.trajectory.organisation_id
            )
            if can_update
            else [],
            "activity_choices": list(labels.ACTIVITY_NAMES.items()),
            "form": form,
            "v": v or {},
            "errors": errs or {},
            "today": clock.today().isoformat(),
            "message": request.query_params.get("melding", ""),
        },
        status=400 if errs else 200,
    )


@router.get("/trajecten/{trajectory_id}", response_class=HTMLResponse)
def trajectory_page(
    request: Request, trajectory_id: int, db: DbSession, actor: Reader
) -> HTMLResponse:
    return _detail(request, db, actor, trajectory_id)


def _act(
    request: Request,
    db: Session,
    actor: Actor,
    trajectory_id: int,
    form_name: str,
    v: dict[str, str],
    build: Callable[[], BaseModel | None],
    act: Callable[[Any], Any],
    done: str,
) -> Response:
    """Validate the form, call the one service, and either go back to the trajectory with
    a message or show the page again with the form's errors beside its fields."""
    try:
        data = build()
        act(data)
    except ValidationError as exc:
        errs = field_errors(exc)
    except errors.DomainError as exc:
        if page_raises(exc) or isinstance(exc, errors.NotFound):
            raise
        errs = form_messages(exc)
    else:
        return RedirectResponse(f"/trajecten/{trajectory_id}?melding={done}", status_code=303)
    return _detail(request, db, actor, trajectory_id, form=form_name, v=v, errs=errs)


def _values(form: Any, *names: str) -> dict[str, str]:
    return {name: text(form, name) for name in names}


def _date(value: str) -> str | None:
    return iso_date(value) or None


@router.post("/trajecten/{trajectory_id}/status", response_class=HTMLResponse)
def status_change(
    request: Request, trajectory_id: int, form: SubmittedForm, db: DbSession, actor: Updater
) -> Response:
    v = _values(form, "status_id", "employer_id")
    return _act(
        request, db, actor, trajectory_id, "status", v,
        lambda: StatusChange.model_validate(
            {"statusId": v["status_id"] or None, "employerId": v["employer_id"] or None}
        ),
        lambda data: service.change_status(
            db, actor=actor, trajectory_id=trajectory_id, data=data
        ),
        "status",
    )  # fmt: skip


@router.post("/trajecten/{trajectory_id}/activiteiten", response_class=HTMLResponse)
def activity(
    request: Request, trajectory_id: int, form: SubmittedForm, db: DbSession, actor: Updater
) -> Response:
    v = _values(form, "kind", "occurred_on", "summary")
    return _act(
        request, db, actor, trajectory_id, "activity", v,
        lambda: ActivityCreate.model_validate(
            {"kind": v["kind"] or None, "occurredOn": _date(v["occurred_on"]),
             "summary": v["summary"]}
        ),
        lambda data: service.record_activity(
            db, actor=actor, trajectory_id=trajectory_id, data=data
        ),
        "activiteit",
    )  # fmt: skip


@router.post("/trajecten/{trajectory_id}/volgende-actie", response_class=HTMLResponse)
def next_action(
    request: Request, trajectory_id: int, form: SubmittedForm, db: DbSession, actor: Updater
) -> Response:
    v = _values(form, "text", "due_date")
    return _act(
        request, db, actor, trajectory_id, "next", v,
        lambda: NextActionSet.model_validate({"text": v["text"], "dueDate": _date(v["due_date"])}),
        lambda data: service.set_next_action(
            db, actor=actor, trajectory_id=trajectory_id, data=data
        ),
        "volgende-actie",
    )  # fmt: skip


@router.post("/trajecten/{trajectory_id}/plan", response_class=HTMLResponse)
def plan_item(
    request: Request, trajectory_id: int, form: SubmittedForm, db: DbSession, actor: Updater
) -> Response:
    v = _values(form, "kind", "plan_text", "plan_due")
    return _act(
        request, db, actor, trajectory_id, "plan", v,
        lambda: PlanItemCreate.model_validate(
            {"kind": v["kind"] or None, "text": v["plan_text"], "dueDate": _date(v["plan_due"])}
        ),
        lambda data: service.add_plan_item(
            db, actor=actor, trajectory_id=trajectory_id, data=data
        ),
        "plan",
    )  # fmt: skip


@router.post("/trajecten/{trajectory_id}/opschorten", response_class=HTMLResponse)
def suspend(
    request: Request, trajectory_id: int, form: SubmittedForm, db: DbSession, actor: Updater
) -> Response:
    v = _values(form, "suspend_reason")
    return _act(
        request, db, actor, trajectory_id, "suspend", v,
        lambda: SuspensionCreate.model_validate({"reason": v["suspend_reason"]}),
        lambda data: suspension.suspend_trajectory(
            db, actor=actor, trajectory_id=trajectory_id, data=data
        ),
        "opgeschort",
    )  # fmt: skip


@router.post("/trajecten/{trajectory_id}/hervatten", response_class=HTMLResponse)
def resume(request: Request, trajectory_id: int, db: DbSession, actor: Updater) -> Response:
    return _act(
        request, db, actor, trajectory_id, "resume", {},
        lambda: None,
        lambda _: suspension.resume_trajectory(db, actor=actor, trajectory_id=trajectory_id),
        "hervat",
    )  # fmt: skip


@router.post("/trajecten/{trajectory_id}/afsluiten", response_class=HTMLResponse)
def close(
    request: Request, trajectory_id: int, form: SubmittedForm, db: DbSession, actor: Updater
) -> Response:
    v = _values(form, "result_id", "close_reason")
    return _act(
        request, db, actor, trajectory_id, "close", v,
        lambda: ClosureCreate.model_validate(
            {"resultId": v["result_id"] or None, "reason": v["close_reason"]}
        ),
        lambda data: service.close_trajectory(
            db, actor=actor, trajectory_id=trajectory_id, data=data
        ),
        "afgesloten",
    )  # fmt: skip


@router.post("/trajecten/{trajectory_id}/overdracht", response_class=HTMLResponse)
def propose(
    request: Request,
    trajectory_id: int,
    form: SubmittedForm,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("handover.propose"))],
) -> Response:
    v = _values(form, "to_user_id", "message")
    return _act(
        request, db, actor, trajectory_id, "handover", v,
        lambda: HandoverCreate.model_validate(
            {"trajectoryId": trajectory_id, "toUserId": v["to_user_id"] or None,
             "message": v["message"]}
        ),
        lambda data: handovers.propose_handover(db, actor=actor, data=data),
        "overdracht-voorgesteld",
    )  # fmt: skip


@router.get("/overdrachten", response_class=HTMLResponse)
def handover_list(
    request: Request,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("handover.read"))],
) -> HTMLResponse:
    found = handovers.list_handovers(db, actor=actor, status=None)
    rows = [handover_read(db, h) for h in found]
    return render(
        request,
        "cases/handovers.html",
        {
            **BASE,
            "about": page_data.handover_subjects(db, found),
            "incoming": [h for h in rows if h.to_user.id == actor.user_id],
            "others": [h for h in rows if h.to_user.id != actor.user_id],
            "can_decide": actor.can("handover.decide"),
            "message": request.query_params.get("melding", ""),
            "errors": {},
        },
    )


@router.post("/overdrachten/{handover_id}/aanvaarden", response_class=HTMLResponse)
def accept(
    request: Request,
    handover_id: int,
    form: SubmittedForm,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("handover.decide"))],
) -> Response:
    data = HandoverAcceptance(sender_keeps_access=text(form, "sender_keeps_access") == "ja")
    try:
        handover = handovers.accept_handover(db, actor=actor, handover_id=handover_id, data=data)
    except errors.Conflict as exc:
        return render(
            request, "cases/refused.html",
            {"problems": [("", exc.detail)], "back": "/overdrachten"}, status=409,
        )  # fmt: skip
    return RedirectResponse(
        f"/trajecten/{handover.trajectory_id}?melding=overgenomen", status_code=303
    )


@router.post("/overdrachten/{handover_id}/afwijzen", response_class=HTMLResponse)
def decline(
    request: Request,
    handover_id: int,
    form: SubmittedForm,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("handover.decide"))],
) -> Response:
    try:
        data = HandoverDecline.model_validate({"reason": text(form, "reason")})
        handovers.decline_handover(db, actor=actor, handover_id=handover_id, data=data)
    except ValidationError:
        problems = [("Reden", "Schrijf kort waarom u de overdracht afwijst.")]
        return render(
            request, "cases/refused.html", {"problems": problems, "back": "/overdrachten"},
            status=400,
        )  # fmt: skip
    except errors.Conflict as exc:
        return render(
            request, "cases/refused.html",
            {"problems": [("", exc.detail)], "back": "/overdrachten"}, status=409,
        )  # fmt: skip
    return RedirectResponse("/overdrachten?melding=afgewezen", status_code=303)
