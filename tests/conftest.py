"""Fixtures: every database test runs on SQLite and, when configured, on PostgreSQL.

Each backend gets a fresh database for the whole run (a temporary SQLite file; a new schema
on PostgreSQL), migrated with Alembic and loaded with the bundled taxonomy once. Each test
then runs inside a transaction that is rolled back, so services may commit freely.
"""

from __future__ import annotations

import os
import secrets
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker

from ontschot.config import Settings
from ontschot.db import make_engine
from ontschot.migrate import upgrade

PG_URL_VAR = "ONTSCHOT_TEST_POSTGRES_URL"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
_backend_counts: Counter[str] = Counter()


def _postgres_engine(tmp_schema: str) -> Engine:
    url = os.environ.get(PG_URL_VAR, "")
    if not url:
        if IN_CI:
            pytest.fail(f"{PG_URL_VAR} must be set in CI: PostgreSQL tests may not be skipped")
        pytest.skip(f"PostgreSQL tests skipped: {PG_URL_VAR} is not set")
    admin = make_engine(url)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{tmp_schema}"'))
    except Exception as exc:  # any failure means: not reachable
        message = f"PostgreSQL at {PG_URL_VAR} is not reachable: {exc.__class__.__name__}"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    finally:
        admin.dispose()
    return make_engine(url, connect_args={"options": f"-csearch_path={tmp_schema}"})


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def db_engine(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    from ontschot.taxonomy.loader import ensure_bundled_taxonomy

    backend: str = request.param
    schema = f"t_{secrets.token_hex(4)}"
    if backend == "sqlite":
        path = tmp_path_factory.mktemp("db") / "test.db"
        engine = make_engine(f"sqlite:///{path}")
    else:
        engine = _postgres_engine(schema)
    upgrade(engine)
    with Session(engine) as db:
        ensure_bundled_taxonomy(db)
    yield engine
    engine.dispose()
    if backend == "postgresql":
        admin = make_engine(os.environ[PG_URL_VAR])
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def db_connection(db_engine: Engine, request: pytest.FixtureRequest) -> Iterator[Connection]:
    _backend_counts[db_engine.dialect.name] += 1
    connection = db_engine.connect()
    outer = connection.begin()
    try:
        yield connection
    finally:
        outer.rollback()
        connection.close()


@pytest.fixture
def session_factory(db_connection: Connection) -> sessionmaker[Session]:
    """Sessions whose commits become savepoints inside the test's outer transaction."""
    return sessionmaker(
        bind=db_connection,
        expire_on_commit=False,
        autoflush=False,
        join_transaction_mode="create_savepoint",
    )


@pytest.fixture
def db(session_factory: sessionmaker[Session]) -> Iterator[Session]:
    session = session_factory()
    try:
        yield session
    finally:
        session.close()


@pytest.fixture
def settings(tmp_path: Any) -> Settings:
    return Settings(
        database_url="sqlite:///unused-in-tests.db",
        data_dir=tmp_path,
        environment="test",
        secret_key="test-secret-key-0123456789abcdef",
        argon2_time_cost=1,  # cheap password hashing keeps the suite fast (see ADR 0005)
        argon2_memory_kib=64,
    )


@pytest.fixture
def app(settings: Settings, session_factory: sessionmaker[Session]) -> Any:
    from ontschot.app import create_app

    return create_app(settings, session_factory=session_factory)


@pytest.fixture
def client(app: Any) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def pytest_sessionfinish(session: pytest.Session) -> None:
    # Under pytest-xdist each worker counts its own tests; hand the counts to the controller.
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["backend_counts"] = dict(_backend_counts)


def pytest_testnodedown(node: Any, error: Any) -> None:
    _backend_counts.update(getattr(node, "workeroutput", {}).get("backend_counts", {}))


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if _backend_counts:
        parts = ", ".join(
            f"{name}: {count} tests" for name, count in sorted(_backend_counts.items())
        )
        terminalreporter.write_line(f"database backends exercised: {parts}")
    if "postgresql" not in _backend_counts:
        reason = "not reachable" if os.environ.get(PG_URL_VAR) else f"{PG_URL_VAR} is not set"
        terminalreporter.write_line(f"PostgreSQL database tests were SKIPPED: {reason}")
