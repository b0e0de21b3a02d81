"""Reading work-to-work registrations: an employer its own, advisers and programme
managers the region's. Every row shown is logged against the employee."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from ontschot.access.actor import Actor
from ontschot.access.models import AppUser
from ontschot.access.roles import Scope
from ontschot.audit import service as audit
from ontschot.cases.trajectories.models import Trajectory
from ontschot.cases.work_to_work.models import AtRiskEmployee
from ontschot.cases.work_to_work.schemas import AtRiskRead
from ontschot.chains.models import ChainStatus
from ontschot.employers.models import Employer
from ontschot.people.models import Candidate
from ontschot.tx import transactional

PURPOSE = "van werk naar werk"
ERASED_NAME = "(gegevens gewist)"


@transactional
def list_at_risk(
    db: Session, *, actor: Actor, employer_id: int | None = None, limit: int = 500
) -> list[AtRiskRead]:
    """Registrations the actor may see, soonest job end first."""
    scope = actor.require("work_to_work.read")
    coach = aliased(AppUser)
    query = (
        select(AtRiskEmployee, Employer, Candidate, Trajectory, ChainStatus, coach)
        .join(Employer, Employer.id == AtRiskEmployee.employer_id)
        .join(Candidate, Candidate.id == AtRiskEmployee.candidate_id)
        .outerjoin(Trajectory, Trajectory.id == AtRiskEmployee.trajectory_id)
        .outerjoin(ChainStatus, ChainStatus.id == Trajectory.status_id)
        .outerjoin(coach, coach.id == Trajectory.coach_user_id)
        .order_by(AtRiskEmployee.job_ends_on, AtRiskEmployee.id)
        .limit(limit)
    )
    if scope == Scope.OWN:
        query = query.where(Employer.organisation_id == actor.organisation_id)
    elif actor.region_code:
        query = query.where(Candidate.region_code == actor.region_code)
    if employer_id is not None:
        query = query.where(AtRiskEmployee.employer_id == employer_id)
    out = []
    for row, employer, candidate, trajectory, status, user in db.execute(query).tuples():
        erased = candidate.erased_at is not None
        out.append(
            AtRiskRead(
                id=row.id,
                employer_id=employer.id,
                employer_name=employer.name,
                candidate_id=candidate.id,
                name=ERASED_NAME if erased else f"{candidate.first_name} {candidate.last_name}",
                job_title=row.job_title,
                occupation_uri=row.occupation_uri,
                hours_per_week=row.hours_per_week,
                job_ends_on=row.job_ends_on,
                fund_name=row.fund_name,
                trajectory_id=trajectory.id if trajectory else None,
                trajectory_status=status.name if status else None,
                trajectory_state=trajectory.state if trajectory else None,
                coach_name=user.display_name if user else None,
                candidate_status=candidate.status,
            )
        )
        audit.record(
            db,
            actor=actor,
            action="work_to_work.read",
            object_type="at_risk_employee",
            object_id=row.id,
            subject_key=candidate.subject_key,
            purpose=PURPOSE,
        )
    return out
