"""Thirty placements with known dates give the retention, the Kaplan–Meier curve, the
durable split, the CBS cohort shares and the time to placement computed by hand below."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ontschot.cases.placements.rules import PlacementRules
from ontschot.monitor.facts import Facts, PlacementFact
from ontschot.monitor.indicators import compute
from ontschot.monitor.selection import MonitorFilter
from ontschot.monitor.survival import kaplan_meier, spells
from tests.monitor.helpers import placement, working

OBSERVED = date(2026, 6, 30)
OLD_START = OBSERVED - timedelta(days=700)  # every placement that ended started then

# (days from start, ended?, how many) — an ended placement is an event at its end, a
# running one is censored at OBSERVED (it started that many days before).
GROUPS = [
    (20, True, 5),
    (40, False, 3),
    (60, True, 4),
    (100, False, 2),
    (150, True, 4),
    (200, False, 3),
    (300, True, 3),
    (400, False, 2),
    (500, True, 2),
    (600, False, 2),
]


def thirty() -> list[PlacementFact]:
    out = []
    n = 0
    for days, ended, count in GROUPS:
        for k in range(count):
            start = OLD_START if ended else OBSERVED - timedelta(days=days)
            # a follow-up at six months found work for everyone who got that far, except
            # one of the longest-running, who works 8 hours a week now (below the 12 needed)
            reached = days >= 190
            hours = 8 if (days, k) == (600, 1) else None
            follow_ups = (working(start + timedelta(days=190), hours),) if reached else ()
            out.append(
                placement(
                    n,
                    start=start,
                    ended_on=start + timedelta(days=days) if ended else None,
                    intake_days=10 * n,
                    follow_ups=follow_ups,
                )
            )
            n += 1
    return out


def test_thirty_placements_give_the_hand_computed_kaplan_meier_curve() -> None:
    # Hand computation (n at risk just before t, d events at t; S(t) = Π (1 - d/n)):
    #   t=20:  n=30, d=5 -> S = 25/30                 = 0.833333
    #   40: 3 censored -> 22 at risk
    #   t=60:  n=22, d=4 -> S = 0.833333 * 18/22      = 0.681818
    #   100: 2 censored -> 16
    #   t=150: n=16, d=4 -> S = 0.681818 * 12/16      = 0.511364
    #   200: 3 censored -> 9
    #   t=300: n=9,  d=3 -> S = 0.511364 * 6/9        = 0.340909
    #   400: 2 censored -> 4
    #   t=500: n=4,  d=2 -> S = 0.340909 * 2/4        = 0.170455
    #   600: 2 censored -> 0
    curve = kaplan_meier("hand", spells(thirty(), OBSERVED))

    expected = {
        0: 1.0,
        19: 1.0,
        20: 0.833333,
        59: 0.833333,
        60: 0.681818,
        150: 0.511364,
        299: 0.511364,
        300: 0.340909,
        500: 0.170455,
        600: 0.170455,
    }
    for day, s in expected.items():
        assert curve.survival_at(day) == pytest.approx(s, abs=1e-6), day
    # 95 % band at t=20 by the exponential Greenwood formula (what lifelines uses):
    #   V = [d/(n(n-d))] / ln(S)^2 = (5/750) / 0.0332412 = 0.200556; sqrt(V) = 0.447835
    #   c± = ln(-ln S) ± 1.959964 * sqrt(V) = -1.701983 ± 0.877741
    #   lower = exp(-exp(c+)) = 0.6449,  upper = exp(-exp(c-)) = 0.9270
    at_20 = next(p for p in curve.points if p.day == 20)
    assert at_20.lower == pytest.approx(0.6449, abs=5e-4)
    assert at_20.upper == pytest.approx(0.9270, abs=5e-4)
    # at risk (time >= the month's day; 1 month = day 30, 3 = 91, 6 = 183, 12 = 365, 18 = 548)
    #   0: 30; 30: 30-5 = 25; 91: 25-3-4 = 18; 183: 18-2-4 = 12; 365: 12-3-3 = 6; 548: 6-2-2 = 2
    assert dict(curve.at_risk) == {0: 30, 1: 25, 3: 18, 6: 12, 12: 6, 18: 2}
    # a point at every observed time (events and censorings); the suppressed view drops
    # those with fewer than 10 at risk (at 200 days 3+3+2+2+2 = 12, at 300 days 9)
    assert [p.day for p in curve.points] == [0, 20, 40, 60, 100, 150, 200, 300, 400, 500, 600]
    assert [p.day for p in curve.visible().points] == [0, 20, 40, 60, 100, 150, 200]


def test_thirty_placements_give_the_hand_computed_indicators() -> None:
    facts = Facts(placements=tuple(thirty()))
    result = compute(
        facts, MonitorFilter(), rules=PlacementRules(), observed_on=OBSERVED, masked=False
    )

    value = {i.key: i.value for i in result.indicators}
    # retention (%) = S at the month's day, rounded to one decimal
    assert value["retention1Months"] == 83.3  # S(30)  = 0.833333
    assert value["retention3Months"] == 68.2  # S(91)  = 0.681818
    assert value["retention6Months"] == 51.1  # S(183) = 0.511364
    assert value["retention12Months"] == 34.1  # S(365) = 0.340909
    assert value["retention18Months"] == 17.0  # S(548) = 0.170455
    # durable: ended before 6 months (5+4+4 = 13) -> ended; the six-month follow-up found
    # 12+ hours for 3+2 ended later and 3+2+2 running, less for one -> 11 durable, 1 more
    # ended; censored at 40 and 100 days (3+2) are not yet known.
    assert (value["durablePlacements"], value["notYetDurablePlacements"]) == (11, 5)
    assert value["endedPlacements"] == 14
    assert value["placements"] == 30 == 11 + 5 + 14
    assert value["durableShare"] == 44.0  # 11 / (11 + 14)
    # CBS cohort: work one month after the start (not the 5 ended at day 20), old enough.
    #   6 months: 13 ended + 7 running (200, 400, 600 days) = 20; working then: 3+2 ended
    #   after day 183 and the 7 running = 12 -> 60.0 %
    #  12 months: 13 + 4 (400, 600) = 17; working: 2 (ended day 500) + 4 = 6 -> 35.3 %
    #  18 months: 13 + 2 (600) = 15; working: the 2 running -> 13.3 %
    assert value["cbsWork6Months"] == 60.0
    assert value["cbsWork12Months"] == 35.3
    assert value["cbsWork18Months"] == 13.3
    # intake -> placement: 0, 10, …, 290 days; inclusive quartiles 72.5, 145, 217.5
    assert value["firstQuartileDaysToPlacement"] == 72.5
    assert value["medianDaysToPlacement"] == 145.0
    assert value["thirdQuartileDaysToPlacement"] == 217.5
    assert value["dropOut"] == 18  # every ended placement (5+4+4+3+2), none a converted trial
