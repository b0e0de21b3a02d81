"""API tokens for partner systems: created by a partner administrator, shown once, stored
as a SHA-256 hash, narrowed to one organisation, one role and a set of actions, revocable."""

from __future__ import annotations

import re
import secrets
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot import errors
from ontschot.access.actor import Actor
from ontschot.access.models import ApiToken, AppUser, Organisation
from ontschot.access.roles import PERMISSIONS, PUBLIC_ACTIONS, Role, Scope, scope_for
from ontschot.access.sessions import sha256
from ontschot.audit import service as audit
from ontschot.db import utcnow
from ontschot.tx import transactional

TOKEN_PREFIX = "ots_"  # noqa: S105 - a public prefix, not a secret
TOKEN_PATTERN = re.compile(r"^ots_[A-Za-z0-9_-]{32,64}$")
NAME_PATTERN = re.compile(r"^[\w .,'()/-]{1,100}$")
TOUCH_EVERY = timedelta(minutes=1)
# Roles a partner administrator may give a token; administration roles need a system admin.
ADMIN_ROLES = frozenset({Role.PARTNER_ADMIN, Role.SYSTEM_ADMIN})


def actor_for_token(token: ApiToken) -> Actor:
    org = token.organisation
    return Actor(
        role=Role(token.role),
        user_id=None,
        organisation_id=org.id,
        display_name=f"API-token {token.name}",
        organisation_name=org.name,
        organisation_kind=org.kind,
        via="token",
        token_id=token.id,
        token_actions=token.action_set,
        region_code=org.region_code,
    )


@transactional(audited=False)
def resolve_token(db: Session, raw: str) -> ApiToken | None:
    """The live token for a bearer value, updating its last-used time; None when unknown."""
    if not TOKEN_PATTERN.match(raw):
        return None
    token = db.scalar(select(ApiToken).where(ApiToken.token_hash == sha256(raw)))
    if token is None or token.is_revoked or not token.organisation.is_active:
        return None
    creator = db.get(AppUser, token.created_by_user_id) if token.created_by_user_id else None
    if creator is not None and not creator.is_active:
        return None  # a blocked administrator's tokens stop with them
    now = utcnow()
    if token.last_used_at is None or now - token.last_used_at >= TOUCH_EVERY:
        token.last_used_at = now
    return token


def validate_token_request(actor: Actor, *, name: str, role: str, actions: list[str]) -> Role:
    """Check name, role and actions; the role a token gets must be able to do every action."""
    problems: dict[str, str] = {}
    if not NAME_PATTERN.match(name.strip()) or name != name.strip():
        problems["name"] = "1 tot 100 letters, cijfers, spaties of .,'()/-"
    try:
        token_role: Role | None = Role(role)
    except ValueError:
        token_role = None
        problems["role"] = "onbekende rol"
    if token_role in ADMIN_ROLES and actor.role != Role.SYSTEM_ADMIN:
        problems["role"] = "een beheerrol kan alleen een systeembeheerder toekennen"
    if not actions or len(actions) > len(PERMISSIONS):
        problems["actions"] = "kies een of meer handelingen"
    for action in actions:
        known = action in PERMISSIONS and action not in PUBLIC_ACTIONS
        if not known or token_role is None or scope_for(action, token_role) in (None, Scope.PUBLIC):
            problems.setdefault("actions", f"handeling {action[:60]!r} past niet bij de rol")
            break
    if problems:
        raise errors.Invalid("Ongeldige invoer voor het API-token.", fields=problems)
    assert token_role is not None
    return token_role


@transactional
def create_token(
    db: Session,
    *,
    actor: Actor,
    organisation_id: int,
    name: str,
    role: str,
    actions: list[str],
) -> tuple[ApiToken, str]:
    """Create a token; returns the row and the raw value, which is never shown again."""
    token_role = validate_token_request(actor, name=name, role=role, actions=actions)
    org = db.get(Organisation, organisation_id)
    if org is None:
        raise errors.invalid("organisation_id", "onbekende organisatie")
    actor.require_within("api_token.create", organisation_id=org.id, region_code=org.region_code)
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        name=name,
        token_hash=sha256(raw),
        prefix=raw[:12],
        organisation_id=org.id,
        role=token_role.value,
        actions=" ".join(sorted(set(actions))),
        created_by_user_id=actor.user_id,
    )
    db.add(token)
    db.flush()
    audit.record(
        db,
        actor=actor,
        action="api_token.create",
        object_type="api_token",
        object_id=token.id,
        subject_key=None,
        purpose="koppeling partnersysteem",
    )
    return token, raw


def list_tokens(db: Session, *, actor: Actor, organisation_id: int | None = None) -> list[ApiToken]:
    scope = actor.require("api_token.read")
    query = select(ApiToken).order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
    if scope != Scope.REGION:
        query = query.where(ApiToken.organisation_id == actor.organisation_id)
    elif organisation_id is not None:
        query = query.where(ApiToken.organisation_id == organisation_id)
    return list(db.scalars(query).all())


@transactional
def revoke_token(db: Session, *, actor: Actor, token_id: int) -> ApiToken:
    token = db.get(ApiToken, token_id)
    if token is None:
        raise errors.NotFound("Dit API-token")
    actor.require_within(
        "api_token.revoke",
        organisation_id=token.organisation_id,
        region_code=token.organisation.region_code,
    )
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        audit.record(
            db,
            actor=actor,
            action="api_token.revoke",
            object_type="api_token",
            object_id=token.id,
            subject_key=None,
            purpose="koppeling partnersysteem",
        )
    return token
