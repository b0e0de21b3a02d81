"""50 clients at once on a real server, on each database (issue 11).

For about 30 seconds, 50 clients mix list and profile reads with updates: each client
keeps updating its own candidate, and all of them race to update one shared candidate with
If-Match (retrying on 412). Meanwhile a health check runs twice a second. The run must end
with no server error, every health check answered within its 1-second timeout, and no
update lost: each own candidate carries its client's last value and the shared one's
version counts exactly the updates that were accepted.
"""

from __future__ import annotations

import multiprocessing
import os
import secrets
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import uvicorn
from sqlalchemy import select, text
from sqlalchemy.engine import Engine

from ontschot.access.roles import Role
from ontschot.app import create_app
from ontschot.config import Settings
from ontschot.db import app_engine, make_engine, make_sessionmaker
from ontschot.migrate import upgrade
from ontschot.people.models import Candidate
from tests.conftest import PG_URL_VAR, _postgres_engine
from tests.factories import make_candidate, make_organisation, make_user

pytestmark = pytest.mark.alone

CLIENTS = 50
SECONDS = float(os.environ.get("ONTSCHOT_CONCURRENCY_SECONDS", "30"))
MAX_REQUESTS_PER_CLIENT = 2_000


@pytest.fixture(params=["sqlite", "postgresql"])
def server_engine(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[tuple[Engine, str]]:
    schema = f"c_{secrets.token_hex(4)}"
    if request.param == "sqlite":
        engine = app_engine(f"sqlite:///{tmp_path / 'load.db'}", requests_at_once=20)
    else:
        _postgres_engine(schema).dispose()  # creates the schema
        engine = app_engine(
            os.environ[PG_URL_VAR],
            requests_at_once=20,
            connect_args={"options": f"-csearch_path={schema}"},
        )
    upgrade(engine)
    yield engine, schema if request.param == "postgresql" else ""
    engine.dispose()
    if request.param == "postgresql":
        admin = make_engine(os.environ[PG_URL_VAR])
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_fifty_clients_reading_and_writing_get_no_server_error_and_lose_no_update(
    server_engine: tuple[Engine, str], tmp_path: Any
) -> None:
    engine, _ = server_engine
    factory = make_sessionmaker(engine)
    with factory() as db:
        org = make_organisation(db)
        coach = make_user(db, Role.COACH, organisation=org)
        own = [make_candidate(db, coach).id for _ in range(CLIENTS)]
        shared = make_candidate(db, coach).id
        from ontschot.access.sessions import start_session

        settings = Settings(
            database_url="sqlite:///unused.db",
            data_dir=tmp_path,
            environment="test",
            secret_key="test-secret-key-0123456789abcdef",
            argon2_time_cost=1,
            argon2_memory_kib=64,
        )
        cookie = start_session(db, coach, settings)
        db.commit()

    app = create_app(settings.model_copy(update={"worker_threads": 20}), session_factory=factory)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    runner = threading.Thread(target=server.run, daemon=True)
    runner.start()
    base = f"http://127.0.0.1:{port}/api/v1"
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)

    # the clients and the health probe run in a process of their own, as real clients
    # do: 50 client threads in the server's process would compete with it for the GIL
    # and make the probe measure the test, not the server
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    driver = context.Process(
        target=_drive, args=(base, cookie, _csrf(cookie, settings), own, shared, send)
    )
    driver.start()
    send.close()
    found: dict[str, Any] = receive.recv() if receive.poll(SECONDS + 180) else {}
    driver.join(timeout=30)
    server.should_exit = True
    runner.join(timeout=30)
    assert found, "the client process did not report"
    errors, unexpected = found["errors"], found["unexpected"]
    health_failures, accepted_shared = found["health_failures"], found["accepted_shared"]
    last_written: dict[int, str] = found["last_written"]

    assert errors == []
    assert unexpected == []
    assert health_failures == []
    with factory() as db:
        notes = dict(
            db.execute(select(Candidate.id, Candidate.notes).where(Candidate.id.in_(own)))
            .tuples()
            .all()
        )
        shared_version = db.scalar(select(Candidate.version).where(Candidate.id == shared))
    assert last_written and all(notes[cid] == value for cid, value in last_written.items())
    assert shared_version == 1 + len(accepted_shared)


def _drive(base: str, cookie: str, token: str, own: list[int], shared: int, report: Any) -> None:
    """In the client process: 50 clients and the health probe for SECONDS; the findings
    go back through `report`."""
    from ontschot.access.sessions import SESSION_COOKIE

    errors: list[str] = []
    unexpected: list[str] = []
    health_failures: list[str] = []
    accepted_shared: list[int] = []
    last_written: dict[int, str] = {}
    stop_at = time.monotonic() + SECONDS
    lock = threading.Lock()
    csrf = {"X-CSRF-Token": token}

    def client(n: int) -> None:
        with httpx.Client(base_url=base, cookies={SESSION_COOKIE: cookie}, timeout=60) as http:
            for i in range(MAX_REQUESTS_PER_CLIENT):
                if time.monotonic() >= stop_at:
                    return
                step = i % 4
                if step == 0:
                    got = http.get("/candidates", params={"page": 1 + i % 3})
                elif step == 1:
                    got = http.get(f"/candidates/{own[n]}")
                elif step == 2:
                    value = f"klant {n} stap {i}"
                    got = http.patch(f"/candidates/{own[n]}", json={"notes": value}, headers=csrf)
                    if got.status_code == 200:
                        last_written[own[n]] = value
                else:
                    got = _update_shared(http, csrf, shared, n, accepted_shared, lock)
                if got.status_code >= 500:
                    errors.append(f"{got.request.method} {got.request.url}: {got.status_code}")
                elif got.status_code not in (200, 412):
                    unexpected.append(f"{got.request.method} {got.status_code} {got.text[:200]}")

    def health() -> None:
        with httpx.Client(base_url=base, timeout=1.0) as http:
            while time.monotonic() < stop_at:
                try:
                    got = http.get("/health")
                    if got.status_code != 200:
                        health_failures.append(str(got.status_code))
                except httpx.TimeoutException:
                    health_failures.append("no answer within 1 s")
                time.sleep(0.5)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    threads.append(threading.Thread(target=health))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=SECONDS + 120)
    report.send(
        {
            "errors": errors,
            "unexpected": unexpected,
            "health_failures": health_failures,
            "accepted_shared": accepted_shared,
            "last_written": last_written,
        }
    )
    report.close()


def _csrf(raw_cookie: str, settings: Settings) -> str:
    """The session's CSRF token, as a page would hand it to htmx."""
    from ontschot.access.sessions import csrf_token, sha256

    return csrf_token(sha256(raw_cookie), settings)


def _update_shared(
    http: httpx.Client,
    csrf: dict[str, str],
    shared: int,
    n: int,
    accepted: list[int],
    lock: threading.Lock,
) -> httpx.Response:
    for _ in range(20):
        read = http.get(f"/candidates/{shared}")
        if read.status_code != 200:
            return read
        got = http.patch(
            f"/candidates/{shared}",
            json={"notes": f"gedeeld door {n}"},
            headers=csrf | {"If-Match": read.headers["ETag"]},
        )
        if got.status_code == 200:
            with lock:
                accepted.append(n)
            return got
        if got.status_code != 412:
            return got
    return got
