"""docs/configuration.md is generated from the settings class and must stay in step."""

from __future__ import annotations

from pathlib import Path

from ontschot.config import settings_markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "configuration.md"


def test_configuration_reference_is_up_to_date() -> None:
    assert DOC.read_text(encoding="utf-8") == settings_markdown(), (
        "docs/configuration.md is stale: run `make docs`"
    )
