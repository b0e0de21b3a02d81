"""Dutch pages for sector chains and chain types: everyone reads, programme managers edit."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ontschot import errors
from ontschot.access.actor import Actor, NavItem, register_navigation
from ontschot.access.deps import requires
from ontschot.access.models import AppUser, Organisation
from ontschot.access.roles import Role
from ontschot.cases.trajectories.models import Trajectory
from ontschot.chains import service
from ontschot.chains.schemas import ChainTypeVersionCreate, ChainUpdate, FunctionProfileCreate
from ontschot.chains.views import partner_names
from ontschot.deps import DbSession, SubmittedForm
from ontschot.messages import dutch_message
from ontschot.people.forms import many, text
from ontschot.people.labels import concept_labels
from ontschot.web.problems import form_messages, page_raises
from ontschot.web.templating import render

router = APIRouter(include_in_schema=False)
for _role in (Role.COACH, Role.EMPLOYER_ADVISER, Role.PROGRAMME_MANAGER, Role.SYSTEM_ADMIN):
    register_navigation(_role, NavItem("/ketens", "Ketens"))
Reader = Annotated[Actor, Depends(requires("chain.read"))]
Manager = Annotated[Actor, Depends(requires("chain.manage"))]
CHAIN_FIELDS = (
    "name",
    "sector",
    "capacity",
    "intake_criteria",
    "description",
    "coordinator_user_id",
)
PROFILE_FIELDS = ("title", "occupation_uri", "learn_on_job", "entry_route", "agreed_with")


def _errors(exc: ValidationError) -> dict[str, str]:
    out: dict[str, str] = {}
    for err in exc.errors():
        top = str(err["loc"][0]) if err["loc"] else "algemeen"
        name = "".join("_" + c.lower() if c.isupper() else c for c in top)
        out.setdefault(name, dutch_message(err["msg"]))
    return out


@router.get("/ketens", response_class=HTMLResponse)
def chain_list(request: Request, db: DbSession, actor: Reader) -> HTMLResponse:
    chains = service.list_chains(db, actor=actor)
    counts: dict[int, int] = {
        chain_id: n
        for chain_id, n in db.execute(
            select(Trajectory.chain_id, func.count())
            .where(Trajectory.state != "closed")
            .group_by(Trajectory.chain_id)
        ).all()
    }
    return render(
        request,
        "chains/list.html",
        {
            "chains": chains,
            "counts": counts,
            "types": service.list_chain_types(db, actor=actor),
            "can_manage": actor.can("chain.manage"),
        },
    )


def _chain_page(
    request: Request,
    db: Session,
    actor: Actor,
    chain_id: int,
    *,
    form: str = "",
    v: dict[str, Any] | None = None,
    errs: dict[str, str] | None = None,
) -> HTMLResponse:
    chain = service.readable_chain(db, actor=actor, chain_id=chain_id)
    chain_type = service.current_type(db, chain.chain_type_key)
    uris = [
        u
        for p in chain.profiles
        for u in (p.occupation_uri, *p.skill_uris, *p.learnable_skill_uris)
    ]
    coordinator = db.get(AppUser, chain.coordinator_user_id) if chain.coordinator_user_id else None
    can_manage = actor.can("chain.manage")
    users: list[Any] = []
    if can_manage:
        query = (
            select(AppUser.id, AppUser.display_name, Organisation.name)
            .join(Organisation, Organisation.id == AppUser.organisation_id)
            .where(AppUser.is_active, Organisation.region_code == chain.region_code)
            .where(
                AppUser.role.in_(
                    [Role.PROGRAMME_MANAGER.value, Role.COACH.value, Role.EMPLOYER_ADVISER.value]
                )
            )
            .order_by(AppUser.display_name)
            .limit(400)
        )
        users = [(str(i), f"{n} ({o})") for i, n, o in db.execute(query)]
    current = {k: "" if getattr(chain, k) is None else str(getattr(chain, k)) for k in CHAIN_FIELDS}
    return render(
        request,
        "chains/chain.html",
        {
            "chain": chain,
            "chain_type": chain_type,
            "names": partner_names(db, [chain]),
            "labels": concept_labels(db, uris),
            "coordinator": coordinator,
            "can_manage": can_manage,
            "users": users,
            "form": form,
            "v": v if v is not None and form == "chain" else current,
            "pv": v if v is not None and form == "profile" else {},
            "errors": errs or {},
        },
        status=400 if errs else 200,
    )


@router.get("/ketens/{chain_id}", response_class=HTMLResponse)
def chain_page(request: Request, chain_id: int, db: DbSession, actor: Reader) -> HTMLResponse:
    return _chain_page(request, db, actor, chain_id)


@router.post("/ketens/{chain_id}", response_class=HTMLResponse)
def chain_update(
    request: Request, chain_id: int, form: SubmittedForm, db: DbSession, actor: Manager
) -> Response:
    v = {k: text(form, k) for k in CHAIN_FIELDS}
    try:
        data = ChainUpdate.model_validate(
            {
                "name": v["name"],
                "sector": v["sector"],
                "capacity": v["capacity"] or None,
                "intakeCriteria": v["intake_criteria"] or None,
                "description": v["description"] or None,
                "coordinatorUserId": v["coordinator_user_id"] or None,
            }
        )
        service.update_chain(db, actor=actor, chain_id=chain_id, data=data)
    except ValidationError as exc:
        return _chain_page(request, db, actor, chain_id, form="chain", v=v, errs=_errors(exc))
    except errors.DomainError as exc:
        if page_raises(exc) or isinstance(exc, errors.NotFound):
            raise
        return _chain_page(request, db, actor, chain_id, form="chain", v=v, errs=form_messages(exc))
    return RedirectResponse(f"/ketens/{chain_id}?melding=opgeslagen", status_code=303)


@router.post("/ketens/{chain_id}/functieprofielen", response_class=HTMLResponse)
def profile_add(
    request: Request, chain_id: int, form: SubmittedForm, db: DbSession, actor: Manager
) -> Response:
    v: dict[str, Any] = {k: text(form, k) for k in PROFILE_FIELDS}
    v["skill_uri"], v["learnable_uri"] = many(form, "skill_uri"), many(form, "learnable_uri")
    try:
        data = FunctionProfileCreate.model_validate(
            {
                "title": v["title"],
                "occupationUri": v["occupation_uri"],
                "skillUris": v["skill_uri"],
                "learnableSkillUris": v["learnable_uri"],
                "learnOnJob": v["learn_on_job"] or None,
                "entryRoute": v["entry_route"] or None,
                "agreedWith": v["agreed_with"] or None,
            }
        )
        service.add_function_profile(db, actor=actor, chain_id=chain_id, data=data)
    except ValidationError as exc:
        return _chain_page(request, db, actor, chain_id, form="profile", v=v, errs=_errors(exc))
    except errors.DomainError as exc:
        if page_raises(exc) or isinstance(exc, errors.NotFound):
            raise
        names = {"skill_uris": "skill_uri", "learnable_skill_uris": "learnable_uri"}
        return _chain_page(
            request, db, actor, chain_id, form="profile", v=v, errs=form_messages(exc, names)
        )
    return RedirectResponse(f"/ketens/{chain_id}?melding=profiel", status_code=303)


def _type_page(
    request: Request,
    db: Session,
    actor: Actor,
    key: str,
    v: dict[str, Any] | None = None,
    errs: dict[str, str] | None = None,
) -> HTMLResponse:
    versions = service.chain_type_versions(db, actor=actor, key=key)
    current = versions[0]
    if v is None:
        v = {"name": current.name, "phases": [], "work": "", "other": ""}
        for phase in current.phases:
            v["phases"].append(
                {
                    "name": phase.name,
                    "needs_employer": phase.needs_employer,
                    "statuses": "\n".join(s.name for s in phase.statuses),
                }
            )
        v["work"] = "\n".join(r.name for r in current.results if r.is_work)
        v["other"] = "\n".join(r.name for r in current.results if not r.is_work)
    v["phases"] = [*v["phases"], {"name": "", "needs_employer": False, "statuses": ""}][:6]
    return render(
        request,
        "chains/chain_type.html",
        {
            "versions": versions,
            "key": key,
            "v": v,
            "errors": errs or {},
            "can_manage": actor.can("chain.manage"),
            "message": request.query_params.get("melding", ""),
        },
        status=400 if errs else 200,
    )


@router.get("/ketentypen/{key}", response_class=HTMLResponse)
def chain_type_page(request: Request, key: str, db: DbSession, actor: Reader) -> HTMLResponse:
    return _type_page(request, db, actor, key[:40])


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


@router.post("/ketentypen/{key}", response_class=HTMLResponse)
def chain_type_revise(
    request: Request, key: str, form: SubmittedForm, db: DbSession, actor: Manager
) -> Response:
    key = key[:40]
    phases: list[dict[str, Any]] = []
    for n in range(6):
        name = text(form, f"phase_name_{n}")
        statuses = text(form, f"phase_statuses_{n}")
        if name or statuses:
            phases.append(
                {
                    "name": name,
                    "needs_employer": text(form, f"phase_employer_{n}") == "ja",
                    "statuses": statuses,
                }
            )
    v: dict[str, Any] = {
        "name": text(form, "name"),
        "phases": phases,
        "work": text(form, "work"),
        "other": text(form, "other"),
    }
    body = {
        "name": v["name"],
        "phases": [
            {
                "name": p["name"],
                "needsEmployer": p["needs_employer"],
                "statuses": _lines(p["statuses"]),
            }
            for p in phases
        ],
        "results": [{"name": r, "isWork": True} for r in _lines(v["work"])]
        + [{"name": r, "isWork": False} for r in _lines(v["other"])],
    }
    try:
        data = ChainTypeVersionCreate.model_validate(body)
        service.revise_chain_type(db, actor=actor, key=key, data=data)
    except ValidationError as exc:
        found: dict[str, str] = {}
        for err in exc.errors():
            top = str(err["loc"][0]) if err["loc"] else "algemeen"
            name = {"phases": "phases", "results": "work", "name": "name"}.get(top, "algemeen")
            found.setdefault(name, dutch_message(err["msg"]))
        return _type_page(request, db, actor, key, v, found)
    except errors.DomainError as exc:
        if page_raises(exc) or isinstance(exc, errors.NotFound):
            raise
        return _type_page(request, db, actor, key, v, form_messages(exc))
    return RedirectResponse(f"/ketentypen/{key}?melding=nieuwe-versie", status_code=303)
