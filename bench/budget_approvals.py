"""Approvals per second on one hot fund on PostgreSQL (issue 15): 8 client processes
approving at once, with two baselines in the same run: 1 client (the same guarded
booking, no contention) and 8 clients whose balance change is the naive SELECT ... FOR
UPDATE, decide in Python, then UPDATE (the same service otherwise). Each run gets a fresh
schema with N waiting requests planned on one fund that covers three quarters of them,
so both bookings and "onvoldoende budget" refusals are measured. Prints figures and
ratios; asserts nothing about time.

    ONTSCHOT_TEST_POSTGRES_URL=postgresql+psycopg://postgres@127.0.0.1:5432/test \\
        python bench/budget_approvals.py [--requests 400]
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the harness lives beside the CI test

from tests.budget.race import GUARDED, NAIVE, drop, prepare, race  # noqa: E402

COST = 100_001


def _run(url: str, count: int, processes: int, mode: str) -> tuple[float, Counter[str]]:
    setup = prepare(url, count=count, fund_cents=COST * count * 3 // 4, cost_cents=COST)
    try:
        outcomes, seconds = race(setup, processes, mode)
    finally:
        drop(setup)
    said = Counter(what for _, what in outcomes)
    return count / seconds, said


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    url = os.environ.get("ONTSCHOT_TEST_POSTGRES_URL") or os.environ.get("ONTSCHOT_DATABASE_URL")
    if not url or not url.startswith("postgresql"):
        sys.exit("set ONTSCHOT_TEST_POSTGRES_URL to a PostgreSQL database")
    runs = [
        ("1 client, guarded UPDATE (baseline)", 1, GUARDED),
        (f"{args.clients} clients, naive SELECT FOR UPDATE, then UPDATE", args.clients, NAIVE),
        (f"{args.clients} clients, guarded UPDATE (the product)", args.clients, GUARDED),
    ]
    rates: list[float] = []
    for label, clients, mode in runs:
        rate, said = _run(url, args.requests, clients, mode)
        rates.append(rate)
        print(
            f"{label:<58} {rate:8.1f} approvals/s  "
            f"(booked {said['booked']}, refused {said['refused']}, "
            f"other {sum(n for k, n in said.items() if k not in ('booked', 'refused'))})"
        )
    print(f"ratio {args.clients} clients guarded / 1 client: {rates[2] / rates[0]:.2f}")
    print(f"ratio guarded / naive at {args.clients} clients: {rates[2] / rates[1]:.2f}")


if __name__ == "__main__":
    main()
