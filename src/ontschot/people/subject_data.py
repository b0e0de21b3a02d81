"""What the registry holds about a person, for export and erasure (see `ontschot.subjects`).

Erasure anonymises in place: name, contact data, BSN, birth date, postcode, notes and
employer names go; municipality, benefit, status, skills, occupations and education stay,
so regional statistics keep counting the person without naming them. Consents end (and
with them every access grant); introductions stay as facts (employer, vacancy, dates).
The version history keeps when which status or benefit changed, without names or values
of personal fields, so the monitor can still measure durations.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ontschot import clock
from ontschot.people import grants
from ontschot.people.models import (
    AccessGrant,
    Candidate,
    CandidateVersion,
    Consent,
    Introduction,
    IntroductionStep,
)
from ontschot.people.views import full_view
from ontschot.subjects import SubjectProvider, provides

ERASED_NAME = "Verwijderd"
# Changes whose values say nothing about who the person is; kept after erasure.
STATISTICAL_FIELDS = frozenset({"status", "benefit", "hours_min", "hours_max", "registered"})


def _end_open(
    db: Session, model: type[Consent] | type[Introduction], end: Any, candidate_id: int
) -> None:
    """Put today's end date on this candidate's rows of `model` that have none yet."""
    db.execute(
        update(model)
        .where(model.candidate_id == candidate_id, end.is_(None))
        .values({end.key: clock.now()})
        .execution_options(synchronize_session=False)
    )


def _candidate(db: Session, candidate_id: int) -> Candidate:
    candidate = db.get(Candidate, candidate_id)
    assert candidate is not None, "providers are called for a candidate that exists"
    return candidate


def _export_profile(db: Session, candidate_id: int) -> dict[str, Any]:
    candidate = _candidate(db, candidate_id)
    profile = full_view(candidate).model_dump(mode="json", by_alias=True)
    profile["bsn"] = candidate.bsn  # the person's own data: the export includes it
    return profile


def _erase_profile(db: Session, candidate_id: int) -> None:
    candidate = _candidate(db, candidate_id)
    candidate.first_name = ERASED_NAME
    candidate.last_name = ""
    candidate.name_search = ""
    candidate.email = candidate.phone = candidate.bsn = candidate.notes = None
    candidate.bsn_digest = None
    candidate.birth_date = None
    candidate.postcode = None
    candidate.source = candidate.external_id = None
    candidate.coach_user_id = None
    for work in candidate.work_history:
        work.employer_name = None
    candidate.erased_at = candidate.updated_at = clock.now()
    candidate.status = "inactive"


def _export_consents(db: Session, candidate_id: int) -> list[dict[str, Any]]:
    rows = db.scalars(
        select(Consent).where(Consent.candidate_id == candidate_id).order_by(Consent.id)
    )
    return [
        {
            "purpose": c.purpose,
            "partnerCategory": c.partner_category,
            "givenAt": c.given_at.isoformat(),
            "withdrawnAt": c.withdrawn_at.isoformat() if c.withdrawn_at else None,
        }
        for c in rows
    ]


def _erase_consents(db: Session, candidate_id: int) -> None:
    _end_open(db, Consent, Consent.withdrawn_at, candidate_id)


def _export_grants(db: Session, candidate_id: int) -> list[dict[str, Any]]:
    rows = db.scalars(
        select(AccessGrant).where(AccessGrant.candidate_id == candidate_id).order_by(AccessGrant.id)
    )
    return [
        {
            "organisationId": g.organisation_id,
            "partnerCategory": g.partner_category,
            "employerId": g.employer_id,
            "view": g.view,
            "purpose": g.purpose,
            "basis": g.basis,
            "validFrom": g.valid_from.isoformat(),
            "validUntil": g.valid_until.isoformat() if g.valid_until else None,
            "revokedAt": g.revoked_at.isoformat() if g.revoked_at else None,
        }
        for g in rows
    ]


def _erase_grants(db: Session, candidate_id: int) -> None:
    grants.revoke_all(db, candidate_id=candidate_id)


def _export_introductions(db: Session, candidate_id: int) -> list[dict[str, Any]]:
    rows = db.scalars(
        select(Introduction)
        .where(Introduction.candidate_id == candidate_id)
        .order_by(Introduction.id)
    )
    return [
        {
            "employerId": i.employer_id,
            "vacancyId": i.vacancy_id,
            "consentGivenAt": i.consent_given_at.isoformat(),
            "withdrawnAt": i.withdrawn_at.isoformat() if i.withdrawn_at else None,
            "status": i.status,
            "employerAnswer": i.employer_answer,
            "declineReason": i.decline_reason,
            "steps": [
                {"status": s.status, "reachedAt": s.reached_at.isoformat(), "reason": s.reason}
                for s in i.steps
            ],
        }
        for i in rows
    ]


def _erase_introductions(db: Session, candidate_id: int) -> None:
    """The pipeline stays as facts (statuses and their times); the reasons typed go."""
    _end_open(db, Introduction, Introduction.withdrawn_at, candidate_id)
    ids = select(Introduction.id).where(Introduction.candidate_id == candidate_id)
    db.execute(
        update(Introduction)
        .where(Introduction.candidate_id == candidate_id)
        .values(decline_reason=None)
        .execution_options(synchronize_session=False)
    )
    db.execute(
        update(IntroductionStep)
        .where(IntroductionStep.introduction_id.in_(ids))
        .values(reason=None)
        .execution_options(synchronize_session=False)
    )


def _export_history(db: Session, candidate_id: int) -> list[dict[str, Any]]:
    rows = db.scalars(
        select(CandidateVersion)
        .where(CandidateVersion.candidate_id == candidate_id)
        .order_by(CandidateVersion.version)
    )
    return [
        {
            "version": v.version,
            "changedAt": v.changed_at.isoformat(),
            "changedBy": v.changed_by_name,
            "summary": v.summary,
            "changes": v.changes,
        }
        for v in rows
    ]


def _erase_history(db: Session, candidate_id: int) -> None:
    rows = db.scalars(select(CandidateVersion).where(CandidateVersion.candidate_id == candidate_id))
    for version in rows:
        kept = {k: v for k, v in (version.changes or {}).items() if k in STATISTICAL_FIELDS}
        version.changes = kept
        if "registered" in kept:
            version.summary = "ingeschreven"
        else:
            version.summary = "gewijzigd: " + ", ".join(sorted(kept)) if kept else "gewijzigd"
        version.changed_by_name = ""
        version.changed_by_user_id = None


provides(SubjectProvider("profile", _export_profile, _erase_profile))
provides(SubjectProvider("consents", _export_consents, _erase_consents))
provides(SubjectProvider("accessGrants", _export_grants, _erase_grants))
provides(SubjectProvider("introductions", _export_introductions, _erase_introductions))
provides(SubjectProvider("history", _export_history, _erase_history))
