"""Beheer: a partner administrator manages the users and API tokens of the organisation."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ontschot.access import service, tokens
from ontschot.access.actor import Actor, NavItem, register_navigation
from ontschot.access.deps import login_guard, requires
from ontschot.access.roles import PERMISSIONS, PUBLIC_ACTIONS, ROLE_LABELS_NL, Role
from ontschot.access.schemas import UserCreate
from ontschot.deps import AppSettings, DbSession
from ontschot.errors import DomainError, NotFound
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
    "organisationId": "role",
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


def _admin_page(
    request: Request, db: Session, actor: Actor, *, status: int = 200, **extra: Any
) -> HTMLResponse:
    users = service.list_users(db, actor=actor)
    token_rows = tokens.list_tokens(db, actor=actor) if actor.can("api_token.read") else []
    context: dict[str, Any] = {
        "users": users,
        "tokens": token_rows,
        "roles": _assignable_roles(actor),
        "role_labels": {r.value: label for r, label in ROLE_LABELS_NL.items()},
        "token_actions": _token_actions(),
        "is_locked": service.is_locked,
        "user_errors": {},
        "user_form": {},
        "token_errors": {},
        "token_form": {},
        "password_errors": {},
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
async def admin_create_user(
    request: Request,
    db: DbSession,
    settings: AppSettings,
    actor: Annotated[Actor, Depends(requires("user.create"))],
) -> Response:
    form = await request.form()
    values = {k: _text(form, k) for k in ("email", "display_name", "role", "password")}
    try:
        data = UserCreate(
            email=values["email"],
            display_name=values["display_name"],
            role=values["role"],
            password=values["password"] or None,
        )
        service.create_user(db, actor=actor, data=data, settings=settings)
    except ValidationError as exc:
        errors = {
            FIELD_NAMES.get(str(e["loc"][0]) if e["loc"] else "", "algemeen"): str(
                e["msg"]
            ).removeprefix("Value error, ")
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
    return RedirectResponse("/beheer?melding=gebruiker-geblokkeerd", status_code=303)


@router.post("/beheer/gebruikers/{user_id}/wachtwoord", response_class=HTMLResponse)
async def admin_reset_password(
    user_id: int,
    request: Request,
    db: DbSession,
    settings: AppSettings,
    actor: Annotated[Actor, Depends(requires("user.update"))],
) -> Response:
    form = await request.form()
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
        return _admin_page(
            request,
            db,
            actor,
            status=status_of(exc),
            password_errors={user_id: " ".join(_errors_from(exc).values())},
        )
    return RedirectResponse("/beheer?melding=wachtwoord-gewijzigd", status_code=303)


@router.post("/beheer/tokens", response_class=HTMLResponse)
async def admin_create_token(
    request: Request,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("api_token.create"))],
) -> Response:
    form = await request.form()
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
