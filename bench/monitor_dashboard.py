"""How fast is the results monitor at 10x the demo (30,000 candidates, 9,000 trajectories,
about 6,000 placements over two years with their follow-ups)? Server time of the whole
page (GET through the app, template and charts included), p50/p95 in milliseconds, for
the programme manager's dashboard of the region, of one chain against the region, the
analyst's (suppressed) dashboard and the API's indicators. Target (issue 16): p95 <= 1 s.

Baseline in the same run: the programme manager's region list of trajectories
(`/trajecten`, ADR 0017's bench), and the monitor before the refresh job has taken a
snapshot (facts read from the tables on every request). Each figure is also printed as a
ratio to the baseline.

    python bench/monitor_dashboard.py [--postgres URL] [--runs 20]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import insert
from sqlalchemy.orm import Session

from ontschot.access.models import AppUser, Organisation
from ontschot.access.roles import Role
from ontschot.access.sessions import SESSION_COOKIE, start_session
from ontschot.app import create_app
from ontschot.cases.placements.models import FollowUp, Placement
from ontschot.cases.placements.rules import add_months
from ontschot.cases.trajectories.models import StatusReached, Trajectory
from ontschot.chains.models import Chain
from ontschot.config import Settings
from ontschot.db import make_engine, make_sessionmaker, utcnow
from ontschot.jobs import run_jobs
from ontschot.migrate import upgrade
from ontschot.people.models import Candidate
from ontschot.synth.write_chains import _standard_type

CANDIDATES, TRAJECTORIES, PLACEMENTS, ORGS, COACHES = 30_000, 9_000, 6_000, 8, 150
PLACES = ("Enschede", "Hengelo", "Almelo", "Oldenzaal", "Borne", "Losser", "Haaksbergen",
          "Rijssen-Holten", "Wierden", "Tubbergen", "Dinkelland", "Twenterand", "Hellendoorn",
          "Hof van Twente")  # fmt: skip
BENEFITS = ("ww", "bijstand", "wajong", "wia", "none")
SECTORS = ("Zorg & Welzijn", "Logistiek", "Techniek & Installatie", "Bouw & Infra",
           "Horeca & Toerisme", "ICT", "Maakindustrie & Metaal", "Schoonmaak & Facilitair",
           "Onderwijs & Kinderopvang")  # fmt: skip
DROP = {"Zorg & Welzijn": 0.05, "Logistiek": 0.03}  # monthly drop-out; others 0.04


def _fill(db: Session) -> tuple[int, int]:
    rnd = random.Random(16)
    now, today = utcnow(), date.today()
    orgs = [Organisation(name=f"Org {i}", kind="gemeente", region_code="twente",
                         region_name="Twente") for i in range(ORGS)]  # fmt: skip
    db.add_all(orgs)
    db.flush()
    coaches = [AppUser(email=f"c{i}@x.nl", display_name=f"Coach {i}", role=Role.COACH.value,
                       organisation_id=orgs[i % ORGS].id) for i in range(COACHES)]  # fmt: skip
    manager = AppUser(email="pm@x.nl", display_name="PM", role=Role.PROGRAMME_MANAGER.value,
                      organisation_id=orgs[0].id)  # fmt: skip
    analyst = AppUser(email="an@x.nl", display_name="Analist", role=Role.ANALYST.value,
                      organisation_id=orgs[0].id)  # fmt: skip
    db.add_all([*coaches, manager, analyst])
    db.flush()
    chain_type = _standard_type(db)
    chains = [Chain(name=s, sector=s, region_code="twente", chain_type_key="standaard")
              for s in SECTORS]  # fmt: skip
    db.add_all(chains)
    db.flush()
    db.execute(insert(Candidate), [
        {
            "reference": f"WZ-{i:08X}", "first_name": "Anna", "last_name": f"Naam{i}",
            "name_search": f"anna naam{i}", "municipality": rnd.choice(PLACES),
            "benefit": rnd.choice(BENEFITS), "status": "seeking",
            "legal_basis": "wettelijke_taak", "contract_forms": [], "transport": [],
            "driving_licences": [], "region_code": "twente",
            "coach_user_id": coaches[i % COACHES].id,
            "organisation_id": coaches[i % COACHES].organisation_id,
            "version": 1, "created_at": now, "updated_at": now,
        }
        for i in range(CANDIDATES)
    ])  # fmt: skip
    phase_two = next(p for p in chain_type.phases if p.needs_employer)
    status = phase_two.statuses[0]
    rows = []
    for i in range(TRAJECTORIES):
        coach = coaches[i % COACHES]
        rows.append({
            "candidate_id": 1 + i * 3, "chain_id": chains[i % len(chains)].id,
            "chain_type_id": chain_type.id, "goal": "Werk",
            "organisation_id": coach.organisation_id, "coach_user_id": coach.id,
            "phase_id": phase_two.id, "status_id": status.id, "state": "open",
            "started_on": today - timedelta(days=rnd.randrange(60, 800)),
            "created_at": now, "updated_at": now, "version": 1,
        })  # fmt: skip
    db.execute(insert(Trajectory), rows)
    db.execute(insert(StatusReached), [
        {"trajectory_id": i + 1, "phase_id": r["phase_id"], "status_id": r["status_id"],
         "reached_at": datetime.now(UTC)} for i, r in enumerate(rows)
    ])  # fmt: skip
    placements, follow_ups = [], []
    for i in range(PLACEMENTS):
        t = rows[i]
        start = min(t["started_on"] + timedelta(days=rnd.randrange(20, 200)), today)
        rate = DROP.get(SECTORS[i % len(chains)], 0.04)
        months = next((m for m in range(1, 25) if rnd.random() < rate), None)
        ended = add_months(start, months) if months else None
        ended = ended if ended and ended <= today else None
        placements.append({
            "trajectory_id": i + 1, "candidate_id": t["candidate_id"],
            "organisation_id": t["organisation_id"], "contract_type": "fixed_term",
            "contract_months": 12, "hours_per_week": rnd.choice((16, 24, 32, 36)),
            "start_date": start, "paid": True, "ended_on": ended,
            "end_reason": rnd.choice(("resigned", "dismissed", "health")) if ended else None,
            "created_at": now,
        })  # fmt: skip
        for m in (1, 3, 6, 12):
            due = add_months(start, m)
            done = due <= today and (ended is None or ended > due) and rnd.random() < 0.85
            follow_ups.append({
                "placement_id": i + 1, "months": m, "due_date": due,
                "done_at": now if done else None, "contact_date": due if done else None,
                "still_working": True if done else None, "same_hours": True if done else None,
            })  # fmt: skip
    db.execute(insert(Placement), placements)
    db.execute(insert(FollowUp), follow_ups)
    db.commit()
    return manager.id, analyst.id


def _measure(client: TestClient, url: str, runs: int) -> tuple[float, float, float]:
    start = time.perf_counter()
    first = client.get(url)
    cold = (time.perf_counter() - start) * 1000
    assert first.status_code == 200, first.text[:300]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.text[:300]
    times.sort()
    return cold, statistics.median(times), times[int(0.95 * (len(times) - 1))]


def _client(app: object, factory: object, settings: Settings, user_id: int) -> TestClient:
    with factory() as db:  # type: ignore[operator]
        user = db.get(AppUser, user_id)
        raw = start_session(db, user, settings)
        db.commit()
    client = TestClient(app)  # type: ignore[arg-type]
    client.cookies.set(SESSION_COOKIE, raw)
    return client


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--postgres", default="")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    url = args.postgres or f"sqlite:///{folder / 'bench.db'}"
    settings = Settings(database_url=url, data_dir=folder, environment="test",
                        secret_key="bench-secret-key-0123456789abcdef")  # noqa: S106  # fmt: skip
    engine = make_engine(url)
    upgrade(engine)
    factory = make_sessionmaker(engine)
    started = time.perf_counter()
    with factory() as db:
        manager_id, analyst_id = _fill(db)
    print(f"filled in {time.perf_counter() - started:.1f} s: {CANDIDATES} candidates, "
          f"{TRAJECTORIES} trajectories, {PLACEMENTS} placements")  # fmt: skip
    app = create_app(settings, session_factory=factory)
    manager = _client(app, factory, settings, manager_id)
    analyst = _client(app, factory, settings, analyst_id)
    results: dict[str, tuple[float, float, float]] = {}
    results["baseline /trajecten (region list)"] = _measure(manager, "/trajecten", args.runs)
    results["/monitor without snapshot"] = _measure(manager, "/monitor", args.runs)
    with factory() as db:
        started = time.perf_counter()
        run_jobs(db, settings=settings, name="monitor.refresh-facts")
        print(f"refresh job: {(time.perf_counter() - started) * 1000:.0f} ms")
    results["/monitor (region)"] = _measure(manager, "/monitor", args.runs)
    results["/monitor?keten=1 (care vs region)"] = _measure(manager, "/monitor?keten=1", args.runs)
    results["/monitor (analyst, suppressed)"] = _measure(analyst, "/monitor", args.runs)
    results["/api/v1/monitor/indicators?chainId=2"] = _measure(
        manager, "/api/v1/monitor/indicators?chainId=2", args.runs
    )
    base = results["baseline /trajecten (region list)"][2]
    for name, (cold, p50, p95) in results.items():
        print(f"{name}: first {cold:.0f} ms, p50 {p50:.0f} ms, p95 {p95:.0f} ms "
              f"(p95 {p95 / base:.2f}x baseline)")  # fmt: skip
    worst = max(p95 for name, (_, _, p95) in results.items() if name.startswith("/monitor ("))
    print(f"target p95 <= 1000 ms: {'met' if worst <= 1000 else 'NOT met'} ({worst:.0f} ms)")
    manager.close()
    analyst.close()
    engine.dispose()


if __name__ == "__main__":
    main()
