"""Dutch pages: the contact moments with a candidate or an employer, with a form to add one."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ontschot import clock, errors
from ontschot.access.actor import Actor
from ontschot.access.deps import requires
from ontschot.contacts import service
from ontschot.contacts.schemas import KIND_LABELS_NL, ContactMomentIn
from ontschot.deps import DbSession, SubmittedForm
from ontschot.messages import dutch_message
from ontschot.people.forms import iso_date, text
from ontschot.web.problems import form_messages, page_raises, status_of
from ontschot.web.templating import render

router = APIRouter(include_in_schema=False)
_FORM = ("contact_kind", "occurred_on", "summary", "next_action", "next_action_due")
_NAMES = {"kind": "contact_kind"}


def _values(form: Any) -> dict[str, str]:
    return {name: text(form, name) for name in _FORM}


def _parse(values: dict[str, str]) -> ContactMomentIn:
    return ContactMomentIn.model_validate(
        {
            "kind": values["contact_kind"],
            "occurredOn": iso_date(values["occurred_on"]),
            "summary": values["summary"],
            "nextAction": values["next_action"] or None,
            "nextActionDue": iso_date(values["next_action_due"]) or None,
        }
    )


def _errors(exc: ValidationError) -> dict[str, str]:
    api = {"kind": "contact_kind", "occurredOn": "occurred_on", "summary": "summary"}
    api |= {"nextAction": "next_action", "nextActionDue": "next_action_due"}
    out: dict[str, str] = {}
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ())]
        out.setdefault(
            api.get(loc[0], "algemeen") if loc else "algemeen", dutch_message(err["msg"])
        )
    return out


def _blank() -> dict[str, str]:
    return dict.fromkeys(_FORM, "") | {"occurred_on": clock.today().isoformat()}


def _render(
    request: Request, context: dict[str, Any], values: dict[str, str], problems: dict[str, str]
) -> HTMLResponse:
    status = int(context.pop("status", 400 if problems else 200))
    return render(
        request,
        "contacts/moments.html",
        context
        | {
            "v": values,
            "errors": problems,
            "kinds": list(KIND_LABELS_NL.items()),
            "kind_names": KIND_LABELS_NL,
            "today_date": clock.today(),
        },
        status=status,
    )


def _candidate_context(db: Session, actor: Actor, candidate_id: int) -> dict[str, Any]:
    candidate, rows = service.read_candidate_contacts(db, actor=actor, candidate_id=candidate_id)
    return {
        "subject": candidate.full_name,
        "back": f"/werkzoekenden/{candidate.id}",
        "back_label": candidate.full_name,
        "crumbs": [("/werkzoekenden", "Werkzoekenden")],
        "action": f"/werkzoekenden/{candidate.id}/contactmomenten",
        "rows": rows,
        "can_add": actor.can("contact_moment.create"),
        "about_person": True,
    }


@router.get("/werkzoekenden/{candidate_id}/contactmomenten", response_class=HTMLResponse)
def candidate_moments(
    request: Request,
    candidate_id: int,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("contact_moment.read"))],
) -> HTMLResponse:
    context = _candidate_context(db, actor, candidate_id)
    context["message"] = request.query_params.get("melding", "")[:30]
    return _render(request, context, _blank(), {})


@router.post("/werkzoekenden/{candidate_id}/contactmomenten", response_class=HTMLResponse)
def candidate_moment_submit(
    request: Request,
    form: SubmittedForm,
    candidate_id: int,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("contact_moment.create"))],
) -> Response:
    values = _values(form)
    try:
        service.record_candidate_contact(
            db, actor=actor, candidate_id=candidate_id, data=_parse(values)
        )
    except ValidationError as exc:
        return _render(request, _candidate_context(db, actor, candidate_id), values, _errors(exc))
    except errors.DomainError as exc:
        if page_raises(exc) or isinstance(exc, errors.NotFound):
            raise
        context = _candidate_context(db, actor, candidate_id) | {"status": status_of(exc)}
        return _render(request, context, values, form_messages(exc, _NAMES))
    return RedirectResponse(
        f"/werkzoekenden/{candidate_id}/contactmomenten?melding=vastgelegd", status_code=303
    )


def _employer_context(db: Session, actor: Actor, employer_id: int) -> dict[str, Any]:
    employer, rows = service.employer_contacts(db, actor=actor, employer_id=employer_id)
    return {
        "subject": employer.name,
        "back": f"/werkgevers/{employer.id}",
        "back_label": employer.name,
        "crumbs": [("/werkgevers", "Werkgevers")],
        "action": f"/werkgevers/{employer.id}/contactmomenten",
        "rows": rows,
        "can_add": actor.can("employer_contact.create"),
        "about_person": False,
    }


@router.get("/werkgevers/{employer_id}/contactmomenten", response_class=HTMLResponse)
def employer_moments(
    request: Request,
    employer_id: int,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("employer_contact.read"))],
) -> HTMLResponse:
    context = _employer_context(db, actor, employer_id)
    context["message"] = request.query_params.get("melding", "")[:30]
    return _render(request, context, _blank(), {})


@router.post("/werkgevers/{employer_id}/contactmomenten", response_class=HTMLResponse)
def employer_moment_submit(
    request: Request,
    form: SubmittedForm,
    employer_id: int,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("employer_contact.create"))],
) -> Response:
    values = _values(form)
    try:
        service.record_employer_contact(
            db, actor=actor, employer_id=employer_id, data=_parse(values)
        )
    except ValidationError as exc:
        return _render(request, _employer_context(db, actor, employer_id), values, _errors(exc))
    except errors.DomainError as exc:
        if page_raises(exc) or isinstance(exc, errors.NotFound):
            raise
        context = _employer_context(db, actor, employer_id) | {"status": status_of(exc)}
        return _render(request, context, values, form_messages(exc, _NAMES))
    return RedirectResponse(
        f"/werkgevers/{employer_id}/contactmomenten?melding=vastgelegd", status_code=303
    )
