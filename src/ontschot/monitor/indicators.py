"""The monitor's computation: a pure function from facts and a filter to every figure.

Nothing here reads the database or the clock; `observed_on` is the day the facts stand
for. The page, the API, the XLSX, the CSV and the PDF all show the output of `compute`.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date

from ontschot.cases.placements.durability import durable
from ontschot.cases.placements.rules import PlacementRules, add_months
from ontschot.monitor import selection
from ontschot.monitor.definitions import UNITS, definitions
from ontschot.monitor.facts import Facts, MoneyFact, PlacementFact
from ontschot.monitor.privacy import Masked, suppress_group, suppress_value
from ontschot.monitor.selection import MonitorFilter
from ontschot.monitor.survival import RETENTION_MONTHS, Curve, kaplan_meier, month_day, spells

Value = int | float | Masked | None
CONVERTED = "trial_converted"


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str
    definition: str
    value: Value
    unit: str  # count | percent | days | cents
    base: int  # the number of people or placements the figure is about
    pending: bool = False  # a money figure while the ledger has no entries

    @property
    def is_masked(self) -> bool:
        return isinstance(self.value, Masked)


@dataclass(frozen=True)
class Outcome:
    """Durable, not yet durable, or ended: the three parts every placement count splits in."""

    durable: int = 0
    not_yet: int = 0
    ended: int = 0

    @property
    def total(self) -> int:
        return self.durable + self.not_yet + self.ended


@dataclass(frozen=True)
class MonitorResult:
    flt: MonitorFilter
    observed_on: date
    indicators: tuple[Indicator, ...]
    placements: tuple[PlacementFact, ...]
    outcomes: Outcome
    by_chain: dict[str, Outcome]
    people_by_municipality: dict[str, int]
    people_by_benefit: dict[str, int]
    people_by_status: dict[str, int]
    drop_out_reasons: dict[str, int]
    trajectory_results: dict[str, int]
    money_by_financier: dict[str, tuple[int, int]]  # name -> (committed, realised)
    money_by_fund: dict[str, tuple[int, int]]
    has_ledger: bool
    curve: Curve  # the selection
    region_curve: Curve | None  # the region, when the selection is a chain or sector

    def indicator(self, key: str) -> Indicator:
        return next(i for i in self.indicators if i.key == key)


def classify(placement: PlacementFact, rules: PlacementRules) -> str:
    answer = durable(placement, rules)
    return "durable" if answer is True else "ended" if answer is False else "not_yet"


def outcome_of(placements: list[PlacementFact], rules: PlacementRules) -> Outcome:
    counts = Counter(classify(p, rules) for p in placements)
    return Outcome(counts["durable"], counts["not_yet"], counts["ended"])


def _percent(part: int, whole: int) -> float | None:
    return None if whole == 0 else round(100 * part / whole, 1)


def days_to_placement(placements: list[PlacementFact]) -> list[int]:
    """Days from intake to the first placement of each trajectory."""
    first: dict[int, PlacementFact] = {}
    for p in sorted(placements, key=lambda p: (p.start_date, p.placement_id)):
        first.setdefault(p.trajectory_id, p)
    return sorted(max((p.start_date - p.intake_on).days, 0) for p in first.values())


def quartiles(values: list[int]) -> tuple[float, float, float] | None:
    """First quartile, median, third quartile (inclusive method, as a spreadsheet does)."""
    if not values:
        return None
    if len(values) == 1:
        return float(values[0]), float(values[0]), float(values[0])
    q1, q2, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return round(q1, 1), round(q2, 1), round(q3, 1)


def cbs_work_share(
    placements: list[PlacementFact], months: int, observed_on: date
) -> tuple[float | None, int]:
    """CBS cohort convention: of the placements with work one month after the start, the
    share still working `months` after the start, over placements that old already."""
    cohort = [
        p
        for p in placements
        if add_months(p.start_date, months) <= observed_on
        and (p.ended_on is None or p.ended_on >= add_months(p.start_date, 1))
    ]
    working = [
        p for p in cohort if p.ended_on is None or p.ended_on >= add_months(p.start_date, months)
    ]
    return _percent(len(working), len(cohort)), len(cohort)


def _money(money: list[MoneyFact], key: str) -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    for m in money:
        name = m.financier_name if key == "financier" else m.fund_name
        committed, realised = out.get(name, (0, 0))
        out[name] = (committed + m.committed_cents, realised + m.realised_cents)
    return dict(sorted(out.items()))


def _cost(realised: int, count: int) -> int | None:
    if count == 0:
        return None
    return (2 * realised + count) // (2 * count)  # integer cents, half up


def _mask_outcomes(indicators: list[Indicator], outcomes: Outcome) -> list[Indicator]:
    """Durable + not yet + ended = placements: hide a second part when one is hidden."""
    parts, total = suppress_group(
        {
            "durablePlacements": outcomes.durable,
            "notYetDurablePlacements": outcomes.not_yet,
            "endedPlacements": outcomes.ended,
        }
    )
    parts["placements"] = total if total is not None else outcomes.total
    return [replace(i, value=parts[i.key]) if i.key in parts else i for i in indicators]


def compute(
    facts: Facts,
    flt: MonitorFilter,
    *,
    rules: PlacementRules,
    observed_on: date,
    masked: bool,
) -> MonitorResult:
    """Every figure for the selection; with `masked`, small numbers are suppressed."""
    words = definitions(rules)
    placements = selection.placements_in(facts, flt)
    trajectories = selection.trajectories_in(facts, flt)
    people = selection.people_in(facts, trajectories)
    introductions = selection.introductions_in(facts, flt, trajectories)
    money = selection.money_in(facts, flt)
    outcomes = outcome_of(placements, rules)
    observed = spells(placements, observed_on)
    curve = kaplan_meier("Selectie", observed)
    region_curve = None
    if flt.chain_id is not None or flt.sector is not None:
        region = selection.placements_in(facts, flt.without_chain())
        region_curve = kaplan_meier("Regio", spells(region, observed_on))
    days = days_to_placement(placements)
    q = quartiles(days)
    ended = [p for p in placements if p.ended_on is not None and p.end_reason != CONVERTED]
    realised = sum(m.realised_cents for m in money)
    committed = sum(m.committed_cents for m in money)
    has_ledger = bool(facts.money)

    raw: dict[str, tuple[int | float | None, int]] = {
        "peopleServed": (len(people), len(people)),
        "peopleWithoutBenefit": (sum(p.benefit == "none" for p in people), len(people)),
        "peopleEmployedAtRisk": (
            sum(p.status == "employed_at_risk" for p in people),
            len(people),
        ),
        "trajectoriesStarted": (len(trajectories), len(trajectories)),
        "trajectoriesClosed": (
            sum(t.closed_on is not None for t in trajectories),
            len(trajectories),
        ),
        "trajectoriesClosedToWork": (
            sum(bool(t.result_is_work) for t in trajectories),
            len(trajectories),
        ),
        "introductions": (len(introductions), len(introductions)),
        "placements": (len(placements), len(placements)),
        "durablePlacements": (outcomes.durable, len(placements)),
        "notYetDurablePlacements": (outcomes.not_yet, len(placements)),
        "endedPlacements": (outcomes.ended, len(placements)),
        "durableShare": (
            _percent(outcomes.durable, outcomes.durable + outcomes.ended),
            outcomes.durable + outcomes.ended,
        ),
        "medianDaysToPlacement": (q[1] if q else None, len(days)),
        "firstQuartileDaysToPlacement": (q[0] if q else None, len(days)),
        "thirdQuartileDaysToPlacement": (q[2] if q else None, len(days)),
        "dropOut": (len(ended), len(placements)),
        "workToWork": (sum(p.work_to_work for p in placements), len(placements)),
    }
    for months in RETENTION_MONTHS:
        s = curve.survival_at(month_day(months))
        at_risk = sum(1 for sp in observed if sp.days >= month_day(months))
        raw[f"retention{months}Months"] = (None if s is None else round(100 * s, 1), at_risk)
    for months in (6, 12, 18):
        raw[f"cbsWork{months}Months"] = cbs_work_share(placements, months, observed_on)
    money_keys = {
        "costPerPlacementCents": (_cost(realised, len(placements)), len(placements)),
        "costPerDurablePlacementCents": (_cost(realised, outcomes.durable), outcomes.durable),
        "moneyCommittedCents": (committed if money else None, len(money)),
        "moneyRealisedCents": (realised if money else None, len(money)),
    }
    indicators = []
    for key, (value, base) in raw.items():
        label, text = words[key]
        shown: Value = suppress_value(value, base) if masked and base else value
        if masked and UNITS.get(key, "count") == "count" and isinstance(value, int):
            shown = suppress_value(value, value) if value > 0 else value
        indicators.append(Indicator(key, label, text, shown, UNITS.get(key, "count"), base))
    for key, (value, base) in money_keys.items():
        label, text = words[key]
        if not has_ledger:
            indicators.append(Indicator(key, label, text, None, "cents", 0, pending=True))
            continue
        # money totals are about financiers, not people; a cost per head is about people
        shown = suppress_value(value, base) if masked and key.startswith("cost") else value
        indicators.append(Indicator(key, label, text, shown, "cents", base))

    if masked:
        indicators = _mask_outcomes(indicators, outcomes)
    by_chain: dict[str, Outcome] = {}
    chain_names = sorted({p.chain_name for p in placements})
    for name in chain_names:
        by_chain[name] = outcome_of([p for p in placements if p.chain_name == name], rules)
    return MonitorResult(
        flt=flt,
        observed_on=observed_on,
        indicators=tuple(indicators),
        placements=tuple(placements),
        outcomes=outcomes,
        by_chain=by_chain,
        people_by_municipality=dict(sorted(Counter(p.municipality for p in people).items())),
        people_by_benefit=dict(sorted(Counter(p.benefit for p in people).items())),
        people_by_status=dict(sorted(Counter(p.status for p in people).items())),
        drop_out_reasons=dict(sorted(Counter(p.end_reason or "other" for p in ended).items())),
        trajectory_results=dict(
            sorted(Counter(t.result_name for t in trajectories if t.result_name).items())
        ),
        money_by_financier=_money(money, "financier"),
        money_by_fund=_money(money, "fund"),
        has_ledger=has_ledger,
        curve=curve.visible() if masked else curve,
        region_curve=(region_curve.visible() if masked else region_curve) if region_curve else None,
    )
