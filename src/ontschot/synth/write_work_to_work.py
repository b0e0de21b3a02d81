"""Write the demo region's work-to-work cases in bulk (no services, no log entries).

Employees at risk (candidates with status `employed_at_risk` and a coach) of a few
employers — those with their own demo login first — are registered as the flow
`cases.flows.register_employees_at_risk` registers them: each with a trajectory in the chain
of their current occupation, started in the last two months, a plan aimed at new work
before the last working day, a first next action and a registration row (some through a
sector fund). The job's end lies one to eight months ahead.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from ontschot.cases.trajectories.models import PlanItem, StatusReached, Trajectory, TrajectoryEvent
from ontschot.cases.work_to_work.models import AtRiskEmployee
from ontschot.chains.models import Chain, ChainType, FunctionProfile
from ontschot.employers.models import Employer
from ontschot.people.models import Candidate, CandidateWork
from ontschot.synth.chain_specs import CHAINS
from ontschot.synth.occupations import OCCUPATIONS

EMPLOYERS, PER_EMPLOYER = 4, 6
FUNDS = ("O&O-fonds Metaal en Techniek", "Opleidingsfonds Zorg en Welzijn")


def _at(day: date, rng: random.Random) -> datetime:
    return datetime.combine(day, time(9 + rng.randrange(8), rng.randrange(60)), UTC)


def _chain_of(db: Session) -> tuple[dict[str, int], dict[str, int], int | None]:
    chains = {name: cid for cid, name in db.execute(select(Chain.id, Chain.name)).tuples().all()}
    by_uri = dict(
        db.execute(select(FunctionProfile.occupation_uri, FunctionProfile.chain_id)).tuples().all()
    )
    by_sector: dict[str, int] = {}
    for spec in CHAINS:
        for sector in spec.employer_sectors:
            if spec.name in chains:
                by_sector.setdefault(sector, chains[spec.name])
    return by_uri, by_sector, next(iter(chains.values()), None)


def write_work_to_work(db: Session, *, today: date, seed: int) -> int:
    """Returns the number of employees at risk registered."""
    rng = random.Random(f"{seed}:work-to-work")  # noqa: S311 - reproducible, not secret
    chain_type = db.scalar(select(ChainType).where(ChainType.is_current.is_(True)).limit(1))
    by_uri, by_sector, fallback = _chain_of(db)
    if chain_type is None or fallback is None:
        return 0
    with_trajectory = select(Trajectory.candidate_id)
    people = db.execute(
        select(Candidate.id, Candidate.coach_user_id, Candidate.organisation_id)
        .where(
            Candidate.status == "employed_at_risk",
            Candidate.coach_user_id.is_not(None),
            Candidate.id.not_in(with_trajectory),
        )
        .order_by(Candidate.id)
        .limit(EMPLOYERS * PER_EMPLOYER)
    ).all()
    employers = list(
        db.scalars(
            select(Employer.id)
            .order_by(Employer.organisation_id.is_(None), Employer.id)
            .limit(EMPLOYERS)
        )
    )
    if not people or not employers:
        return 0
    jobs = {
        cid: (title, uri)
        for cid, title, uri in db.execute(
            select(
                CandidateWork.candidate_id, CandidateWork.job_title, CandidateWork.occupation_uri
            )
            .where(CandidateWork.candidate_id.in_([p[0] for p in people]))
            .order_by(CandidateWork.end_date.is_not(None), CandidateWork.id.desc())
        ).tuples()
    }
    sectors = {o.uri: o.sector for o in OCCUPATIONS}
    first_phase = chain_type.phases[0]
    statuses = first_phase.statuses[:2]
    rows, extra = [], []
    for n, (cid, coach, org) in enumerate(people):
        employer = employers[n % len(employers)]
        title, uri = jobs.get(cid, ("Medewerker", None))
        chain = by_uri.get(uri or "") or by_sector.get(sectors.get(uri or "", ""), fallback)
        started = today - timedelta(days=rng.randrange(3, 60))
        ends = today + timedelta(days=rng.randrange(30, 240))
        reached = statuses[: 1 + (rng.random() < 0.5)]
        rows.append(
            {
                "candidate_id": cid,
                "chain_id": chain,
                "chain_type_id": chain_type.id,
                "goal": f"Van werk naar werk, vanuit {title or 'het huidige werk'}"[:300],
                "organisation_id": org,
                "coach_user_id": coach,
                "phase_id": first_phase.id,
                "status_id": reached[-1].id,
                "state": "open",
                "next_action": "Intakegesprek: loopbaanroutes vanuit het huidige werk bespreken"
                if len(reached) == 1
                else "Opleiding voor de gekozen loopbaanroute aanvragen",
                "next_action_due": min(ends, today + timedelta(days=rng.randrange(-3, 14))),
                "started_on": started,
                "created_at": _at(started, rng),
                "updated_at": _at(started, rng),
                "version": 1,
            }
        )
        extra.append((employer, title or "Medewerker", uri, ends, reached, n % 3 == 2))
    ids = [
        r[0]
        for r in db.execute(
            insert(Trajectory).returning(Trajectory.id, sort_by_parameter_order=True), rows
        )
    ]
    reached_rows, events, plans, registrations = [], [], [], []
    for tid, row, (employer, title, uri, ends, reached, via_fund) in zip(
        ids, rows, extra, strict=True
    ):
        for k, status in enumerate(reached):
            day = row["started_on"] + timedelta(days=7 * k)
            reached_rows.append({"trajectory_id": tid, "phase_id": first_phase.id,
                                 "status_id": status.id, "reached_at": _at(min(day, today), rng),
                                 "by_user_id": row["coach_user_id"]})  # fmt: skip
        events.append({"trajectory_id": tid, "kind": "started", "occurred_at": row["created_at"],
                       "by_user_id": row["coach_user_id"], "by_name": "", "organisation_name": "",
                       "summary": "Traject gestart (van werk naar werk)"})  # fmt: skip
        explore_by = min(ends - timedelta(days=14), row["started_on"] + timedelta(days=28))
        created = row["created_at"]
        plans.append(
            {
                "trajectory_id": tid,
                "kind": "goal",
                "due_date": ends,
                "created_at": created,
                "text": f"Nieuw werk vóór {ends:%d-%m-%Y}, als het huidige werk stopt",
            }
        )
        plans.append(
            {
                "trajectory_id": tid,
                "kind": "action",
                "created_at": created,
                "due_date": max(today, explore_by),
                "text": "Loopbaanroutes verkennen en er een of twee kiezen (met opleiding)",
            }
        )
        registrations.append(
            {
                "employer_id": employer,
                "candidate_id": row["candidate_id"],
                "trajectory_id": tid,
                "job_title": title[:200],
                "occupation_uri": uri,
                "hours_per_week": rng.choice((24, 32, 36, 38)),
                "job_ends_on": ends,
                "fund_name": rng.choice(FUNDS) if via_fund else None,
                "organisation_id": row["organisation_id"],
                "registered_by_user_id": None,
                "registered_at": row["created_at"],
            }
        )
        db.execute(
            update(Candidate)
            .where(Candidate.id == row["candidate_id"])
            .values(current_employer_id=employer)
        )
    batches: list[tuple[Any, list[dict[str, Any]]]] = [
        (StatusReached, reached_rows),
        (TrajectoryEvent, events),
        (PlanItem, plans),
        (AtRiskEmployee, registrations),
    ]
    for model, batch in batches:
        db.execute(insert(model), batch)
    return len(ids)
