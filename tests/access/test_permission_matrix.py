"""Every /api/v1 route, for every role and for a visitor, answers exactly as declared.

The expected status follows from the route's declared action and access.roles.PERMISSIONS:
success for a role with the action (when the scope is narrower than the region: 404 for
another organisation's person, whose existence is not revealed, and 403 for other foreign
objects), 403 for a role without it, 401 for a visitor unless the action is public.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, sessionmaker

from ontschot.access.deps import route_actions
from ontschot.access.roles import PUBLIC_ACTIONS, Role, Scope, scope_for
from ontschot.app import create_app
from ontschot.config import Settings
from ontschot.web.security import API_PREFIX
from tests.access.route_samples import (
    RouteSample,
    World,
    all_samples,
    build_world,
    template_shape,
    undone_afterwards,
)
from tests.factories import login_as

SAMPLES = all_samples()
VISITOR = "visitor"
ACTORS: list[Role | str] = [*Role, VISITOR]


def _api_routes(app: Any) -> dict[tuple[str, str], list[str]]:
    return {
        (m, template_shape(p)): actions
        for m, p, actions in route_actions(app)
        if p.startswith(API_PREFIX)
    }


def _expected(sample: RouteSample, action: str, who: Role | str) -> int:
    if action in PUBLIC_ACTIONS:
        return sample.success
    if who == VISITOR:
        return 401
    scope = scope_for(action, Role(who))
    if scope is None:
        return 403
    if sample.foreign and scope != Scope.REGION:
        # Another organisation's person that the role may not see is "not found": a 403
        # would tell that they exist. Organisation-level objects answer 403.
        hidden = "{foreign_candidate_id}" in sample.path or "{foreign_user_id}" in sample.path
        return 404 if hidden else 403
    if sample.own_caseload and scope == Scope.OWN and who != Role.COACH:
        return 403
    return sample.success


@pytest.fixture
def bare_app(settings: Settings) -> Any:
    """The app without a database: listing routes needs none."""
    return create_app(settings, session_factory=sessionmaker())


def test_every_api_route_declares_exactly_one_action_and_has_a_sample(bare_app: Any) -> None:
    routes = _api_routes(bare_app)
    sampled = {(s.method, s.route_path) for s in SAMPLES}
    undeclared = sorted(f"{m} {p}" for (m, p), actions in routes.items() if len(actions) != 1)
    unsampled = sorted(f"{m} {p}" for (m, p) in routes if (m, p) not in sampled)
    stale = sorted(f"{m} {p}" for (m, p) in sampled if (m, p) not in routes)
    assert not undeclared, f"routes without exactly one requires(...): {undeclared}"
    assert not unsampled, f"routes without a sample in tests/*/route_samples.py: {unsampled}"
    assert not stale, f"samples for routes that do not exist: {stale}"


def test_a_route_without_requires_is_reported(bare_app: Any) -> None:
    app = bare_app
    from fastapi import APIRouter

    router = APIRouter(prefix=API_PREFIX)
    router.add_api_route("/unguarded", lambda: {"ok": True}, methods=["GET"])
    app.include_router(router)
    assert _api_routes(app)[("GET", "/api/v1/unguarded")] == []


def _try(
    sample: RouteSample, who: Role | str, app: Any, client: Any, db: Session, world: World
) -> str | None:
    """Send the sample as `who`; a description of the mismatch, or None when as declared."""
    actions = _api_routes(app).get((sample.method, sample.route_path))
    if not actions or len(actions) != 1:
        return f"{sample.label()} has no single declared action"
    client.cookies.clear()
    headers = {} if who == VISITOR else login_as(client, db, world.users[Role(who)])
    response = client.request(
        sample.method, sample.url(world), json=sample.body(world), headers=headers
    )
    expected = _expected(sample, actions[0], who)
    if response.status_code == expected:
        return None
    return (
        f"{who} {sample.label()} [{actions[0]}]: expected {expected}, got "
        f"{response.status_code} {response.text[:300]}"
    )


# Reads change nothing that decides a status, so one world serves every actor; each change
# gets a fresh world per actor.
READS = [s for s in SAMPLES if s.method == "GET"]
CHANGES = [s for s in SAMPLES if s.method != "GET"]


@pytest.mark.parametrize("sample", READS, ids=RouteSample.label)
def test_read_route_answers_as_declared_for_every_role(
    sample: RouteSample, app: Any, client: Any, db: Session
) -> None:
    # given a region with two organisations
    world = build_world(db)
    # when every role (and a visitor) sends the sample request
    wrong = [_try(sample, who, app, client, db, world) for who in ACTORS]
    # then each gets exactly the declared status
    assert [w for w in wrong if w] == []


@pytest.mark.parametrize("sample", CHANGES, ids=RouteSample.label)
def test_change_route_answers_as_declared_for_every_role(
    sample: RouteSample, app: Any, client: Any, db: Session, db_connection: Connection
) -> None:
    # given a region with two organisations, the same for each actor: what one actor
    # changes is rolled back before the next one tries
    world = build_world(db)
    wrong = []
    for who in ACTORS:
        with undone_afterwards(db, db_connection):
            # when the sample request is sent, then the status is exactly the declared one
            wrong.append(_try(sample, who, app, client, db, world))
    assert [w for w in wrong if w] == []
