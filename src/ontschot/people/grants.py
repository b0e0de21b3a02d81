"""Access grants: the one record of who may see which candidate, and how much.

Services that create a reason to see a person (consent, an introduction, a hand-over, a
legal task) call `grant`; ending that reason calls `revoke_for`. The visibility rule
(`visibility.py`) turns `grant_exists` into SQL, so lists and single reads agree.
Grants are part of the caller's transaction and write no audit entry of their own: the
service that grants logs the action that caused it.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ColumnElement, and_, exists, or_, select, update
from sqlalchemy.orm import Session

from ontschot import clock
from ontschot.people.models import AccessGrant, Candidate


class GrantView(StrEnum):
    FULL = "full"
    ANONYMISED = "anonymised"


# The source of the receiving organisation's grant after a warm hand-over (cases.handovers).
HANDOVER_SOURCE = "handover"


class Basis(StrEnum):
    CONSENT = "consent"
    INTRODUCTION = "introduction"
    HANDOVER = "handover"
    LEGAL_TASK = "legal_task"


def grant(
    db: Session,
    *,
    candidate_id: int,
    view: GrantView,
    purpose: str,
    basis: Basis,
    source_type: str,
    source_id: int | None,
    organisation_id: int | None = None,
    partner_category: str | None = None,
    employer_id: int | None = None,
    valid_from: datetime | None = None,
    valid_until: datetime | None = None,
    granted_by_user_id: int | None = None,
) -> AccessGrant:
    """Add a grant for exactly one grantee: an organisation, a partner category or an
    employer (whose users see through their organisation)."""
    grantees = [g for g in (organisation_id, partner_category, employer_id) if g is not None]
    if len(grantees) != 1:
        raise ValueError("a grant names exactly one grantee")
    start = valid_from or clock.now()
    if valid_until is not None and valid_until <= start:
        raise ValueError("a grant must end after it starts")
    row = AccessGrant(
        candidate_id=candidate_id,
        organisation_id=organisation_id,
        partner_category=partner_category,
        employer_id=employer_id,
        view=view.value,
        purpose=purpose,
        basis=basis.value,
        source_type=source_type,
        source_id=source_id,
        valid_from=start,
        valid_until=valid_until,
        granted_by_user_id=granted_by_user_id,
    )
    db.add(row)
    db.flush()
    return row


def revoke_for(db: Session, *, source_type: str, source_id: int) -> int:
    """End every live grant that came from this source (a consent, an introduction)."""
    return _revoke(db, AccessGrant.source_type == source_type, AccessGrant.source_id == source_id)


def revoke_all(db: Session, *, candidate_id: int) -> int:
    """End every live grant for this candidate (erasure)."""
    return _revoke(db, AccessGrant.candidate_id == candidate_id)


def _revoke(db: Session, *conditions: ColumnElement[bool]) -> int:
    result = db.execute(
        update(AccessGrant)
        .where(*conditions, AccessGrant.revoked_at.is_(None))
        .values(revoked_at=clock.now())
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def _live(now: datetime) -> ColumnElement[bool]:
    return and_(
        AccessGrant.revoked_at.is_(None),
        AccessGrant.valid_from <= now,
        or_(AccessGrant.valid_until.is_(None), AccessGrant.valid_until > now),
    )


def grant_exists(view: GrantView, grantee: ColumnElement[bool]) -> ColumnElement[bool]:
    """SQL: the candidate row in the outer query has a live grant of `view` for `grantee`."""
    return exists().where(
        AccessGrant.candidate_id == Candidate.id,
        AccessGrant.view == view.value,
        _live(clock.now()),
        grantee,
    )


def handed_over_to(db: Session, *, candidate_id: int, organisation_id: int | None) -> bool:
    """Whether a trajectory of this candidate was handed over to this organisation (a live
    grant of a warm hand-over, not the sender's read-only follow-up grant)."""
    if organisation_id is None:
        return False
    found = db.scalar(
        select(AccessGrant.id)
        .where(
            AccessGrant.candidate_id == candidate_id,
            AccessGrant.organisation_id == organisation_id,
            AccessGrant.basis == Basis.HANDOVER.value,
            AccessGrant.source_type == HANDOVER_SOURCE,
            _live(clock.now()),
        )
        .limit(1)
    )
    return found is not None


def live_grants(db: Session, candidate_id: int) -> list[AccessGrant]:
    """The grants in force for one candidate (for the person's own view and for exports)."""
    now = clock.now()
    return list(
        db.scalars(
            select(AccessGrant)
            .where(AccessGrant.candidate_id == candidate_id, _live(now))
            .order_by(AccessGrant.id)
        )
    )
