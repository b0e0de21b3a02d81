"""Benchmark: write the national synthetic data set (1,000,000 candidates, 400,000 vacancies).

Prints wall time, CPU time, peak memory (max RSS) and file sizes. Targets from issue 7:
under 10 minutes on 2 cores and under 4 GB memory. Not part of the test run.

    .venv/bin/python bench/synth_national.py [--scale 1.0] [--out DIR]

Uses the configured database (ONTSCHOT_DATABASE_URL) only to read the taxonomy; it is
migrated and loaded first when needed.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from ontschot.config import load_settings
from ontschot.db import make_engine, make_sessionmaker
from ontschot.setup import prepare_database
from ontschot.synth.generate import DEFAULT_SEED
from ontschot.synth.profiles import load_profiles
from ontschot.synth.write_files import write_files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--region", default="nederland")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--out", type=Path, default=Path(tempfile.gettempdir()) / "ontschot-national"
    )
    args = parser.parse_args()
    settings = load_settings()
    prepare_database(settings)
    engine = make_engine(settings.database_url)
    with make_sessionmaker(engine)() as db:
        profiles = load_profiles(db)
    engine.dispose()
    wall, cpu = time.perf_counter(), time.process_time()
    manifest = write_files(
        profiles,
        args.out,
        region=args.region,
        scale=args.scale,
        seed=DEFAULT_SEED,
        workers=args.workers,
    )
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu += children.ru_utime + children.ru_stime
    # ru_maxrss is in KiB on Linux; for children it is the largest single worker
    parent_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker_mib = children.ru_maxrss / 1024
    peak_mib = parent_mib + args.workers * worker_mib if args.workers > 1 else parent_mib
    size_mib = sum(p.stat().st_size for p in args.out.iterdir()) / 2**20
    print(f"region={args.region} scale={args.scale} python={sys.version.split()[0]}")
    for name, count in manifest["counts"].items():
        print(f"  {name:22} {count:>12,}")
    print(
        f"workers {args.workers}: parent peak RSS {parent_mib:.0f} MiB, "
        f"largest worker {worker_mib:.0f} MiB"
    )
    print(
        f"wall {wall:.1f} s, cpu {cpu:.1f} s, peak RSS (upper bound) {peak_mib:.0f} MiB, "
        f"files {size_mib:.0f} MiB in {args.out}"
    )


if __name__ == "__main__":
    main()
