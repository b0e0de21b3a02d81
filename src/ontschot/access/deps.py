"""FastAPI dependencies that decide who is acting and whether they may.

Every route declares its action: ``actor: Annotated[Actor, Depends(requires("x.read"))]``.
The dependency resolves the actor from a bearer token (``Authorization: Bearer ots_...``)
or from the session cookie (pages, and htmx calls to the API), checks CSRF on every unsafe
request that rides on the cookie, answers 401 when nobody is logged in (unless the action
is public: then it returns `Actor.visitor()`), 403 when the role may not do the action, sets
``request.state.actor`` (None for a visitor) and ``request.state.csrf_token``, and returns
the Actor. The declared action is kept on the dependency (`declared_action`) so that tests
can list every route with its action.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from ontschot.access.actor import Actor
from ontschot.access.models import AppUser
from ontschot.access.ratelimit import LoginGuard, RateLimiter
from ontschot.access.roles import PERMISSIONS, PUBLIC_ACTIONS, Role
from ontschot.access.sessions import (
    SESSION_COOKIE,
    csrf_matches,
    csrf_token,
    resolve_session,
    sha256,
)
from ontschot.access.tokens import actor_for_token, resolve_token
from ontschot.config import Settings
from ontschot.deps import DbSession
from ontschot.web.problems import ProblemError
from ontschot.web.security import API_PREFIX

ACTION_ATTRIBUTE = "declared_action"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def rate_limiter(request: Request) -> RateLimiter:
    """The app's limiter, created on first use from the settings."""
    limiter: RateLimiter | None = getattr(request.app.state, "rate_limiter", None)
    if limiter is None:
        settings: Settings = request.app.state.settings
        limiter = RateLimiter(settings.rate_limit_per_minute)
        request.app.state.rate_limiter = limiter
    return limiter


def login_guard(request: Request) -> LoginGuard:
    """The app's failed-login counter (per e-mail and client address)."""
    guard: LoginGuard | None = getattr(request.app.state, "login_guard", None)
    if guard is None:
        settings: Settings = request.app.state.settings
        guard = LoginGuard(settings.login_max_failures, settings.login_lock_minutes)
        request.app.state.login_guard = guard
    return guard


def actor_for_user(user: AppUser, via: str = "page") -> Actor:
    org = user.organisation
    return Actor(
        role=Role(user.role),
        user_id=user.id,
        organisation_id=org.id,
        display_name=user.display_name,
        organisation_name=org.name,
        organisation_kind=org.kind,
        via=via,
        region_code=org.region_code,
    )


def _bearer_actor(request: Request, db: Session, header: str) -> Actor:
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip() or len(header) > 200:
        raise ProblemError(
            400,
            "De Authorization-header moet de vorm 'Bearer <token>' hebben.",
            errors=[
                {"name": "Authorization", "in": "header", "reason": "verwacht 'Bearer <token>'"}
            ],
        )
    rate_limiter(request).hit("token", client_address(request))
    token = resolve_token(db, value.strip())
    if token is None:
        raise ProblemError(
            401,
            "Dit API-token is onbekend of ingetrokken.",
            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
        )
    return actor_for_token(token)


async def _check_csrf(request: Request, binding: str, settings: Settings) -> None:
    if request.method in SAFE_METHODS:
        return
    sent = request.headers.get("X-CSRF-Token")
    if sent is None and request.headers.get("content-type", "").startswith(FORM_TYPES):
        value = (await request.form()).get("csrf_token")
        sent = value if isinstance(value, str) else None
    if not csrf_matches(binding, sent, settings):
        raise ProblemError(403, "Het formulier is verlopen of ongeldig. Laad de pagina opnieuw.")


def _session_actor(db: Session, raw: str | None, settings: Settings, via: str) -> Actor | None:
    session = resolve_session(db, raw, settings)
    return None if session is None else actor_for_user(session.user, via=via)


async def resolve_actor(request: Request, db: Session) -> Actor | None:
    """The logged-in actor of this request, or None. Checks CSRF for cookie sessions.

    The database work runs in the thread pool: a dependency on the event loop that waits
    for a connection would stop every other request (and the health check) meanwhile.
    """
    settings: Settings = request.app.state.settings
    header = request.headers.get("Authorization")
    if header is not None:
        return await run_in_threadpool(_bearer_actor, request, db, header)
    raw = request.cookies.get(SESSION_COOKIE)
    if not raw:
        return None  # no cookie, no session: nothing to look up
    via = "api" if request.url.path.startswith(API_PREFIX) else "page"
    actor = await run_in_threadpool(_session_actor, db, raw, settings, via)
    if actor is None:
        return None
    binding = sha256(raw or "")
    request.state.csrf_token = csrf_token(binding, settings)
    await _check_csrf(request, binding, settings)
    return actor


def requires(action: str) -> Callable[..., Awaitable[Actor]]:
    """Dependency for a route that performs `action` (a key of access.roles.PERMISSIONS)."""
    if action not in PERMISSIONS and action not in PUBLIC_ACTIONS:
        raise KeyError(f"undeclared action {action!r}: add it to access.roles.PERMISSIONS")

    async def dependency(request: Request, db: DbSession) -> Actor:
        actor = await resolve_actor(request, db)
        request.state.actor = actor
        request.state.action = action
        if actor is None:
            if action in PUBLIC_ACTIONS:
                return Actor.visitor()
            raise ProblemError(401, "U bent niet ingelogd.", headers={"WWW-Authenticate": "Bearer"})
        actor.require(action)
        return actor

    setattr(dependency, ACTION_ATTRIBUTE, action)
    dependency.__name__ = f"requires_{action.replace('.', '_')}"
    return dependency


def declared_actions(dependant: Any) -> list[str]:
    """Actions declared with `requires` anywhere in a route's dependency tree."""
    found = []
    for dep in getattr(dependant, "dependencies", []):
        action = getattr(dep.call, ACTION_ATTRIBUTE, None)
        if action is not None:
            found.append(action)
        found.extend(declared_actions(dep))
    return found


async def _logged_in(request: Request, db: DbSession) -> Actor:
    actor = await resolve_actor(request, db)
    request.state.actor = actor
    if actor is None:
        raise ProblemError(401, "U bent niet ingelogd.", headers={"WWW-Authenticate": "Bearer"})
    return actor


async def _optional(request: Request, db: DbSession) -> Actor | None:
    actor = await resolve_actor(request, db)
    request.state.actor = actor
    return actor


# For pages whose service checks the action itself (e.g. the landing page). API routes must
# use `requires(...)`: the permission-matrix test fails for a route without a declared action.
CurrentActor = Annotated[Actor, Depends(_logged_in)]
OptionalActor = Annotated[Actor | None, Depends(_optional)]


def route_actions(app: Any) -> list[tuple[str, str, list[str]]]:
    """(method, path, declared actions) for every route of `app`, for permission tests."""
    from fastapi.routing import iter_route_contexts

    rows = []
    for context in iter_route_contexts(app.routes):
        dependant = getattr(context, "dependant", None)
        if dependant is None or not context.path:
            continue
        for method in sorted(context.methods or ()):
            if method != "HEAD":
                rows.append((method, context.path, declared_actions(dependant)))
    return rows
