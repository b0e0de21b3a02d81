"""Contact moments with a candidate, for the person's export and for erasure.

Erasure keeps that a contact happened (kind, date, who recorded it, when a next action was
due), so caseload statistics still count it, and removes what was said and planned.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ontschot.contacts.models import ContactMoment
from ontschot.subjects import SubjectProvider, provides

ERASED_TEXT = "Verwijderd"


def _export(db: Session, candidate_id: int) -> list[dict[str, Any]]:
    rows = db.scalars(
        select(ContactMoment)
        .where(ContactMoment.candidate_id == candidate_id)
        .order_by(ContactMoment.occurred_on, ContactMoment.id)
    )
    return [
        {
            "kind": r.kind,
            "occurredOn": r.occurred_on.isoformat(),
            "summary": r.summary,
            "nextAction": r.next_action,
            "nextActionDue": r.next_action_due.isoformat() if r.next_action_due else None,
            "recordedBy": r.created_by_name,
        }
        for r in rows
    ]


def _erase(db: Session, candidate_id: int) -> None:
    db.execute(
        update(ContactMoment)
        .where(ContactMoment.candidate_id == candidate_id)
        .values(summary=ERASED_TEXT, next_action=None)
        .execution_options(synchronize_session=False)
    )


provides(SubjectProvider("contactMoments", _export, _erase))
