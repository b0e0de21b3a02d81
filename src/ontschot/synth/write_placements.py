"""Write the demo region's placements and follow-ups in bulk (no services, no log entries).

Trajectories that reached phase 2 with an employer get a placement (some first a trial
placement turned into a contract), started within two weeks of reaching phase 2; their
starts spread over the last two years. Every placement comes from a proposal (an
introduction to the employer, stepped from proposed to placed in the weeks before the
start, with the employer's grant), as the placement flow requires. Follow-ups are
scheduled at 1, 3, 6 and 12 months; those that fell due are mostly recorded. People drop
out month by month at a rate of their chain (`ChainSpec.drop_out`: care loses people
faster than logistics), which ends the placement and leaves its later follow-ups lapsed,
so the results monitor has a history of durable and non-durable work to show.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from ontschot.cases.placements.models import FollowUp, Placement
from ontschot.cases.placements.rules import DEFAULT_RULES, add_months
from ontschot.cases.trajectories.models import StatusReached, Trajectory
from ontschot.chains.models import Chain, ChainPhase
from ontschot.people.models import AccessGrant, Consent, Introduction, IntroductionStep
from ontschot.people.vum import ConsentPurpose
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


@dataclass(frozen=True)
class Written:
    placements: int
    introductions: int


def write_placements(db: Session, *, today: date, seed: int) -> Written:
    """Returns the number of placements and of the proposals they came from."""
    rng = random.Random(f"{seed}:placements")  # noqa: S311
    drop_out = {spec.name: spec.drop_out for spec in CHAINS}
    rows = db.execute(
        select(Trajectory, Chain.name)
        .join(Chain, Chain.id == Trajectory.chain_id)
        .join(ChainPhase, ChainPhase.id == Trajectory.phase_id)
        .where(ChainPhase.needs_employer, Trajectory.employer_id.is_not(None))
        .order_by(Trajectory.id)
    ).all()
    phase_two = dict(
        db.execute(
            select(StatusReached.trajectory_id, func.min(StatusReached.reached_at))
            .join(ChainPhase, ChainPhase.id == StatusReached.phase_id)
            .where(ChainPhase.needs_employer)
            .group_by(StatusReached.trajectory_id)
        )
        .tuples()
        .all()
    )
    placements: list[dict[str, Any]] = []
    plans: list[tuple[date, int | None, int, bool]] = []
    for trajectory, chain_name in rows:
        reached = phase_two.get(trajectory.id)
        earliest = max(
            trajectory.started_on + timedelta(days=7),
            reached.date() if reached else trajectory.started_on + timedelta(days=21),
        )
        latest = today - timedelta(days=7)
        if earliest > latest:
            continue
        start = min(latest, earliest + timedelta(days=rng.randrange(15)))
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
        return Written(0, 0)
    introductions = _link_introductions(db, rng, placements)
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
    return Written(len(ids), introductions)


STEPS = ("proposed", "introduced", "interview", "offer", "placed")


def _link_introductions(db: Session, rng: random.Random, placements: list[dict[str, Any]]) -> int:
    """One proposal per trajectory and employer, placed on the first start (a trial and the
    contract after it come from the same proposal); sets each placement's `introduction_id`."""
    firsts: dict[tuple[int, int], dict[str, Any]] = {}
    for row in placements:
        firsts.setdefault((row["trajectory_id"], row["employer_id"]), row)
    keys = list(firsts)
    intro_rows, step_plans = [], []
    for key in keys:
        first = firsts[key]
        start: date = first["start_date"]
        gaps = [rng.randrange(3, 12) for _ in STEPS[1:]] + [rng.randrange(1, 6)]
        day = start - timedelta(days=sum(gaps))
        days = []
        for gap in gaps:
            days.append(day)
            day += timedelta(days=gap)
        coach = first["created_by_user_id"]
        steps = [(status, _at(d, rng)) for status, d in zip(STEPS, days, strict=True)]
        intro_rows.append(
            {
                "candidate_id": first["candidate_id"],
                "employer_id": first["employer_id"],
                "vacancy_id": None,  # vacancies from before the demo's own are gone
                "consent_given_at": steps[0][1],
                "created_by_user_id": coach,
                "status": "placed",
                "status_at": steps[-1][1],
                "employer_answer": "interested",
                "answered_at": steps[1][1],
            }
        )
        step_plans.append((coach, steps))
    ids = [
        r[0]
        for r in db.execute(
            insert(Introduction).returning(Introduction.id, sort_by_parameter_order=True),
            intro_rows,
        )
    ]
    by_key = dict(zip(keys, ids, strict=True))
    step_rows, grants = [], []
    for intro_id, intro, (coach, steps) in zip(ids, intro_rows, step_plans, strict=True):
        step_rows += [
            {"introduction_id": intro_id, "status": status, "reached_at": at,
             "by_user_id": None if status == "introduced" else coach,
             "party": "employer" if status == "introduced" else "coach", "reason": None}
            for status, at in steps
        ]  # fmt: skip
        grants.append(
            {"candidate_id": intro["candidate_id"], "employer_id": intro["employer_id"],
             "view": "full", "purpose": "introduction", "basis": "introduction",
             "source_type": "introduction", "source_id": intro_id,
             "valid_from": intro["consent_given_at"], "granted_by_user_id": coach}
        )  # fmt: skip
    db.execute(insert(IntroductionStep), step_rows)
    db.execute(insert(AccessGrant), grants)
    _consents_before(db, intro_rows)
    for row in placements:
        row["introduction_id"] = by_key[(row["trajectory_id"], row["employer_id"])]
    return len(ids)


def _consents_before(db: Session, intro_rows: list[dict[str, Any]]) -> None:
    """A proposal needs the candidate's consent to be suggested to employers: those placed
    without one gave it when they were first proposed (with its anonymised grant)."""
    purpose = ConsentPurpose.EMPLOYER_SUGGESTIONS.value
    have = set(db.scalars(select(Consent.candidate_id).where(Consent.purpose == purpose)))
    first: dict[int, datetime] = {}
    for intro in intro_rows:
        cid, at = intro["candidate_id"], intro["consent_given_at"]
        if cid not in have and (cid not in first or at < first[cid]):
            first[cid] = at
    if not first:
        return
    rows = [
        {"candidate_id": cid, "purpose": purpose, "partner_category": "all", "given_at": at}
        for cid, at in sorted(first.items())
    ]
    ids = [
        r[0]
        for r in db.execute(
            insert(Consent).returning(Consent.id, sort_by_parameter_order=True), rows
        )
    ]
    db.execute(
        insert(AccessGrant),
        [
            {"candidate_id": row["candidate_id"], "partner_category": "all", "view": "anonymised",
             "purpose": purpose, "basis": "consent", "source_type": "consent", "source_id": cid,
             "valid_from": row["given_at"]}
            for cid, row in zip(ids, rows, strict=True)
        ],
    )  # fmt: skip
