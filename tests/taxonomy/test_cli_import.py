"""`ontschot taxonomy import` refuses a malformed download with file, line and reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from ontschot.cli import app
from tests.taxonomy.esco_files import RELATIONS, valid_english


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ONTSCHOT_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.setenv("ONTSCHOT_DATA_DIR", str(tmp_path))
    return tmp_path


def test_cli_refuses_a_broken_folder_and_keeps_the_taxonomy(cli_env: Path) -> None:
    runner = CliRunner()
    good = valid_english(cli_env / "good")
    first = runner.invoke(app, ["taxonomy", "import", str(good), "--esco-version", "t1"])
    assert first.exit_code == 0, first.output
    assert "2 occupations" in first.output

    broken = valid_english(cli_env / "broken")
    (broken / "occupationSkillRelations_en.csv").write_text(
        RELATIONS + "http://data.europa.eu/esco/occupation/t-9,essential,x,"
        "http://data.europa.eu/esco/skill/s-1\n",
        encoding="utf-8",
    )
    refused = runner.invoke(app, ["taxonomy", "import", str(broken)])
    assert refused.exit_code != 0
    assert "occupationSkillRelations_en.csv:5: unknown occupation" in refused.output
    assert "unchanged" in refused.output

    status = runner.invoke(app, ["taxonomy", "status"])
    assert "ESCO vt1" in status.output and "2 occupations" in status.output


def test_cli_names_a_missing_folder(cli_env: Path) -> None:
    result = CliRunner().invoke(app, ["taxonomy", "import", str(cli_env / "nowhere")])
    assert result.exit_code != 0
    assert "not a folder" in result.output
