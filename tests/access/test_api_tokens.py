"""API tokens for partner systems: shown once, stored hashed, narrowed, revocable."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot.access.models import ApiToken
from ontschot.access.roles import Role
from ontschot.access.sessions import sha256
from ontschot.app import create_app
from ontschot.config import Settings
from tests.factories import api_token_headers, login_as, make_organisation, make_user


def _create(client: Any, headers: dict[str, str], **body: Any) -> Any:
    payload = {"name": "Koppeling UWV", "role": "coach", "actions": ["organisation.read"]}
    payload.update(body)
    return client.post("/api/v1/api-tokens", json=payload, headers=headers)


def test_partner_admin_creates_token_that_is_shown_once_and_stored_hashed(
    client: Any, db: Session
) -> None:
    # given a partner administrator
    admin = make_user(db, role=Role.PARTNER_ADMIN)
    headers = login_as(client, db, admin)
    # when she creates a token
    created = _create(client, headers)
    # then the answer holds the token, the database only its hash, the list neither
    assert created.status_code == 201
    raw = created.json()["token"]
    row = db.scalar(select(ApiToken).where(ApiToken.id == created.json()["id"]))
    assert row is not None and row.token_hash == sha256(raw) and raw not in row.token_hash
    listed = client.get("/api/v1/api-tokens").json()
    assert [t["id"] for t in listed] == [row.id]
    assert "token" not in listed[0] and listed[0]["lastUsedAt"] is None
    assert created.json()["organisationId"] == admin.organisation_id


def test_token_authenticates_api_calls_and_records_last_use(client: Any, db: Session) -> None:
    org = make_organisation(db)
    headers = api_token_headers(db, org, ["account.read", "organisation.read"], role=Role.COACH)
    me = client.get("/api/v1/me", headers=headers)
    assert me.status_code == 200
    assert me.json()["via"] == "token" and me.json()["organisationId"] == org.id
    token = db.scalar(select(ApiToken).where(ApiToken.organisation_id == org.id))
    db.refresh(token)
    assert token is not None and token.last_used_at is not None


def test_token_is_limited_to_its_actions_even_when_its_role_may_do_more(
    client: Any, db: Session
) -> None:
    org = make_organisation(db)
    headers = api_token_headers(db, org, ["organisation.read"], role=Role.PARTNER_ADMIN)
    assert client.get("/api/v1/organisations", headers=headers).status_code == 200
    assert client.get("/api/v1/users", headers=headers).status_code == 403


def test_revoked_token_stops_working_at_once(client: Any, db: Session) -> None:
    admin = make_user(db, role=Role.PARTNER_ADMIN)
    admin_headers = login_as(client, db, admin)
    created = _create(client, admin_headers).json()
    partner = TestClient(client.app)
    bearer = {"Authorization": f"Bearer {created['token']}"}
    assert partner.get("/api/v1/organisations", headers=bearer).status_code == 200
    revoked = client.delete(f"/api/v1/api-tokens/{created['id']}", headers=admin_headers)
    assert revoked.status_code == 204
    after = partner.get("/api/v1/organisations", headers=bearer)
    assert after.status_code == 401
    assert after.headers["content-type"].startswith("application/problem+json")


def test_partner_admin_cannot_mint_an_administration_token(client: Any, db: Session) -> None:
    headers = login_as(client, db, make_user(db, role=Role.PARTNER_ADMIN))
    response = _create(client, headers, role="system_admin", actions=["organisation.create"])
    assert response.status_code == 400
    assert {e["name"] for e in response.json()["invalidParams"]} == {"role"}


def test_token_actions_must_fit_its_role(client: Any, db: Session) -> None:
    headers = login_as(client, db, make_user(db, role=Role.PARTNER_ADMIN))
    response = _create(client, headers, role="coach", actions=["user.create"])
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "actions"


def test_malformed_authorization_header_is_a_400_and_unknown_token_a_401(
    client: Any, db: Session
) -> None:
    bad = client.get("/api/v1/me", headers={"Authorization": "Basic abc"})
    assert bad.status_code == 400
    unknown = client.get("/api/v1/me", headers={"Authorization": "Bearer ots_" + "A" * 43})
    assert unknown.status_code == 401


def test_token_use_is_throttled_per_address(
    settings: Settings, session_factory: Any, db: Session
) -> None:
    org = make_organisation(db)
    headers = api_token_headers(db, org, ["organisation.read"])
    app = create_app(
        settings.model_copy(update={"rate_limit_per_minute": 2}), session_factory=session_factory
    )
    with TestClient(app) as client:
        statuses = [
            client.get("/api/v1/organisations", headers=headers).status_code for _ in range(3)
        ]
    assert statuses == [200, 200, 429]


def test_cookie_session_on_the_api_needs_the_csrf_header_for_changes(
    client: Any, db: Session
) -> None:
    admin = make_user(db, role=Role.PARTNER_ADMIN)
    headers = login_as(client, db, admin)
    assert _create(client, {}).status_code == 403
    assert _create(client, headers).status_code == 201
