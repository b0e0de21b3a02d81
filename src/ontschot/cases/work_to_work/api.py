"""Work-to-work API: register a list of employees at risk (the flow), list registrations."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from ontschot.access.actor import Actor
from ontschot.access.deps import requires
from ontschot.cases import flows
from ontschot.cases.work_to_work import reads
from ontschot.cases.work_to_work.schemas import AtRiskRead, AtRiskRegistration, AtRiskReport
from ontschot.deps import DbSession
from ontschot.schemas import Page

router = APIRouter(tags=["work-to-work"])


@router.post("/employees-at-risk", status_code=201, response_model=AtRiskReport)
def register_employees_at_risk(
    body: AtRiskRegistration,
    db: DbSession,
    response: Response,
    actor: Annotated[Actor, Depends(requires("work_to_work.register"))],
) -> AtRiskReport:
    """Register employees at risk of losing their job; each gets a trajectory before the job
    ends. `mode: all_or_nothing` (400 naming `employees.<row>.<field>`, nothing written) or
    `per_row` (201 with the refused rows in `refused`; 200 when none was registered)."""
    report = flows.register_employees_at_risk(db, actor=actor, data=body)
    if not report.registered:
        response.status_code = 200
    return report


@router.get("/employees-at-risk", response_model=Page[AtRiskRead])
def list_employees_at_risk(
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("work_to_work.read"))],
    employer_id: Annotated[int | None, Query(ge=1, le=2**31 - 1, alias="employerId")] = None,
) -> Page[AtRiskRead]:
    rows = reads.list_at_risk(db, actor=actor, employer_id=employer_id)
    return Page(items=rows, total=len(rows), page=1, page_size=max(len(rows), 1))
