"""The funding router is a pure function: tested directly, examples and properties."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ontschot.budget.rules.router import Facts, FundOption, route
from ontschot.budget.rules.vocabulary import FundRules

ON = date(2026, 12, 1)


def _facts(**overrides: Any) -> Facts:
    base: dict[str, Any] = {
        "instrument_kind": "training",
        "cost_cents": 280_000,
        "on": ON,
        "benefit": "none",
        "status": "seeking",
        "age": 34,
        "municipality": "Enschede",
        "sector": "Logistiek",
        "chain_id": 1,
    }
    return Facts(**(base | overrides))


def _fund(fund_id: int, name: str, available: int, **rules: Any) -> FundOption:
    return FundOption(
        fund_id, name, date(2026, 1, 1), date(2027, 12, 31), available, FundRules(**rules)
    )


UWV = _fund(1, "UWV-scholingsbudget", 10_000_000, benefits=["ww"], instruments=["training"])
POOLED = _fund(2, "Regionaal ontschot budget", 5_000_000)
CARE = _fund(3, "Sectorfonds Zorg", 5_000_000, sectors=["Zorg"], instruments=["training"])


def test_without_benefit_the_pooled_fund_pays_and_uwv_says_why_not() -> None:
    routing = route(_facts(), [UWV, POOLED, CARE])
    assert [(s.name, s.amount_cents) for s in routing.sources] == [
        ("Regionaal ontschot budget", 280_000)
    ]
    reasons = {v.name: v.reason for v in routing.verdicts}
    assert reasons["UWV-scholingsbudget"] == "alleen voor mensen met WW"
    assert reasons["Sectorfonds Zorg"] == "alleen voor de sector Zorg"


def test_the_most_specific_fund_goes_first_so_pooled_money_stays() -> None:
    routing = route(_facts(benefit="ww"), [POOLED, UWV])
    assert [s.name for s in routing.sources] == ["UWV-scholingsbudget"]
    pooled = next(v for v in routing.verdicts if v.fund_id == 2)
    assert pooled.eligible and pooled.amount_cents == 0 and "specifieker" in pooled.reason


def test_a_fund_that_cannot_cover_all_is_split_with_the_next() -> None:
    small = _fund(1, "Gemeente Enschede", 100_000, municipalities=["Enschede"])
    routing = route(_facts(), [small, POOLED])
    assert [(s.position, s.name, s.amount_cents) for s in routing.sources] == [
        (1, "Gemeente Enschede", 100_000),
        (2, "Regionaal ontschot budget", 180_000),
    ]
    assert routing.covered


def test_co_financing_and_caps_limit_a_source() -> None:
    half = _fund(1, "Sectorfonds", 9_000_000, co_financing_percent=50, sectors=["Logistiek"])
    capped = _fund(
        3, "O&O-fonds", 9_000_000, max_per_intervention_cents=40_000, sectors=["Logistiek"]
    )
    routing = route(_facts(), [half, capped, POOLED])
    assert [s.amount_cents for s in routing.sources] == [140_000, 40_000, 100_000]


def test_nothing_is_chosen_when_the_funds_together_cannot_cover() -> None:
    routing = route(_facts(cost_cents=6_000_000), [UWV, POOLED])
    assert not routing.covered and routing.sources == ()
    pooled = next(v for v in routing.verdicts if v.fund_id == 2)
    assert "hoogstens" in pooled.reason


def test_age_status_period_and_person_maximum_explain_themselves() -> None:
    young = _fund(4, "Jongerenfonds", 1_000, age_min=18, age_max=27)
    at_risk = _fund(5, "Van werk naar werk", 1_000, statuses=["employed_at_risk"])
    old = FundOption(6, "Fonds 2024", date(2024, 1, 1), date(2024, 12, 31), 1_000, FundRules())
    person = _fund(7, "Persoonsbudget", 1_000, max_per_person_cents=500)
    routing = route(_facts(received_cents={7: 500}), [young, at_risk, old, person])
    reasons = {v.fund_id: v.reason for v in routing.verdicts}
    assert reasons[4] == "alleen voor leeftijd 18–27 (deze persoon is 34)"
    assert reasons[5] == "alleen voor wie werkend met risico op ontslag is"
    assert "omvat 01-12-2026 niet" in reasons[6]
    assert "maximum per persoon" in reasons[7]


benefits = st.sampled_from(["ww", "bijstand", "wajong", "wia", "none"])
kinds = st.sampled_from(["training", "job_coaching", "language_course"])


@st.composite
def fund_options(draw: st.DrawFn) -> list[FundOption]:
    n = draw(st.integers(0, 6))
    out = []
    for i in range(n):
        rules: dict[str, Any] = {}
        if draw(st.booleans()):
            rules["benefits"] = draw(st.lists(benefits, min_size=1, max_size=3, unique=True))
        if draw(st.booleans()):
            rules["instruments"] = draw(st.lists(kinds, min_size=1, max_size=2, unique=True))
        if draw(st.booleans()):
            rules["max_per_intervention_cents"] = draw(st.integers(1, 500_000))
        if draw(st.booleans()):
            rules["co_financing_percent"] = draw(st.integers(1, 100))
        out.append(_fund(i + 1, f"Fonds {i + 1}", draw(st.integers(0, 1_000_000)), **rules))
    return out


@settings(max_examples=200, deadline=None)
@given(
    options=fund_options(),
    cost=st.integers(1, 2_000_000),
    benefit=benefits,
    kind=kinds,
)
def test_routing_never_overspends_and_explains_every_fund(
    options: list[FundOption], cost: int, benefit: str, kind: str
) -> None:
    facts = _facts(cost_cents=cost, benefit=benefit, instrument_kind=kind)
    routing = route(facts, options)
    by_id = {f.fund_id: f for f in options}
    # every fund gets exactly one verdict
    assert sorted(v.fund_id for v in routing.verdicts) == sorted(by_id)
    # a plan covers the whole cost or there is none
    total = sum(s.amount_cents for s in routing.sources)
    assert total in (0, cost) and routing.covered == (total == cost)
    assert [s.position for s in routing.sources] == list(range(1, len(routing.sources) + 1))
    verdict = {v.fund_id: v for v in routing.verdicts}
    for s in routing.sources:
        fund = by_id[s.fund_id]
        assert 0 < s.amount_cents <= fund.available_cents
        assert verdict[s.fund_id].eligible
        cap = fund.rules.max_per_intervention_cents
        assert cap is None or s.amount_cents <= cap
        assert s.amount_cents <= cost * fund.rules.co_financing_percent // 100
    assert len({s.fund_id for s in routing.sources}) == len(routing.sources)
    # a fund that does not fit is never chosen and says why, in words
    for v in routing.verdicts:
        assert v.reason
        if not v.eligible:
            assert v.fund_id not in {s.fund_id for s in routing.sources}
    # the same question gets the same answer (no hidden state), whatever the input order
    assert route(facts, list(reversed(options))).sources == routing.sources
