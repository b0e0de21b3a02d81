"""How fast are a coach's "Mijn trajecten" (60 trajectories) and the programme manager's
list of every trajectory of the region, at 10x the demo (30,000 candidates, 9,000
trajectories)? Server time of the whole page (GET through the app, template included),
p50/p95 over 40 requests, in milliseconds. Targets (issue 14): p95 <= 300 ms for the
caseload, <= 800 ms for the region list.

    python bench/caseload.py                 # SQLite
    python bench/caseload.py --postgres URL  # PostgreSQL (a fresh schema, dropped after)
    python bench/caseload.py --both --postgres URL

Each line ends with whether the p95 meets its target.
"""

from __future__ import annotations

import argparse
import logging
import random
import secrets
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import insert, text
from sqlalchemy.orm import Session

from ontschot.access.models import AppUser, Organisation
from ontschot.access.roles import Role
from ontschot.access.sessions import SESSION_COOKIE, start_session
from ontschot.app import create_app
from ontschot.cases.trajectories.models import StatusReached, Trajectory
from ontschot.chains.models import Chain
from ontschot.config import Settings
from ontschot.db import make_engine, make_sessionmaker, utcnow
from ontschot.migrate import upgrade
from ontschot.people.models import Candidate
from ontschot.synth.write_chains import _standard_type

CANDIDATES, TRAJECTORIES, ORGS, COACHES, OWN = 30_000, 9_000, 8, 150, 60
RUNS = 40


def _fill(db: Session) -> tuple[int, int, int]:
    rnd = random.Random(7)
    now, today = utcnow(), date.today()
    orgs = [Organisation(name=f"Org {i}", kind="gemeente", region_code="twente",
                         region_name="Twente") for i in range(ORGS)]  # fmt: skip
    db.add_all(orgs)
    db.flush()
    coaches = [AppUser(email=f"c{i}@x.nl", display_name=f"Coach {i}", role=Role.COACH.value,
                       organisation_id=orgs[i % ORGS].id) for i in range(COACHES)]  # fmt: skip
    manager = AppUser(email="pm@x.nl", display_name="PM", role=Role.PROGRAMME_MANAGER.value,
                      organisation_id=orgs[0].id)  # fmt: skip
    db.add_all([*coaches, manager])
    db.flush()
    chain_type = _standard_type(db)
    chains = [Chain(name=f"Keten {i}", sector="x", region_code="twente",
                    chain_type_key="standaard") for i in range(9)]  # fmt: skip
    db.add_all(chains)
    db.flush()
    candidate_rows = [
        {
            "reference": f"WZ-{i:08X}", "first_name": "Anna", "last_name": f"Naam{i}",
            "name_search": f"anna naam{i}", "municipality": "Enschede", "benefit": "ww",
            "status": "seeking", "legal_basis": "wettelijke_taak", "contract_forms": [],
            "transport": [], "driving_licences": [], "region_code": "twente",
            "coach_user_id": coaches[i % COACHES].id,
            "organisation_id": orgs[i % COACHES % ORGS].id,
            "version": 1, "created_at": now, "updated_at": now,
        }
        for i in range(CANDIDATES)
    ]  # fmt: skip
    db.execute(insert(Candidate), candidate_rows)
    statuses = [(p.id, s.id) for p in chain_type.phases for s in p.statuses]
    rows = []
    for i in range(TRAJECTORIES):
        coach = coaches[0] if i < OWN else coaches[1 + i % (COACHES - 1)]
        candidate = 1 + (i if i >= OWN else i * COACHES)  # the first coach's own candidates
        phase, status = rnd.choice(statuses)
        rows.append({
            "candidate_id": candidate, "chain_id": chains[i % 9].id,
            "chain_type_id": chain_type.id, "goal": "Werk",
            "organisation_id": coach.organisation_id,
            "coach_user_id": coach.id, "phase_id": phase, "status_id": status, "state": "open",
            "next_action": "Bellen" if rnd.random() < 0.8 else None,
            "next_action_due": today + timedelta(days=rnd.randrange(-10, 20)),
            "started_on": today - timedelta(days=rnd.randrange(300)),
            "created_at": now, "updated_at": now, "version": 1,
        })  # fmt: skip
    db.execute(insert(Trajectory), rows)
    db.execute(
        insert(StatusReached),
        [{"trajectory_id": i + 1, "phase_id": r["phase_id"], "status_id": r["status_id"],
          "reached_at": datetime.now(UTC)} for i, r in enumerate(rows)],
    )  # fmt: skip
    db.commit()
    return coaches[0].id, manager.id, chains[0].id


def _measure(client: TestClient, url: str) -> tuple[float, float]:
    client.get(url)  # warm
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.text[:300]
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


TARGETS = {
    "caseload_60_trajectories": 300,
    "region_list_9000_trajectories": 800,
    "region_list_one_chain": 800,
}


def _run(backend: str, url: str, folder: Path) -> None:
    settings = Settings(database_url=url, data_dir=folder, environment="test",
                        secret_key="bench-secret-key-0123456789abcdef")  # noqa: S106  # fmt: skip
    schema = ""
    if backend == "postgresql":
        # a schema of its own, so the bench never meets another database's tables
        schema = f"bench_{secrets.token_hex(4)}"
        with make_engine(url).begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        engine = make_engine(url, connect_args={"options": f"-csearch_path={schema}"})
    else:
        engine = make_engine(url)
    try:
        upgrade(engine)
        factory = make_sessionmaker(engine)
        with factory() as db:
            coach_id, manager_id, chain_id = _fill(db)
        app = create_app(settings, session_factory=factory)
        for name, user_id, path in (
            ("caseload_60_trajectories", coach_id, "/trajecten"),
            ("region_list_9000_trajectories", manager_id, "/trajecten"),
            ("region_list_one_chain", manager_id, f"/trajecten?keten={chain_id}"),
        ):
            with factory() as db:
                user = db.get(AppUser, user_id)
                assert user is not None
                raw = start_session(db, user, settings)
                db.commit()
            with TestClient(app) as client:
                client.cookies.set(SESSION_COOKIE, raw)
                p50, p95 = _measure(client, path)
            verdict = "ok" if p95 <= TARGETS[name] else "OVER TARGET"
            print(f"{backend} {name}: p50 {p50:.0f} ms, p95 {p95:.0f} ms "
                  f"(target p95 <= {TARGETS[name]} ms: {verdict})")  # fmt: skip
    finally:
        engine.dispose()
        if schema:
            with make_engine(url).begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--postgres", default="", help="PostgreSQL URL: measure there")
    parser.add_argument("--both", action="store_true", help="SQLite and PostgreSQL")
    args = parser.parse_args()
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request otherwise
    folder = Path(tempfile.mkdtemp())
    sqlite_url = f"sqlite:///{folder / 'bench.db'}"
    if args.both and not args.postgres:
        parser.error("--both needs --postgres URL")
    if args.both or not args.postgres:
        _run("sqlite", sqlite_url, folder)
    if args.postgres:
        _run("postgresql", args.postgres, folder)


if __name__ == "__main__":
    main()
