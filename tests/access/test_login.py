"""Logging in and out of the pages: sessions, CSRF, lock-out, throttling, cookies."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ontschot.access.models import UserSession
from ontschot.access.roles import Role
from ontschot.access.sessions import SESSION_COOKIE, sha256
from ontschot.app import create_app
from ontschot.config import Settings
from tests.factories import DEFAULT_PASSWORD, login, login_as, make_organisation, make_user

WRONG = "Onjuiste combinatie van e-mailadres en wachtwoord."


def _form_token(html: str) -> str:
    return html.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]


def _post_login(client: Any, email: str, password: str, **extra: str) -> Any:
    token = _form_token(client.get("/inloggen").text)
    data = {"email": email, "password": password, "csrf_token": token, **extra}
    return client.post("/inloggen", data=data, follow_redirects=False)


def test_coach_logs_in_and_sees_own_dashboard(client: Any, db: Session) -> None:
    # given a coach of a gemeente
    org = make_organisation(db, name="Gemeente Hengelo")
    coach = make_user(db, role=Role.COACH, organisation=org, display_name="Carla Coach")
    # when she logs in
    login(client, coach)
    page = client.get("/")
    # then her landing page shows her name, role and organisation
    assert page.status_code == 200
    assert "Mijn dag" in page.text
    assert "Carla Coach" in page.text and "Arbeidsmarktcoach" in page.text
    assert "Gemeente Hengelo" in page.text
    assert 'data-csrf="' in page.text


def test_wrong_password_shows_dutch_error_next_to_the_field(client: Any, db: Session) -> None:
    coach = make_user(db)
    response = _post_login(client, coach.email, "niet het wachtwoord")
    assert response.status_code == 401
    assert WRONG in response.text
    assert 'id="wachtwoord-fout"' in response.text
    assert 'aria-describedby="wachtwoord-fout"' in response.text
    assert SESSION_COOKIE not in response.cookies


def test_unknown_address_gets_the_same_message_as_a_wrong_password(
    client: Any, db: Session
) -> None:
    response = _post_login(client, "niemand@example.nl", "wat dan ook")
    assert response.status_code == 401
    assert WRONG in response.text


def test_logout_deletes_the_session_and_pages_then_redirect_to_login(
    client: Any, db: Session
) -> None:
    coach = make_user(db)
    csrf = login(client, coach)
    raw = client.cookies.get(SESSION_COOKIE)
    response = client.post("/uitloggen", data={"csrf_token": csrf}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/inloggen"
    assert db.scalar(select(UserSession).where(UserSession.token_hash == sha256(raw))) is None
    # even when the browser replays the old cookie, the page sends it to the login
    client.cookies.set(SESSION_COOKIE, raw)
    page = client.get("/", follow_redirects=False)
    assert page.status_code == 303
    assert page.headers["location"].startswith("/inloggen")


def test_logout_without_csrf_token_keeps_the_session(client: Any, db: Session) -> None:
    login(client, make_user(db))
    response = client.post("/uitloggen", data={}, follow_redirects=False)
    assert response.status_code == 403
    assert client.get("/", follow_redirects=False).status_code == 200


def test_login_form_without_its_csrf_token_is_refused(client: Any, db: Session) -> None:
    coach = make_user(db)
    client.get("/inloggen")
    response = client.post(
        "/inloggen",
        data={"email": coach.email, "password": DEFAULT_PASSWORD, "csrf_token": "vals"},
        follow_redirects=False,
    )
    assert response.status_code == 403
    assert SESSION_COOKIE not in response.cookies


def test_session_cookie_holds_a_random_id_whose_hash_is_stored(client: Any, db: Session) -> None:
    coach = make_user(db)
    response = _post_login(client, coach.email, DEFAULT_PASSWORD)
    raw = response.cookies[SESSION_COOKIE]
    header = response.headers["set-cookie"]
    assert "httponly" in header.lower() and "samesite=lax" in header.lower()
    assert "secure" not in header.lower()  # plain http in development
    stored = db.scalars(select(UserSession.token_hash).where(UserSession.user_id == coach.id))
    assert list(stored) == [sha256(raw)]
    assert len(raw) >= 40


def test_cookies_are_secure_behind_tls(
    settings: Settings, session_factory: Any, db: Session
) -> None:
    app = create_app(
        settings.model_copy(update={"behind_tls": True}), session_factory=session_factory
    )
    coach = make_user(db)
    with TestClient(app, base_url="https://testserver") as client:
        response = _post_login(client, coach.email, DEFAULT_PASSWORD)
    assert response.status_code == 303
    assert "secure" in response.headers["set-cookie"].lower()


def test_account_locks_after_too_many_failures_until_an_admin_resets_it(
    client: Any, db: Session, settings: Settings
) -> None:
    # given a coach who mistyped the password as often as allowed
    coach = make_user(db)
    for _ in range(settings.login_max_failures):
        assert _post_login(client, coach.email, "fout wachtwoord").status_code == 401
    # when she then types the right one, the account is locked
    locked = _post_login(client, coach.email, DEFAULT_PASSWORD)
    assert locked.status_code == 401
    assert "geblokkeerd" in locked.text
    # and after her administrator sets a new password she can log in again
    admin = make_user(db, role=Role.PARTNER_ADMIN, organisation=coach.organisation)
    admin_client = TestClient(client.app)
    headers = login_as(admin_client, db, admin)
    reset = admin_client.post(
        f"/api/v1/users/{coach.id}/password-reset",
        headers=headers,
        json={"newPassword": "een heel nieuw wachtwoord"},
    )
    assert reset.status_code == 204
    assert _post_login(client, coach.email, "een heel nieuw wachtwoord").status_code == 303


def test_login_attempts_are_throttled_per_address(
    settings: Settings, session_factory: Any, db: Session
) -> None:
    app = create_app(
        settings.model_copy(update={"rate_limit_per_minute": 3}), session_factory=session_factory
    )
    with TestClient(app) as client:
        statuses = [_post_login(client, "a@example.nl", "x").status_code for _ in range(4)]
    assert statuses == [401, 401, 401, 429]


def test_next_parameter_never_leaves_the_site(client: Any, db: Session) -> None:
    coach = make_user(db)
    for target, expected in (
        ("//evil.example/x", "/"),
        ("https://evil.example", "/"),
        ("/\\evil.example", "/"),
        ("/beroepen", "/beroepen"),
    ):
        client.cookies.clear()
        response = _post_login(client, coach.email, DEFAULT_PASSWORD, next=target)
        assert response.headers["location"] == expected


def test_expired_session_sends_the_user_to_login(client: Any, db: Session) -> None:
    coach = make_user(db)
    login_as(client, db, coach)
    row = db.scalar(select(UserSession).where(UserSession.user_id == coach.id))
    assert row is not None
    row.expires_at = row.created_at - timedelta(minutes=1)
    db.commit()
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 303
    assert (
        db.scalar(
            select(func.count()).select_from(UserSession).where(UserSession.user_id == coach.id)
        )
        == 0
    )


def test_disabled_user_is_logged_out_everywhere_and_cannot_log_in(client: Any, db: Session) -> None:
    coach = make_user(db)
    admin = make_user(db, role=Role.PARTNER_ADMIN, organisation=coach.organisation)
    login(client, coach)
    admin_client = TestClient(client.app)
    headers = login_as(admin_client, db, admin)
    assert (
        admin_client.post(f"/api/v1/users/{coach.id}/disable", headers=headers).status_code == 200
    )
    assert client.get("/", follow_redirects=False).status_code == 303
    client.cookies.clear()
    assert _post_login(client, coach.email, DEFAULT_PASSWORD).status_code == 401


def test_page_form_post_without_csrf_is_refused(client: Any, db: Session) -> None:
    admin = make_user(db, role=Role.PARTNER_ADMIN)
    login_as(client, db, admin)
    response = client.post(
        "/beheer/gebruikers", data={"email": "x@example.nl"}, follow_redirects=False
    )
    assert response.status_code == 403


def test_logged_in_visitor_of_login_page_goes_to_dashboard(client: Any, db: Session) -> None:
    login_as(client, db, make_user(db))
    response = client.get("/inloggen", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/"
