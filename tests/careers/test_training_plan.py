"""Greedy set cover picks offers that teach the gap, with totals, and names what stays open."""

from __future__ import annotations

from datetime import date

from ontschot.careers.plan import TrainingOption, plan_training

A, B, C, D = (f"http://data.europa.eu/esco/skill/{x}" for x in "abcd")


def option(i: int, skills: set[str], hours: int, cost: int) -> TrainingOption:
    return TrainingOption(
        i,
        "ROC van Twente",
        f"cursus {i}",
        frozenset(skills),
        hours,
        hours // 8,
        cost,
        date(2027, 1, 4),
    )


def test_plan_covers_gap_with_fewest_hours_and_sums_duration_and_cost() -> None:
    # given one long course that teaches A, B, C and two short ones for A and B
    options = [
        option(1, {A, B, C}, 40, 90_000),
        option(2, {A}, 8, 10_000),
        option(3, {B}, 8, 10_000),
        option(4, {C}, 80, 5_000),
    ]
    # when a plan is made for gap A, B, C, D
    plan = plan_training([A, B, C, D], options)
    # then the short courses come first (most new skills per hour), then the combined course
    # for C (one new skill in 40 hours beats one in 80), and D stays open
    assert [p.option.id for p in plan.offers] == [2, 3, 1]
    assert plan.offers[2].covers == [C]
    assert set(plan.covered) == {A, B, C}
    assert plan.uncovered == [D]
    assert plan.total_hours == sum(p.option.duration_hours for p in plan.offers)
    assert plan.total_cost_cents == sum(p.option.cost_cents for p in plan.offers)


def test_plan_without_matching_offers_reports_all_skills_uncovered() -> None:
    plan = plan_training([A, B], [option(1, {C}, 8, 100)])
    assert plan.offers == [] and plan.uncovered == [A, B] and plan.total_cost_cents == 0
