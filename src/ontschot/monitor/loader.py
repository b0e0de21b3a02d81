"""Filling the `Facts` bundle from the rows erasure keeps, and from the budget's ledger.

Only facts leave here: a person is a keyed pseudonym (the processing log's), never a name,
a BSN, contact data or free text. An erased candidate's placements, follow-ups, trajectory
status times and municipality/benefit/status stay in the database (see the subject-data
providers), so the monitor counts them after erasure as before.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot import clock
from ontschot.access.models import Organisation
from ontschot.audit.service import pseudonymise
from ontschot.cases.placements.models import FollowUp, Placement
from ontschot.cases.trajectories.models import Trajectory
from ontschot.chains.models import Chain, ChainResult
from ontschot.monitor.facts import (
    Facts,
    IntroductionFact,
    MoneyFact,
    Observation,
    PersonFact,
    PlacementFact,
    TrajectoryFact,
)
from ontschot.monitor.money import ledger_money
from ontschot.people.models import Candidate, Introduction
from ontschot.taxonomy.models import Occupation

MoneySource = Callable[[Session], list[MoneyFact]]


# The pooled budget's ledger (monitor/money.py); tests pass their own source.
money_facts: MoneySource = ledger_money


def _local(moment: datetime) -> date:
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(clock.AMSTERDAM).date()


def _day(moment: datetime | None) -> date | None:
    return None if moment is None else _local(moment)


def _key(candidate_id: int) -> str:
    return pseudonymise(f"candidate:{candidate_id}")[:16]


def collect_facts(db: Session, *, money: MoneySource | None = None) -> Facts:
    candidates = {
        row.id: row
        for row in db.execute(
            select(
                Candidate.id,
                Candidate.municipality,
                Candidate.benefit,
                Candidate.status,
                Candidate.organisation_id,
                Candidate.coach_user_id,
                Candidate.created_at,
                Candidate.current_employer_id,
            )
        )
    }
    keys = {cid: _key(cid) for cid in candidates}
    chains = {c.id: c for c in db.execute(select(Chain.id, Chain.name, Chain.sector))}
    organisations = dict(db.execute(select(Organisation.id, Organisation.name)).tuples().all())
    results = {
        r.id: r for r in db.execute(select(ChainResult.id, ChainResult.name, ChainResult.is_work))
    }
    labels = dict(
        db.execute(
            select(Occupation.uri, Occupation.label_nl).where(
                Occupation.uri.in_(select(Placement.occupation_uri).distinct())
            )
        )
        .tuples()
        .all()
    )
    trajectory_rows = list(
        db.execute(
            select(
                Trajectory.id,
                Trajectory.candidate_id,
                Trajectory.chain_id,
                Trajectory.organisation_id,
                Trajectory.coach_user_id,
                Trajectory.started_on,
                Trajectory.closed_at,
                Trajectory.result_id,
            )
        )
    )
    chains_of: dict[int, set[int]] = defaultdict(set)
    trajectories = []
    by_id = {}
    for t in trajectory_rows:
        person = candidates[t.candidate_id]
        chains_of[t.candidate_id].add(t.chain_id)
        by_id[t.id] = t
        result = results.get(t.result_id) if t.result_id else None
        trajectories.append(
            TrajectoryFact(
                trajectory_id=t.id,
                person_key=keys[t.candidate_id],
                chain_id=t.chain_id,
                organisation_id=t.organisation_id,
                coach_user_id=t.coach_user_id,
                municipality=person.municipality,
                target_group=person.benefit,
                started_on=t.started_on,
                closed_on=_day(t.closed_at),
                result_name=result.name if result else None,
                result_is_work=bool(result.is_work) if result else None,
            )
        )
    observations: dict[int, list[Observation]] = defaultdict(list)
    for f in db.execute(
        select(
            FollowUp.placement_id,
            FollowUp.months,
            FollowUp.contact_date,
            FollowUp.still_working,
            FollowUp.same_hours,
            FollowUp.hours_now,
        ).where(FollowUp.done_at.is_not(None))
    ):
        observations[f.placement_id].append(
            Observation(f.months, f.contact_date, f.still_working, f.same_hours, f.hours_now)
        )
    placements = []
    for p in db.execute(
        select(
            Placement.id,
            Placement.trajectory_id,
            Placement.candidate_id,
            Placement.occupation_uri,
            Placement.start_date,
            Placement.ended_on,
            Placement.end_reason,
            Placement.hours_per_week,
            Placement.paid,
        ).order_by(Placement.id)
    ):
        t = by_id[p.trajectory_id]
        person = candidates[p.candidate_id]
        chain = chains[t.chain_id]
        placements.append(
            PlacementFact(
                placement_id=p.id,
                person_key=keys[p.candidate_id],
                trajectory_id=t.id,
                chain_id=t.chain_id,
                chain_name=chain.name,
                sector=chain.sector,
                organisation_id=t.organisation_id,
                organisation_name=organisations.get(t.organisation_id, ""),
                coach_user_id=t.coach_user_id,
                municipality=person.municipality,
                target_group=person.benefit,
                occupation_uri=p.occupation_uri,
                occupation_label=labels.get(p.occupation_uri) or p.occupation_uri or "",
                intake_on=t.started_on,
                start_date=p.start_date,
                ended_on=p.ended_on,
                end_reason=p.end_reason,
                hours_per_week=p.hours_per_week,
                paid=bool(p.paid),
                work_to_work=person.status == "employed_at_risk"
                or person.current_employer_id is not None,
                follow_ups=tuple(observations.get(p.id, ())),
            )
        )
    people = [
        PersonFact(
            person_key=keys[c.id],
            municipality=c.municipality,
            benefit=c.benefit,
            status=c.status,
            organisation_id=c.organisation_id,
            coach_user_id=c.coach_user_id,
            registered_on=_local(c.created_at),
            chain_ids=tuple(sorted(chains_of.get(c.id, ()))),
        )
        for c in candidates.values()
    ]
    introductions = [
        IntroductionFact(
            person_key=keys[i.candidate_id],
            organisation_id=candidates[i.candidate_id].organisation_id,
            municipality=candidates[i.candidate_id].municipality,
            target_group=candidates[i.candidate_id].benefit,
            introduced_on=_local(i.consent_given_at),
        )
        for i in db.execute(select(Introduction.candidate_id, Introduction.consent_given_at))
    ]
    return Facts(
        people=tuple(people),
        trajectories=tuple(trajectories),
        placements=tuple(placements),
        introductions=tuple(introductions),
        money=tuple((money or money_facts)(db)),
        chain_names={c.id: c.name for c in chains.values()},
        organisation_names=organisations,
        chain_sectors={c.id: c.sector for c in chains.values()},
        taken_on=clock.today(),
    )
