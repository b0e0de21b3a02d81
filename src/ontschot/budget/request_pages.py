"""Dutch pages of intervention requests: the coach's request form on the trajectory page
(with the router's choice and the reason per fund), the programme manager's approval
queue (approve, or reject with a reason), and withdrawing a request."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ontschot import clock, errors, money
from ontschot.access.actor import Actor
from ontschot.access.deps import requires
from ontschot.access.models import AppUser
from ontschot.budget import forms, instruments, requests
from ontschot.budget.models import Instrument, InterventionRequest
from ontschot.budget.rules.vocabulary import KIND_NAMES
from ontschot.budget.schemas import InterventionRequestCreate
from ontschot.deps import AppSettings, DbSession, SubmittedForm
from ontschot.money import format_cents
from ontschot.people.forms import text
from ontschot.web.problems import page_raises
from ontschot.web.templating import render

router = APIRouter(include_in_schema=False)
Approver = Annotated[Actor, Depends(requires("intervention.approve"))]
Requester = Annotated[Actor, Depends(requires("intervention.request"))]
Canceller = Annotated[Actor, Depends(requires("intervention.cancel"))]
REQUEST_FIELDS = ("instrument_id", "need", "cost", "quote_reference")


def _shown(db: Session, rows: list[InterventionRequest]) -> list[dict[str, Any]]:
    names = {
        i.id: i
        for i in db.query(Instrument).filter(Instrument.id.in_([r.instrument_id for r in rows]))
    }
    users = {
        u.id: u.display_name
        for u in db.query(AppUser).filter(
            AppUser.id.in_(
                [r.requested_by_user_id or 0 for r in rows]
                + [r.decided_by_user_id or 0 for r in rows]
            )
        )
    }
    out = []
    for r in rows:
        instrument = names.get(r.instrument_id)
        out.append(
            {
                "r": r,
                "instrument": instrument.name if instrument else "",
                "kind": KIND_NAMES.get(instrument.kind, "") if instrument else "",
                "state": requests.STATE_NAMES.get(r.state, r.state),
                "routing": requests.stored_routing(r),
                "requester": users.get(r.requested_by_user_id or 0, "onbekend"),
                "decider": users.get(r.decided_by_user_id or 0, ""),
            }
        )
    return out


def budget_part(db: Session, actor: Actor, trajectory: Any, can_update: bool) -> dict[str, Any]:
    """The trajectory page's intervention requests and the form to make one."""
    can_request = can_update and actor.can("intervention.request") and trajectory.state == "open"
    catalogue = (
        instruments.catalogue(db, actor=actor, usable=clock.today())
        if can_request and actor.can("budget.read")
        else []
    )
    return {
        "interventions": _shown(db, requests.requests_of_trajectory(db, trajectory.id)),
        "can_request": can_request,
        "can_cancel": can_update and actor.can("intervention.cancel"),
        "instrument_choices": [
            (
                str(i.id),
                f"{i.name} ({KIND_NAMES.get(i.kind, i.kind)}, {i.provider}, "
                + (format_cents(i.unit_price_cents) if i.unit_price_cents else "offerte")
                + ")",
            )
            for i in catalogue
        ],
        "euro": format_cents,
    }


@router.post("/trajecten/{trajectory_id}/interventie", response_class=HTMLResponse)
def request_intervention(
    request: Request,
    trajectory_id: int,
    form: SubmittedForm,
    db: DbSession,
    settings: AppSettings,
    actor: Requester,
) -> Response:
    from ontschot.cases.trajectory_pages import trajectory_detail

    v = {n: text(form, n) for n in REQUEST_FIELDS}
    problems: dict[str, str] = {}
    cost = None
    if v["cost"]:
        try:
            cost = money.parse(v["cost"])
        except money.MoneyError as exc:
            problems["cost"] = str(exc)
    try:
        try:
            data = InterventionRequestCreate.model_validate(
                {
                    "trajectoryId": trajectory_id,
                    "instrumentId": v["instrument_id"] or None,
                    "need": v["need"],
                    "costCents": cost,
                    "quoteReference": v["quote_reference"] or None,
                }
            )
        except ValidationError as exc:
            problems = forms.field_errors(exc) | problems
        if problems:
            raise errors.Invalid("Controleer de aanvraag.", fields=problems)
        made = requests.request_intervention(
            db, actor=actor, data=data, four_eyes_above_cents=settings.four_eyes_above_cents
        )
    except errors.DomainError as exc:
        if page_raises(exc) or (isinstance(exc, errors.NotFound) and not exc.fields):
            raise
        errs = forms.domain_messages(exc)
        if isinstance(exc, errors.Conflict):
            errs = {"algemeen": exc.detail} | errs
        errs = {("instrument_id" if k == "instrument_id" else k): m for k, m in errs.items()}
        return trajectory_detail(
            request, db, actor, trajectory_id, form="intervention", v=v, errs=errs
        )
    return RedirectResponse(
        f"/trajecten/{trajectory_id}?melding=interventie-{made.state}#interventies", status_code=303
    )


def _queue(
    request: Request, db: Session, actor: Actor, errs: dict[str, str] | None = None
) -> HTMLResponse:
    rows = requests.approval_queue(db, actor=actor)
    return render(
        request,
        "budget/queue.html",
        {
            "rows": _shown(db, rows),
            "euro": format_cents,
            "errors": errs or {},
            "message": request.query_params.get("melding", ""),
        },
        status=400 if errs else 200,
    )


@router.get("/budget/aanvragen", response_class=HTMLResponse)
def queue(request: Request, db: DbSession, actor: Approver) -> HTMLResponse:
    return _queue(request, db, actor)


@router.post("/budget/aanvragen/{request_id}/goedkeuren", response_class=HTMLResponse)
def approve(request: Request, request_id: int, db: DbSession, actor: Approver) -> Response:
    try:
        requests.approve_request(db, actor=actor, request_id=request_id)
    except errors.Conflict as exc:
        return _queue(request, db, actor, {f"aanvraag-{request_id}": exc.detail})
    return RedirectResponse("/budget/aanvragen?melding=goedgekeurd", status_code=303)


@router.post("/budget/aanvragen/{request_id}/afwijzen", response_class=HTMLResponse)
def reject(
    request: Request, request_id: int, form: SubmittedForm, db: DbSession, actor: Approver
) -> Response:
    try:
        requests.reject_request(db, actor=actor, request_id=request_id, reason=text(form, "reason"))
    except (errors.Conflict, errors.Invalid) as exc:
        message = next(iter(exc.fields.values()), exc.detail)
        return _queue(request, db, actor, {f"reden-{request_id}": message})
    return RedirectResponse("/budget/aanvragen?melding=afgewezen", status_code=303)


@router.post("/budget/aanvragen/{request_id}/intrekken", response_class=HTMLResponse)
def cancel(request: Request, request_id: int, db: DbSession, actor: Canceller) -> Response:
    from ontschot.cases.trajectory_pages import trajectory_detail

    try:
        done = requests.cancel_request(db, actor=actor, request_id=request_id)
    except errors.Conflict as exc:
        found = db.get(InterventionRequest, request_id)
        if found is None:
            raise
        return trajectory_detail(
            request,
            db,
            actor,
            found.trajectory_id,
            form="intervention",
            errs={"algemeen": exc.detail},
        )
    return RedirectResponse(
        f"/trajecten/{done.trajectory_id}?melding=interventie-cancelled#interventies",
        status_code=303,
    )
