"""Write the demo region's chains and trajectories in bulk (no services, no log entries).

The standard chain type (version 1), the nine chains with partner employers, the ROC as
educator and function profiles; then trajectories for candidates with a coach whose wishes
fall in a chain: spread over every phase and status, some suspended, some closed with a
result (care drops out more often than logistics), with the status history, activities,
next actions (some overdue, some missing) and a few hand-overs waiting for demo coaches.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ontschot.access.roles import Role
from ontschot.cases.trajectories.models import (
    Activity,
    Handover,
    StatusReached,
    Trajectory,
    TrajectoryEvent,
)
from ontschot.chains.defaults import STANDARD_CHAIN_TYPE, STANDARD_KEY
from ontschot.chains.models import (
    Chain,
    ChainPartner,
    ChainPhase,
    ChainResult,
    ChainStatus,
    ChainType,
    FunctionProfile,
)
from ontschot.synth.chain_specs import CHAINS, ChainSpec
from ontschot.synth.generate import SyntheticRegion
from ontschot.synth.occupations import OCCUPATIONS
from ontschot.taxonomy.models import OccupationSkill, Skill

TRAJECTORY_SHARE = 0.4
KINDS = ("conversation", "training_start", "test", "employer_visit", "trial_day")
SUMMARIES = {
    "conversation": "Gesprek over wensen, uren en wat er nodig is om te starten.",
    "training_start": "Gestart met de opleiding die de keten afsprak.",
    "test": "Praktijktest gedaan; voldoende resultaat.",
    "employer_visit": "Samen op bezoek bij de werkgever; kennismaking met de werkbegeleider.",
    "trial_day": "Meeloopdag gedraaid; de werkgever is positief.",
}
NEXT_ACTIONS = (
    "Terugbellen over de uitslag van de test",
    "Afspraak maken voor een meeloopdag",
    "Opleiding aanvragen bij het ROC",
    "Evaluatiegesprek met de werkgever",
    "Cv bijwerken met de nieuwe certificaten",
)


def _standard_type(db: Session) -> ChainType:
    data = STANDARD_CHAIN_TYPE
    chain_type = ChainType(
        key=STANDARD_KEY,
        version=1,
        name=data.name,
        is_current=True,
        phases=[
            ChainPhase(
                position=n,
                name=p.name,
                needs_employer=p.needs_employer,
                statuses=[ChainStatus(position=m, name=s) for m, s in enumerate(p.statuses, 1)],
            )
            for n, p in enumerate(data.phases, 1)
        ],
        results=[
            ChainResult(position=n, name=r.name, is_work=r.is_work)
            for n, r in enumerate(data.results, 1)
        ],
    )
    db.add(chain_type)
    db.flush()
    return chain_type


def _skills(db: Session, occupation_uri: str) -> tuple[list[str], list[str]]:
    """Skills that count (essential, with a Dutch label) and some to learn on the job."""
    rows = db.execute(
        select(OccupationSkill.skill_uri, OccupationSkill.relation)
        .join(Skill, Skill.uri == OccupationSkill.skill_uri)
        .where(OccupationSkill.occupation_uri == occupation_uri, Skill.label_nl.is_not(None))
        .order_by(OccupationSkill.relation, OccupationSkill.skill_uri)
    ).all()
    essential = [u for u, r in rows if r == "essential"]
    optional = [u for u, r in rows if r != "essential"]
    return essential[:6], (essential[6:8] + optional[:2])


def _chains(
    db: Session, data: SyntheticRegion, org_ids: dict[str, int], user_ids: dict[str, int],
    employer_ids: dict[int, int],
) -> list[tuple[ChainSpec, Chain]]:  # fmt: skip
    plan = data.plan
    coordinators = [u.email for u in plan.users if u.role == Role.EMPLOYER_ADVISER] or [
        u.email for u in plan.users if u.role == Role.PROGRAMME_MANAGER
    ]
    out = []
    educator = org_ids.get("roc")
    for n, spec in enumerate(CHAINS):
        educators = [ChainPartner(kind="educator", organisation_id=educator)] if educator else []
        partners = [
            employer_ids[e.index] for e in plan.employers if e.sector in spec.employer_sectors
        ][:8]
        chain = Chain(
            name=spec.name,
            sector=spec.sector,
            region_code=plan.region.slug,
            chain_type_key=STANDARD_KEY,
            coordinator_user_id=user_ids.get(coordinators[n % len(coordinators)]),
            capacity=spec.capacity,
            intake_criteria=spec.intake,
            description=f"Beroepsgroepenketen {spec.name} van de arbeidsmarktregio "
            f"{plan.region.name}: werkgevers, opleiders en dienstverleners samen.",
            partners=[ChainPartner(kind="employer", employer_id=e) for e in partners] + educators,
        )
        for profile in spec.profiles:
            uri = spec.occupation_uris()[spec.profiles.index(profile)]
            counts, learnable = _skills(db, uri)
            chain.profiles.append(
                FunctionProfile(
                    title=profile.title,
                    occupation_uri=uri,
                    skill_uris=counts,
                    learnable_skill_uris=learnable,
                    learn_on_job=profile.learn_on_job,
                    entry_route=spec.entry_route,
                    agreed_with=f"Partnerwerkgevers van de keten {spec.name}",
                )
            )
        db.add(chain)
        out.append((spec, chain))
    db.flush()
    return out


def _chain_for(wishes: list[str], by_uri: dict[str, int], by_sector: dict[str, int]) -> int | None:
    sectors = {o.uri: o.sector for o in OCCUPATIONS}
    for uri in wishes:
        if uri in by_uri:
            return by_uri[uri]
    for uri in wishes:
        if sectors.get(uri) in by_sector:
            return by_sector[sectors[uri]]
    return None


def _at(day: date, rng: random.Random) -> datetime:
    return datetime.combine(day, time(8 + rng.randrange(9), rng.randrange(60)), UTC)


def write_chains_and_trajectories(
    db: Session,
    data: SyntheticRegion,
    org_ids: dict[str, int],
    user_ids: dict[str, int],
    employer_ids: dict[int, int],
    candidate_ids: list[int],
) -> tuple[int, int]:
    """Returns (chains, trajectories) written."""
    rng = random.Random(f"{data.seed}:{data.plan.region.slug}:chains")  # noqa: S311
    chain_type = _standard_type(db)
    chains = _chains(db, data, org_ids, user_ids, employer_ids)
    by_uri = {u: c.id for spec, c in chains for u in spec.occupation_uris()}
    by_sector: dict[str, int] = {}
    for spec, chain in chains:
        for sector in spec.employer_sectors:
            by_sector.setdefault(sector, chain.id)
    specs = {c.id: (s, c) for s, c in chains}
    statuses = [(p, s) for p in chain_type.phases for s in p.statuses]
    results = {r.name: r.id for r in chain_type.results}
    today = data.today
    rows: list[dict[str, Any]] = []
    paths: list[list[tuple[Any, Any]]] = []
    for cid, c in zip(candidate_ids, data.candidates, strict=True):
        coach = user_ids.get(c["coach_email"]) if c["coach_email"] else None
        chain_id = _chain_for(c["wishes"], by_uri, by_sector)
        if coach is None or chain_id is None or c["status"] != "seeking":
            continue
        if rng.random() > TRAJECTORY_SHARE:
            continue
        spec, chain = specs[chain_id]
        reached = statuses[: 1 + min(len(statuses) - 1, int(rng.triangular(0, 7, 2)))]
        phase, status = reached[-1]
        # Those who reached phase 2 started earlier (up to ~2.4 years), so that their
        # placements spread over the last two years; phase 1 is the last 14 months.
        oldest = 860 if phase.needs_employer else 420
        started = today - timedelta(days=rng.randrange(60 if oldest > 420 else 5, oldest))
        employer = None
        if phase.needs_employer:
            partners = [p.employer_id for p in chain.partners if p.employer_id]
            employer = rng.choice(partners) if partners else None
            if employer is None:
                reached = [r for r in reached if not r[0].needs_employer]
                phase, status = reached[-1]
        state, result, reason, closed_at = "open", None, None, None
        roll = rng.random()
        if (today - started).days > 120 and roll < 0.3:
            state, closed_at = "closed", _at(today - timedelta(days=rng.randrange(1, 60)), rng)
            if status.name in ("Betaald werk", "Nazorg") and rng.random() > spec.drop_out:
                result, reason = results["Duurzaam werk"], "Contract van 12 maanden gekregen."
            elif rng.random() < spec.drop_out * 2:
                result, reason = results["Uitgevallen"], "Gestopt om persoonlijke redenen."
            else:
                result, reason = results["Naar opleiding"], "Gaat een voltijdopleiding volgen."
        elif roll < 0.36:
            state = "suspended"
        has_next = state != "closed" and rng.random() < 0.8
        rows.append(
            {
                "candidate_id": cid,
                "chain_id": chain_id,
                "chain_type_id": chain_type.id,
                "goal": f"Duurzaam werk in {spec.name.lower()}",
                "organisation_id": org_ids[c["org_key"]],
                "coach_user_id": coach,
                "phase_id": phase.id,
                "status_id": status.id,
                "employer_id": employer,
                "state": state,
                "next_action": rng.choice(NEXT_ACTIONS) if has_next else None,
                "next_action_due": today + timedelta(days=rng.randrange(-12, 28))
                if has_next
                else None,
                "result_id": result,
                "close_reason": reason,
                "closed_at": closed_at,
                "started_on": started,
                "created_at": _at(started, rng),
                "updated_at": _at(today - timedelta(days=rng.randrange(0, 20)), rng),
                "version": 1,
            }
        )
        paths.append(reached)
    ids = [
        row[0]
        for row in db.execute(
            insert(Trajectory).returning(Trajectory.id, sort_by_parameter_order=True), rows
        )
    ] if rows else []  # fmt: skip
    _history(db, rng, ids, rows, paths, today)
    _handovers(db, rng, data, ids, rows, org_ids, user_ids)
    return len(chains), len(ids)


def _history(
    db: Session,
    rng: random.Random,
    ids: list[int],
    rows: list[dict[str, Any]],
    paths: list[list[tuple[Any, Any]]],
    today: date,
) -> None:
    reached_rows, activity_rows, event_rows = [], [], []
    for tid, row, path in zip(ids, rows, paths, strict=True):
        span = max(1, (today - row["started_on"]).days)
        day = row["started_on"]
        for n, (phase, status) in enumerate(path):
            # each status takes two to eight weeks, so durations look like real ones and
            # the oldest trajectories reached phase 2 (and work) long ago
            if n:
                day = min(today, day + timedelta(days=rng.randrange(14, 60)))
            reached_rows.append(
                {
                    "trajectory_id": tid,
                    "phase_id": phase.id,
                    "status_id": status.id,
                    "reached_at": _at(day, rng),
                    "by_user_id": row["coach_user_id"],
                }
            )
        for _ in range(rng.randrange(1, 5)):
            kind = rng.choice(KINDS)
            activity_rows.append(
                {
                    "trajectory_id": tid,
                    "kind": kind,
                    "occurred_on": row["started_on"] + timedelta(days=rng.randrange(span)),
                    "summary": SUMMARIES[kind],
                    "by_user_id": row["coach_user_id"],
                    "by_name": "",
                    "organisation_name": "",
                    "created_at": row["created_at"],
                }
            )
        event_rows.append(
            {
                "trajectory_id": tid,
                "kind": "started",
                "occurred_at": row["created_at"],
                "by_user_id": row["coach_user_id"],
                "by_name": "",
                "organisation_name": "",
                "summary": "Traject gestart",
            }
        )
    for model, batch in (
        (StatusReached, reached_rows),
        (Activity, activity_rows),
        (TrajectoryEvent, event_rows),
    ):
        if batch:
            db.execute(insert(model), batch)


def _handovers(
    db: Session,
    rng: random.Random,
    data: SyntheticRegion,
    ids: list[int],
    rows: list[dict[str, Any]],
    org_ids: dict[str, int],
    user_ids: dict[str, int],
) -> None:
    """Two hand-overs waiting for each demo coach, from coaches of other organisations."""
    demo = [u for u in data.plan.users if u.role == Role.COACH and u.is_demo_login]
    batch = []
    for user in demo:
        receiver, receiver_org = user_ids[user.email], org_ids[user.org_key]
        candidates = [
            (tid, row)
            for tid, row in zip(ids, rows, strict=True)
            if row["state"] == "open" and row["organisation_id"] != receiver_org
        ]
        for tid, row in rng.sample(candidates, min(2, len(candidates))):
            batch.append(
                {
                    "trajectory_id": tid,
                    "from_organisation_id": row["organisation_id"],
                    "from_user_id": row["coach_user_id"],
                    "to_organisation_id": receiver_org,
                    "to_user_id": receiver,
                    "status": "proposed",
                    "message": "Deze werkzoekende verhuist naar uw werkgebied; "
                    "het traject past beter bij uw organisatie.",
                    "proposed_at": datetime.now(UTC) - timedelta(days=rng.randrange(0, 5)),
                    "sender_keeps_access": False,
                }
            )
    if batch:
        db.execute(insert(Handover), batch)
