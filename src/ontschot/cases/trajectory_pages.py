"""Dutch page of one trajectory: what it is, the forms to act on it, its whole history."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, ValidationError
from sqlalchemy.orm import Session

from ontschot import clock, errors
from ontschot.access.actor import Actor
from ontschot.access.deps import requires
from ontschot.access.roles import Role
from ontschot.cases import handovers, labels, page_data
from ontschot.cases.pages import BASE, Reader, Updater, field_errors
from ontschot.cases.trajectories import reads, service, suspension
from ontschot.cases.trajectories.schemas import (
    ActivityCreate,
    ClosureCreate,
    HandoverCreate,
    NextActionSet,
    PlanItemCreate,
    StatusChange,
    SuspensionCreate,
)
from ontschot.cases.trajectories.views import trajectory_read
from ontschot.chains.models import Chain
from ontschot.deps import DbSession, SubmittedForm
from ontschot.employers.models import Employer
from ontschot.people.forms import iso_date, text
from ontschot.web.problems import form_messages, page_raises
from ontschot.web.templating import render

router = APIRouter(include_in_schema=False)


def trajectory_detail(
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
            **placement_part(
                db, actor, row.trajectory, can_update, request.app.state.settings.follow_up_months
            ),
            **_budget_part(db, actor, row.trajectory, can_update),
        },
        status=400 if errs else 200,
    )


_detail = trajectory_detail


def _budget_part(db: Session, actor: Actor, trajectory: Any, can_update: bool) -> dict[str, Any]:
    """The trajectory page's intervention requests and their form (budget)."""
    from ontschot.budget.request_pages import budget_part

    return budget_part(db, actor, trajectory, can_update)


def placement_part(
    db: Session, actor: Actor, trajectory: Any, can_update: bool, months: list[int]
) -> dict[str, Any]:
    """The trajectory page's placements and the form to record one (cases.placements)."""
    from ontschot.cases.placements import page_data as placement_data

    can_place = can_update and actor.can("placement.create") and trajectory.state == "open"
    placeable = placement_data.placeable(db, trajectory) if can_place else []
    return {
        "placements": placement_data.placements_of(db, trajectory.id),
        "contract_names": placement_data.CONTRACT_NAMES,
        "can_place": can_place,
        "in_phase_two": placement_data.in_phase_two(db, trajectory),
        "placeable": placeable,
        "placeable_choices": [(str(p.introduction_id), p.label) for p in placeable],
        "wage_period_choices": list(placement_data.WAGE_PERIOD_NAMES.items()),
        "follow_up_months_text": placement_data.months_text(tuple(months)),
    }


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


@router.post("/trajecten/{trajectory_id}/plan/{plan_item_id}/gedaan", response_class=HTMLResponse)
def plan_item_done(
    request: Request, trajectory_id: int, plan_item_id: int, db: DbSession, actor: Updater
) -> Response:
    return _act(
        request, db, actor, trajectory_id, "plan", {},
        lambda: None,
        lambda _: service.complete_plan_item(
            db, actor=actor, trajectory_id=trajectory_id, plan_item_id=plan_item_id
        ),
        "plan-gedaan",
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
