"""`ontschot occupations suggest` and `ontschot skills extract` on a fresh SQLite file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ontschot.cli import app
from ontschot.config import Settings
from ontschot.setup import prepare_database

runner = CliRunner()


@pytest.fixture(scope="module")
def cli_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    folder = tmp_path_factory.mktemp("cli")
    env = {
        "ONTSCHOT_DATABASE_URL": f"sqlite:///{folder / 'cli.db'}",
        "ONTSCHOT_DATA_DIR": str(folder / "var"),
    }
    prepare_database(Settings(database_url=env["ONTSCHOT_DATABASE_URL"]))
    yield env


def _run(env: dict[str, str], args: list[str], stdin: str | bytes | None = None) -> tuple[int, str]:
    result = runner.invoke(app, args, input=stdin, env=env)
    return result.exit_code, result.output


def test_suggest_prints_a_json_array_best_first(cli_database: dict[str, str]) -> None:
    code, out = _run(
        cli_database, ["occupations", "suggest", "heftruckchauffeur", "--top", "3", "--json"]
    )

    assert code == 0, out
    rows = json.loads(out)
    assert len(rows) == 3
    assert set(rows[0]) == {"uri", "label", "score"}
    assert rows[0]["label"] == "heftruckchauffeur"
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)


def test_extract_reads_standard_input_and_prints_spans(cli_database: dict[str, str]) -> None:
    text = "Je kunt zware gewichten tillen."

    code, out = _run(cli_database, ["skills", "extract", "--lang", "nl", "--json"], text)

    assert code == 0, out
    rows = json.loads(out)
    assert rows[0]["label"] == "zware gewichten tillen"
    assert set(rows[0]) == {"uri", "label", "score", "spans"}
    assert [text[a:b] for a, b in rows[0]["spans"]] == ["zware", "gewichten", "tillen"]


def test_batch_mode_answers_every_line_in_input_order(cli_database: dict[str, str]) -> None:
    lines = [
        json.dumps({"id": "a", "text": "kok"}),
        "geen json",
        json.dumps({"id": 7, "text": "welder"}),
    ]

    code, out = _run(
        cli_database, ["occupations", "suggest", "--jsonl", "--top", "2"], "\n".join(lines) + "\n"
    )

    assert code == 0, out
    answers = [json.loads(line) for line in out.splitlines()]
    assert [a["id"] for a in answers] == ["a", None, 7]
    assert answers[0]["results"][0]["label"] == "kok"
    assert answers[1]["results"] == [] and "error" in answers[1]
    assert set(answers[2]["results"][0]) == {"uri", "label", "score"}


def test_skills_batch_mode_returns_the_same_objects(cli_database: dict[str, str]) -> None:
    line = json.dumps({"id": 1, "text": "Je kunt zware gewichten tillen."})

    code, out = _run(cli_database, ["skills", "extract", "--jsonl", "--lang", "nl"], line)

    assert code == 0, out
    answer = json.loads(out)
    assert answer["id"] == 1
    assert set(answer["results"][0]) == {"uri", "label", "score", "spans"}


def test_without_json_a_readable_table_is_printed(cli_database: dict[str, str]) -> None:
    code, out = _run(cli_database, ["occupations", "suggest", "lasser"])

    assert code == 0, out
    assert "Beroepen voor" in out
    assert "lasser" in out


def test_binary_garbage_and_huge_input_do_not_crash(cli_database: dict[str, str]) -> None:
    code, out = _run(cli_database, ["skills", "extract", "--json"], bytes(range(256)) * 4)
    assert code == 0, out
    assert isinstance(json.loads(out), list)

    code, out = _run(cli_database, ["skills", "extract", "--json"], "heftruck " * 120_000)
    assert code == 1
    assert "te lang" in out


def test_the_cli_works_on_a_fresh_database_file(tmp_path: Path) -> None:
    env = {
        "ONTSCHOT_DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.db'}",
        "ONTSCHOT_DATA_DIR": str(tmp_path / "var"),
    }

    code, out = _run(env, ["occupations", "suggest", "kok", "--top", "1", "--json"])

    assert code == 0, out
    assert json.loads(out)[0]["label"] == "kok"
