"""Every Dutch page route, for every role and for a visitor, answers exactly as declared.

Like the API matrix (tests/access/test_permission_matrix.py): the expected answer follows
from the route's declared action and access.roles.PERMISSIONS. A role with the action gets
the sample's success status, a role without it the 403 page, and a visitor is sent to the
login page (303) unless the action is public. A page route without a declared action (and
not on the short list of open pages) or without a sample fails.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, sessionmaker

from ontschot.access.deps import route_actions
from ontschot.access.roles import PUBLIC_ACTIONS, Role, scope_for
from ontschot.app import create_app
from ontschot.config import Settings
from ontschot.web.security import API_PREFIX
from tests.access.route_samples import World, build_world, template_shape, undone_afterwards
from tests.factories import login_as
from tests.platform.page_samples import OPEN_PAGES, PAGE_SAMPLES, PageSample, add_page_ids

VISITOR = "visitor"
ACTORS: list[Role | str] = [*Role, VISITOR]


def _page_routes(app: Any) -> dict[tuple[str, str], list[str]]:
    return {
        (m, template_shape(p)): actions
        for m, p, actions in route_actions(app)
        if not p.startswith(API_PREFIX) and not p.startswith("/static")
    }


def _expected(sample: PageSample, action: str, who: Role | str) -> int:
    if action in PUBLIC_ACTIONS:
        return sample.success
    if who == VISITOR:
        return 303
    allowed = all(scope_for(a, Role(who)) is not None for a in (action, *sample.also))
    return sample.success if allowed else 403


@pytest.fixture
def bare_app(settings: Settings) -> Any:
    return create_app(settings, session_factory=sessionmaker())


def test_every_page_route_declares_an_action_and_has_a_sample(bare_app: Any) -> None:
    routes = _page_routes(bare_app)
    sampled = {(s.method, s.route_path) for s in PAGE_SAMPLES}
    guarded = {key for key, actions in routes.items() if key not in OPEN_PAGES}
    undeclared = sorted(f"{m} {p}" for (m, p) in guarded if len(routes[(m, p)]) != 1)
    unsampled = sorted(f"{m} {p}" for (m, p) in guarded if (m, p) not in sampled)
    stale = sorted(f"{m} {p}" for (m, p) in sampled if (m, p) not in routes)
    open_but_gone = sorted(f"{m} {p}" for (m, p) in OPEN_PAGES if (m, p) not in routes)
    assert not undeclared, f"page routes without exactly one requires(...): {undeclared}"
    assert not unsampled, f"page routes without a sample in page_samples.py: {unsampled}"
    assert not stale and not open_but_gone, (stale, open_but_gone)
    assert len(guarded) == len(PAGE_SAMPLES) and len(routes) >= 46  # 45 + the statement


def test_a_page_route_without_requires_is_reported(bare_app: Any) -> None:
    from fastapi import APIRouter

    router = APIRouter()
    router.add_api_route("/onbewaakt", lambda: {"ok": True}, methods=["GET"])
    bare_app.include_router(router)
    assert _page_routes(bare_app)[("GET", "/onbewaakt")] == []


def _try(
    sample: PageSample, who: Role | str, app: Any, client: Any, db: Session, world: World
) -> str | None:
    actions = _page_routes(app).get((sample.method, sample.route_path))
    if not actions or len(actions) != 1:
        return f"{sample.label()} has no single declared action"
    client.cookies.clear()
    headers = {} if who == VISITOR else login_as(client, db, world.users[Role(who)])
    response = client.request(
        sample.method,
        sample.url(world),
        data=sample.body(world) or None,
        headers=headers,
        follow_redirects=False,
    )
    expected = _expected(sample, actions[0], who)
    if response.status_code == expected:
        if expected == 303 and who == VISITOR:
            assert response.headers["location"].startswith("/inloggen?next=")
        return None
    return (
        f"{who} {sample.label()} [{actions[0]}]: expected {expected}, got "
        f"{response.status_code} {response.text[:200]}"
    )


def _world(db: Session) -> World:
    world = build_world(db)
    add_page_ids(db, world)
    return world


READS = [s for s in PAGE_SAMPLES if s.method == "GET"]
CHANGES = [s for s in PAGE_SAMPLES if s.method != "GET"]


@pytest.mark.parametrize("sample", READS, ids=PageSample.label)
def test_page_answers_as_declared_for_every_role(
    sample: PageSample, app: Any, client: Any, db: Session
) -> None:
    # given a region with two organisations
    world = _world(db)
    # when every role (and a visitor) opens the page, then each gets the declared answer
    wrong = [_try(sample, who, app, client, db, world) for who in ACTORS]
    assert [w for w in wrong if w] == []


@pytest.mark.parametrize("sample", CHANGES, ids=PageSample.label)
def test_form_post_answers_as_declared_for_every_role(
    sample: PageSample, app: Any, client: Any, db: Session, db_connection: Connection
) -> None:
    # given a region, the same for each actor (what one actor changes is rolled back
    # before the next one tries), when the form is sent, then the answer is declared
    world = _world(db)
    wrong = []
    for who in ACTORS:
        with undone_afterwards(db, db_connection):
            wrong.append(_try(sample, who, app, client, db, world))
    assert [w for w in wrong if w] == []


def test_open_pages_answer_everyone(client: Any, db: Session) -> None:
    world = _world(db)
    for who in ACTORS:
        client.cookies.clear()
        if who != VISITOR:
            login_as(client, db, world.users[Role(who)])
        assert client.get("/toegankelijkheid").status_code == 200, who
