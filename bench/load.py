"""Load benchmark: a region's working day against the demo region (issue 11).

For each database this prepares the demo region (`ontschot demo --prepare-only`), starts the
real server — SQLite in one process, PostgreSQL in several — and runs Locust headless with
the users of `bench/load_users.py`: coaches browsing caseloads, profiles and suggestions and
updating profiles, employer advisers reading and registering vacancies, and one partner
administrator importing a CSV of vacancies now and then. It prints, per database, one line
with requests/s, p50/p95/p99 and error counts, then the slowest request kinds.

Baseline in the same run: before the mixed day, the same number of users only ask for the
health check, which does no database work; its p95 is the floor the server itself adds,
and the mixed day's p95 is printed as a ratio of it.

    python bench/load.py [--seconds 60] [--users 40] [--pg-processes 3] [--only sqlite]

Needs PostgreSQL at ONTSCHOT_BENCH_POSTGRES_URL (default: the CI server, database
`ontschot_load`, created and dropped by this script).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import text
from sqlalchemy.engine import make_url

from ontschot.db import make_engine

ROOT = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
PG_ADMIN_URL = os.environ.get(
    "ONTSCHOT_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
PG_DATABASE = "ontschot_load"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fresh_postgres() -> str:
    admin = make_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{PG_DATABASE}"'))
    admin.dispose()
    return make_url(PG_ADMIN_URL).set(database=PG_DATABASE).render_as_string(hide_password=False)


def environment(data_dir: Path, url: str) -> dict[str, str]:
    return {
        **os.environ,
        "ONTSCHOT_DATA_DIR": str(data_dir),
        "ONTSCHOT_DATABASE_URL": url,
        "ONTSCHOT_ENVIRONMENT": "test",
        "ONTSCHOT_SECRET_KEY": "load-benchmark-secret-key-0123456789abcdef",
        # one login per simulated person; the limit guards against guessing, not this
        "ONTSCHOT_RATE_LIMIT_PER_MINUTE": "100000",
        "ONTSCHOT_LOG_LEVEL": "warning",
    }


def people(url: str, import_rows: int) -> dict[str, Any]:
    """Who logs in (real demo users by role) and which employers vacancies are for."""
    from ontschot.synth.plan import DEMO_PASSWORD

    engine = make_engine(url)
    with engine.connect() as conn:

        def emails(role: str) -> list[str]:
            rows = conn.execute(
                text("SELECT email FROM app_user WHERE role = :r AND is_active ORDER BY id"),
                {"r": role},
            )
            return [row[0] for row in rows]

        employer_ids = [row[0] for row in conn.execute(text("SELECT id FROM employer LIMIT 200"))]
        found = {
            "password": DEMO_PASSWORD,
            "coaches": emails("coach"),
            "advisers": emails("employer_adviser"),
            "admins": emails("system_admin"),
            "employer_ids": employer_ids,
            "import_rows": import_rows,
        }
    engine.dispose()
    return found


def start_server(env: dict[str, str], port: int, processes: int) -> subprocess.Popen[bytes]:
    command = [
        str(BIN / "uvicorn"),
        "ontschot.app:create_warm_app",
        "--factory",
        "--host=127.0.0.1",
        f"--port={port}",
        f"--workers={processes}",
        "--log-level=warning",
        "--no-access-log",
    ]
    server = subprocess.Popen(command, env=env, start_new_session=True)  # noqa: S603 - fixed
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    stop(server)
    raise SystemExit("the server did not start within 120 s")


def stop(server: subprocess.Popen[bytes]) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)


def locust(
    host: str, env: dict[str, str], users: int, seconds: int, prefix: Path, health_only: bool
) -> dict[str, dict[str, str]]:
    locustfile = ROOT / ("load_health.py" if health_only else "load_users.py")
    command = [
        str(BIN / "locust"),
        "-f",
        str(locustfile),
        "--headless",
        f"--host={host}",
        f"--users={users}",
        f"--spawn-rate={max(1, users // 5)}",
        f"--run-time={seconds}s",
        f"--csv={prefix}",
        "--only-summary",
        "--loglevel=WARNING",
    ]
    with open(f"{prefix}.log", "w", encoding="utf-8") as log:
        subprocess.run(command, env=env, check=False, stdout=log, stderr=log)  # noqa: S603
    with open(f"{prefix}_stats.csv", encoding="utf-8") as handle:
        return {row["Name"]: row for row in csv.DictReader(handle)}


def server_errors(prefix: Path) -> int:
    path = Path(f"{prefix}_failures.csv")
    if not path.exists():
        return 0
    with path.open(encoding="utf-8") as handle:
        return sum(
            int(row["Occurrences"])
            for row in csv.DictReader(handle)
            if "50" in row["Error"].split("HTTPError", 1)[-1][:40]
        )


def warm_up(host: str, found: dict[str, Any]) -> float:
    """One coach opens the heavy pages until they are ready, as the first user of the day
    would (the match index and the text engines are built once per process)."""
    started = time.perf_counter()
    with httpx.Client(base_url=host, timeout=300, follow_redirects=True) as client:
        page = client.get("/inloggen").text
        token = page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
        form = {"email": found["coaches"][0], "password": found["password"], "csrf_token": token}
        client.post("/inloggen", data=form)
        listing = client.get("/werkzoekenden").text
        candidate = listing.split('href="/werkzoekenden/', 2)[1].split('"', 1)[0]
        for _ in range(60):
            got = client.get(f"/werkzoekenden/{candidate}/vacaturesuggesties")
            if "voorbereid" not in got.text:
                break
            time.sleep(2)
    return time.perf_counter() - started


def line(name: str, row: dict[str, str], seconds: int) -> str:
    count = int(row["Request Count"])
    return (
        f"{name}: {count} requests in {seconds} s, {float(row['Requests/s']):.1f} req/s, "
        f"p50 {row['50%']} ms, p95 {row['95%']} ms, p99 {row['99%']} ms, "
        f"errors {row['Failure Count']}"
    )


def run_backend(backend: str, args: argparse.Namespace, work: Path) -> None:
    data_dir = work / backend
    data_dir.mkdir()
    if backend == "sqlite":
        url, processes = f"sqlite:///{data_dir / 'demo.db'}", 1
    else:
        url, processes = fresh_postgres(), args.pg_processes
    env = environment(data_dir, url)
    started = time.perf_counter()
    subprocess.run(  # noqa: S603 - our own entry point
        [str(BIN / "ontschot"), "demo", "--prepare-only"],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    print(f"{backend}: demo region prepared in {time.perf_counter() - started:.0f} s")
    people_file = work / f"{backend}-people.json"
    found = people(url, args.import_rows)
    people_file.write_text(json.dumps(found), encoding="utf-8")
    env["BENCH_LOAD_PEOPLE"] = str(people_file)
    port = free_port()
    server = start_server(env, port, processes)
    host = f"http://127.0.0.1:{port}"
    try:
        print(f"{backend}: warmed up in {warm_up(host, found):.0f} s")
        health = locust(
            host,
            env,
            args.users,
            args.baseline_seconds,
            work / f"{backend}-health",
            health_only=True,
        )["Aggregated"]
        load_before = os.getloadavg()[0]
        prefix = work / f"{backend}-day"
        stats = locust(host, env, args.users, args.seconds, prefix, health_only=False)
        load_after = os.getloadavg()[0]
    finally:
        stop(server)
    day = stats["Aggregated"]
    label = f"{backend} ({processes} process{'es' if processes > 1 else ''}, {args.users} users)"
    print(line(f"load {label}", day, args.seconds) + f", 5xx {server_errors(prefix)}")
    print(line(f"baseline {backend} health only", health, args.baseline_seconds))
    ratio = float(day["95%"]) / max(float(health["95%"]), 1.0)
    print(
        f"ratio {backend}: day p95 / health p95 = {ratio:.1f}; "
        f"load average {load_before:.1f} → {load_after:.1f} on {os.cpu_count()} cores"
    )
    slowest = sorted(
        (row for name, row in stats.items() if name != "Aggregated"),
        key=lambda row: float(row["95%"]),
        reverse=True,
    )[:6]
    for row in slowest:
        print(
            f"  {row['Type']:6} {row['Name']:45} n={row['Request Count']:>6} "
            f"p50 {row['50%']:>5} ms p95 {row['95%']:>6} ms p99 {row['99%']:>6} ms "
            f"errors {row['Failure Count']}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--baseline-seconds", type=int, default=15)
    parser.add_argument("--users", type=int, default=40)
    parser.add_argument("--pg-processes", type=int, default=3)
    parser.add_argument("--import-rows", type=int, default=2000)
    parser.add_argument("--only", choices=("sqlite", "postgresql"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ontschot-load-") as tmp:
        for backend in ("sqlite", "postgresql"):
            if args.only in (None, backend):
                run_backend(backend, args, Path(tmp))


if __name__ == "__main__":
    main()
