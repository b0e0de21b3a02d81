"""Write the demo region's placements and follow-ups in bulk (no services, no log entries).

Trajectories that reached phase 2 with an employer get a placement (some first a trial
placement turned into a contract), started within the trajectory's life. Follow-ups are
scheduled at 1, 3, 6 and 12 months; those that fell due are mostly recorded. People drop
out month by month at a rate of their chain (`ChainSpec.drop_out`: care loses people
faster than logistics), which ends the placement and leaves its later follow-ups lapsed,
so the results monitor has a history of durable and non-durable work to show.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ontschot.cases.placements.models import FollowUp, Placement
from ontschot.cases.placements.rules import DEFAULT_RULES, add_months
from ontschot.cases.trajectories.models import Trajectory
from ontschot.chains.models import Chain, ChainPhase
from ontschot.synth.chain_specs import CHAINS

TRIAL_SHARE = 0.2
RISKS = (
    "Veel verzuim de laatste weken.",
    "Vervoer naar het werk is lastig (late diensten).",
    "Spanning met de leidinggevende.",
    "Zorgen om geld; schuldhulp loopt.",
)
ACTIONS = (
    "Gesprek met werkgever en werkbegeleider gehad.",
    "Afspraken over de roosters gemaakt.",
    "Doorverwezen naar schuldhulp van de gemeente.",
    "Telefonisch contact; gaat goed.",
)


def _at(day: date, rng: random.Random) -> datetime:
    return datetime.combine(day, time(9 + rng.randrange(8), rng.randrange(60)), UTC)


def _months_worked(rng: random.Random, drop_out: float) -> int | None:
    """Months until the work ends (None: still working after two years)."""
    hazard = drop_out / 6
    for month in range(1, 25):
        if rng.random() < hazard:
            return month
    return None


def write_placements(db: Session, *, today: date, seed: int) -> int:
    """Returns the number of placements written."""
    rng = random.Random(f"{seed}:placements")  # noqa: S311
    drop_out = {spec.name: spec.drop_out for spec in CHAINS}
    rows = db.execute(
        select(Trajectory, Chain.name)
        .join(Chain, Chain.id == Trajectory.chain_id)
        .join(ChainPhase, ChainPhase.id == Trajectory.phase_id)
        .where(ChainPhase.needs_employer, Trajectory.employer_id.is_not(None))
        .order_by(Trajectory.id)
    ).all()
    placements: list[dict[str, Any]] = []
    plans: list[tuple[date, int | None, int, bool]] = []
    for trajectory, chain_name in rows:
        earliest = trajectory.started_on + timedelta(days=21)
        latest = today - timedelta(days=7)
        if earliest > latest:
            continue
        start = earliest + timedelta(days=rng.randrange((latest - earliest).days + 1))
        hours = rng.choice((16, 20, 24, 24, 28, 32, 32, 36, 38))
        base = {
            "trajectory_id": trajectory.id,
            "candidate_id": trajectory.candidate_id,
            "employer_id": trajectory.employer_id,
            "organisation_id": trajectory.organisation_id,
            "created_by_user_id": trajectory.coach_user_id,
            "hours_per_week": hours,
        }
        if rng.random() < TRIAL_SHARE and start + timedelta(days=62) < latest:
            trial_end = add_months(start, 2)
            placements.append(
                base
                | {
                    "contract_type": "fixed_term",
                    "paid": False,
                    "start_date": start,
                    "trial_end_date": trial_end,
                    "intended_contract_months": 12,
                    "ended_on": trial_end,
                    "end_reason": "trial_converted",
                    "created_at": _at(start, rng),
                }
            )
            plans.append((start, 2, hours, True))
            start = trial_end + timedelta(days=1)
        contract = rng.choice(("permanent", "fixed_term", "fixed_term", "agency"))
        worked = _months_worked(rng, drop_out.get(chain_name, 0.25))
        ended = add_months(start, worked) if worked is not None else None
        if ended is not None and ended > today:
            ended = None
        placements.append(
            base
            | {
                "contract_type": contract,
                "contract_months": None if contract == "permanent" else rng.choice((6, 12, 12)),
                "wage_cents": rng.randrange(1350, 2100),  # € 13,50 – € 21,00 an hour
                "wage_period": "hour",
                "paid": True,
                "start_date": start,
                "ended_on": ended,
                "end_reason": rng.choice(("resigned", "dismissed", "contract_ended", "health"))
                if ended
                else None,
                "created_at": _at(start, rng),
            }
        )
        plans.append((start, worked if ended else None, hours, False))
    if not placements:
        return 0
    ids = [
        row[0]
        for row in db.execute(
            insert(Placement).returning(Placement.id, sort_by_parameter_order=True), placements
        )
    ]
    follow_ups: list[dict[str, Any]] = []
    for pid, (start, worked, hours, _trial) in zip(ids, plans, strict=True):
        for months in DEFAULT_RULES.follow_up_months:
            due = add_months(start, months)
            row: dict[str, Any] = {"placement_id": pid, "months": months, "due_date": due}
            lapsed = worked is not None and months >= worked
            if due <= today and not lapsed and rng.random() < 0.9:
                contact = min(today, due + timedelta(days=rng.randrange(-3, 10)))
                changed = rng.random() < 0.12
                risky = rng.random() < 0.25
                row |= {
                    "done_at": _at(contact, rng),
                    "contact_date": contact,
                    "still_working": True,
                    "same_hours": not changed,
                    "hours_now": max(8, hours - 8) if changed else hours,
                    "risk_signals": rng.choice(RISKS) if risky else None,
                    "actions_taken": rng.choice(ACTIONS),
                    "by_user_id": None,
                }
            follow_ups.append(row)
    # rows of different keys: insert those recorded and those still open apart
    done = [r for r in follow_ups if "done_at" in r]
    open_ = [r for r in follow_ups if "done_at" not in r]
    for batch in (done, open_):
        if batch:
            db.execute(insert(FollowUp), batch)
    return len(ids)
