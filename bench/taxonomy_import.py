"""How long does loading the bundled ESCO taxonomy into an empty database take?

Prints `name: value` lines. The baseline is the naive way (one ORM object per relation
row, flushed by the unit of work) for the occupation–skill relations, measured in the same
run against the bulk path the product uses for the same rows.

    python bench/taxonomy_import.py [--postgres URL]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from sqlalchemy import delete, insert, text
from sqlalchemy.orm import Session

from ontschot.db import make_engine
from ontschot.migrate import upgrade
from ontschot.taxonomy.importer import read_esco_folder
from ontschot.taxonomy.loader import SNAPSHOT_DIR, apply_taxonomy, snapshot_version
from ontschot.taxonomy.models import OccupationSkill


def run(url: str, label: str) -> None:
    engine = make_engine(url)
    upgrade(engine)
    started = time.perf_counter()
    parsed = read_esco_folder(SNAPSHOT_DIR, esco_version=snapshot_version(), source="bench")
    parsed_at = time.perf_counter()
    with Session(engine) as db:
        summary = apply_taxonomy(db, parsed)
    done = time.perf_counter()
    print(f"{label}_parse_seconds: {parsed_at - started:.2f}")
    print(f"{label}_write_seconds: {done - parsed_at:.2f}")
    print(f"{label}_import_seconds: {done - started:.2f}")
    print(f"{label}_imported: {summary}")

    rows = [
        {"occupation_uri": o, "skill_uri": s, "relation": r} for o, s, r in parsed.occupation_skills
    ]
    with Session(engine) as db:
        db.execute(delete(OccupationSkill))
        t0 = time.perf_counter()
        db.execute(insert(OccupationSkill), rows)
        db.flush()
        bulk = time.perf_counter() - t0
        db.rollback()
    with Session(engine) as db:
        db.execute(delete(OccupationSkill))
        t0 = time.perf_counter()
        db.add_all(OccupationSkill(**row) for row in rows)
        db.flush()
        naive = time.perf_counter() - t0
        db.rollback()
    print(f"{label}_relations_bulk_seconds: {bulk:.2f}")
    print(f"{label}_relations_orm_baseline_seconds: {naive:.2f}")
    print(f"{label}_speedup_vs_baseline: {naive / bulk:.1f}")
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--postgres", help="also measure on this PostgreSQL URL (a scratch schema)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run(f"sqlite:///{Path(tmp) / 'bench.db'}", "sqlite")
    if args.postgres:
        admin = make_engine(args.postgres)
        with admin.begin() as conn:
            conn.execute(text("DROP SCHEMA IF EXISTS bench_taxonomy CASCADE"))
            conn.execute(text("CREATE SCHEMA bench_taxonomy"))
        try:
            run(
                args.postgres
                + ("&" if "?" in args.postgres else "?")
                + "options=-csearch_path%3Dbench_taxonomy",
                "postgresql",
            )
        finally:
            with admin.begin() as conn:
                conn.execute(text("DROP SCHEMA bench_taxonomy CASCADE"))


if __name__ == "__main__":
    main()
