"""Data-subject rights (AVG art. 15 and 17): a complete export, erasure, and the access log.

Erasure anonymises in place: name, contact data, BSN, birth date, postcode, notes, employer
names, consents, introductions and the version history go; municipality, benefit, status,
skills, occupations and education stay, so regional statistics keep counting the person
without naming them.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from ontschot.access.actor import Actor
from ontschot.audit import service as audit
from ontschot.audit.models import AuditEntry
from ontschot.db import utcnow
from ontschot.people.models import Candidate, CandidateVersion, Introduction
from ontschot.people.service import editable_candidate
from ontschot.people.views import full_view
from ontschot.tx import transactional

ERASED_NAME = "Verwijderd"


@transactional
def export_candidate_data(db: Session, *, actor: Actor, candidate_id: int) -> dict[str, Any]:
    """Everything the registry holds about the person, as plain JSON-ready data."""
    candidate = editable_candidate(
        db, actor=actor, candidate_id=candidate_id, action="candidate.export"
    )
    profile = full_view(candidate).model_dump(mode="json", by_alias=True)
    profile["bsn"] = candidate.bsn  # the person's own data: the export includes it
    versions = db.scalars(
        select(CandidateVersion)
        .where(CandidateVersion.candidate_id == candidate.id)
        .order_by(CandidateVersion.version)
    ).all()
    intros = db.scalars(select(Introduction).where(Introduction.candidate_id == candidate.id)).all()
    data = {
        "exportedAt": utcnow().isoformat(),
        "controller": "Ontschot arbeidsmarktregio",
        "profile": profile,
        "consents": [
            {
                "purpose": c.purpose,
                "partnerCategory": c.partner_category,
                "givenAt": c.given_at.isoformat(),
                "withdrawnAt": c.withdrawn_at.isoformat() if c.withdrawn_at else None,
            }
            for c in candidate.consents
        ],
        "introductions": [
            {
                "employerId": i.employer_id,
                "vacancyId": i.vacancy_id,
                "consentGivenAt": i.consent_given_at.isoformat(),
                "withdrawnAt": i.withdrawn_at.isoformat() if i.withdrawn_at else None,
            }
            for i in intros
        ],
        "history": [
            {
                "version": v.version,
                "changedAt": v.changed_at.isoformat(),
                "changedBy": v.changed_by_name,
                "summary": v.summary,
                "changes": v.changes,
            }
            for v in versions
        ],
    }
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
    candidate.first_name = ERASED_NAME
    candidate.last_name = ""
    candidate.name_search = ""
    candidate.email = candidate.phone = candidate.bsn = candidate.notes = None
    candidate.birth_date = None
    candidate.postcode = None
    candidate.source = candidate.external_id = None
    candidate.coach_user_id = None
    for work in candidate.work_history:
        work.employer_name = None
    candidate.consents.clear()
    db.execute(delete(Introduction).where(Introduction.candidate_id == candidate.id))
    db.execute(delete(CandidateVersion).where(CandidateVersion.candidate_id == candidate.id))
    candidate.erased_at = utcnow()
    candidate.status = "inactive"


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


@transactional
def erase_expired(db: Session, *, actor: Actor, retention_days: int) -> int:
    """Erase candidates not active (placed or inactive) and unchanged for `retention_days`."""
    actor.require("candidate.erase")
    cutoff = utcnow() - timedelta(days=retention_days)
    rows = db.scalars(
        select(Candidate).where(
            Candidate.erased_at.is_(None),
            Candidate.updated_at < cutoff,
            or_(Candidate.status == "inactive", Candidate.status == "placed"),
        )
    ).all()
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
    candidate = editable_candidate(
        db, actor=actor, candidate_id=candidate_id, action="candidate.read"
    )
    return audit.entries_for_subject(db, actor=actor, subject_key=candidate.subject_key)
