"""Mijn dag: the landing page per role, with panels that contexts register."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ontschot.access.actor import Actor
from ontschot.access.dashboard import panels_for, register_dashboard_panel, render_panels
from ontschot.access.roles import Role
from tests.factories import api_token_headers, login_as, make_organisation, make_user


def test_partner_admin_sees_the_organisation_panel_and_admin_navigation(
    client: Any, db: Session
) -> None:
    org = make_organisation(db)
    admin = make_user(db, role=Role.PARTNER_ADMIN, organisation=org)
    make_user(db, organisation=org)
    api_token_headers(db, org, ["organisation.read"])
    login_as(client, db, admin)
    page = client.get("/")
    assert page.status_code == 200
    assert "Uw organisatie" in page.text
    assert '<span class="num">2</span> actieve gebruikers' in page.text
    assert '<span class="num">1</span> actieve API-token' in page.text  # singular for one
    assert 'href="/beheer"' in page.text and 'href="/verwerkingslog"' in page.text


def test_coach_gets_no_admin_panel_or_navigation(client: Any, db: Session) -> None:
    login_as(client, db, make_user(db, role=Role.COACH))
    page = client.get("/")
    assert "Uw organisatie" not in page.text
    assert 'href="/beheer"' not in page.text


def test_panels_render_in_order_and_a_panel_may_hide_itself(db: Session) -> None:
    def first(db: Session, actor: Actor) -> tuple[str, dict[str, Any]]:
        return "a.html", {"n": 1}

    def hidden(db: Session, actor: Actor) -> None:
        return None

    register_dashboard_panel(Role.ANALYST, hidden, name="test.hidden", order=1)
    register_dashboard_panel(Role.ANALYST, first, name="test.first", order=2)
    register_dashboard_panel(Role.ANALYST, first, name="test.first", order=2)  # replaces
    actor = Actor(role=Role.ANALYST, user_id=1, organisation_id=1, display_name="A")
    try:
        assert [p.name for p in panels_for(Role.ANALYST)][:2] == ["test.hidden", "test.first"]
        assert ("a.html", {"n": 1}) in render_panels(db, actor)
        assert len([p for p in panels_for(Role.ANALYST) if p.name == "test.first"]) == 1
    finally:
        from ontschot.access import dashboard

        dashboard._PANELS[Role.ANALYST] = [
            p for p in dashboard._PANELS[Role.ANALYST] if not p.name.startswith("test.")
        ]


def test_visitor_is_sent_to_login_from_the_landing_page(client: Any) -> None:
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/inloggen?next=/"
