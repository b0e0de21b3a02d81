"""schemathesis against the whole OpenAPI document as a system administrator and a coach
(issue 11, defect 11): a short run with the same examples every time, on each database.

The long run (≥ 10,000 requests, on the demo region) is `bench/api_fuzz.py`.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.orm import Session

from ontschot.access.roles import PERMISSIONS, Role, scope_for
from ontschot.config import Settings
from tests.factories import (
    allow_employers,
    api_token_headers,
    make_candidate,
    make_employer,
    make_organisation,
    make_user,
    make_vacancy,
)
from tests.platform import api_fuzz

EXAMPLES = 2


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"rate_limit_per_minute": 1_000_000})


def headers_of(db: Session, user: Any) -> dict[str, str]:
    """A token with every action the user's role may do."""
    role = Role(user.role)
    return api_token_headers(db, user, [a for a in PERMISSIONS if scope_for(a, role)])


def test_every_operation_answers_as_documented_for_admin_and_coach(app: Any, db: Session) -> None:
    org = make_organisation(db)
    admin = make_user(db, Role.SYSTEM_ADMIN, organisation=org)
    coach = make_user(db, Role.COACH, organisation=org)
    candidate = make_candidate(db, coach)
    allow_employers(db, coach, candidate)
    make_vacancy(db, admin, make_employer(db, organisation=org))
    roles = {"system_admin": headers_of(db, admin), "coach": headers_of(db, coach)}

    report = api_fuzz.run(app, roles, examples=EXAMPLES)

    assert report.operations >= 40, report.summary()
    assert report.requests >= report.operations * 4, report.summary()
    assert not report.server_errors, report.server_errors
    assert not report.failures, "\n\n".join(
        f"{operation} as {role}:\n{text}" for (operation, role), text in report.failures.items()
    )
    # the run reached the service layer, not only the input checks
    assert report.statuses[200] > 0 and report.statuses[400] > 0, report.summary()


def test_a_document_that_leaves_out_a_status_fails_the_run(app: Any, db: Session) -> None:
    """The harness really checks conformance: with the error statuses taken out of the
    document, the same run reports failures."""
    from ontschot.web import openapi

    original = openapi.error_statuses
    org = make_organisation(db)
    try:
        openapi.error_statuses = lambda *args: []  # type: ignore[assignment]
        app.openapi_schema = None
        coach = make_user(db, Role.COACH, organisation=org)
        report = api_fuzz.run(app, {"coach": headers_of(db, coach)}, examples=1)
    finally:
        openapi.error_statuses = original  # type: ignore[assignment]
        app.openapi_schema = None
    assert report.failures
