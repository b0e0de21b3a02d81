"""`ontschot demo`: a populated Twente, created once, reused while current, never wiping
someone else's database."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from ontschot.config import Settings
from ontschot.db import make_engine
from ontschot.synth import demo as demo_module
from ontschot.synth.demo import DemoError, DemoLogin, prepare_demo
from ontschot.synth.plan import DEMO_PASSWORD


@pytest.fixture
def demo_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Settings:
    monkeypatch.delenv("ONTSCHOT_DATABASE_URL", raising=False)
    return Settings(
        data_dir=tmp_path / "var",
        environment="test",
        argon2_time_cost=1,
        argon2_memory_kib=64,
        rate_limit_per_minute=100_000,
        secret_key="test-secret-key-0123456789abcdef",
    )


def test_demo_is_built_once_then_reused_and_logins_work(demo_env: Settings) -> None:
    from fastapi.testclient import TestClient

    from ontschot.app import create_app

    # given no demo database yet
    # when the demo is prepared twice
    first = prepare_demo(demo_env)
    second = prepare_demo(demo_env)
    # then it is built the first time and reused the second, in data_dir/demo.db
    assert first.rebuilt and not second.rebuilt
    assert first.settings.database_url.endswith("/var/demo.db")
    assert "3000 werkzoekenden" in first.summary and "1500 vacatures" in first.summary
    roles = {login.role for login in second.logins}
    assert roles == {
        "coach",
        "employer_adviser",
        "programme_manager",
        "partner_admin",
        "employer",
        "analyst",
        "system_admin",
    }
    # and a printed login works with the demo password and shows the coach's day
    coach = next(x for x in second.logins if x.role == "coach")
    with TestClient(create_app(second.settings)) as client:
        page = client.get("/inloggen")
        token = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
        response = client.post(
            "/inloggen", data={"email": coach.email, "password": DEMO_PASSWORD, "csrf_token": token}
        )
        assert response.status_code == 200, response.text
        assert "Mijn caseload" in response.text


def test_changed_generator_or_old_stamp_rebuilds(
    demo_env: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    builds: list[date] = []

    def fake_build(
        settings: Settings, *, region: str, seed: int, today: date
    ) -> tuple[str, list[DemoLogin]]:
        builds.append(today)
        Path(settings.database_url.split("///", 1)[1]).write_bytes(b"")
        return "klein", [DemoLogin("coach", "coach@x.example", "Gemeente X")]

    monkeypatch.setattr(demo_module, "_build", fake_build)
    today = date(2026, 11, 23)
    assert prepare_demo(demo_env, today=today).rebuilt
    assert not prepare_demo(demo_env, today=today + timedelta(days=3)).rebuilt
    # a stamp from another generator version forces a rebuild
    stamp_path = demo_env.data_dir / "demo.stamp.json"
    stamp = json.loads(stamp_path.read_text())
    stamp_path.write_text(json.dumps({**stamp, "generator": "0"}))
    assert prepare_demo(demo_env, today=today).rebuilt
    # so does a reference date that is too old, and a missing database file
    assert prepare_demo(demo_env, today=today + timedelta(days=30)).rebuilt
    (demo_env.data_dir / "demo.db").unlink()
    assert prepare_demo(demo_env, today=today + timedelta(days=30)).rebuilt
    assert len(builds) == 4


def test_configured_database_with_other_data_is_not_wiped(
    demo_env: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # given an explicitly configured database that already holds an organisation
    url = f"sqlite:///{tmp_path / 'productie.db'}"
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE organisation (id INTEGER PRIMARY KEY, name TEXT)"))
        conn.execute(text("INSERT INTO organisation (name) VALUES ('Gemeente Echt')"))
    engine.dispose()
    monkeypatch.setenv("ONTSCHOT_DATABASE_URL", url)
    settings = demo_env.model_copy(update={"database_url": url})
    # when the demo is prepared, then it refuses and the data is still there
    with pytest.raises(DemoError, match="niet gewist"):
        prepare_demo(settings)
    engine = make_engine(url)
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM organisation")) == 1
    engine.dispose()


def test_demo_refuses_production(demo_env: Any) -> None:
    settings = demo_env.model_copy(update={"environment": "production"})
    with pytest.raises(DemoError):
        prepare_demo(settings)


def test_demo_on_an_explicit_postgresql_database_is_rebuilt_cleanly(
    demo_env: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PostgreSQL path: triggers and functions of the schema survive a rebuild."""
    import os
    import secrets

    from ontschot.synth.generate import Size

    base = os.environ.get("ONTSCHOT_TEST_POSTGRES_URL")
    if not base:
        pytest.skip("PostgreSQL demo test skipped: ONTSCHOT_TEST_POSTGRES_URL is not set")
    schema = f"demo_{secrets.token_hex(4)}"
    admin = make_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = f"{base}?options=-csearch_path%3D{schema}"
    monkeypatch.setenv("ONTSCHOT_DATABASE_URL", url)
    monkeypatch.setattr(demo_module, "DEMO_SIZE", Size(40, 20, 4))
    settings = demo_env.model_copy(update={"database_url": url})
    try:
        first = prepare_demo(settings)
        again = prepare_demo(settings, force=True)
        assert first.rebuilt and again.rebuilt
        assert "40 werkzoekenden" in again.summary
        assert not prepare_demo(settings).rebuilt
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
