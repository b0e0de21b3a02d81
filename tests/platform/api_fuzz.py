"""schemathesis against the whole OpenAPI document, in process, as one or more roles.

Shared by the CI test (short, seeded) and `bench/api_fuzz.py` (long, on the demo region).
Every generated request, schema-valid and schema-violating, is sent with each role's token
and its response checked by schemathesis: no server error, a documented status code and
content type, a body matching its schema, the Allow header of a 405, schema-violating input
refused. Not checked: `positive_data_acceptance` — a schema-valid body may still be refused
for what JSON Schema cannot say (the BSN's 11-proef, a municipality that does not exist, an
ESCO URI not in the taxonomy); those refusals are 400s with a reason and are documented.
"""

from __future__ import annotations

import collections
import warnings
from dataclasses import dataclass, field
from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import positive_data_acceptance
from schemathesis.generation import GenerationMode

OPENAPI_PATH = "/api/v1/openapi.json"
# Erasure and token revocation would end the fuzzing roles' own access or data mid-run.
SKIPPED_OPERATIONS = frozenset(
    {
        "DELETE /api/v1/api-tokens/{tokenId}",
        "POST /api/v1/users/{userId}/disable",
    }
)


@dataclass
class FuzzReport:
    requests: int = 0
    statuses: collections.Counter[int] = field(default_factory=collections.Counter)
    server_errors: list[str] = field(default_factory=list)
    failures: dict[tuple[str, str], str] = field(default_factory=dict)  # (operation, role)
    operations: int = 0

    def summary(self) -> str:
        top = ", ".join(f"{code}: {n}" for code, n in sorted(self.statuses.items()))
        return (
            f"{self.requests} requests over {self.operations} operations; statuses {top}; "
            f"{len(self.server_errors)} server errors; {len(self.failures)} failing operations"
        )


def run(
    app: Any,
    roles: dict[str, dict[str, str]],
    *,
    examples: int,
) -> FuzzReport:
    """Fuzz every operation of `app` as each role (name -> auth headers)."""
    schema = schemathesis.openapi.from_asgi(OPENAPI_PATH, app)
    report = FuzzReport()
    for result in schema.get_all_operations():
        operation = result.ok()
        if operation.label in SKIPPED_OPERATIONS:
            continue
        report.operations += 1
        for role, headers in roles.items():
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                _fuzz(operation, mode, role, headers, examples, report)
    return report


def _fuzz(
    operation: Any,
    mode: GenerationMode,
    role: str,
    headers: dict[str, str],
    examples: int,
    report: FuzzReport,
) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=True,  # seeded from the test itself: the same examples every run
        suppress_health_check=list(HealthCheck),
    )
    def check(case: Any) -> None:
        report.requests += 1
        # the first text analysis loads the language model: slow, not wrong
        response = case.call(headers=headers, timeout=180)
        report.statuses[response.status_code] += 1
        if response.status_code >= 500:
            report.server_errors.append(f"{operation.label} as {role}: {response.status_code}")
        try:
            case.validate_response(
                response, headers=headers, excluded_checks=[positive_data_acceptance]
            )
        except BaseException as exc:  # a FailureGroup, kept per operation and role
            if isinstance(exc, KeyboardInterrupt):
                raise
            report.failures.setdefault(
                (operation.label, role), "\n".join(str(exc).splitlines()[:20])
            )

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            check()
        except Unsatisfiable:  # nothing to break: the operation takes no input
            if mode is GenerationMode.POSITIVE:
                raise
