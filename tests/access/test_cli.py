"""`ontschot orgs` and `ontschot users` for the first administrator of an installation."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from ontschot import cli_support
from ontschot.access.models import AppUser
from ontschot.audit.models import AuditEntry
from ontschot.cli import app

runner = CliRunner()


@pytest.fixture(autouse=True)
def _cli_uses_test_database(
    monkeypatch: pytest.MonkeyPatch, session_factory: sessionmaker[Session]
) -> None:
    monkeypatch.setattr(cli_support, "open_session", lambda settings: session_factory())
    monkeypatch.setenv("ONTSCHOT_ARGON2_TIME_COST", "1")
    monkeypatch.setenv("ONTSCHOT_ARGON2_MEMORY_KIB", "64")


def _run(*args: str, input: str | None = None) -> Any:
    return runner.invoke(app, list(args), input=input)


def test_first_administrator_is_created_from_the_command_line(db: Session) -> None:
    # given an empty installation
    made = _run(
        "orgs",
        "create",
        "--name",
        "Gemeente Enschede",
        "--kind",
        "gemeente",
        "--region-code",
        "twente",
        "--region-name",
        "Twente",
    )
    assert made.exit_code == 0, made.output
    # when the operator creates the administrator, typing the password twice
    result = _run(
        "users",
        "create",
        "--email",
        "Beheer@Enschede.nl",
        "--name",
        "Bea Beheer",
        "--role",
        "partner_admin",
        "--organisation",
        "Gemeente Enschede",
        input="een lang wachtwoord\neen lang wachtwoord\n",
    )
    # then the account exists with a hashed password, and the creation is logged
    assert result.exit_code == 0, result.output
    user = db.scalar(select(AppUser).where(AppUser.email == "beheer@enschede.nl"))
    assert user is not None and user.password_hash and user.password_hash.startswith("$argon2id$")
    entry = db.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one()
    assert (entry.action, entry.actor_via) == ("user.create", "cli")
    listed = _run("users", "list")
    assert "beheer@enschede.nl" in listed.output and "actief" in listed.output
    assert "Gemeente Enschede" in _run("orgs", "list").output


def test_disable_and_reset_password_from_the_command_line(db: Session) -> None:
    _run(
        "orgs",
        "create",
        "--name",
        "UWV Twente",
        "--kind",
        "uwv",
        "--region-code",
        "twente",
        "--region-name",
        "Twente",
    )
    _run(
        "users",
        "create",
        "--email",
        "c@uwv.nl",
        "--name",
        "C",
        "--role",
        "coach",
        "--organisation",
        "UWV Twente",
        "--password",
        "een lang wachtwoord",
    )
    reset = _run("users", "reset-password", "c@uwv.nl", "--password", "nog een lang wachtwoord")
    assert reset.exit_code == 0, reset.output
    disabled = _run("users", "disable", "c@uwv.nl")
    assert disabled.exit_code == 0, disabled.output
    user = db.scalar(select(AppUser).where(AppUser.email == "c@uwv.nl"))
    assert user is not None and not user.is_active


@pytest.mark.parametrize(
    "args",
    [
        (
            "orgs",
            "create",
            "--name",
            "X",
            "--kind",
            "bakkerij",
            "--region-code",
            "twente",
            "--region-name",
            "Twente",
        ),
        (
            "orgs",
            "create",
            "--name",
            "",
            "--kind",
            "uwv",
            "--region-code",
            "twente",
            "--region-name",
            "Twente",
        ),
        (
            "users",
            "create",
            "--email",
            "geen-adres",
            "--name",
            "N",
            "--role",
            "coach",
            "--organisation",
            "1",
            "--password",
            "een lang wachtwoord",
        ),
        (
            "users",
            "create",
            "--email",
            "a@b.nl",
            "--name",
            "N",
            "--role",
            "koning",
            "--organisation",
            "99999",
            "--password",
            "een lang wachtwoord",
        ),
        ("users", "disable", "niemand@example.nl"),
        ("users", "reset-password", "niemand@example.nl", "--password", "een lang wachtwoord"),
    ],
)
def test_bad_input_gives_a_clear_error_and_a_non_zero_exit(args: tuple[str, ...]) -> None:
    result = _run(*args)
    assert result.exit_code != 0
    assert "Fout:" in result.output
    assert "Traceback" not in result.output


def test_too_short_password_is_refused(db: Session) -> None:
    _run(
        "orgs",
        "create",
        "--name",
        "ROC",
        "--kind",
        "onderwijs",
        "--region-code",
        "twente",
        "--region-name",
        "Twente",
    )
    result = _run(
        "users",
        "create",
        "--email",
        "d@roc.nl",
        "--name",
        "D",
        "--role",
        "coach",
        "--organisation",
        "ROC",
        "--password",
        "kort",
    )
    assert result.exit_code != 0 and "12 tekens" in result.output
    assert db.scalar(select(AppUser).where(AppUser.email == "d@roc.nl")) is None
