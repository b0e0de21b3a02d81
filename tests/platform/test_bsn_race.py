"""Two registrations of the same BSN that race: the database keeps one (issue 10).

On PostgreSQL both requests pass the service's own "already registered?" check before
either has written (a barrier holds them there), then both insert and commit on their own
connection. On SQLite write transactions are serialised (BEGIN IMMEDIATE), so the second
sees the first's row. The unique index over (region, keyed BSN hash) lets exactly one through; the
other gets a `Conflict`, not a 500 and not a second person.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import Engine

from ontschot import errors
from ontschot.access.actor import Actor
from ontschot.access.roles import Role
from ontschot.db import make_engine, make_sessionmaker
from ontschot.migrate import upgrade
from ontschot.people import service
from ontschot.people.models import Candidate
from ontschot.people.schemas import CandidateCreate
from tests.conftest import PG_URL_VAR, _postgres_engine
from tests.factories import candidate_payload

BSN = "111222333"


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_engine(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[Engine]:
    """A database of its own: the race needs real commits on two connections."""
    schema = f"r_{secrets.token_hex(4)}"
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'race.db'}")
    else:
        engine = _postgres_engine(schema)
    upgrade(engine)
    yield engine
    engine.dispose()
    if request.param == "postgresql":
        admin = make_engine(os.environ[PG_URL_VAR])
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def test_the_same_bsn_registered_twice_at_once_gives_one_person_and_one_conflict(
    fresh_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    factory = make_sessionmaker(fresh_engine)
    coach = Actor(
        role=Role.COACH,
        user_id=1,
        organisation_id=None,
        display_name="coach",
        region_code="twente",
    )
    both_checked = threading.Barrier(2, timeout=3)
    real_check = service.find_by_bsn

    def racing_check(db: Any, bsn: str) -> Any:
        found = real_check(db, bsn)
        # SQLite: write transactions begin IMMEDIATE, so the second waits for the first
        # to commit and never meets it at the barrier; there is no race to win there.
        with contextlib.suppress(threading.BrokenBarrierError):
            both_checked.wait()  # neither has inserted yet: both see "not registered"
        return found

    monkeypatch.setattr(service, "find_by_bsn", racing_check)
    outcomes: list[str] = []

    def register() -> None:
        data = CandidateCreate.model_validate(candidate_payload(bsn=BSN))
        with factory() as db:
            try:
                service.register_candidate(db, actor=coach, data=data)
                outcomes.append("registered")
            except errors.Conflict:
                outcomes.append("conflict")

    threads = [threading.Thread(target=register) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(outcomes) == ["conflict", "registered"]
    with factory() as db:
        count = db.scalar(select(func.count()).select_from(Candidate).where(Candidate.bsn == BSN))
    assert count == 1
