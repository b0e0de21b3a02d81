"""Organisations and users: one function per change, each checking permission and logging.

Users are personal data (name, e-mail address), so every read or change of a user writes a
processing-log entry in the same transaction.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ontschot import errors
from ontschot.access.actor import Actor
from ontschot.access.models import AppUser, Organisation
from ontschot.access.passwords import (
    hash_password,
    needs_rehash,
    password_problems,
    verify_password,
)
from ontschot.access.roles import Role, Scope
from ontschot.access.schemas import OrganisationCreate, UserCreate
from ontschot.access.sessions import end_session, end_sessions_of, start_session
from ontschot.audit import service as audit
from ontschot.config import Settings
from ontschot.db import utcnow
from ontschot.tx import transactional

log = logging.getLogger("ontschot.access")
PURPOSE_ADMIN = "gebruikersbeheer"


def _conflict(name: str, reason: str) -> errors.Conflict:
    return errors.Conflict(reason, fields={name: reason})


def _bad(name: str, reason: str) -> errors.Invalid:
    return errors.invalid(name, reason)


def _log_user(db: Session, actor: Actor, action: str, user: AppUser) -> None:
    """A read or change of a user is personal data processing: one log entry about them."""
    audit.record(
        db,
        actor=actor,
        action=action,
        object_type="user",
        object_id=user.id,
        subject_key=f"user:{user.id}",
        purpose=PURPOSE_ADMIN,
    )


# --- organisations ---------------------------------------------------------------------


@transactional
def create_organisation(db: Session, *, actor: Actor, data: OrganisationCreate) -> Organisation:
    actor.require("organisation.create")
    if db.scalar(select(Organisation.id).where(Organisation.name == data.name)) is not None:
        raise _conflict("name", "Er is al een organisatie met deze naam.")
    org = Organisation(
        name=data.name,
        kind=data.kind.value,
        region_code=data.region_code,
        region_name=data.region_name,
    )
    db.add(org)
    db.flush()
    audit.record(
        db,
        actor=actor,
        action="organisation.create",
        object_type="organisation",
        object_id=org.id,
        subject_key=None,
        purpose="inrichting samenwerking",
    )
    return org


def list_organisations(db: Session, *, actor: Actor) -> list[Organisation]:
    actor.require("organisation.read")
    return list(db.scalars(select(Organisation).order_by(Organisation.name)).all())


def get_organisation(db: Session, *, actor: Actor, organisation_id: int) -> Organisation:
    actor.require("organisation.read")
    org = db.get(Organisation, organisation_id)
    if org is None:
        raise errors.NotFound("Deze organisatie")
    return org


# --- users -------------------------------------------------------------------------------


def is_locked(user: AppUser) -> bool:
    return user.locked_until is not None and user.locked_until > utcnow()


def _user_in_scope(db: Session, actor: Actor, action: str, user_id: int) -> AppUser:
    actor.require(action)
    user = db.get(AppUser, user_id) if 0 < user_id < 2**31 else None
    if user is None:
        raise errors.NotFound("Deze gebruiker")
    try:
        actor.require_within(
            action, organisation_id=user.organisation_id, region_code=user.organisation.region_code
        )
    except errors.Forbidden:
        raise errors.NotFound("Deze gebruiker") from None  # existence is not revealed
    return user


@transactional
def create_user(db: Session, *, actor: Actor, data: UserCreate, settings: Settings) -> AppUser:
    actor.require("user.create")
    org_id = data.organisation_id or actor.organisation_id
    org = db.get(Organisation, org_id) if org_id is not None else None
    if org is None:
        raise _bad("organisation_id", "onbekende organisatie")
    actor.require_within("user.create", organisation_id=org.id, region_code=org.region_code)
    if data.role == Role.SYSTEM_ADMIN and actor.role != Role.SYSTEM_ADMIN:
        raise errors.Forbidden("Alleen een systeembeheerder kan een systeembeheerder aanmaken.")
    if data.password is not None and (problems := password_problems(data.password)):
        raise _bad("password", " ".join(problems))
    if db.scalar(select(AppUser.id).where(AppUser.email == data.email)) is not None:
        raise _conflict("email", "Er is al een gebruiker met dit e-mailadres.")
    user = AppUser(
        email=data.email,
        display_name=data.display_name,
        role=data.role.value,
        organisation_id=org.id,
        password_hash=hash_password(data.password, settings) if data.password else None,
    )
    db.add(user)
    try:
        db.flush()
    except IntegrityError:
        raise _conflict("email", "Er is al een gebruiker met dit e-mailadres.") from None
    _log_user(db, actor, "user.create", user)
    return user


@transactional
def list_users(db: Session, *, actor: Actor, organisation_id: int | None = None) -> list[AppUser]:
    """Users of the actor's organisation (or of any organisation for a regional scope)."""
    scope = actor.require("user.read")
    query = select(AppUser).order_by(func.lower(AppUser.display_name), AppUser.id)
    if scope != Scope.REGION:
        if organisation_id is not None and organisation_id != actor.organisation_id:
            raise errors.Forbidden("Dit valt buiten uw bereik voor deze handeling (user.read).")
        query = query.where(AppUser.organisation_id == actor.organisation_id)
    elif organisation_id is not None:
        query = query.where(AppUser.organisation_id == organisation_id)
    users = list(db.scalars(query).all())
    audit.record(
        db,
        actor=actor,
        action="user.read",
        object_type="user",
        object_id=None,
        subject_key=None,
        purpose=PURPOSE_ADMIN,
    )
    return users


@transactional
def get_user(db: Session, *, actor: Actor, user_id: int) -> AppUser:
    user = _user_in_scope(db, actor, "user.read", user_id)
    _log_user(db, actor, "user.read", user)
    return user


@transactional
def disable_user(db: Session, *, actor: Actor, user_id: int) -> AppUser:
    """Block a user from logging in and end their sessions."""
    user = _user_in_scope(db, actor, "user.update", user_id)
    if user.id == actor.user_id:
        raise errors.Conflict("U kunt uw eigen account niet blokkeren.")
    user.is_active = False
    end_sessions_of(db, user.id)
    _log_user(db, actor, "user.disable", user)
    return user


@transactional
def change_role(db: Session, *, actor: Actor, user_id: int, role: Role) -> AppUser:
    """Give a user another role; their sessions end, so the new rights apply at once."""
    user = _user_in_scope(db, actor, "user.update", user_id)
    if user.id == actor.user_id:
        raise _conflict("role", "U kunt uw eigen rol niet wijzigen.")
    if Role.SYSTEM_ADMIN in (role, Role(user.role)) and actor.role != Role.SYSTEM_ADMIN:
        raise errors.Forbidden("Alleen een systeembeheerder wijst systeembeheerders aan.")
    if user.role == role.value:
        return user
    user.role = role.value
    end_sessions_of(db, user.id)
    _log_user(db, actor, "user.change_role", user)
    return user


@transactional
def reset_password(
    db: Session, *, actor: Actor, user_id: int, new_password: str, settings: Settings
) -> AppUser:
    """An administrator sets a new password; the lock is lifted and sessions are ended."""
    user = _user_in_scope(db, actor, "user.update", user_id)
    if problems := password_problems(new_password):
        raise _bad("new_password", " ".join(problems))
    user.password_hash = hash_password(new_password, settings)
    user.failed_logins = 0
    user.locked_until = None
    end_sessions_of(db, user.id)
    _log_user(db, actor, "user.reset_password", user)
    return user


# --- login -------------------------------------------------------------------------------


@dataclass(frozen=True)
class LoginResult:
    user: AppUser | None
    locked_minutes: int = 0
    # The raw session id for the cookie, set when the login succeeded.
    session_token: str | None = None


@dataclass(frozen=True)
class PasswordCheck:
    """A password that held, checked before any write: who, against which hash, and the
    hash to store instead when the hashing parameters have changed."""

    user_id: int
    verified_hash: str
    new_hash: str | None


def check_password(
    db: Session, *, email: str, password: str, settings: Settings
) -> PasswordCheck | None:
    """Check a login without writing. Unknown addresses cost the same hashing time.

    Hashing costs a CPU-bound 0.1–1 s; inside the login's write transaction it held
    SQLite's only write lock that long, so 30 people logging in at once queued up behind
    each other until "database is locked" (measured in bench/load.py). Failures are counted
    per e-mail and client address by the page (`LoginGuard`), not on the account: a
    stranger cannot lock somebody else's account. The caller has validated `email`.
    """
    user = db.scalar(select(AppUser).where(AppUser.email == email))
    if user is None or not user.is_active or not user.organisation.is_active:
        verify_password(None, password, settings)
        return None
    stored = user.password_hash
    if not stored or not verify_password(stored, password, settings):
        return None
    rehash = hash_password(password, settings) if needs_rehash(stored, settings) else None
    return PasswordCheck(user.id, stored, rehash)


@transactional(audited=False)
def record_login(db: Session, *, check: PasswordCheck, settings: Settings) -> LoginResult:
    """Start a fresh session (no fixation) for a password that held, unless the account
    was blocked or its password changed in the meantime."""
    user = db.get(AppUser, check.user_id)
    if (
        user is None
        or not user.is_active
        or not user.organisation.is_active
        or user.password_hash != check.verified_hash
    ):
        return LoginResult(None)
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = utcnow()
    if check.new_hash:
        user.password_hash = check.new_hash
    raw = start_session(db, user, settings)
    log.info("user %s logged in", user.id)
    return LoginResult(user, session_token=raw)


def log_in(db: Session, *, email: str, password: str, settings: Settings) -> LoginResult:
    """Check the password (no lock held), then record the login in one short transaction."""
    check = check_password(db, email=email, password=password, settings=settings)
    if check is None:
        return LoginResult(None)
    return record_login(db, check=check, settings=settings)


@transactional(audited=False)
def log_out(db: Session, *, session_token: str | None) -> None:
    end_session(db, session_token)
