"""What matching holds about a person: coaches' verdicts on suggested vacancies."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ontschot.matching.models import MatchFeedback
from ontschot.subjects import SubjectProvider, provides


def _export(db: Session, candidate_id: int) -> list[dict[str, Any]]:
    rows = db.scalars(
        select(MatchFeedback)
        .where(MatchFeedback.candidate_id == candidate_id)
        .order_by(MatchFeedback.id)
    )
    return [
        {
            "vacancyId": r.vacancy_id,
            "verdict": r.verdict,
            "reason": r.reason,
            "at": r.created_at.isoformat(),
        }
        for r in rows
    ]


def _erase(db: Session, candidate_id: int) -> None:
    # The verdict and its date stay (how good suggestions were); the free text goes.
    db.execute(
        update(MatchFeedback)
        .where(MatchFeedback.candidate_id == candidate_id)
        .values(reason=None)
        .execution_options(synchronize_session=False)
    )


provides(SubjectProvider("matchFeedback", _export, _erase))
