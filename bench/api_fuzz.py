"""The long schemathesis run (issue 11): the whole OpenAPI document against the demo region,
as a system administrator and as a coach, schema-valid and schema-violating requests.

Prints the number of requests, the statuses, the server errors and every operation whose
responses do not conform to the document (the same checks as the CI test
`tests/platform/test_api_fuzz.py`, which runs a few examples per operation).

    python bench/api_fuzz.py [--examples 50] [--data-dir DIR]

With 53 operations, 2 roles and 2 kinds of input, 50 examples give about 10,000 requests.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the harness lives beside the CI test

from sqlalchemy import select  # noqa: E402
from tests.factories import api_token_headers  # noqa: E402
from tests.platform import api_fuzz  # noqa: E402

from ontschot.access.models import AppUser  # noqa: E402
from ontschot.access.roles import PERMISSIONS, Role, scope_for  # noqa: E402
from ontschot.app import create_app  # noqa: E402
from ontschot.config import Settings  # noqa: E402
from ontschot.db import make_engine, make_sessionmaker  # noqa: E402
from ontschot.synth.demo import prepare_demo  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=50, help="per operation, role and kind")
    parser.add_argument("--data-dir", type=Path, help="reuse a prepared demo here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ontschot-fuzz-") as tmp:
        data_dir = args.data_dir or Path(tmp)
        settings = Settings(
            data_dir=data_dir,
            environment="test",
            secret_key="fuzz-benchmark-secret-key-0123456789abcdef",  # noqa: S106 - test key
            rate_limit_per_minute=100_000,
        )
        started = time.perf_counter()
        demo = prepare_demo(settings)
        print(f"demo region ready in {time.perf_counter() - started:.0f} s: {demo.summary}")
        engine = make_engine(demo.settings.database_url)
        factory = make_sessionmaker(engine)
        roles = {}
        with factory() as db:
            for role in (Role.SYSTEM_ADMIN, Role.COACH):
                user = db.scalars(select(AppUser).where(AppUser.role == role.value)).first()
                assert user is not None, f"the demo has no {role}"
                actions = [a for a in PERMISSIONS if scope_for(a, role)]
                roles[role.value] = api_token_headers(db, user, actions)
        app = create_app(demo.settings, session_factory=factory)
        started = time.perf_counter()
        report = api_fuzz.run(app, roles, examples=args.examples)
        seconds = time.perf_counter() - started
        engine.dispose()
    print(f"schemathesis: {report.summary()} in {seconds:.0f} s")
    print(f"requests: {report.requests}")
    print(f"server errors (5xx): {len(report.server_errors)}")
    for error in report.server_errors[:20]:
        print(f"  {error}")
    print(f"non-conforming operations: {len(report.failures)}")
    for (operation, role), text in report.failures.items():
        print(f"--- {operation} as {role}\n{text}")
    if report.server_errors or report.failures:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
