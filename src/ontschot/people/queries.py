"""Reads of the registry: lists with filters, change history, lookups by BSN.

Each read of personal data writes one processing-log entry, like the single-profile read in
`service.read_candidate`.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ontschot import errors
from ontschot.access.actor import Actor
from ontschot.audit import service as audit
from ontschot.people.models import Candidate, CandidateVersion
from ontschot.people.service import PURPOSE_GUIDANCE, decide_view, find_by_bsn
from ontschot.people.visibility import View, view_for, visible_candidates_query
from ontschot.tx import transactional


@dataclass(frozen=True)
class CandidateFilter:
    own_caseload: bool = False
    municipality: str | None = None
    benefit: str | None = None
    status: str | None = None
    name: str | None = None


@transactional
def list_candidates(
    db: Session, *, actor: Actor, flt: CandidateFilter, page: int = 1, page_size: int = 25
) -> tuple[list[Candidate], int]:
    """A page of candidates the actor may see in full; one log entry for the list view."""
    actor.require("candidate.read")
    query = visible_candidates_query(db, actor)
    if flt.own_caseload:
        query = query.where(Candidate.coach_user_id == actor.user_id)
    if flt.municipality:
        query = query.where(Candidate.municipality == flt.municipality)
    if flt.benefit:
        query = query.where(Candidate.benefit == flt.benefit)
    if flt.status:
        query = query.where(Candidate.status == flt.status)
    if flt.name:
        needle = flt.name.casefold().replace("%", "").replace("_", "")[:100]
        query = query.where(Candidate.name_search.contains(needle))
    total = db.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = db.scalars(
        query.order_by(Candidate.last_name, Candidate.first_name, Candidate.id)
        .limit(page_size)
        .offset((page - 1) * page_size)
    ).all()
    audit.record(
        db,
        actor=actor,
        action="candidate.list",
        object_type="candidate",
        object_id=None,
        subject_key=None,
        purpose=PURPOSE_GUIDANCE,
    )
    return list(rows), total


@transactional
def candidate_versions(db: Session, *, actor: Actor, candidate_id: int) -> list[CandidateVersion]:
    """The change history (who, when, what): only for a full view, and logged only when
    shown."""
    candidate, view = decide_view(db, actor=actor, candidate_id=candidate_id)
    if view != View.FULL:
        raise errors.NotFound("Deze werkzoekende")
    rows = list(
        db.scalars(
            select(CandidateVersion)
            .where(CandidateVersion.candidate_id == candidate.id)
            .order_by(CandidateVersion.version.desc())
        )
    )
    audit.record(
        db,
        actor=actor,
        action="candidate.versions.read",
        object_type="candidate",
        object_id=candidate.id,
        subject_key=candidate.subject_key,
        purpose=PURPOSE_GUIDANCE,
    )
    return rows


def load_full(db: Session, ids: list[int]) -> list[Candidate]:
    """Candidates with all profile parts loaded in a few queries (for exports and lists)."""
    if not ids:
        return []
    return list(
        db.scalars(
            select(Candidate)
            .where(Candidate.id.in_(ids))
            .options(
                selectinload(Candidate.skills),
                selectinload(Candidate.work_history),
                selectinload(Candidate.languages),
                selectinload(Candidate.educations),
                selectinload(Candidate.wishes),
            )
        )
    )


@transactional
def lookup_by_bsn(db: Session, *, actor: Actor, bsn: str) -> Candidate:
    """The registered person with this BSN, if the actor may see them in full (else 404).

    For partner systems that know the BSN: the BSN travels in a POST body, never a URL.
    """
    actor.require("candidate.read")
    candidate = find_by_bsn(db, bsn)
    if candidate is None or view_for(actor, candidate, db) != View.FULL:
        refused = errors.NotFound("Een ingeschreven persoon met dit BSN")
        raise refused.about(candidate.subject_key) if candidate is not None else refused
    audit.record(
        db,
        actor=actor,
        action="candidate.lookup",
        object_type="candidate",
        object_id=candidate.id,
        subject_key=candidate.subject_key,
        purpose="koppeling op BSN",
    )
    return candidate
