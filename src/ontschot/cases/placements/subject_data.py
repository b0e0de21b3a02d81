"""What placements hold about a person, for export and erasure (see `ontschot.subjects`).

Erasure keeps the facts the results monitor counts, pseudonymised: dates (start, trial end,
end, every follow-up's due and contact date), hours (at the start and at each follow-up),
contract type and length, paid or trial, still working at each follow-up and the end's
reason code — so whether the placement was durable can still be computed. Free text goes:
risk signals, what was done, the end's explanation, and the wage indication.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ontschot.cases.placements.models import FollowUp, Placement
from ontschot.subjects import SubjectProvider, provides


def _iso(value: Any) -> str | None:
    return None if value is None else value.isoformat()


def _export(db: Session, candidate_id: int) -> list[dict[str, Any]]:
    out = []
    for p in db.scalars(
        select(Placement).where(Placement.candidate_id == candidate_id).order_by(Placement.id)
    ):
        out.append(
            {
                "id": p.id,
                "trajectoryId": p.trajectory_id,
                "employerId": p.employer_id,
                "vacancyId": p.vacancy_id,
                "occupationUri": p.occupation_uri,
                "contractType": p.contract_type,
                "contractMonths": p.contract_months,
                "hoursPerWeek": p.hours_per_week,
                "wageCents": p.wage_cents,
                "wagePeriod": p.wage_period,
                "startDate": _iso(p.start_date),
                "paid": p.paid,
                "trialEndDate": _iso(p.trial_end_date),
                "intendedContractMonths": p.intended_contract_months,
                "endedOn": _iso(p.ended_on),
                "endReason": p.end_reason,
                "endReasonText": p.end_reason_text,
                "followUps": [
                    {
                        "dueDate": _iso(f.due_date),
                        "contactDate": _iso(f.contact_date),
                        "stillWorking": f.still_working,
                        "sameHours": f.same_hours,
                        "hoursNow": f.hours_now,
                        "riskSignals": f.risk_signals,
                        "actionsTaken": f.actions_taken,
                    }
                    for f in p.follow_ups
                ],
            }
        )
    return out


def _erase(db: Session, candidate_id: int) -> None:
    ids = list(db.scalars(select(Placement.id).where(Placement.candidate_id == candidate_id)))
    if not ids:
        return
    quiet = {"synchronize_session": False}
    db.execute(
        update(Placement)
        .where(Placement.id.in_(ids))
        .values(end_reason_text=None, wage_cents=None, wage_period=None, created_by_user_id=None)
        .execution_options(**quiet)
    )
    db.execute(
        update(FollowUp)
        .where(FollowUp.placement_id.in_(ids))
        .values(risk_signals=None, actions_taken=None, by_user_id=None)
        .execution_options(**quiet)
    )


provides(SubjectProvider("placements", _export, _erase))
