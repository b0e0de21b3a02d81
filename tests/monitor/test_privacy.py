"""Small numbers are suppressed, and no total gives a suppressed cell away."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from ontschot.cases.placements.rules import PlacementRules
from ontschot.monitor.facts import Facts
from ontschot.monitor.indicators import compute
from ontschot.monitor.privacy import MASKED, Masked, suppress_group
from ontschot.monitor.selection import MonitorFilter
from tests.monitor.helpers import placement


def test_a_cell_below_ten_is_hidden_and_a_second_one_with_it() -> None:
    cells, total = suppress_group({"Almelo": 40, "Borne": 4, "Hengelo": 25, "Oldenzaal": 12})

    assert cells == {"Almelo": 40, "Borne": MASKED, "Hengelo": 25, "Oldenzaal": MASKED}
    assert total == 81


def test_two_small_cells_need_no_second_suppression_and_zero_is_shown() -> None:
    cells, total = suppress_group({"a": 3, "b": 5, "c": 30, "d": 0})

    assert cells == {"a": MASKED, "b": MASKED, "c": 30, "d": 0}
    assert total == 38


def test_a_small_cell_with_nothing_else_to_hide_hides_the_total() -> None:
    cells, total = suppress_group({"a": 3, "b": 0})

    assert cells == {"a": MASKED, "b": 0}
    assert total == MASKED


@given(st.dictionaries(st.text(min_size=1, max_size=3), st.integers(0, 60), max_size=8))
def test_no_hidden_cell_can_be_worked_out_from_the_total(counts: dict[str, int]) -> None:
    cells, total = suppress_group(counts)

    hidden = [k for k, v in cells.items() if isinstance(v, Masked)]
    assert all(isinstance(cells[k], Masked) for k, v in counts.items() if 0 < v < 10)
    if isinstance(total, int):
        assert len(hidden) != 1  # total minus the shown cells would give it back


def test_an_analyst_sees_a_small_chain_suppressed_and_the_split_protected() -> None:
    start = date(2025, 1, 6)
    ended = [placement(n, start=start, ended_on=date(2025, 2, 1)) for n in range(4)]
    running = [placement(n, start=start) for n in range(4, 30)]
    facts = Facts(placements=tuple(ended + running))

    exact = compute(
        facts, MonitorFilter(), rules=PlacementRules(), observed_on=date(2025, 3, 1), masked=False
    )
    masked = compute(
        facts, MonitorFilter(), rules=PlacementRules(), observed_on=date(2025, 3, 1), masked=True
    )

    assert exact.indicator("endedPlacements").value == 4
    assert exact.indicator("notYetDurablePlacements").value == 26
    assert masked.indicator("endedPlacements").is_masked
    # placements 30 = 0 durable + 26 not yet + 4 ended: with 30 and 0 shown, 26 must go too
    assert masked.indicator("placements").value == 30
    assert masked.indicator("notYetDurablePlacements").is_masked
    assert masked.indicator("durablePlacements").value == 0


def test_insight_hides_small_numbers_of_available_people_and_their_tightness() -> None:
    from ontschot.insight.labour import Insight, OccupationTightness, SkillGap
    from ontschot.monitor.service import insight_charts, skill_table

    found = Insight(
        occupations=(
            OccupationTightness("u1", "Verpleegkundige", 30, 4, 7.5, True),
            OccupationTightness("u2", "Heftruckchauffeur", 12, 40, 0.3, False),
        ),
        skills=(SkillGap("s1", "tillen", 20, 3, 6),),
        trend=(("2026-11", 5),),
    )

    tightness = insight_charts(found, masked=True)[0]
    assert tightness.table.rows[0][2:4] == ("afgeschermd (< 10)", "afgeschermd (< 10)")
    assert tightness.table.rows[1][2:4] == (40, 0.3)
    assert "Verpleegkundige" not in tightness.alt
    assert skill_table(found, masked=True).rows[0][2:] == ("afgeschermd (< 10)",) * 3
    assert skill_table(found, masked=False).rows[0][2:] == (3, 17, 6)
