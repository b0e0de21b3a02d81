"""Beheer: a partner administrator manages the users and API tokens of the organisation."""

from __future__ import annotations

from math import ceil
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from pydantic.alias_generators import to_snake
from sqlalchemy.orm import Session

from ontschot.access import service, tokens
from ontschot.access.actor import Actor, NavItem, register_navigation
from ontschot.access.deps import login_guard, requires
from ontschot.access.models import ORGANISATION_KIND_LABELS_NL, AppUser
from ontschot.access.roles import PERMISSIONS, PUBLIC_ACTIONS, ROLE_LABELS_NL, Role
from ontschot.access.schemas import OrganisationCreate, UserCreate
from ontschot.deps import AppSettings, DbSession, SubmittedForm
from ontschot.errors import Conflict, DomainError, NotFound
from ontschot.messages import dutch_message
from ontschot.web.problems import ProblemError, camel, page_raises, status_of
from ontschot.web.templating import render

router = APIRouter(include_in_schema=False)
for _role in (Role.PARTNER_ADMIN, Role.SYSTEM_ADMIN):
    register_navigation(_role, NavItem("/beheer", "Beheer"))

FIELD_NAMES = {
    "email": "email",
    "displayName": "display_name",
    "display_name": "display_name",
    "role": "role",
    "password": "password",
    "newPassword": "password",
    "name": "name",
    "actions": "actions",
    "organisationId": "organisation_id",
    "organisation_id": "organisation_id",
}


def _text(form: Any, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


def _errors_from(exc: DomainError) -> dict[str, str]:
    errors = {FIELD_NAMES.get(camel(name), "algemeen"): r for name, r in exc.fields.items()}
    return errors or {"algemeen": exc.detail}


def _assignable_roles(actor: Actor) -> list[tuple[str, str]]:
    return [
        (role.value, ROLE_LABELS_NL[role])
        for role in Role
        if role != Role.SYSTEM_ADMIN or actor.role == Role.SYSTEM_ADMIN
    ]


def _token_actions() -> list[str]:
    return sorted(a for a in PERMISSIONS if a not in PUBLIC_ACTIONS and PERMISSIONS[a])


USERS_PER_PAGE = 25


def _find_users(users: list[AppUser], params: Any) -> tuple[list[AppUser], dict[str, str]]:
    """The users matching the search box and filters of the page; the filters as shown.

    The service returns every user in the actor's scope (hundreds in a region); the page
    narrows that list, so one query and one log entry serve any search."""
    wanted = {k: str(params.get(k, ""))[:100].strip() for k in ("zoek", "organisatie", "rol")}
    needle = wanted["zoek"].casefold()
    found = [
        u
        for u in users
        if (not needle or needle in u.display_name.casefold() or needle in u.email.casefold())
        and (not wanted["organisatie"] or str(u.organisation_id) == wanted["organisatie"])
        and (not wanted["rol"] or u.role == wanted["rol"])
    ]
    return found, wanted


def _admin_page(
    request: Request, db: Session, actor: Actor, *, status: int = 200, **extra: Any
) -> HTMLResponse:
    users, filters = _find_users(service.list_users(db, actor=actor), request.query_params)
    page_raw = request.query_params.get("pagina", "1")
    pages = max(1, ceil(len(users) / USERS_PER_PAGE))
    page = min(int(page_raw), pages) if page_raw.isdigit() and 0 < len(page_raw) < 6 else 1
    page = max(page, 1)
    orgs = service.list_organisations(db, actor=actor) if actor.can("organisation.read") else []
    token_rows = tokens.list_tokens(db, actor=actor) if actor.can("api_token.read") else []
    context: dict[str, Any] = {
        "users": users[(page - 1) * USERS_PER_PAGE : page * USERS_PER_PAGE],
        "user_total": len(users),
        "page": page,
        "pages": pages,
        "filters": filters,
        "organisations": orgs,
        "org_names": {o.id: o.name for o in orgs},
        "org_choices": [(str(o.id), o.name) for o in orgs],
        "kind_choices": [(k.value, label) for k, label in ORGANISATION_KIND_LABELS_NL.items()],
        "can_manage_orgs": actor.can("organisation.create"),
        "tokens": token_rows,
        "roles": _assignable_roles(actor),
        "role_labels": {r.value: label for r, label in ROLE_LABELS_NL.items()},
        "token_actions": _token_actions(),
        "is_locked": service.is_locked,
        "user_errors": {},
        "user_form": {"organisation_id": str(actor.organisation_id or "")},
        "org_errors": {},
        "org_form": {},
        "token_errors": {},
        "token_form": {},
        "new_token": None,
        "message": "",
    }
    context.update(extra)
    return render(request, "access/admin.html", context, status=status)


@router.get("/beheer", response_class=HTMLResponse)
def admin_home(
    request: Request, db: DbSession, actor: Annotated[Actor, Depends(requires("user.read"))]
) -> HTMLResponse:
    return _admin_page(request, db, actor, message=request.query_params.get("melding", "")[:40])


@router.post("/beheer/gebruikers", response_class=HTMLResponse)
def admin_create_user(
    request: Request,
    form: SubmittedForm,
    db: DbSession,
    settings: AppSettings,
    actor: Annotated[Actor, Depends(requires("user.create"))],
) -> Response:
    fields = ("email", "display_name", "role", "password", "organisation_id")
    values = {k: _text(form, k) for k in fields}
    org_id = values["organisation_id"]
    try:
        data = UserCreate(
            email=values["email"],
            display_name=values["display_name"],
            role=values["role"],
            password=values["password"] or None,
            organisation_id=int(org_id) if org_id.isdigit() and len(org_id) < 10 else None,
        )
        service.create_user(db, actor=actor, data=data, settings=settings)
    except ValidationError as exc:
        errors = {
            FIELD_NAMES.get(str(e["loc"][0]) if e["loc"] else "", "algemeen"): dutch_message(
                str(e["msg"])
            )
            for e in exc.errors()
        }
        return _admin_page(
            request, db, actor, status=400, user_errors=errors, user_form=values | {"password": ""}
        )
    except DomainError as exc:
        if page_raises(exc):
            raise
        return _admin_page(
            request,
            db,
            actor,
            status=status_of(exc),
            user_errors=_errors_from(exc),
            user_form=values | {"password": ""},
        )
    return RedirectResponse("/beheer?melding=gebruiker-aangemaakt", status_code=303)


@router.post("/beheer/gebruikers/{user_id}/blokkeren")
def admin_disable_user(
    user_id: int, db: DbSession, actor: Annotated[Actor, Depends(requires("user.update"))]
) -> Response:
    service.disable_user(db, actor=actor, user_id=user_id)
    return RedirectResponse(
        f"/beheer/gebruikers/{user_id}?melding=gebruiker-geblokkeerd", status_code=303
    )


@router.post("/beheer/gebruikers/{user_id}/wachtwoord", response_class=HTMLResponse)
def admin_reset_password(
    user_id: int,
    request: Request,
    form: SubmittedForm,
    db: DbSession,
    settings: AppSettings,
    actor: Annotated[Actor, Depends(requires("user.update"))],
) -> Response:
    try:
        user = service.reset_password(
            db,
            actor=actor,
            user_id=user_id,
            new_password=_text(form, "new_password"),
            settings=settings,
        )
        login_guard(request).forget(user.email)
    except DomainError as exc:
        if page_raises(exc) or isinstance(exc, NotFound):
            raise
        errors = {"new_password": " ".join(_errors_from(exc).values())}
        return _user_page(request, db, actor, user_id, status=status_of(exc), errors=errors)
    return RedirectResponse(
        f"/beheer/gebruikers/{user_id}?melding=wachtwoord-gewijzigd", status_code=303
    )


def _user_page(
    request: Request,
    db: Session,
    actor: Actor,
    user_id: int,
    *,
    status: int = 200,
    errors: dict[str, str] | None = None,
) -> HTMLResponse:
    user = service.get_user(db, actor=actor, user_id=user_id)
    context = {
        "user": user,
        "roles": _assignable_roles(actor),
        "role_labels": {r.value: label for r, label in ROLE_LABELS_NL.items()},
        "is_locked": service.is_locked(user),
        "errors": errors or {},
        "v": {"role": user.role},
        "message": request.query_params.get("melding", "")[:40],
    }
    return render(request, "access/user.html", context, status=status)


@router.get("/beheer/gebruikers/{user_id}", response_class=HTMLResponse)
def admin_user(
    request: Request,
    user_id: int,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("user.read"))],
) -> HTMLResponse:
    """One user: role, password and blocking, instead of a form on every row of the list."""
    return _user_page(request, db, actor, user_id)


@router.post("/beheer/gebruikers/{user_id}/rol", response_class=HTMLResponse)
def admin_change_role(
    user_id: int,
    request: Request,
    form: SubmittedForm,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("user.update"))],
) -> Response:
    role = _text(form, "role")
    if role not in {r.value for r in Role}:
        errors = {"role": "Kies een van de rollen."}
        return _user_page(request, db, actor, user_id, status=400, errors=errors)
    try:
        service.change_role(db, actor=actor, user_id=user_id, role=Role(role))
    except Conflict as exc:
        return _user_page(request, db, actor, user_id, status=409, errors=_errors_from(exc))
    return RedirectResponse(f"/beheer/gebruikers/{user_id}?melding=rol-gewijzigd", status_code=303)


@router.post("/beheer/organisaties", response_class=HTMLResponse)
def admin_create_organisation(
    request: Request,
    form: SubmittedForm,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("organisation.create"))],
) -> Response:
    values = {k: _text(form, k) for k in ("name", "kind", "region_code", "region_name")}
    try:
        data = OrganisationCreate.model_validate(values)
        service.create_organisation(db, actor=actor, data=data)
    except ValidationError as exc:
        errors = {
            to_snake(str(e["loc"][0])) if e["loc"] else "algemeen": dutch_message(str(e["msg"]))
            for e in exc.errors()
        }
        return _admin_page(request, db, actor, status=400, org_errors=errors, org_form=values)
    except Conflict as exc:
        found = dict(exc.fields) or {"algemeen": exc.detail}
        return _admin_page(request, db, actor, status=409, org_errors=found, org_form=values)
    return RedirectResponse("/beheer?melding=organisatie-aangemaakt", status_code=303)


@router.post("/beheer/tokens", response_class=HTMLResponse)
def admin_create_token(
    request: Request,
    form: SubmittedForm,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("api_token.create"))],
) -> Response:
    name, role = _text(form, "name"), _text(form, "role")
    actions = [a for a in form.getlist("actions") if isinstance(a, str)][:200]
    if actor.organisation_id is None:
        raise ProblemError(400, "U hoort bij geen organisatie.")
    try:
        token, raw = tokens.create_token(
            db,
            actor=actor,
            organisation_id=actor.organisation_id,
            name=name,
            role=role,
            actions=actions,
        )
    except DomainError as exc:
        if page_raises(exc):
            raise
        return _admin_page(
            request,
            db,
            actor,
            status=status_of(exc),
            token_errors=_errors_from(exc),
            token_form={"name": name, "role": role, "actions": actions},
        )
    return _admin_page(request, db, actor, new_token={"name": token.name, "value": raw})


@router.post("/beheer/tokens/{token_id}/intrekken")
def admin_revoke_token(
    token_id: int, db: DbSession, actor: Annotated[Actor, Depends(requires("api_token.revoke"))]
) -> Response:
    tokens.revoke_token(db, actor=actor, token_id=token_id)
    return RedirectResponse("/beheer?melding=token-ingetrokken", status_code=303)
