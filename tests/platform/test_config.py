"""Settings refuse nonsense at start with a message naming the variable."""

from __future__ import annotations

import pytest

from ontschot.config import SettingsError, load_settings, settings_markdown


def test_bad_value_names_the_environment_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ONTSCHOT_SESSION_HOURS", "99")
    with pytest.raises(SettingsError, match="ONTSCHOT_SESSION_HOURS"):
        load_settings()


def test_unknown_database_scheme_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ONTSCHOT_DATABASE_URL", "mysql://x")
    with pytest.raises(SettingsError, match="ONTSCHOT_DATABASE_URL"):
        load_settings()


def test_production_refuses_the_development_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ONTSCHOT_ENVIRONMENT", "production")
    with pytest.raises(SettingsError, match="ONTSCHOT_SECRET_KEY"):
        load_settings()


def test_configuration_reference_documents_every_field() -> None:
    text = settings_markdown()
    for variable in ("ONTSCHOT_DATABASE_URL", "ONTSCHOT_SESSION_HOURS", "ONTSCHOT_SECRET_KEY"):
        assert variable in text
