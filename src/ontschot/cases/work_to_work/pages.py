"""Dutch pages for work-to-work: an employer (or an employer adviser, also for a sector
fund) registers employees at risk, several at once, and follows their trajectories."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot import clock, errors
from ontschot.access.actor import Actor, NavItem, register_navigation
from ontschot.access.deps import requires
from ontschot.access.roles import Role, Scope
from ontschot.cases import flows
from ontschot.cases.work_to_work import reads
from ontschot.cases.work_to_work.schemas import AtRiskRegistration, AtRiskReport
from ontschot.chains.models import Chain, FunctionProfile
from ontschot.deps import DbSession, SubmittedForm
from ontschot.employers.models import Employer
from ontschot.messages import dutch_message
from ontschot.people.forms import text
from ontschot.web.problems import form_messages, page_raises
from ontschot.web.templating import render

router = APIRouter(include_in_schema=False)
for _role in (Role.EMPLOYER, Role.EMPLOYER_ADVISER):
    register_navigation(_role, NavItem("/werk-naar-werk", "Van werk naar werk"))
Reader = Annotated[Actor, Depends(requires("work_to_work.read"))]
Registrar = Annotated[Actor, Depends(requires("work_to_work.register"))]
ROWS = 5
ROW_FIELDS = (
    "first_name",
    "last_name",
    "birth_date",
    "municipality",
    "job_title",
    "occupation_uri",
    "hours_per_week",
    "job_ends_on",
    "agreed",
)
ROW_FIELD_NAMES = {
    "first_name": "Voornaam",
    "last_name": "Achternaam",
    "birth_date": "Geboortedatum",
    "municipality": "Woonplaats (gemeente)",
    "job_title": "Functie nu",
    "occupation_uri": "Beroep",
    "hours_per_week": "Uren per week",
    "job_ends_on": "Laatste werkdag",
    "agreed": "Instemming",
}
MODE_CHOICES = [
    ("all_or_nothing", "Alles of niets: bij één fout wordt niemand aangemeld"),
    ("per_row", "Per regel: goede regels worden aangemeld, de rest krijgt een melding"),
]
STATE_NAMES = {"open": "loopt", "suspended": "opgeschort", "closed": "afgesloten"}


def _employers(db: Session, actor: Actor) -> list[Employer]:
    query = select(Employer).order_by(Employer.name).limit(500)
    if actor.scope("work_to_work.register") == Scope.OWN:
        query = query.where(Employer.organisation_id == actor.organisation_id)
    return list(db.scalars(query))


def _chains(db: Session, actor: Actor) -> list[Chain]:
    query = select(Chain).where(Chain.is_active.is_(True)).order_by(Chain.name)
    if actor.region_code:
        query = query.where(Chain.region_code == actor.region_code)
    return list(db.scalars(query))


def _profiles(db: Session) -> dict[str, FunctionProfile]:
    """Occupations agreed in the chains' function profiles, with the skills that count."""
    found: dict[str, FunctionProfile] = {}
    for profile in db.scalars(select(FunctionProfile).order_by(FunctionProfile.title)):
        found.setdefault(profile.occupation_uri, profile)
    return found


def _page(
    request: Request,
    db: Session,
    actor: Actor,
    *,
    v: dict[str, str] | None = None,
    errs: dict[str, str] | None = None,
    report: AtRiskReport | None = None,
    status: int = 200,
) -> HTMLResponse:
    can_register = actor.can("work_to_work.register")
    employers = _employers(db, actor) if can_register else []
    profiles = _profiles(db) if can_register else {}
    names = {
        "employer_id": "Werkgever",
        "chain_id": "Keten",
        "fund_name": "Namens sectorfonds",
        "mode": "Hoe aanmelden",
        "coach_user_id": "Coach",
    } | {
        f"r{i}_{name}": f"Werknemer {i}, {label.lower()}"
        for i in range(1, ROWS + 1)
        for name, label in ROW_FIELD_NAMES.items()
    }
    return render(
        request,
        "cases/work_to_work.html",
        {
            "rows": reads.list_at_risk(db, actor=actor),
            "can_register": can_register,
            "is_adviser": actor.role != Role.EMPLOYER,
            "employer_choices": [(str(e.id), e.name) for e in employers],
            "chain_choices": [(str(c.id), c.name) for c in _chains(db, actor)],
            "occupation_choices": [(uri, p.title) for uri, p in profiles.items()],
            "mode_choices": MODE_CHOICES,
            "row_count": ROWS,
            # rows 2 and further stay folded unless something was typed or is wrong there
            "extra_open": any(
                value
                for key, value in {**(v or {}), **(errs or {})}.items()
                if key[:1] == "r" and key[1:2].isdigit() and key[1:2] != "1"
            ),
            "row_field_names": ROW_FIELD_NAMES,
            "error_names": names,
            "state_names": STATE_NAMES,
            "report": report,
            "v": v or {},
            "errors": errs or {},
            "today": clock.today().isoformat(),
            "message": request.query_params.get("melding", ""),
            "count": request.query_params.get("aantal", ""),
        },
        status=status,
    )


@router.get("/werk-naar-werk", response_class=HTMLResponse)
def work_to_work(request: Request, db: DbSession, actor: Reader) -> HTMLResponse:
    return _page(request, db, actor)


def _row_is_blank(v: dict[str, str], i: int) -> bool:
    return not any(v.get(f"r{i}_{name}") for name in ROW_FIELDS if name != "agreed")


def _body(db: Session, v: dict[str, str]) -> tuple[dict[str, Any], list[int]]:
    profiles = _profiles(db)
    employees, numbers = [], []
    for i in range(1, ROWS + 1):
        if _row_is_blank(v, i):
            continue
        occupation = v.get(f"r{i}_occupation_uri") or None
        profile = profiles.get(occupation or "")
        employees.append(
            {
                "firstName": v[f"r{i}_first_name"],
                "lastName": v[f"r{i}_last_name"],
                "birthDate": v[f"r{i}_birth_date"] or None,
                "municipality": v[f"r{i}_municipality"],
                "jobTitle": v[f"r{i}_job_title"],
                "occupationUri": occupation,
                # the skills that count in the chain's function profile for this occupation
                "skills": list(profile.skill_uris)[:100] if profile else [],
                "hoursPerWeek": v[f"r{i}_hours_per_week"] or None,
                "jobEndsOn": v[f"r{i}_job_ends_on"] or None,
                "agreed": v[f"r{i}_agreed"] == "ja",
            }
        )
        numbers.append(i)
    body = {
        "employerId": v["employer_id"] or None,
        "chainId": v["chain_id"] or None,
        "fundName": v["fund_name"] or None,
        "mode": v["mode"] or "all_or_nothing",
        "employees": employees,
    }
    return body, numbers


def _snake(name: str) -> str:
    return "".join("_" + ch.lower() if ch.isupper() else ch for ch in name)


def _validation_errors(exc: ValidationError, numbers: list[int]) -> dict[str, str]:
    found: dict[str, str] = {}
    for err in exc.errors():
        loc = err["loc"]
        if len(loc) >= 3 and loc[0] == "employees" and isinstance(loc[1], int):
            name = f"r{numbers[loc[1]]}_{_snake(str(loc[2]))}"
        elif loc and loc[0] == "employees":
            name = "algemeen"
        else:
            name = _snake(str(loc[0])) if loc else "algemeen"
        found.setdefault(name, dutch_message(err["msg"]))
    if "algemeen" in found and not any(k.startswith("r") for k in found):
        found["algemeen"] = "Vul ten minste één werknemer in."
    return found


def _domain_errors(exc: errors.DomainError, numbers: list[int]) -> dict[str, str]:
    found: dict[str, str] = {}
    for key, why in form_messages(exc).items():
        parts = key.split(".")
        if len(parts) == 3 and parts[0] == "employees":
            found[f"r{numbers[int(parts[1]) - 1]}_{parts[2]}"] = why
        else:
            found[key] = why
    return found


@router.post("/werk-naar-werk", response_class=HTMLResponse)
def register(request: Request, form: SubmittedForm, db: DbSession, actor: Registrar) -> Response:
    names = ["employer_id", "chain_id", "fund_name", "mode"] + [
        f"r{i}_{name}" for i in range(1, ROWS + 1) for name in ROW_FIELDS
    ]
    v = {name: text(form, name) for name in names}
    employers = _employers(db, actor)
    if actor.role == Role.EMPLOYER and len(employers) == 1:
        v["employer_id"] = str(employers[0].id)
    body, numbers = _body(db, v)
    try:
        data = AtRiskRegistration.model_validate(body)
        report = flows.register_employees_at_risk(db, actor=actor, data=data)
    except ValidationError as exc:
        errs = _validation_errors(exc, numbers)
    except errors.DomainError as exc:
        if page_raises(exc):
            raise
        errs = _domain_errors(exc, numbers)
    else:
        if not report.refused:
            return RedirectResponse(
                f"/werk-naar-werk?melding=aangemeld&aantal={len(report.registered)}",
                status_code=303,
            )
        for refused in report.refused:
            refused.row = numbers[refused.row - 1]
        for done in report.registered:
            done.row = numbers[done.row - 1]
        return _page(request, db, actor, report=report)
    return _page(request, db, actor, v=v, errs=errs, status=400)
