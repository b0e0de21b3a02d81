"""Writing and reading the processing log.

`record` adds an entry to the caller's session without committing, so the entry and the
change it describes are committed together or not at all. The data subject is stored only
as a keyed hash (HMAC-SHA256 with the configured secret key) of a stable subject key such as
``"candidate:42"``; a BSN must never be passed as the subject key.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ontschot import errors
from ontschot.access.actor import Actor
from ontschot.access.roles import Scope
from ontschot.audit.models import AuditEntry
from ontschot.tx import transactional

RESULTS = frozenset({"success", "denied", "failure"})
_secret_key: str | None = None


def configure_pseudonymisation(secret_key: str) -> None:
    """Set the key for subject pseudonyms; the app factory and the CLI call this once."""
    global _secret_key
    _secret_key = secret_key


def _key() -> bytes:
    global _secret_key
    if _secret_key is None:
        from ontschot.config import load_settings

        _secret_key = load_settings().secret_key
    return _secret_key.encode()


def keyed_digest(domain: str, value: str) -> str:
    """HMAC-SHA256 of `value` under the configured key, separated per `domain`, so that a
    digest made for one use (BSN uniqueness) never equals one made for another (log)."""
    message = f"ontschot-{domain}:".encode() + value.encode()
    return hmac.new(_key(), message, hashlib.sha256).hexdigest()


def pseudonymise(subject_key: str) -> str:
    """Stable keyed hash of a subject key: the same subject always gets the same value."""
    return keyed_digest("subject", subject_key)


def record(
    db: Session,
    *,
    actor: Actor,
    action: str,
    object_type: str,
    object_id: str | int | None,
    subject_key: str | None,
    purpose: str,
    result: str = "success",
) -> AuditEntry:
    """Add one processing-log entry to `db` (no commit: the caller commits with its change)."""
    if result not in RESULTS:
        raise ValueError(f"result must be one of {sorted(RESULTS)}")
    entry = AuditEntry(
        actor_user_id=actor.user_id,
        actor_display=actor.display_name[:200],
        actor_role=actor.role.value if actor.is_authenticated else "bezoeker",
        actor_via=actor.via,
        token_id=actor.token_id,
        organisation_id=actor.organisation_id,
        organisation_name=actor.organisation_name[:200],
        action=action[:64],
        object_type=object_type[:64],
        object_id=None if object_id is None else str(object_id)[:64],
        subject_pseudonym=None if subject_key is None else pseudonymise(subject_key),
        purpose=purpose[:200],
        result=result,
    )
    db.add(entry)
    return entry


@dataclass(frozen=True)
class AuditFilter:
    date_from: datetime | None = None
    date_to: datetime | None = None
    action: str | None = None
    object_type: str | None = None
    user_id: int | None = None
    subject_key: str | None = None


def _filtered(query: Select[tuple[AuditEntry]], flt: AuditFilter) -> Select[tuple[AuditEntry]]:
    if flt.date_from is not None:
        query = query.where(AuditEntry.occurred_at >= flt.date_from)
    if flt.date_to is not None:
        query = query.where(AuditEntry.occurred_at < flt.date_to)
    if flt.action:
        query = query.where(AuditEntry.action == flt.action)
    if flt.object_type:
        query = query.where(AuditEntry.object_type == flt.object_type)
    if flt.user_id is not None:
        query = query.where(AuditEntry.actor_user_id == flt.user_id)
    if flt.subject_key:
        query = query.where(AuditEntry.subject_pseudonym == pseudonymise(flt.subject_key))
    return query


@transactional
def list_entries(
    db: Session, *, actor: Actor, flt: AuditFilter, page: int = 1, page_size: int = 50
) -> tuple[list[AuditEntry], int]:
    """Entries the actor may see (own organisation, or all for a regional scope), newest first.

    Reading the log is itself logged: the log names people (the users who acted).
    """
    scope = actor.require("audit.read")
    query = select(AuditEntry)
    if scope != Scope.REGION:
        query = query.where(AuditEntry.organisation_id == actor.organisation_id)
    query = _filtered(query, flt)
    total = db.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = db.scalars(
        query.order_by(AuditEntry.occurred_at.desc(), AuditEntry.id.desc())
        .limit(page_size)
        .offset((page - 1) * page_size)
    ).all()
    record(
        db,
        actor=actor,
        action="audit.read",
        object_type="audit_entry",
        object_id=None,
        subject_key=flt.subject_key,
        purpose="toezicht op verwerkingen",
    )
    return list(rows), total


@transactional
def entries_for_subject(db: Session, *, actor: Actor, subject_key: str) -> list[AuditEntry]:
    """Every entry about one data subject, from every organisation, newest first.

    This is the data subject's own view ("wie heeft mijn gegevens bekeken"). The caller (the
    context that owns the subject, e.g. the registry) must first check that the actor may act
    for this subject; this function checks the action and logs the read.
    """
    actor.require("audit.subject.read")
    if not subject_key or len(subject_key) > 200:
        raise errors.invalid("subject_key", "ongeldig", "Ongeldige sleutel van de betrokkene.")
    rows = db.scalars(
        select(AuditEntry)
        .where(AuditEntry.subject_pseudonym == pseudonymise(subject_key))
        .order_by(AuditEntry.occurred_at.desc(), AuditEntry.id.desc())
    ).all()
    record(
        db,
        actor=actor,
        action="audit.subject.read",
        object_type="audit_entry",
        object_id=None,
        subject_key=subject_key,
        purpose="inzage door betrokkene",
    )
    return list(rows)
