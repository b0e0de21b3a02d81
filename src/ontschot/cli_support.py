"""What every `ontschot` sub-command shares: settings, one way to open a session, and one
way to show an error (a Dutch message on standard error and a non-zero exit).

Context CLIs import from here, never from `ontschot.cli`, so the command tree has no import
cycle. Tests replace `open_session` to run commands on the test database.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

import typer
from pydantic import ValidationError
from rich.console import Console
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.orm import Session

from ontschot.config import Settings, SettingsError, load_settings
from ontschot.errors import DomainError

err = Console(stderr=True)

# Exit codes: 1 refused or failed, 2 wrong configuration or usage.
EXIT_REFUSED = 1
EXIT_CONFIG = 2


def fail(message: str, code: int = EXIT_REFUSED) -> NoReturn:
    """Print a clear message on standard error and exit non-zero."""
    err.print(f"[bold red]Fout:[/] {message}", highlight=False, soft_wrap=True, markup=True)
    raise typer.Exit(code)


def settings_or_exit() -> Settings:
    try:
        return load_settings()
    except SettingsError as exc:
        fail(str(exc), EXIT_CONFIG)


def open_session(settings: Settings) -> Session:
    """A session on a database brought up to date first (tests replace this)."""
    from ontschot.setup import open_prepared_session

    return open_prepared_session(settings)


def describe(exc: DomainError) -> str:
    """The domain error as one line: the message, then each field and its reason."""
    reasons = "; ".join(f"{name}: {reason}" for name, reason in exc.fields.items())
    return exc.detail + (f" ({reasons})" if reasons else "")


def describe_validation(exc: ValidationError) -> str:
    reasons = "; ".join(
        f"{'.'.join(str(p) for p in e['loc'])}: {str(e['msg']).removeprefix('Value error, ')}"
        for e in exc.errors()
    )
    return f"ongeldige invoer: {reasons}"


@contextmanager
def command_session(settings: Settings | None = None) -> Iterator[Session]:
    """The session for one command; a refusal or a database problem ends the command with a
    message and exit code 1, never a traceback."""
    settings = settings or settings_or_exit()
    try:
        db = open_session(settings)
    except (OperationalError, ProgrammingError) as exc:
        fail(f"de database is niet bereikbaar: {exc.__class__.__name__}")
    try:
        yield db
    except DomainError as exc:
        db.rollback()
        fail(describe(exc))
    except ValidationError as exc:
        db.rollback()
        fail(describe_validation(exc))
    except (OperationalError, ProgrammingError):
        db.rollback()
        fail(
            "de database is niet bereikbaar of niet bijgewerkt; "
            "voer eerst `ontschot db upgrade` uit"
        )
    finally:
        db.close()


def read_text_file(path: Path) -> str:
    """A UTF-8 text file (a BOM is dropped), or a clear message and exit 1."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"kan {path} niet lezen: {exc}")
