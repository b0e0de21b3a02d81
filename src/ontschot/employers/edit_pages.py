"""Dutch pages that change an employer (details, fixed contact person, contact persons) and
a vacancy (edit, close, mark filled), through the same services as the API."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ontschot import errors, money
from ontschot.access.actor import Actor
from ontschot.access.deps import requires
from ontschot.access.roles import ROLE_LABELS_NL, Role
from ontschot.deps import DbSession, SubmittedForm
from ontschot.employers import relations, service
from ontschot.employers.models import Employer, Vacancy
from ontschot.employers.schemas import ContactPersonIn, EmployerUpdate, VacancyUpdate
from ontschot.geo import municipality_names
from ontschot.messages import dutch_message
from ontschot.people.forms import iso_date, many, text
from ontschot.people.labels import concept_labels
from ontschot.people.vum import ContractForm, label_nl
from ontschot.web.problems import form_messages, page_raises, status_of
from ontschot.web.templating import render

router = APIRouter(include_in_schema=False)
_EMPLOYER = ("name", "kvk_number", "sector", "municipality", "contact_user_id")
_PERSON = ("contact_name", "contact_role", "contact_phone", "contact_email")
_VACANCY = (
    "title",
    "municipality",
    "hours_min",
    "hours_max",
    "contract_form",
    "salary_min",
    "salary_max",
    "start_date",
    "closing_date",
    "status",
    "description",
    "occupation_uri",
)


def _errors(exc: ValidationError, names: dict[str, str] | None = None) -> dict[str, str]:
    out: dict[str, str] = {}
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ())]
        top = loc[0] if loc else "algemeen"
        snake = "".join("_" + ch.lower() if ch.isupper() else ch for ch in top)
        out.setdefault((names or {}).get(snake, snake), dutch_message(err["msg"]))
    return out


def _employer_page(
    request: Request,
    db: Session,
    employer: Employer,
    v: dict[str, str],
    problems: dict[str, str],
    person: dict[str, str] | None = None,
    person_errors: dict[str, str] | None = None,
    status: int = 200,
) -> HTMLResponse:
    people = relations.contact_candidates(db)
    return render(
        request,
        "employers/employer_edit.html",
        {
            "e": employer,
            "v": v,
            "errors": problems,
            "p": person or dict.fromkeys(_PERSON, ""),
            "person_errors": person_errors or {},
            "contact_choices": [
                (str(u.id), f"{u.display_name} ({role_label(u.role)}, {u.organisation.name})")
                for u in people
            ],
            "municipalities": municipality_names(),
            "message": request.query_params.get("melding", "")[:30],
        },
        status=status,
    )


def role_label(role: str) -> str:
    return ROLE_LABELS_NL.get(Role(role), role) if role in set(Role) else role


def _employer_values(e: Employer) -> dict[str, str]:
    return {
        "name": e.name,
        "kvk_number": e.kvk_number or "",
        "sector": e.sector or "",
        "municipality": e.municipality or "",
        "contact_user_id": str(e.contact_user_id or ""),
    }


@router.get("/werkgevers/{employer_id}/bewerken", response_class=HTMLResponse)
def employer_edit(
    request: Request,
    employer_id: int,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("employer.update"))],
) -> HTMLResponse:
    employer = relations.changeable_employer(db, actor=actor, employer_id=employer_id)
    return _employer_page(request, db, employer, _employer_values(employer), {})


@router.post("/werkgevers/{employer_id}/bewerken", response_class=HTMLResponse)
def employer_edit_submit(
    request: Request,
    form: SubmittedForm,
    employer_id: int,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("employer.update"))],
) -> Response:
    employer = relations.changeable_employer(db, actor=actor, employer_id=employer_id)
    v = {name: text(form, name) for name in _EMPLOYER}
    try:
        data = EmployerUpdate.model_validate(
            {
                "name": v["name"] or None,
                "kvkNumber": v["kvk_number"] or None,
                "sector": v["sector"] or None,
                "municipality": v["municipality"] or None,
                "contactUserId": int(v["contact_user_id"])
                if v["contact_user_id"].isdigit() and len(v["contact_user_id"]) < 10
                else None,
            }
        )
        relations.update_employer(db, actor=actor, employer_id=employer_id, data=data)
    except ValidationError as exc:
        return _employer_page(request, db, employer, v, _errors(exc), status=400)
    except errors.DomainError as exc:
        if page_raises(exc):
            raise
        db.rollback()
        return _employer_page(request, db, employer, v, form_messages(exc), status=status_of(exc))
    return RedirectResponse(f"/werkgevers/{employer_id}?melding=gewijzigd", status_code=303)


@router.post("/werkgevers/{employer_id}/contactpersonen", response_class=HTMLResponse)
def contact_person_add(
    request: Request,
    form: SubmittedForm,
    employer_id: int,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("employer.update"))],
) -> Response:
    employer = relations.changeable_employer(db, actor=actor, employer_id=employer_id)
    p = {name: text(form, name) for name in _PERSON}
    names = {"name": "contact_name", "role": "contact_role", "phone": "contact_phone"}
    names["email"] = "contact_email"
    try:
        data = ContactPersonIn.model_validate(
            {k: p[f"contact_{k}"] or None for k in ("name", "role", "phone", "email")}
        )
        relations.add_contact_person(db, actor=actor, employer_id=employer_id, data=data)
    except ValidationError as exc:
        problems = _errors(exc, names)
        v = _employer_values(employer)
        return _employer_page(request, db, employer, v, {}, p, problems, status=400)
    return RedirectResponse(
        f"/werkgevers/{employer_id}/bewerken?melding=contactpersoon-toegevoegd", status_code=303
    )


@router.post("/werkgevers/{employer_id}/contactpersonen/{person_id}/verwijderen")
def contact_person_remove(
    employer_id: int,
    person_id: int,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("employer.update"))],
) -> Response:
    relations.remove_contact_person(
        db, actor=actor, employer_id=employer_id, contact_person_id=person_id
    )
    return RedirectResponse(
        f"/werkgevers/{employer_id}/bewerken?melding=contactpersoon-verwijderd", status_code=303
    )


def _euro(value: int | None) -> str:
    return money.format_cents(value, symbol=False) if value is not None else ""


def _vacancy_values(vac: Vacancy) -> dict[str, str]:
    def d(value: date | None) -> str:
        return value.isoformat() if value else ""

    return {
        "title": vac.title,
        "municipality": vac.municipality,
        "hours_min": "" if vac.hours_min is None else str(vac.hours_min),
        "hours_max": "" if vac.hours_max is None else str(vac.hours_max),
        "contract_form": vac.contract_form or "",
        "salary_min": _euro(vac.salary_min_cents),
        "salary_max": _euro(vac.salary_max_cents),
        "start_date": d(vac.start_date),
        "closing_date": d(vac.closing_date),
        "status": vac.status,
        "description": vac.description or "",
        "occupation_uri": vac.occupation_uri or "",
        "version": str(vac.version),
    }


SKILL_CHOICES = [("essential", "Essentieel"), ("optional", "Gewenst"), ("remove", "Verwijderen")]


def _vacancy_page(
    request: Request,
    db: Session,
    vac: Vacancy,
    v: dict[str, str],
    problems: dict[str, str],
    status: int = 200,
    skills: list[tuple[str, str]] | None = None,
) -> HTMLResponse:
    if skills is None:
        skills = [(s.skill_uri, s.relation) for s in vac.skills]
    return render(
        request,
        "employers/vacancy_edit.html",
        {
            "vac": vac,
            "v": v,
            "errors": problems,
            "skills": skills,
            "labels": concept_labels(db, [v.get("occupation_uri"), *(uri for uri, _ in skills)]),
            "skill_choices": SKILL_CHOICES,
            "municipalities": municipality_names(),
            "contract_form_choices": [(c.value, label_nl(c.value)) for c in ContractForm],
            "status_choices": [("open", "Open"), ("closed", "Gesloten"), ("filled", "Vervuld")],
        },
        status=status,
    )


@router.get("/vacatures/{vacancy_id}/bewerken", response_class=HTMLResponse)
def vacancy_edit(
    request: Request,
    vacancy_id: int,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("vacancy.update"))],
) -> HTMLResponse:
    vac = service.readable_vacancy(db, actor=actor, vacancy_id=vacancy_id, action="vacancy.update")
    return _vacancy_page(request, db, vac, _vacancy_values(vac), {})


def _vacancy_body(v: dict[str, str], problems: dict[str, str]) -> dict[str, Any]:
    body: dict[str, Any] = {
        "title": v["title"] or None,
        "municipality": v["municipality"] or None,
        "status": v["status"] or None,
        "description": v["description"] or None,
        "contractForm": v["contract_form"] or None,
        "occupationUri": v["occupation_uri"] or None,
    }
    for name in ("hours_min", "hours_max"):
        body[name] = v[name] or None
    for name in ("start_date", "closing_date"):
        body[name] = iso_date(v[name]) or None
    for name in ("salary_min", "salary_max"):
        try:
            body[f"{name}_cents"] = money.parse(v[name]) if v[name] else None
        except money.MoneyError as exc:
            problems[name] = str(exc)
    return body


def _skill_choices(
    form: Any, body: dict[str, Any], problems: dict[str, str]
) -> list[tuple[str, str]]:
    """The relation chosen per listed skill (the form sends them in pairs, in page order);
    they go into `body` as the vacancy's whole skill lists, so a removed one disappears."""
    rows = list(zip(many(form, "skill_uri"), many(form, "skill_relation"), strict=False))
    if not rows:
        return rows
    if any(relation not in dict(SKILL_CHOICES) for _, relation in rows):
        problems["skills"] = "Kies per vaardigheid essentieel, gewenst of verwijderen."
    body["essentialSkills"] = [uri for uri, relation in rows if relation == "essential"]
    body["optionalSkills"] = [uri for uri, relation in rows if relation == "optional"]
    return rows


@router.post("/vacatures/{vacancy_id}/bewerken", response_class=HTMLResponse)
def vacancy_edit_submit(
    request: Request,
    form: SubmittedForm,
    vacancy_id: int,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("vacancy.update"))],
) -> Response:
    vac = service.readable_vacancy(db, actor=actor, vacancy_id=vacancy_id, action="vacancy.update")
    v = {name: text(form, name) for name in _VACANCY} | {"version": text(form, "version")}
    problems: dict[str, str] = {}
    body = _vacancy_body(v, problems)
    skills = _skill_choices(form, body, problems)
    version = int(v["version"]) if v["version"].isdigit() and len(v["version"]) < 10 else None
    try:
        data = VacancyUpdate.model_validate(body)
        if problems:
            return _vacancy_page(request, db, vac, v, problems, 400, skills)
        service.update_vacancy(
            db, actor=actor, vacancy_id=vacancy_id, data=data, expected_version=version
        )
    except ValidationError as exc:
        names = {"salary_min_cents": "salary_min", "salary_max_cents": "salary_max"}
        names |= {"essential_skills": "skills", "optional_skills": "skills"}
        return _vacancy_page(request, db, vac, v, problems | _errors(exc, names), 400, skills)
    except errors.DomainError as exc:
        if page_raises(exc):
            raise
        db.rollback()
        fresh = service.readable_vacancy(
            db, actor=actor, vacancy_id=vacancy_id, action="vacancy.update"
        )
        found = form_messages(exc)
        if isinstance(exc, errors.StaleVersion):
            found = {
                "algemeen": "Iemand anders heeft deze vacature gewijzigd terwijl u dit formulier "
                "invulde. Uw invoer staat hieronder nog; vergelijk die met de vacature en sla "
                "opnieuw op."
            }
            v["version"] = str(fresh.version)
        # the fresh skill list (another change may have added one), with this user's choices
        chosen = dict(skills)
        fresh_skills = [(s.skill_uri, chosen.get(s.skill_uri, s.relation)) for s in fresh.skills]
        return _vacancy_page(request, db, fresh, v, found, status_of(exc), fresh_skills)
    return RedirectResponse(f"/vacatures/{vacancy_id}?melding=gewijzigd", status_code=303)


@router.post("/vacatures/{vacancy_id}/status")
def vacancy_status(
    form: SubmittedForm,
    vacancy_id: int,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("vacancy.update"))],
) -> Response:
    """Close the vacancy or mark it filled (one button each on the vacancy page)."""
    status = text(form, "status")
    if status not in ("open", "closed", "filled"):
        return RedirectResponse(f"/vacatures/{vacancy_id}?melding=kies-status", status_code=303)
    number = text(form, "version")
    version = int(number) if number.isdigit() and len(number) < 10 else None
    try:
        service.update_vacancy(
            db,
            actor=actor,
            vacancy_id=vacancy_id,
            data=VacancyUpdate(status=status),
            expected_version=version,
        )
    except errors.StaleVersion:
        return RedirectResponse(f"/vacatures/{vacancy_id}?melding=verouderd", status_code=303)
    return RedirectResponse(f"/vacatures/{vacancy_id}?melding=status-{status}", status_code=303)
