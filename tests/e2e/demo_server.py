"""The demo region served on a free loopback port, prepared by `ontschot demo --prepare-only`.

The fixture runs the real command (CliRunner) in a temporary data folder, so the database
is built by the same code path as for a user (`prepare_demo`, full Twente size) and the
logins are read back from the login table the command printed. A wrong printed login (role,
e-mail or password) therefore fails the journeys that use it.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ontschot.config import Settings
from tests.e2e.conftest import serving

DEMO_ENV = {
    "ONTSCHOT_ENVIRONMENT": "test",
    "ONTSCHOT_SECRET_KEY": "e2e-demo-secret-key-0123456789abcdef",
    "ONTSCHOT_ARGON2_TIME_COST": "1",
    "ONTSCHOT_ARGON2_MEMORY_KIB": "64",
    "ONTSCHOT_RATE_LIMIT_PER_MINUTE": "100000",
}


@dataclass(frozen=True)
class PrintedLogin:
    """One row of the printed login table."""

    role_label: str
    email: str
    password: str
    organisation: str


@dataclass(frozen=True)
class DemoSite:
    url: str
    settings: Settings
    output: str  # what `ontschot demo --prepare-only` printed
    logins: list[PrintedLogin]
    build_seconds: float


def parse_login_table(output: str) -> list[PrintedLogin]:
    """The rows of the Rich login table in `output` (box-drawn, one row per role).

    A role or organisation that wrapped continues on a line with an empty e-mail cell.
    """
    rows: list[list[str]] = []
    header_seen = False
    for raw in output.splitlines():
        line = raw.strip().replace("┃", "│")  # the header row is drawn heavy
        if not line.startswith("│"):
            continue
        cells = [cell.strip() for cell in line.strip("│").split("│")]
        if len(cells) != 4:
            continue
        if cells[1] == "e-mail":
            header_seen = True
            continue
        if not header_seen:
            continue
        if cells[1]:
            rows.append(cells)
        elif rows:
            rows[-1] = [
                f"{a} {b}".strip() if b else a for a, b in zip(rows[-1], cells, strict=True)
            ]
    return [PrintedLogin(*row) for row in rows]


def prepare_printed_demo(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, float]:
    """Run `ontschot demo --prepare-only` in `data_dir`; the output and the seconds it took."""
    from ontschot.cli import app

    monkeypatch.delenv("ONTSCHOT_DATABASE_URL", raising=False)
    for name, value in {**DEMO_ENV, "ONTSCHOT_DATA_DIR": str(data_dir)}.items():
        monkeypatch.setenv(name, value)
    started = time.perf_counter()
    result = CliRunner().invoke(app, ["demo", "--prepare-only"])
    seconds = time.perf_counter() - started
    assert result.exit_code == 0, result.output
    return result.output, seconds


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoSite]:

    from ontschot.app import create_app
    from ontschot.config import load_settings
    from ontschot.synth.demo import demo_settings

    # xdist workers share one demo folder (the first builds it, the others reuse it, as a
    # second `ontschot demo` would); each worker serves it on its own port
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent
    data_dir = shared / "demo-journey" / "var"
    data_dir.mkdir(parents=True, exist_ok=True)
    with (data_dir.parent / "build.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        with pytest.MonkeyPatch.context() as monkeypatch:
            output, seconds = prepare_printed_demo(data_dir, monkeypatch)
            settings = demo_settings(load_settings())
        fcntl.flock(lock, fcntl.LOCK_UN)
    assert settings.database_url.endswith("/var/demo.db")
    served = settings
    if os.environ.get("PYTEST_XDIST_WORKER"):
        served = _own_copy(settings, tmp_path_factory.mktemp("demo-copy"))
    with serving(create_app(served), "the demo app") as url:
        yield DemoSite(url, settings, output, parse_login_table(output), seconds)


def _own_copy(settings: Settings, folder: Path) -> Settings:
    """This worker's own copy of the demo database: two servers writing one SQLite file
    wait on each other's write locks (a page that builds the match index holds one for
    seconds), which a single `ontschot demo` never does."""
    import sqlite3

    source_path = settings.database_url.removeprefix("sqlite:///")
    target_path = folder / "demo.db"
    with sqlite3.connect(source_path) as source, sqlite3.connect(target_path) as target:
        source.backup(target)
    return settings.model_copy(update={"database_url": f"sqlite:///{target_path}"})
