"""Builders for placements in tests: a trajectory in phase 2 with a proposal at 'offer'."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ontschot.access.models import AppUser
from ontschot.access.roles import Role
from ontschot.audit.models import AuditEntry
from ontschot.cases.placements.schemas import PlacementCreate
from ontschot.cases.trajectories.models import Trajectory
from ontschot.db import Base
from ontschot.people.pipeline import advance_introduction, propose_for_vacancy
from tests.cases.helpers import make_trajectory, move_to
from tests.factories import actor_of, allow_employers, make_employer, make_user, make_vacancy


@dataclass
class Ready:
    coach: AppUser
    trajectory: Trajectory
    employer: Any
    vacancy: Any
    introduction: Any


def ready_to_place(
    db: Session,
    coach: AppUser | None = None,
    *,
    status: str = "offer",
    phase_two: bool = True,
) -> Ready:
    coach = coach or make_user(db, Role.COACH)
    trajectory = make_trajectory(db, coach)
    from ontschot.people.models import Candidate

    candidate = db.get(Candidate, trajectory.candidate_id)
    allow_employers(db, coach, candidate)
    employer = make_employer(db)
    vacancy = make_vacancy(db, make_user(db, Role.EMPLOYER_ADVISER), employer)
    actor = actor_of(coach)
    intro = propose_for_vacancy(db, actor=actor, candidate_id=candidate.id, vacancy_id=vacancy.id)
    for step in ("introduced", "interview", "offer", "placed"):
        if intro.status == status:
            break
        advance_introduction(db, actor=actor, introduction_id=intro.id, status=step)
    if phase_two:
        trajectory = move_to(db, coach, trajectory, "Betaald werk", employer_id=employer.id)
    return Ready(coach, trajectory, employer, vacancy, intro)


def placement_data(ready: Ready, start: date, **overrides: Any) -> PlacementCreate:
    body: dict[str, Any] = {
        "trajectoryId": ready.trajectory.id,
        "employerId": ready.employer.id,
        "vacancyId": ready.vacancy.id,
        "startDate": start.isoformat(),
        "hoursPerWeek": 32,
        "contractType": "fixed_term",
        "contractMonths": 12,
        "paid": True,
        "wageCents": 285000,
        "wagePeriod": "month",
    }
    body.update(overrides)
    return PlacementCreate.model_validate(body)


# what a request through the API writes however it ends: its login session, the log of
# the refusal, rate-limit counters
REQUEST_TABLES = ("user_session", "api_token", "rate_limit_bucket")


def snapshot(db: Session, *, with_log: bool = True, api: bool = False) -> dict[str, Any]:
    """Every table's rows (the log's row count only when asked): "nothing changed"."""
    db.expire_all()
    out: dict[str, Any] = {}
    for table in Base.metadata.sorted_tables:
        if api and table.name in REQUEST_TABLES:
            continue
        if table.name == AuditEntry.__tablename__:
            if with_log:
                out[table.name] = db.scalar(select(func.count()).select_from(table))
            continue
        out[table.name] = sorted(
            tuple(str(v) for v in row) for row in db.execute(select(table)).all()
        )
    return out
