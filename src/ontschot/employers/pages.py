"""Dutch pages for employer advisers and employers: employers, vacancies, suggestions."""

from __future__ import annotations

from datetime import date
from math import ceil
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ontschot import errors, money
from ontschot.access.actor import Actor, NavItem, register_navigation
from ontschot.access.deps import requires
from ontschot.access.models import AppUser
from ontschot.access.roles import Role
from ontschot.deps import DbSession, SubmittedForm
from ontschot.employers import service
from ontschot.employers.schemas import EmployerCreate, VacancyCreate, VacancyStatus
from ontschot.geo import municipality_names
from ontschot.messages import dutch_message
from ontschot.people.forms import iso_date, many, text
from ontschot.people.labels import concept_labels
from ontschot.people.suggestions import suggest_candidates
from ontschot.people.vum import ContractForm, label_nl
from ontschot.web.problems import form_messages, page_raises
from ontschot.web.templating import render
from ontschot.web.words import REQUIREMENT_CHOICES

router = APIRouter(include_in_schema=False)
for _role in (
    Role.COACH,
    Role.EMPLOYER_ADVISER,
    Role.PROGRAMME_MANAGER,
    Role.PARTNER_ADMIN,
    Role.ANALYST,
    Role.SYSTEM_ADMIN,
):
    register_navigation(
        _role, NavItem("/werkgevers", "Werkgevers"), NavItem("/vacatures", "Vacatures")
    )
register_navigation(Role.EMPLOYER, NavItem("/vacatures", "Mijn vacatures"))
PAGE_SIZE = 25
VACANCY_FIELDS = (
    "employer_id",
    "title",
    "occupation_uri",
    "municipality",
    "hours_min",
    "hours_max",
    "contract_form",
    "salary_min",
    "salary_max",
    "start_date",
    "closing_date",
    "description",
    "requirements",
)


@router.get("/werkgevers", response_class=HTMLResponse)
def employer_list(
    request: Request,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("employer.read"))],
    naam: str = Query("", max_length=100),
    pagina: int = Query(1, ge=1, le=10_000),
) -> HTMLResponse:
    rows, total = service.list_employers(
        db, actor=actor, name=naam or None, page=pagina, page_size=PAGE_SIZE
    )
    return render(
        request,
        "employers/employers.html",
        {
            "rows": rows,
            "total": total,
            "page": pagina,
            "naam": naam,
            "pages": max(1, ceil(total / PAGE_SIZE)),
            "can_create": actor.can("employer.create"),
            "municipalities": municipality_names(),
            "v": {},
            "errors": {},
        },
    )


@router.post("/werkgevers", response_class=HTMLResponse)
def employer_create(
    request: Request,
    form: SubmittedForm,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("employer.create"))],
) -> Response:
    v = {k: text(form, k) for k in ("name", "kvk_number", "sector", "municipality")}
    try:
        data = EmployerCreate.model_validate(
            {
                "name": v["name"],
                "kvkNumber": v["kvk_number"] or None,
                "sector": v["sector"] or None,
                "municipality": v["municipality"] or None,
            }
        )
        employer = service.register_employer(db, actor=actor, data=data)
    except ValidationError as exc:
        found = {_snake(str(e["loc"][0])): _msg(e["msg"]) for e in exc.errors() if e["loc"]}
        return _employers_with_errors(request, db, actor, v, found)
    except errors.Conflict as exc:
        return _employers_with_errors(request, db, actor, v, {"kvk_number": exc.detail})
    return RedirectResponse(f"/werkgevers/{employer.id}", status_code=303)


def _employers_with_errors(
    request: Request, db: Session, actor: Actor, v: dict[str, str], errors: dict[str, str]
) -> HTMLResponse:
    rows, total = service.list_employers(db, actor=actor, page=1, page_size=PAGE_SIZE)
    return render(
        request,
        "employers/employers.html",
        {
            "rows": rows,
            "total": total,
            "page": 1,
            "pages": max(1, ceil(total / PAGE_SIZE)),
            "naam": "",
            "can_create": True,
            "municipalities": municipality_names(),
            "v": v,
            "errors": errors,
        },
        status=400,
    )


def _snake(name: str) -> str:
    return "".join("_" + ch.lower() if ch.isupper() else ch for ch in name)


def _msg(message: str) -> str:
    return dutch_message(message)


@router.get("/werkgevers/{employer_id}", response_class=HTMLResponse)
def employer_page(
    request: Request,
    employer_id: int,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("employer.read"))],
) -> HTMLResponse:
    employer = service.readable_employer(db, actor=actor, employer_id=employer_id)
    vacancies: list[Any] = []
    if actor.can("vacancy.read"):
        vacancies, _ = service.list_vacancies(
            db,
            actor=actor,
            flt=service.VacancyFilter(status=None, employer_id=employer.id),
            page=1,
            page_size=100,
        )
    return render(
        request,
        "employers/employer.html",
        {
            "e": employer,
            "vacancies": vacancies,
            "can_add": actor.can("vacancy.create"),
            "can_edit": actor.can("employer.update"),
            "can_contacts": actor.can("employer_contact.read"),
            "can_pipeline": actor.can("introduction.read"),
            "contact_user": db.get(AppUser, employer.contact_user_id)
            if employer.contact_user_id
            else None,
            "message": request.query_params.get("melding", "")[:30],
        },
    )


@router.get("/vacatures", response_class=HTMLResponse)
def vacancy_list(
    request: Request,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("vacancy.read"))],
    titel: str = Query("", max_length=100),
    gemeente: str = Query("", max_length=80),
    status: str = Query("open", max_length=8),
    pagina: int = Query(1, ge=1, le=10_000),
) -> HTMLResponse:
    flt = service.VacancyFilter(
        status=status if status in {s.value for s in VacancyStatus} else None,
        municipality=gemeente or None,
        title=titel or None,
    )
    rows, total = service.list_vacancies(db, actor=actor, flt=flt, page=pagina, page_size=PAGE_SIZE)
    context = {
        "rows": rows,
        "total": total,
        "page": pagina,
        "pages": max(1, ceil(total / PAGE_SIZE)),
        "f": {"titel": titel, "gemeente": gemeente, "status": status},
        "statuses": [s.value for s in VacancyStatus],
        "municipalities": municipality_names(),
        "can_create": actor.can("vacancy.create"),
        "can_suggest": actor.can("candidate.suggestions.read"),
    }
    name = (
        "employers/_vacancy_rows.html"
        if request.headers.get("HX-Request")
        else "employers/vacancies.html"
    )
    return render(request, name, context)


def _vacancy_form(
    request: Request,
    db: Session,
    actor: Actor,
    v: dict[str, Any],
    errors: dict[str, str],
    status: int = 200,
) -> HTMLResponse:
    employers, _ = service.list_employers(db, actor=actor, page=1, page_size=100)
    labels = concept_labels(db, [*v.get("skill_uri", []), v.get("occupation_uri")])
    return render(
        request,
        "employers/vacancy_form.html",
        {
            "v": v,
            "errors": errors,
            "employers": employers,
            "labels": labels,
            "municipalities": municipality_names(),
            "contract_forms": [c.value for c in ContractForm],
            "contract_form_choices": [(c.value, label_nl(c.value)) for c in ContractForm],
            "employer_choices": [(str(e.id), e.name) for e in employers],
            "requirement_choices": REQUIREMENT_CHOICES,
            "today": date.today().isoformat(),
        },
        status=status,
    )


@router.get("/vacatures/nieuw", response_class=HTMLResponse)
def vacancy_form(
    request: Request,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("vacancy.create"))],
    werkgever: int | None = Query(None, ge=1),
) -> HTMLResponse:
    v: dict[str, Any] = dict.fromkeys(VACANCY_FIELDS, "")
    v.update({"employer_id": str(werkgever or ""), "skill_uri": [], "optional_uri": []})
    v["requirement"] = []
    return _vacancy_form(request, db, actor, v, {})


def _euro_cents(value: str, field: str, problems: dict[str, str]) -> int | None:
    """Cents for a Dutch amount ("2.800,50", "€ 2.800"); a wrong one is noted for `field`."""
    if not value.strip():
        return None
    try:
        return money.parse(value)
    except money.MoneyError as exc:
        problems[field] = str(exc)
        return None


@router.post("/vacatures/nieuw", response_class=HTMLResponse)
def vacancy_submit(
    request: Request,
    form: SubmittedForm,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("vacancy.create"))],
) -> Response:
    v: dict[str, Any] = {k: text(form, k) for k in VACANCY_FIELDS}
    v["skill_uri"], v["optional_uri"] = many(form, "skill_uri"), many(form, "optional_uri")
    amount_problems: dict[str, str] = {}
    v["requirement"] = many(form, "requirement")
    lines = [*v["requirement"], *v["requirements"].splitlines()]
    body: dict[str, Any] = {
        "employerId": v["employer_id"] or None,
        "title": v["title"],
        "occupationUri": v["occupation_uri"] or None,
        "municipality": v["municipality"],
        "hoursMin": v["hours_min"] or None,
        "hoursMax": v["hours_max"] or None,
        "contractForm": v["contract_form"] or None,
        "salaryMinCents": _euro_cents(v["salary_min"], "salary_min", amount_problems),
        "salaryMaxCents": _euro_cents(v["salary_max"], "salary_max", amount_problems),
        "startDate": iso_date(v["start_date"]) or None,
        "closingDate": iso_date(v["closing_date"]) or None,
        "description": v["description"] or None,
        "essentialSkills": v["skill_uri"],
        "optionalSkills": v["optional_uri"],
        "requirements": [_requirement(line) for line in lines if line.strip()],
    }
    try:
        data = VacancyCreate.model_validate(body)
    except ValidationError as exc:
        found = _vacancy_errors(exc) | amount_problems
        return _vacancy_form(request, db, actor, v, found, 400)
    if amount_problems:
        return _vacancy_form(request, db, actor, v, amount_problems, 400)
    try:
        vacancy = service.register_vacancy(db, actor=actor, data=data)
    except errors.DomainError as exc:
        if page_raises(exc):
            raise
        return _vacancy_form(request, db, actor, v, form_messages(exc, _VACANCY_FIELDS), 400)
    return RedirectResponse(f"/vacatures/{vacancy.id}", status_code=303)


def _requirement(line: str) -> dict[str, str | None]:
    kind, _, rest = line.strip().partition(":")
    value, _, level = rest.partition(":")
    return {"kind": kind.strip(), "value": value.strip(), "level": level.strip() or None}


# Domain field names that differ from the form's.
_VACANCY_FIELDS = {"salary_min_cents": "salary_min", "salary_max_cents": "salary_max"}


def _vacancy_errors(exc: ValidationError) -> dict[str, str]:
    names = {
        "employerId": "employer_id",
        "occupationUri": "occupation_uri",
        "hoursMin": "hours_min",
        "hoursMax": "hours_max",
        "contractForm": "contract_form",
        "salaryMinCents": "salary_min",
        "salaryMaxCents": "salary_max",
        "startDate": "start_date",
        "closingDate": "closing_date",
        "essentialSkills": "skill_uri",
        "optionalSkills": "optional_uri",
    }
    errors: dict[str, str] = {}
    for err in exc.errors():
        top = str(err["loc"][0]) if err["loc"] else "algemeen"
        msg = _msg(err["msg"])
        errors.setdefault(names.get(top, top), msg)
    return errors


@router.get("/vacatures/{vacancy_id}", response_class=HTMLResponse)
def vacancy_page(
    request: Request,
    vacancy_id: int,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("vacancy.read"))],
) -> HTMLResponse:
    vacancy = service.readable_vacancy(db, actor=actor, vacancy_id=vacancy_id)
    labels = concept_labels(db, [vacancy.occupation_uri, *(s.skill_uri for s in vacancy.skills)])
    return render(
        request,
        "employers/vacancy.html",
        {
            "vac": vacancy,
            "labels": labels,
            "can_suggest": actor.can("candidate.suggestions.read"),
            "can_match": actor.can("match.read"),
            "can_analyse": actor.can("extraction.use") and actor.can("vacancy.update"),
            "can_update": actor.can("vacancy.update"),
            "can_pipeline": actor.can("introduction.read"),
            "message": request.query_params.get("melding", "")[:30],
        },
    )


@router.get("/vacatures/{vacancy_id}/kandidaten", response_class=HTMLResponse)
def suggestions_page(
    request: Request,
    vacancy_id: int,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("candidate.suggestions.read"))],
) -> HTMLResponse:
    """Anonymised candidates for the vacancy: no name, contact, age or photo."""
    vacancy = service.readable_vacancy(db, actor=actor, vacancy_id=vacancy_id)
    found = suggest_candidates(db, actor=actor, vacancy_id=vacancy_id)
    uris = [s.skill_uri for c, _ in found for s in c.skills]
    uris += [e.occupation_uri for c, _ in found for e in c.experience if e.occupation_uri]
    return render(
        request,
        "employers/suggestions.html",
        {
            "vac": vacancy,
            "found": found,
            "labels": concept_labels(db, uris),
            "vacancy_skills": {s.skill_uri for s in vacancy.skills},
        },
    )
