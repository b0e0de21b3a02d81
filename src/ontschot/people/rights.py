"""Data-subject rights (AVG art. 15 and 17): a complete export, erasure, and the access log.

What is exported and erased comes from the subject-data providers of every context
(`ontschot.subjects`); see `people/subject_data.py` for what the registry keeps after
erasure (pseudonymised facts for statistics, no names, contact data or free text).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ontschot import clock
from ontschot.access.actor import Actor
from ontschot.audit import service as audit
from ontschot.audit.models import AuditEntry
from ontschot.people.models import Candidate
from ontschot.people.service import editable_candidate
from ontschot.signals import changed_on_commit
from ontschot.subjects import providers
from ontschot.tx import transactional


@transactional
def export_candidate_data(db: Session, *, actor: Actor, candidate_id: int) -> dict[str, Any]:
    """Everything every context holds about the person, as plain JSON-ready data."""
    candidate = editable_candidate(
        db, actor=actor, candidate_id=candidate_id, action="candidate.export"
    )
    data: dict[str, Any] = {
        "exportedAt": clock.now().isoformat(),
        "controller": "Ontschot arbeidsmarktregio",
    }
    for provider in providers():
        data[provider.name] = provider.export(db, candidate.id)
    audit.record(
        db,
        actor=actor,
        action="candidate.export",
        object_type="candidate",
        object_id=candidate.id,
        subject_key=candidate.subject_key,
        purpose="inzage betrokkene (AVG art. 15)",
    )
    return data


def _anonymise(db: Session, candidate: Candidate) -> None:
    db.flush()
    for provider in providers():
        provider.erase(db, candidate.id)
    db.flush()
    changed_on_commit(db, "candidate", candidate.id)


@transactional
def erase_candidate(db: Session, *, actor: Actor, candidate_id: int, reason: str) -> Candidate:
    """Erase the personal data of one candidate, on request or after retention."""
    candidate = editable_candidate(
        db, actor=actor, candidate_id=candidate_id, action="candidate.erase"
    )
    _anonymise(db, candidate)
    audit.record(
        db,
        actor=actor,
        action="candidate.erase",
        object_type="candidate",
        object_id=candidate.id,
        subject_key=candidate.subject_key,
        purpose=f"verwijdering: {reason}"[:200],
    )
    return candidate


def expired_candidates(db: Session, *, retention_days: int) -> list[Candidate]:
    """Candidates not active (placed or inactive) and unchanged for `retention_days`."""
    cutoff = clock.now() - timedelta(days=retention_days)
    return list(
        db.scalars(
            select(Candidate).where(
                Candidate.erased_at.is_(None),
                Candidate.updated_at < cutoff,
                or_(Candidate.status == "inactive", Candidate.status == "placed"),
            )
        )
    )


@transactional
def erase_expired(db: Session, *, actor: Actor, retention_days: int) -> int:
    """Erase candidates past the retention period; one log entry per person erased."""
    actor.require("candidate.erase")
    rows = expired_candidates(db, retention_days=retention_days)
    for candidate in rows:
        _anonymise(db, candidate)
        audit.record(
            db,
            actor=actor,
            action="candidate.erase",
            object_type="candidate",
            object_id=candidate.id,
            subject_key=candidate.subject_key,
            purpose="verwijdering na bewaartermijn",
        )
    return len(rows)


def access_log(db: Session, *, actor: Actor, candidate_id: int) -> list[AuditEntry]:
    """'Wie heeft mijn gegevens bekeken': every log entry about this person."""
    # The permission of the log itself decides (a coach: own caseload only).
    candidate = editable_candidate(
        db, actor=actor, candidate_id=candidate_id, action="audit.subject.read"
    )
    return audit.entries_for_subject(db, actor=actor, subject_key=candidate.subject_key)
