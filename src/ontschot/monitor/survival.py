"""Retention of placements: Kaplan–Meier survival with censoring and confidence bands.

Time runs in days from the placement's start. A placement that ended is an event at its
end; one still running is censored at the observation date (the day the facts were taken).
A month is 365.25 / 12 days, so "6 months" is day 183 and "18 months" day 548. `lifelines`
does the estimate (Greenwood variance, exponential bounds at 95 %); the at-risk count at
a time is the number of placements whose time is at least that time.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ontschot.monitor.facts import PlacementFact
from ontschot.monitor.privacy import THRESHOLD

RETENTION_MONTHS = (1, 3, 6, 12, 18)
AT_RISK_MONTHS = (0, 1, 3, 6, 12, 18)
DAYS_PER_MONTH = 365.25 / 12


def month_day(months: int) -> int:
    return round(months * DAYS_PER_MONTH)


@dataclass(frozen=True)
class Spell:
    days: int
    ended: bool


def spells(placements: Sequence[PlacementFact], observed_on: date) -> list[Spell]:
    out = []
    for p in placements:
        if p.start_date > observed_on:
            continue
        if p.ended_on is not None and p.ended_on <= observed_on:
            out.append(Spell(max((p.ended_on - p.start_date).days, 0), True))
        else:
            out.append(Spell((observed_on - p.start_date).days, False))
    return out


@dataclass(frozen=True)
class CurvePoint:
    day: int
    survival: float
    lower: float
    upper: float
    at_risk: int


@dataclass(frozen=True)
class Curve:
    label: str
    size: int
    points: tuple[CurvePoint, ...]  # one per day where the estimate changes, from day 0
    at_risk: tuple[tuple[int, int], ...]  # (months, at risk)

    def survival_at(self, day: int) -> float | None:
        """The estimate at `day`; None past the last observed time."""
        if not self.points or day > self.points[-1].day:
            return None
        value = 1.0
        for point in self.points:
            if point.day > day:
                break
            value = point.survival
        return value

    def visible(self, threshold: int = THRESHOLD) -> Curve:
        """The curve cut where fewer than `threshold` placements are still at risk."""
        kept = tuple(p for p in self.points if p.at_risk >= threshold)
        at_risk = tuple((m, n) for m, n in self.at_risk if n >= threshold)
        return Curve(self.label, self.size, kept, at_risk)


def kaplan_meier(label: str, data: Sequence[Spell]) -> Curve:
    if not data:
        return Curve(label, 0, (), tuple((m, 0) for m in AT_RISK_MONTHS))
    from lifelines import KaplanMeierFitter  # a heavy import: only when a curve is drawn

    durations = sorted(s.days for s in data)
    events = [s.ended for s in sorted(data, key=lambda s: s.days)]
    fitter = KaplanMeierFitter(alpha=0.05).fit(durations, event_observed=events, label="km")
    days = fitter.survival_function_.index.to_numpy()
    survival = fitter.survival_function_["km"].to_numpy()
    bands = fitter.confidence_interval_survival_function_.to_numpy()
    size = len(durations)

    def at_risk(day: float) -> int:  # placements whose time is at least `day`
        return size - bisect.bisect_left(durations, day)

    points = tuple(
        CurvePoint(
            day=int(day),
            survival=float(survival[i]),
            lower=float(bands[i, 0]),
            upper=float(bands[i, 1]),
            at_risk=at_risk(day),
        )
        for i, day in enumerate(days)
    )
    return Curve(label, size, points, tuple((m, at_risk(month_day(m))) for m in AT_RISK_MONTHS))
