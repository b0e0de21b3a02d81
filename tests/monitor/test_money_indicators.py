"""Money figures come from ledger facts to the cent; without entries they say so."""

from __future__ import annotations

from datetime import date, timedelta

from ontschot.cases.placements.rules import PlacementRules
from ontschot.monitor.facts import Facts
from ontschot.monitor.indicators import compute
from ontschot.monitor.selection import MonitorFilter
from ontschot.monitor.tables import money_table, shown
from tests.monitor.helpers import money, placement, working

OBSERVED = date(2026, 6, 30)
GEMEENTE = (1, "Gemeente Enschede")
UWV = (2, "UWV")


def _facts() -> Facts:
    start = OBSERVED - timedelta(days=300)
    durable = [
        placement(n, start=start, follow_ups=(working(start + timedelta(days=200)),))
        for n in range(3)
    ]
    ended = [placement(n, start=start, ended_on=start + timedelta(days=30)) for n in range(3, 7)]
    ledger = (
        money(0, 500_000, 250_000, financier=GEMEENTE, fund="Participatiebudget"),
        money(1, 300_000, 300_001, financier=GEMEENTE, fund="Participatiebudget"),
        money(4, 200_000, 100_000, financier=UWV, fund="Scholingsbudget"),
        money(99, 90_000, 0, financier=UWV, fund="Scholingsbudget"),  # no placement
    )
    return Facts(placements=tuple(durable + ended), money=ledger)


def _value(facts: Facts, key: str, **flt: object) -> object:
    result = compute(
        facts, MonitorFilter(**flt), rules=PlacementRules(), observed_on=OBSERVED, masked=False
    )
    return result.indicator(key).value


def test_cost_per_placement_and_per_durable_placement_to_the_cent() -> None:
    facts = _facts()

    # realised 250,000 + 300,001 + 100,000 + 0 = 650,001 cents over 7 placements, 3 durable
    assert _value(facts, "moneyRealisedCents") == 650_001
    assert _value(facts, "moneyCommittedCents") == 1_090_000
    assert _value(facts, "costPerPlacementCents") == 92_857  # 650,001 / 7 = 92,857.29
    assert _value(facts, "costPerDurablePlacementCents") == 216_667  # 650,001 / 3 = 216,667.0
    # one financier: only the trajectories it pays for count as its placements
    assert _value(facts, "placements", financier_id=2) == 1
    assert _value(facts, "moneyRealisedCents", financier_id=2) == 100_000


def test_money_per_financier_and_fund_adds_up_to_the_ledger() -> None:
    result = compute(
        _facts(), MonitorFilter(), rules=PlacementRules(), observed_on=OBSERVED, masked=False
    )

    assert result.money_by_financier == {
        "Gemeente Enschede": (800_000, 550_001),
        "UWV": (290_000, 100_000),
    }
    assert result.money_by_fund == {
        "Participatiebudget": (800_000, 550_001),
        "Scholingsbudget": (290_000, 100_000),
    }
    rows = money_table(result, "financier").rows
    assert rows[0] == ("Gemeente Enschede", "€ 8.000,00", "€ 5.500,01")


def test_without_ledger_entries_money_figures_are_pending_not_zero() -> None:
    facts = Facts(placements=_facts().placements)
    result = compute(
        facts, MonitorFilter(), rules=PlacementRules(), observed_on=OBSERVED, masked=False
    )

    cost = result.indicator("costPerDurablePlacementCents")
    assert cost.pending and cost.value is None
    assert shown(cost) == "nog geen boekingen in het budget"
    assert money_table(result, "fund").note.startswith("Nog geen cijfers")


def test_an_occupation_cut_keeps_the_trajectories_that_placed_someone_in_it() -> None:
    from dataclasses import replace

    from ontschot.monitor.facts import TrajectoryFact

    nurse = "http://data.europa.eu/esco/occupation/nurse"
    placements = tuple(
        replace(p, occupation_uri=nurse if p.placement_id < 2 else None)
        for p in _facts().placements
    )
    trajectories = tuple(
        TrajectoryFact(p.trajectory_id, p.person_key, 1, 1, 7, "Enschede", "bijstand",
                       p.intake_on, None, None, None)
        for p in placements
    )  # fmt: skip
    facts = Facts(placements=placements, trajectories=trajectories)

    assert _value(facts, "trajectoriesStarted") == 7
    assert _value(facts, "placements", occupation_uri=nurse) == 2
    assert _value(facts, "trajectoriesStarted", occupation_uri=nurse) == 2
