"""Dutch pages: record a placement from the trajectory page, one placement with its
follow-ups, and the forms to record a follow-up and the end of the employment."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ontschot import clock, errors, money
from ontschot.access.actor import Actor
from ontschot.access.deps import requires
from ontschot.access.roles import Role
from ontschot.cases import flows
from ontschot.cases.pages import field_errors
from ontschot.cases.placements import page_data, reads, service
from ontschot.cases.placements.rules import PlacementRules
from ontschot.cases.placements.schemas import FollowUpCreate, PlacementCreate, PlacementEnd
from ontschot.cases.placements.views import placement_read
from ontschot.cases.trajectories.models import Trajectory
from ontschot.deps import AppSettings, DbSession, SubmittedForm
from ontschot.employers.models import Employer, Vacancy
from ontschot.people.forms import iso_date, text
from ontschot.people.models import Candidate, Introduction
from ontschot.people.visibility import View, view_for
from ontschot.web.problems import page_raises
from ontschot.web.templating import render

router = APIRouter(include_in_schema=False)
Reader = Annotated[Actor, Depends(requires("placement.read"))]
Updater = Annotated[Actor, Depends(requires("placement.update"))]
Creator = Annotated[Actor, Depends(requires("placement.create"))]

PLACEMENT_FIELDS = (
    "introduction_id",
    "start_date",
    "hours_per_week",
    "contract_type",
    "contract_months",
    "paid",
    "trial_end_date",
    "intended_contract_months",
    "wage",
    "wage_period",
)


def _values(form: Any, names: tuple[str, ...]) -> dict[str, str]:
    return {name: text(form, name) for name in names}


def _or_none(value: str) -> str | None:
    return value or None


def _placement_body(db: Session, trajectory_id: int, v: dict[str, str]) -> PlacementCreate:
    """The form as the API's body: employer and vacancy come from the chosen proposal."""
    problems: dict[str, str] = {}
    chosen = v["introduction_id"]
    intro = db.get(Introduction, int(chosen)) if chosen.isdigit() and len(chosen) < 10 else None
    trajectory = db.get(Trajectory, trajectory_id)
    if intro is None or trajectory is None or intro.candidate_id != trajectory.candidate_id:
        problems["introduction_id"] = "kies het voorstel waaruit de plaatsing komt"
    wage_cents: int | None = None
    if v["wage"]:
        try:
            wage_cents = money.parse(v["wage"])
        except money.MoneyError as exc:
            problems["wage"] = str(exc)
    if v["paid"] not in ("ja", "nee"):
        problems["paid"] = "kies betaald werk of proefplaatsing"
    try:
        data = PlacementCreate.model_validate(
            {
                "trajectoryId": trajectory_id,
                "employerId": intro.employer_id if intro else 1,
                "vacancyId": intro.vacancy_id if intro else None,
                "introductionId": intro.id if intro else None,
                "startDate": _or_none(iso_date(v["start_date"])),
                "hoursPerWeek": _or_none(v["hours_per_week"]),
                "contractType": _or_none(v["contract_type"]),
                "contractMonths": _or_none(v["contract_months"]),
                "paid": v["paid"] != "nee",
                "trialEndDate": _or_none(iso_date(v["trial_end_date"])),
                "intendedContractMonths": _or_none(v["intended_contract_months"]),
                "wageCents": wage_cents,
                "wagePeriod": _or_none(v["wage_period"]) if wage_cents else None,
            }
        )
    except ValidationError as exc:
        problems = field_errors(exc) | problems
    if problems:
        raise errors.Invalid("Controleer de plaatsing.", fields=problems)
    return data


def _messages(exc: errors.DomainError, fields: tuple[str, ...]) -> dict[str, str]:
    """The error beside the form's fields; a refusal's reason (409) stands on top, since it
    says what to do first."""
    names = {
        "wage_cents": "wage",
        "employer_id": "introduction_id",
        "vacancy_id": "introduction_id",
    }
    out: dict[str, str] = {}
    if isinstance(exc, errors.Conflict) or not exc.fields:
        out["algemeen"] = exc.detail
    for name, message in exc.fields.items():
        name = names.get(name, name)
        if name in fields:
            out.setdefault(name, message)
    return out or {"algemeen": exc.detail}


@router.post("/trajecten/{trajectory_id}/plaatsing", response_class=HTMLResponse)
def record_placement(
    request: Request,
    trajectory_id: int,
    form: SubmittedForm,
    db: DbSession,
    settings: AppSettings,
    actor: Creator,
) -> Response:
    from ontschot.cases.trajectory_pages import trajectory_detail

    v = _values(form, PLACEMENT_FIELDS)
    try:
        data = _placement_body(db, trajectory_id, v)
        rules = PlacementRules.from_settings(settings)
        placement = flows.place_candidate(db, actor=actor, data=data, rules=rules)
    except errors.DomainError as exc:
        if page_raises(exc) or isinstance(exc, errors.NotFound):
            raise
        errs = _messages(exc, PLACEMENT_FIELDS)
        return trajectory_detail(
            request, db, actor, trajectory_id, form="placement", v=v, errs=errs
        )
    return RedirectResponse(f"/plaatsingen/{placement.id}?melding=vastgelegd", status_code=303)


def _page(
    request: Request,
    db: Session,
    actor: Actor,
    placement_id: int,
    settings: Any,
    *,
    form: str = "",
    v: dict[str, str] | None = None,
    errs: dict[str, str] | None = None,
) -> HTMLResponse:
    rules = PlacementRules.from_settings(settings)
    placement = reads.read_placement(db, actor=actor, placement_id=placement_id)
    shown = placement_read(placement, rules)
    candidate = db.get(Candidate, placement.candidate_id)
    trajectory = db.get(Trajectory, placement.trajectory_id)
    assert candidate is not None and trajectory is not None
    who = (
        candidate.full_name if view_for(actor, candidate, db) == View.FULL else candidate.reference
    )
    employer = db.get(Employer, placement.employer_id) if placement.employer_id else None
    vacancy = db.get(Vacancy, placement.vacancy_id) if placement.vacancy_id else None
    can_update = (
        actor.can("placement.update")
        and (actor.role != Role.COACH or trajectory.coach_user_id == actor.user_id)
        and placement.ended_on is None
    )
    open_ones = [f for f in shown.follow_ups if f.done_at is None]
    return render(
        request,
        "cases/placements/placement.html",
        {
            "p": shown,
            "who": who,
            "trajectory": trajectory,
            "employer_name": employer.name if employer else "onbekende werkgever",
            "vacancy_title": vacancy.title if vacancy else "",
            "contract_names": page_data.CONTRACT_NAMES,
            "wage_period_names": page_data.WAGE_PERIOD_NAMES,
            "end_reason_names": page_data.END_REASON_NAMES,
            "state_names": page_data.FOLLOW_UP_STATE_NAMES,
            "outcome_names": page_data.OUTCOME_NAMES,
            "follow_up_choices": [
                (str(f.id), f"{service.months_label(f.months)} (gepland {f.due_date:%d-%m-%Y})")
                for f in open_ones
            ],
            "next_follow_up": open_ones[0] if open_ones else None,
            "can_update": can_update,
            "form": form,
            "v": v or {},
            "errors": errs or {},
            "today": clock.today().isoformat(),
            "message": request.query_params.get("melding", ""),
        },
        status=400 if errs else 200,
    )


@router.get("/plaatsingen/{placement_id}", response_class=HTMLResponse)
def placement_page(
    request: Request, placement_id: int, db: DbSession, settings: AppSettings, actor: Reader
) -> HTMLResponse:
    return _page(request, db, actor, placement_id, settings)


def _yes_no(value: str) -> bool | None:
    return {"ja": True, "nee": False}.get(value)


@router.post("/plaatsingen/{placement_id}/nazorg", response_class=HTMLResponse)
def follow_up(
    request: Request,
    placement_id: int,
    form: SubmittedForm,
    db: DbSession,
    settings: AppSettings,
    actor: Updater,
) -> Response:
    names = (
        "follow_up_id",
        "contact_date",
        "still_working",
        "same_hours",
        "hours_now",
        "risk_signals",
        "actions_taken",
    )
    v = _values(form, names)
    try:
        try:
            data = FollowUpCreate.model_validate(
                {
                    "followUpId": _or_none(v["follow_up_id"]),
                    "contactDate": _or_none(iso_date(v["contact_date"])),
                    "stillWorking": _yes_no(v["still_working"]),
                    "sameHours": _yes_no(v["same_hours"]),
                    "hoursNow": _or_none(v["hours_now"]),
                    "riskSignals": v["risk_signals"],
                    "actionsTaken": v["actions_taken"],
                }
            )
        except ValidationError as exc:
            raise errors.Invalid(
                "Controleer het nazorgcontact.", fields=field_errors(exc)
            ) from None
        service.record_follow_up(db, actor=actor, placement_id=placement_id, data=data)
    except errors.DomainError as exc:
        if page_raises(exc) or isinstance(exc, errors.NotFound):
            raise
        errs = _messages(exc, names)
        return _page(request, db, actor, placement_id, settings, form="follow_up", v=v, errs=errs)
    return RedirectResponse(f"/plaatsingen/{placement_id}?melding=nazorg", status_code=303)


@router.post("/plaatsingen/{placement_id}/einde", response_class=HTMLResponse)
def end(
    request: Request,
    placement_id: int,
    form: SubmittedForm,
    db: DbSession,
    settings: AppSettings,
    actor: Updater,
) -> Response:
    v = _values(form, ("end_date", "reason", "reason_text"))
    try:
        try:
            data = PlacementEnd.model_validate(
                {
                    "endDate": _or_none(iso_date(v["end_date"])),
                    "reason": _or_none(v["reason"]),
                    "reasonText": v["reason_text"],
                }
            )
        except ValidationError as exc:
            raise errors.Invalid("Controleer het einde.", fields=field_errors(exc)) from None
        service.end_placement(db, actor=actor, placement_id=placement_id, data=data)
    except errors.DomainError as exc:
        if page_raises(exc) or isinstance(exc, errors.NotFound):
            raise
        errs = _messages(exc, ("end_date", "reason", "reason_text"))
        return _page(request, db, actor, placement_id, settings, form="end", v=v, errs=errs)
    return RedirectResponse(f"/plaatsingen/{placement_id}?melding=einde", status_code=303)
