"""Login, logout and the landing page "Mijn dag".

Login is a local account check behind `service.authenticate`; an OIDC provider (NL GOV
profile) can be added as a second way to reach `_session_response` (see ADR 0005).
"""

from __future__ import annotations

import logging
import secrets
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from ontschot.access import panels as _panels  # noqa: F401  (registers panels)
from ontschot.access import service
from ontschot.access.actor import Actor
from ontschot.access.cookies import cookie_is_secure, set_cookie
from ontschot.access.dashboard import render_panels
from ontschot.access.deps import (
    OptionalActor,
    client_address,
    login_guard,
    rate_limiter,
    requires,
)
from ontschot.access.passwords import verify_password
from ontschot.access.sessions import (
    PRE_SESSION_COOKIE,
    SESSION_COOKIE,
    csrf_matches,
    csrf_token,
)
from ontschot.access.text import has_tricky_characters, normalise_email
from ontschot.config import Settings
from ontschot.deps import AppSettings, DbSession
from ontschot.errors import TooManyRequests
from ontschot.web.templating import render

router = APIRouter(include_in_schema=False)
log = logging.getLogger("ontschot.access")
WRONG_COMBINATION = "Onjuiste combinatie van e-mailadres en wachtwoord."
PASSWORD_MAX = 256


def safe_next(value: object) -> str:
    """Only local paths: never another host (open redirect)."""
    if (
        not isinstance(value, str)
        or not value.startswith("/")
        or value.startswith(("//", "/\\"))
        or len(value) > 300
        or has_tricky_characters(value)
        or "\\" in value
    ):
        return "/"
    return value


def _login_page(
    request: Request,
    settings: Settings,
    *,
    status: int = 200,
    email: str = "",
    next_url: str = "/",
    errors: dict[str, str] | None = None,
    notice: str = "",
) -> HTMLResponse:
    pre = request.cookies.get(PRE_SESSION_COOKIE)
    if not pre or len(pre) > 100:
        pre = secrets.token_urlsafe(32)
    request.state.csrf_token = csrf_token("pre:" + pre, settings)
    response = render(
        request,
        "access/login.html",
        {
            "email": email,
            "next_url": next_url,
            "errors": errors or {},
            "notice": notice,
        },
        status=status,
    )
    set_cookie(response, PRE_SESSION_COOKIE, pre, settings)
    return response


@router.get("/inloggen", response_class=HTMLResponse)
def login_form(request: Request, settings: AppSettings, actor: OptionalActor) -> Response:
    next_url = safe_next(request.query_params.get("next", "/"))
    if actor is not None:
        return RedirectResponse(next_url, status_code=303)
    return _login_page(request, settings, next_url=next_url)


def _form_text(form: object, name: str) -> str:
    value = form.get(name) if hasattr(form, "get") else None
    return value if isinstance(value, str) else ""


@router.post("/inloggen", response_class=HTMLResponse)
async def login_submit(request: Request, db: DbSession, settings: AppSettings) -> Response:
    form = await request.form()
    email_raw, password = _form_text(form, "email"), _form_text(form, "password")
    next_url = safe_next(_form_text(form, "next") or "/")
    shown_email = email_raw[:254] if not has_tricky_characters(email_raw) else ""
    pre = request.cookies.get(PRE_SESSION_COOKIE) or ""
    if not pre or not csrf_matches("pre:" + pre, _form_text(form, "csrf_token"), settings):
        return _login_page(
            request,
            settings,
            status=403,
            email=shown_email,
            next_url=next_url,
            notice="Het formulier was verlopen. Probeer het opnieuw.",
        )
    try:
        rate_limiter(request).hit("login", client_address(request))
    except TooManyRequests:
        return _login_page(
            request,
            settings,
            status=429,
            email=shown_email,
            next_url=next_url,
            notice="Te veel inlogpogingen vanaf dit adres. Wacht een minuut.",
        )
    errors: dict[str, str] = {}
    try:
        email = normalise_email(email_raw)
    except ValueError:
        email = ""
        errors["email"] = "Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl."
    if not password:
        errors["password"] = "Vul uw wachtwoord in."  # noqa: S105 - a message
    elif len(password) > PASSWORD_MAX:
        errors["password"] = f"Een wachtwoord heeft hoogstens {PASSWORD_MAX} tekens."
    if errors:
        return _login_page(
            request, settings, status=400, email=shown_email, next_url=next_url, errors=errors
        )
    guard = login_guard(request)
    address = client_address(request)
    locked = guard.locked_minutes(email, address)
    if locked:
        # Same hashing cost as a real attempt: the answer's timing tells nothing either.
        await run_in_threadpool(verify_password, None, password, settings)
    else:
        # Password hashing and the database work run in the thread pool, off the loop.
        result = await run_in_threadpool(
            service.log_in, db, email=email, password=password, settings=settings
        )
        if result.user is not None:
            guard.succeeded(email, address)
            assert result.session_token is not None
            return _session_response(result.session_token, settings, next_url)
        locked = guard.failed(email, address)
    message = WRONG_COMBINATION
    if locked:
        message = (
            "Te veel mislukte pogingen vanaf dit adres. Inloggen met dit e-mailadres is "
            f"geblokkeerd; probeer het over {locked} minuten opnieuw, of vraag uw beheerder "
            "om een nieuw wachtwoord."
        )
    return _login_page(
        request,
        settings,
        status=401,
        email=shown_email,
        next_url=next_url,
        errors={"password": message},
    )


def _session_response(raw: str, settings: Settings, next_url: str) -> Response:
    """Every way of logging in ends here: the fresh session id in a cookie, then redirect."""
    response = RedirectResponse(next_url, status_code=303)
    set_cookie(response, SESSION_COOKIE, raw, settings)
    response.delete_cookie(PRE_SESSION_COOKIE, path="/")
    return response


@router.post("/uitloggen")
def logout(
    request: Request, db: DbSession, settings: AppSettings, actor: OptionalActor
) -> Response:
    """End the session (the CSRF token was checked while resolving the actor)."""
    if actor is not None:
        service.log_out(db, session_token=request.cookies.get(SESSION_COOKIE))
    response = RedirectResponse("/inloggen", status_code=303)
    response.delete_cookie(
        SESSION_COOKIE,
        path="/",
        secure=cookie_is_secure(settings),
        httponly=True,
        samesite="lax",
    )
    return response


@router.get("/", response_class=HTMLResponse)
def dashboard(
    request: Request, db: DbSession, actor: Annotated[Actor, Depends(requires("dashboard.read"))]
) -> HTMLResponse:
    """Mijn dag: organisation and role, then the panels other contexts registered."""
    return render(request, "access/dashboard.html", {"panels": render_panels(db, actor)})
