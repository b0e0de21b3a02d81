"""Factories for test data. Shared by every context: add functions, don't rewrite others'."""

from __future__ import annotations

import itertools
import secrets
from collections.abc import Iterable
from typing import Any

from sqlalchemy.orm import Session

from ontschot.access.models import ApiToken, AppUser, Organisation
from ontschot.access.passwords import hash_password
from ontschot.access.roles import Role, scope_for
from ontschot.access.sessions import SESSION_COOKIE, csrf_token, sha256, start_session
from ontschot.config import Settings

_seq = itertools.count(1)
# Cheap argon2 parameters: hashing in tests must not cost 64 MiB and 3 passes each time.
FAST_HASH_SETTINGS = Settings(
    argon2_time_cost=1, argon2_memory_kib=64, environment="test", database_url="sqlite:///unused.db"
)
DEFAULT_PASSWORD = "correct horse battery staple"


def make_organisation(
    db: Session,
    kind: str = "gemeente",
    name: str | None = None,
    region_code: str = "twente",
    region_name: str = "Twente",
) -> Organisation:
    org = Organisation(
        name=name or f"Organisatie {next(_seq)}",
        kind=kind,
        region_code=region_code,
        region_name=region_name,
    )
    db.add(org)
    db.commit()
    return org


def make_user(
    db: Session,
    role: Role | str = Role.COACH,
    organisation: Organisation | None = None,
    password: str | None = DEFAULT_PASSWORD,
    email: str | None = None,
    display_name: str | None = None,
    is_active: bool = True,
) -> AppUser:
    """A user; with `password=None` the user has no password (cannot log in by form)."""
    org = organisation or make_organisation(db)
    n = next(_seq)
    user = AppUser(
        email=email or f"gebruiker{n}@example.nl",
        display_name=display_name or f"Gebruiker {n}",
        role=Role(role).value,
        organisation_id=org.id,
        is_active=is_active,
        password_hash=hash_password(password, FAST_HASH_SETTINGS) if password else None,
    )
    db.add(user)
    db.commit()
    return user


def login(client: Any, user: AppUser, password: str = DEFAULT_PASSWORD) -> str:
    """Log in through the login form; returns the session's CSRF token for later posts."""
    page = client.get("/inloggen")
    assert page.status_code == 200, page.text
    token = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    response = client.post(
        "/inloggen",
        data={"email": user.email, "password": password, "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return session_csrf(client)


def session_csrf(client: Any) -> str:
    """CSRF token of the client's current session cookie."""
    raw = client.cookies.get(SESSION_COOKIE)
    assert raw, "client has no session cookie"
    settings: Settings = client.app.state.settings
    return csrf_token(sha256(raw), settings)


def login_as(client: Any, db: Session, user: AppUser) -> dict[str, str]:
    """Give `client` a session for `user` without the form (fast); returns the CSRF header."""
    raw = start_session(db, user, client.app.state.settings)
    db.commit()
    client.cookies.set(SESSION_COOKIE, raw)
    return {"X-CSRF-Token": session_csrf(client)}


def _role_for(actions: Iterable[str]) -> Role:
    wanted = list(actions)
    for role in Role:
        if all(scope_for(action, role) is not None for action in wanted):
            return role
    raise ValueError(f"no role may do all of {wanted}")


def api_token_headers(
    db: Session,
    owner: AppUser | Organisation,
    actions: Iterable[str],
    role: Role | None = None,
) -> dict[str, str]:
    """An Authorization header for a fresh API token of `owner`'s organisation.

    The token's role is the user's role, or `role`, or the first role that may do every
    action.
    """
    actions = sorted(set(actions))
    if isinstance(owner, AppUser):
        org_id, token_role = owner.organisation_id, role or Role(owner.role)
    else:
        org_id, token_role = owner.id, role or _role_for(actions)
    raw = "ots_" + secrets.token_urlsafe(32)
    db.add(
        ApiToken(
            name=f"token {next(_seq)}",
            token_hash=sha256(raw),
            prefix=raw[:12],
            organisation_id=org_id,
            role=token_role.value,
            actions=" ".join(actions),
        )
    )
    db.commit()
    return {"Authorization": f"Bearer {raw}"}
