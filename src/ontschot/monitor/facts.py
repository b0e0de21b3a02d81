"""The facts the results monitor counts: typed, pseudonymised, free of names and free text.

Every indicator is a pure function of a `Facts` bundle (see `indicators.py`), so the same
bundle gives the same figure on the page, in the API, the XLSX and the PDF. The bundle is
filled from the first-class rows that erasure keeps (placements with their follow-ups,
trajectories with their status times, candidates' municipality/benefit/status) and from the
pooled budget's ledger through `money_facts` (see `loader.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Observation:
    """What one recorded follow-up found (the fields `durability.durable` reads)."""

    months: int
    contact_date: date | None
    still_working: bool | None
    same_hours: bool | None
    hours_now: int | None


@dataclass(frozen=True)
class PlacementFact:
    placement_id: int
    person_key: str
    trajectory_id: int
    chain_id: int
    chain_name: str
    sector: str
    organisation_id: int
    organisation_name: str
    coach_user_id: int
    municipality: str
    target_group: str  # the benefit the person had at intake (ww, bijstand, …, none)
    occupation_uri: str | None
    occupation_label: str
    intake_on: date  # the trajectory's start
    start_date: date
    ended_on: date | None
    end_reason: str | None
    hours_per_week: int
    paid: bool
    work_to_work: bool  # the person was employed but at risk at intake
    follow_ups: tuple[Observation, ...] = ()


@dataclass(frozen=True)
class TrajectoryFact:
    trajectory_id: int
    person_key: str
    chain_id: int
    organisation_id: int
    coach_user_id: int
    municipality: str
    target_group: str
    started_on: date
    closed_on: date | None
    result_name: str | None
    result_is_work: bool | None


@dataclass(frozen=True)
class PersonFact:
    person_key: str
    municipality: str
    benefit: str
    status: str
    organisation_id: int | None
    coach_user_id: int | None
    registered_on: date
    chain_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class IntroductionFact:
    person_key: str
    organisation_id: int | None
    municipality: str
    target_group: str
    introduced_on: date


@dataclass(frozen=True)
class MoneyFact:
    """One ledger position as the monitor needs it: who pays, from which fund, for what.

    Filled from the pooled budget's ledger (`monitor/money.py`); amounts in integer cents."""

    trajectory_id: int | None
    placement_id: int | None
    financier_id: int
    financier_name: str
    fund_id: int
    fund_name: str
    instrument: str
    chain_id: int | None
    municipality: str | None
    period: date
    committed_cents: int
    realised_cents: int


@dataclass(frozen=True)
class Facts:
    people: tuple[PersonFact, ...] = ()
    trajectories: tuple[TrajectoryFact, ...] = ()
    placements: tuple[PlacementFact, ...] = ()
    introductions: tuple[IntroductionFact, ...] = ()
    money: tuple[MoneyFact, ...] = ()
    # chain id -> name, organisation id -> name, for dimension labels
    chain_names: dict[int, str] = field(default_factory=dict)
    organisation_names: dict[int, str] = field(default_factory=dict)
    chain_sectors: dict[int, str] = field(default_factory=dict)
    taken_on: date | None = None
