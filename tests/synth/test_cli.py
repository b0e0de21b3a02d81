"""The `ontschot demo` and `ontschot synth` commands: clear output, clear refusals."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from ontschot.cli import app
from ontschot.config import Settings
from ontschot.synth import demo as demo_module
from ontschot.synth.demo import DemoLogin
from ontschot.synth.regions import all_regions, find_region

runner = CliRunner()


def test_synth_refuses_an_unknown_region_before_touching_a_database(tmp_path: Path) -> None:
    result = runner.invoke(app, ["synth", "--region", "atlantis", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "onbekende regio" in result.output
    assert not any(tmp_path.iterdir())


def test_demo_prepare_only_reports_and_exits(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # given an empty data folder and a fast stand-in for the generator
    def fake_build(
        settings: Settings, *, region: str, seed: int, today: date
    ) -> tuple[str, list[DemoLogin]]:
        Path(settings.database_url.split("///", 1)[1]).write_bytes(b"")
        return "Twente: klein", [DemoLogin("coach", "coach@x.example", "Gemeente X")]

    monkeypatch.setattr(demo_module, "_build", fake_build)
    monkeypatch.delenv("ONTSCHOT_DATABASE_URL", raising=False)
    monkeypatch.setenv("ONTSCHOT_DATA_DIR", str(tmp_path))
    # when the demo is prepared twice
    first = runner.invoke(app, ["demo", "--prepare-only"])
    second = runner.invoke(app, ["demo", "--prepare-only"])
    # then it is created, then reused, and nothing is served
    assert first.exit_code == 0, first.output
    assert "aangemaakt" in first.output and "Twente: klein" in first.output
    assert second.exit_code == 0 and "hergebruikt" in second.output
    assert (tmp_path / "demo.db").exists()


def test_demo_refuses_an_unknown_region(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("ONTSCHOT_DATABASE_URL", raising=False)
    monkeypatch.setenv("ONTSCHOT_DATA_DIR", str(tmp_path))
    result = runner.invoke(app, ["demo", "--prepare-only", "--region", "atlantis"])
    assert result.exit_code == 1
    assert "onbekende regio" in result.output


@given(st.text(max_size=40))
def test_region_lookup_finds_a_region_or_says_which_exist(name: str) -> None:
    try:
        region = find_region(name)
    except KeyError as exc:
        assert "twente" in str(exc)
    else:
        assert region in all_regions()


def test_every_region_has_a_name_slug_and_municipalities() -> None:
    regions = all_regions()
    assert len(regions) == 35
    assert find_region("Twente").municipalities[0] == "Almelo"
    assert find_region("groot-amsterdam").name == "Groot Amsterdam"
    assert all(r.municipalities and r.size > 0 for r in regions)


def test_every_region_gets_partners_and_users_in_all_roles() -> None:
    from ontschot.access.roles import Role
    from ontschot.synth.plan import plan_region

    for region in all_regions():
        plan = plan_region(region, coaches=40, employers=20, seed=1)
        assert {u.role for u in plan.users} == set(Role), region.name
        assert len({u.email for u in plan.users}) == len(plan.users)
        gemeenten = [o for o in plan.organisations if o.kind == "gemeente"]
        assert len(gemeenten) == len(set(region.municipalities))
        coached = {u.org_key for u in plan.users if u.role == Role.COACH}
        assert {o.key for o in gemeenten} <= coached
