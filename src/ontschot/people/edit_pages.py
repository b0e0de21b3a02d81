"""The Dutch edit page of a candidate: every field of the registration form plus wishes,
contract forms and transport, saved through the same `service.update_candidate` as the API.

The form carries the version it showed; when someone else saved in between, the page comes
back with the values typed and a message saying so (optimistic locking, ADR 0014).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ontschot import errors
from ontschot.access.actor import Actor
from ontschot.access.deps import requires
from ontschot.deps import DbSession, SubmittedForm
from ontschot.people import forms, service
from ontschot.people.fields import ESCO_PREFIX
from ontschot.people.labels import concept_labels
from ontschot.people.models import Candidate
from ontschot.people.pages import choices
from ontschot.people.schemas import CandidateUpdate
from ontschot.people.versioning import child_dump
from ontschot.people.vum import ContractForm, Transport, label_nl
from ontschot.web.problems import page_raises, status_of
from ontschot.web.templating import render

router = APIRouter(include_in_schema=False)
# Optional fields: an empty box on the edit form clears them.
_CLEARABLE = (
    "email",
    "phone",
    "birth_date",
    "postcode",
    "available_from",
    "hours_min",
    "hours_max",
    "max_travel_km",
    "max_travel_minutes",
    "notes",
)


def _iso(value: Any) -> str:
    return value.isoformat() if value is not None else ""


def values_of(c: Candidate) -> dict[str, Any]:
    """The form's values for a stored candidate (the first language, education and work
    row stand on the form; further rows are kept as they are)."""
    lang = c.languages[0] if c.languages else None
    edu = c.educations[0] if c.educations else None
    work = c.work_history[0] if c.work_history else None
    return {
        "first_name": c.first_name,
        "last_name": c.last_name,
        "email": c.email or "",
        "phone": c.phone or "",
        "birth_date": _iso(c.birth_date),
        "bsn": "",
        "municipality": c.municipality,
        "postcode": c.postcode or "",
        "benefit": c.benefit,
        "status": c.status,
        "available_from": _iso(c.available_from),
        "hours_min": "" if c.hours_min is None else str(c.hours_min),
        "hours_max": "" if c.hours_max is None else str(c.hours_max),
        "max_travel_km": "" if c.max_travel_km is None else str(c.max_travel_km),
        "max_travel_minutes": "" if c.max_travel_minutes is None else str(c.max_travel_minutes),
        "language": lang.language if lang else "",
        "language_level": lang.spoken if lang else "",
        "education_level": edu.level if edu else "",
        "education_status": edu.status if edu else "",
        "education_field": (edu.field or "") if edu else "",
        "work_job_title": (work.job_title or "") if work else "",
        "work_employer": (work.employer_name or "") if work else "",
        "work_occupation_uri": (work.occupation_uri or "") if work else "",
        "work_start": _iso(work.start_date) if work else "",
        "work_end": _iso(work.end_date) if work else "",
        "notes": c.notes or "",
        "driving_licences": list(c.driving_licences or []),
        "skill_uri": [],
        "contract_forms": list(c.contract_forms or []),
        "transport": list(c.transport or []),
        "wish_occupation_uri": [w.occupation_uri for w in c.wishes if w.occupation_uri],
        "wish_sectors": ", ".join(w.sector for w in c.wishes if w.sector and not w.occupation_uri),
        "version": str(c.version),
    }


def _submitted(form: Any) -> dict[str, Any]:
    values = forms.form_values(form)
    values["contract_forms"] = forms.many(form, "contract_forms")
    values["transport"] = forms.many(form, "transport")
    wishes = forms.many(form, "wish_occupation_uri") + forms.many(form, "wish_new_uri")
    values["wish_occupation_uri"] = [u for u in dict.fromkeys(wishes) if u.startswith(ESCO_PREFIX)]
    values["wish_sectors"] = forms.text(form, "wish_sectors")[:500]
    values["version"] = forms.text(form, "version")
    return values


def _rest(rows: list[Any]) -> list[dict[str, Any]]:
    return child_dump(rows[1:])


def update_body(values: dict[str, Any], c: Candidate) -> dict[str, Any]:
    """The PATCH body for the form: every field sent, so an emptied box clears its value."""
    body = forms.candidate_body(values)
    body.pop("skills", None)  # skills have their own tab, with a source per skill
    if not values["bsn"]:
        body.pop("bsn", None)  # an empty BSN box keeps the BSN on record
    for name in ("first_name", "last_name", "municipality"):
        body.setdefault(forms.SIMPLE_FIELDS[name], None)
    for name in _CLEARABLE:
        body.setdefault(forms.SIMPLE_FIELDS[name], None)
    body["languages"] = body.get("languages", []) + _rest(c.languages)
    body["educations"] = body.get("educations", []) + _rest(c.educations)
    body["workHistory"] = body.get("workHistory", []) + _rest(c.work_history)
    body["contractForms"] = values["contract_forms"]
    body["transport"] = values["transport"]
    sectors = [s.strip() for s in values["wish_sectors"].split(",") if s.strip()]
    body["wishes"] = [{"occupationUri": u} for u in values["wish_occupation_uri"]] + [
        {"sector": s[:100]} for s in dict.fromkeys(sectors)
    ]
    return body


def _page(
    request: Request,
    db: Session,
    c: Candidate,
    values: dict[str, Any],
    problems: dict[str, str],
    status: int = 200,
) -> HTMLResponse:
    uris = [values.get("work_occupation_uri"), *values.get("wish_occupation_uri", [])]
    return render(
        request,
        "people/edit.html",
        {
            "c": c,
            "v": values,
            "errors": problems,
            "labels": concept_labels(db, [u for u in uris if u]),
            "contract_choices": [(f.value, label_nl(f)) for f in ContractForm],
            "transport_choices": [(t.value, label_nl(t)) for t in Transport],
            **choices(),
        },
        status=status,
    )


@router.get("/werkzoekenden/{candidate_id}/bewerken", response_class=HTMLResponse)
def edit_form(
    request: Request,
    candidate_id: int,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("candidate.update"))],
) -> HTMLResponse:
    candidate = service.editable_candidate(db, actor=actor, candidate_id=candidate_id)
    return _page(request, db, candidate, values_of(candidate), {})


@router.post("/werkzoekenden/{candidate_id}/bewerken", response_class=HTMLResponse)
def edit_submit(
    request: Request,
    form: SubmittedForm,
    candidate_id: int,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("candidate.update"))],
) -> Response:
    candidate = service.editable_candidate(db, actor=actor, candidate_id=candidate_id)
    values = _submitted(form)
    version = int(values["version"]) if values["version"].isdigit() else None
    try:
        data = CandidateUpdate.model_validate(update_body(values, candidate))
        service.update_candidate(
            db, actor=actor, candidate_id=candidate_id, data=data, expected_version=version
        )
    except ValidationError as exc:
        return _page(request, db, candidate, values | {"bsn": ""}, forms.form_errors(exc), 400)
    except errors.DomainError as exc:
        if page_raises(exc):
            raise
        db.rollback()
        fresh = service.editable_candidate(db, actor=actor, candidate_id=candidate_id)
        problems = forms.problem_errors(exc)
        if isinstance(exc, errors.StaleVersion):
            problems = {
                "algemeen": "Iemand anders heeft deze werkzoekende gewijzigd terwijl u dit "
                "formulier invulde. Uw invoer staat hieronder nog; controleer die tegen de "
                "nieuwe gegevens op het profiel en sla opnieuw op."
            }
            values["version"] = str(fresh.version)
        return _page(request, db, fresh, values | {"bsn": ""}, problems, status_of(exc))
    return RedirectResponse(f"/werkzoekenden/{candidate_id}?melding=gewijzigd", status_code=303)
