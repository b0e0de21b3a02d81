"""Filters (the monitor's dimensions) and the selection of facts they leave."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from ontschot.monitor.facts import (
    Facts,
    IntroductionFact,
    MoneyFact,
    PersonFact,
    PlacementFact,
    TrajectoryFact,
)


@dataclass(frozen=True)
class MonitorFilter:
    """Every dimension the monitor can be cut by; None means all."""

    period_from: date | None = None
    period_to: date | None = None
    chain_id: int | None = None
    organisation_id: int | None = None
    coach_user_id: int | None = None  # programme manager only (checked by the service)
    instrument: str | None = None
    fund_id: int | None = None
    financier_id: int | None = None
    municipality: str | None = None
    target_group: str | None = None
    sector: str | None = None
    occupation_uri: str | None = None

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) is None for f in fields(self))

    def without_chain(self) -> MonitorFilter:
        """The same cut for the whole region (the comparison line under a chain's curve)."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update(chain_id=None, sector=None)
        return MonitorFilter(**values)

    @property
    def money_only(self) -> bool:
        return any(v is not None for v in (self.instrument, self.fund_id, self.financier_id))


def _in_period(day: date, flt: MonitorFilter) -> bool:
    if flt.period_from is not None and day < flt.period_from:
        return False
    return not (flt.period_to is not None and day > flt.period_to)


def money_in(facts: Facts, flt: MonitorFilter) -> list[MoneyFact]:
    out = []
    for m in facts.money:
        if flt.instrument is not None and m.instrument != flt.instrument:
            continue
        if flt.fund_id is not None and m.fund_id != flt.fund_id:
            continue
        if flt.financier_id is not None and m.financier_id != flt.financier_id:
            continue
        if flt.chain_id is not None and m.chain_id != flt.chain_id:
            continue
        if flt.municipality is not None and m.municipality != flt.municipality:
            continue
        if not _in_period(m.period, flt):
            continue
        out.append(m)
    return out


def _funded_trajectories(facts: Facts, flt: MonitorFilter) -> set[int] | None:
    """Trajectories paid from the chosen instrument/fund/financier; None when not cut so."""
    if not flt.money_only:
        return None
    return {m.trajectory_id for m in money_in(facts, flt) if m.trajectory_id is not None}


def placements_in(facts: Facts, flt: MonitorFilter) -> list[PlacementFact]:
    funded = _funded_trajectories(facts, flt)
    out = []
    for p in facts.placements:
        if funded is not None and p.trajectory_id not in funded:
            continue
        if flt.chain_id is not None and p.chain_id != flt.chain_id:
            continue
        if flt.organisation_id is not None and p.organisation_id != flt.organisation_id:
            continue
        if flt.coach_user_id is not None and p.coach_user_id != flt.coach_user_id:
            continue
        if flt.municipality is not None and p.municipality != flt.municipality:
            continue
        if flt.target_group is not None and p.target_group != flt.target_group:
            continue
        if flt.sector is not None and p.sector != flt.sector:
            continue
        if flt.occupation_uri is not None and p.occupation_uri != flt.occupation_uri:
            continue
        if not _in_period(p.start_date, flt):
            continue
        out.append(p)
    return out


def trajectories_in(facts: Facts, flt: MonitorFilter) -> list[TrajectoryFact]:
    funded = _funded_trajectories(facts, flt)
    # a trajectory has no occupation of its own: it counts for one when it placed someone in it
    in_occupation = (
        {p.trajectory_id for p in facts.placements if p.occupation_uri == flt.occupation_uri}
        if flt.occupation_uri is not None
        else None
    )
    out = []
    for t in facts.trajectories:
        if funded is not None and t.trajectory_id not in funded:
            continue
        if flt.chain_id is not None and t.chain_id != flt.chain_id:
            continue
        if flt.organisation_id is not None and t.organisation_id != flt.organisation_id:
            continue
        if flt.coach_user_id is not None and t.coach_user_id != flt.coach_user_id:
            continue
        if flt.municipality is not None and t.municipality != flt.municipality:
            continue
        if flt.target_group is not None and t.target_group != flt.target_group:
            continue
        if flt.sector is not None and facts.chain_sectors.get(t.chain_id) != flt.sector:
            continue
        if in_occupation is not None and t.trajectory_id not in in_occupation:
            continue
        if not _in_period(t.started_on, flt):
            continue
        out.append(t)
    return out


def people_in(facts: Facts, trajectories: list[TrajectoryFact]) -> list[PersonFact]:
    """People served: everyone with a trajectory in the selection, each once."""
    keys = {t.person_key for t in trajectories}
    return [p for p in facts.people if p.person_key in keys]


def introductions_in(
    facts: Facts, flt: MonitorFilter, trajectories: list[TrajectoryFact]
) -> list[IntroductionFact]:
    narrowed = flt.money_only or any(
        v is not None for v in (flt.chain_id, flt.sector, flt.occupation_uri, flt.coach_user_id)
    )
    keys = {t.person_key for t in trajectories}
    out = []
    for i in facts.introductions:
        if narrowed and i.person_key not in keys:
            continue
        if flt.organisation_id is not None and i.organisation_id != flt.organisation_id:
            continue
        if flt.municipality is not None and i.municipality != flt.municipality:
            continue
        if flt.target_group is not None and i.target_group != flt.target_group:
            continue
        if not _in_period(i.introduced_on, flt):
            continue
        out.append(i)
    return out
