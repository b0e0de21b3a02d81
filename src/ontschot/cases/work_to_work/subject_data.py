"""What a work-to-work registration holds about a person, for export and erasure.

Erasure keeps what the monitor counts (the employer, the coaching organisation, the dates,
the occupation and hours) and removes what describes the person's job in words (the job
title), the sector fund that named them and who registered them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ontschot.cases.work_to_work.models import AtRiskEmployee
from ontschot.subjects import SubjectProvider, provides

ERASED = "verwijderd"


def _export(db: Session, candidate_id: int) -> list[dict[str, Any]]:
    rows = db.scalars(
        select(AtRiskEmployee)
        .where(AtRiskEmployee.candidate_id == candidate_id)
        .order_by(AtRiskEmployee.id)
    )
    return [
        {
            "id": r.id,
            "employerId": r.employer_id,
            "trajectoryId": r.trajectory_id,
            "jobTitle": r.job_title,
            "occupationUri": r.occupation_uri,
            "hoursPerWeek": r.hours_per_week,
            "jobEndsOn": r.job_ends_on.isoformat(),
            "fundName": r.fund_name,
            "registeredAt": r.registered_at.isoformat(),
        }
        for r in rows
    ]


def _erase(db: Session, candidate_id: int) -> None:
    db.execute(
        update(AtRiskEmployee)
        .where(AtRiskEmployee.candidate_id == candidate_id)
        .values(job_title=ERASED, fund_name=None, registered_by_user_id=None)
        .execution_options(synchronize_session=False)
    )


provides(SubjectProvider("workToWork", _export, _erase))
