"""Approvals racing for one fund from several OS processes, on PostgreSQL: the harness of
tests/budget/test_concurrent_approvals.py and bench/budget_approvals.py.

`prepare` makes a schema of its own (migrated, with one programme manager and `count`
requests waiting, all planned on one pooled fund), because other processes can only see
what is committed; `race` approves the requests from `processes` processes at once;
`drop` removes the schema.
"""

from __future__ import annotations

import multiprocessing
import secrets
import time
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from ontschot.db import make_engine

GUARDED, NAIVE = "guarded", "naive"


@dataclass(frozen=True)
class Race:
    url: str
    schema: str
    manager_id: int
    organisation_id: int
    fund_id: int
    request_ids: tuple[int, ...]


def engine_for(url: str, schema: str) -> Engine:
    return make_engine(url, connect_args={"options": f"-csearch_path={schema}"})


def prepare(url: str, *, count: int, fund_cents: int, cost_cents: int) -> Race:
    from ontschot.budget import requests
    from ontschot.budget.schemas import InterventionRequestCreate
    from ontschot.migrate import upgrade
    from tests.budget.helpers import budget_world
    from tests.factories import actor_of

    schema = f"race_{secrets.token_hex(4)}"
    admin = make_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    admin.dispose()
    engine = engine_for(url, schema)
    upgrade(engine)
    with Session(engine, expire_on_commit=False) as db:
        w = budget_world(db, pooled_cents=fund_cents)
        data = InterventionRequestCreate(
            trajectory_id=w.trajectory.id,
            instrument_id=w.instrument.id,
            need="Scholing",
            cost_cents=cost_cents,
        )
        ids = [
            requests.request_intervention(
                db, actor=actor_of(w.coach), data=data, four_eyes_above_cents=0
            ).id
            for _ in range(count)
        ]
        race = Race(url, schema, w.manager.id, w.organisation.id, w.pooled_fund.id, tuple(ids))
    engine.dispose()
    return race


def drop(race: Race) -> None:
    admin = make_engine(race.url)
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{race.schema}" CASCADE'))
    admin.dispose()


def _naive_apply(db: Session, fund: object, deltas: dict[str, int]) -> None:
    """The baseline's balance change: read the row under a lock (SELECT ... FOR UPDATE),
    decide in Python, then UPDATE. Same service, same entries; only the guard differs."""
    from ontschot.budget.ledger.book import InsufficientBudget

    fund_id, name = fund.id, fund.name  # type: ignore[attr-defined]
    row = db.execute(
        text(
            "SELECT available_cents, reserved_cents, spent_cents FROM fund_balance "
            "WHERE fund_id = :f FOR UPDATE"
        ),
        {"f": fund_id},
    ).one()
    now = dict(zip(("available", "reserved", "spent"), row, strict=True))
    if any(now[a] + d < 0 for a, d in deltas.items() if a in now):
        raise InsufficientBudget(name, -min(deltas.values()))
    db.execute(
        text(
            "UPDATE fund_balance SET available_cents = :a, reserved_cents = :r, "
            "spent_cents = :s WHERE fund_id = :f"
        ),
        {
            "a": now["available"] + deltas.get("available", 0),
            "r": now["reserved"] + deltas.get("reserved", 0),
            "s": now["spent"] + deltas.get("spent", 0),
            "f": fund_id,
        },
    )


def _worker(
    args: tuple[Race, tuple[int, ...], str, float],
) -> tuple[list[tuple[int, str]], float, float]:
    """In a child process: approve each request, say what happened to it."""
    from ontschot import errors
    from ontschot.access.actor import Actor
    from ontschot.access.roles import Role
    from ontschot.budget import requests
    from ontschot.budget.ledger import book

    race, ids, mode, start_at = args
    if mode == NAIVE:
        book._apply = _naive_apply  # type: ignore[assignment]  # this child process only
    engine = engine_for(race.url, race.schema)
    actor = Actor(
        role=Role.PROGRAMME_MANAGER,
        user_id=race.manager_id,
        organisation_id=race.organisation_id,
        display_name="race",
    )
    out: list[tuple[int, str]] = []
    with Session(engine) as db:
        db.execute(text("SELECT 1"))
        db.rollback()
        time.sleep(max(0.0, start_at - time.time()))  # every process starts together
        began = time.perf_counter()
        for request_id in ids:
            try:
                requests.approve_request(db, actor=actor, request_id=request_id)
                out.append((request_id, "booked"))
            except errors.Conflict as exc:
                said = "refused" if "onvoldoende budget" in exc.detail else exc.detail
                out.append((request_id, said))
        ended = time.perf_counter()
    engine.dispose()
    return out, began, ended


def race(
    setup: Race, processes: int, mode: str = GUARDED, *, start_delay: float = 1.5
) -> tuple[list[tuple[int, str]], float]:
    """Approve every request from `processes` processes; (outcomes, seconds from the first
    process's start to the last one's end; perf_counter is one system-wide clock on Linux)."""
    shares = [setup.request_ids[i::processes] for i in range(processes)]
    start_at = time.time() + start_delay
    context = multiprocessing.get_context("spawn")
    with context.Pool(processes) as pool:
        results = pool.map(_worker, [(setup, share, mode, start_at) for share in shares])
    elapsed = max(r[2] for r in results) - min(r[1] for r in results)
    return [o for part, _, _ in results for o in part], elapsed
