"""Outside input in every login and token field: a clear 400 or form error, never a 500."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from ontschot.access.roles import Role
from tests.factories import api_token_headers, login_as, make_user

NASTY = [
    "",
    " ",
    "a" * 5000,
    "x@" + "a" * 300 + ".nl",
    "admin@example.nl' OR '1'='1",
    "'; DROP TABLE app_user; --",
    "\u202eln.elpmaxe@nimda",
    "ａｄｍｉｎ@example.nl",
    "admin@exаmple.nl",
    "admin\u200b@example.nl",
    "admin\x00@example.nl",
    "<script>x</script>",
    "../../etc/passwd",
    "%00",
    "null",
]
# Form fields travel as UTF-8; lone surrogates cannot be encoded by any client.
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
FIELD = st.one_of(st.sampled_from(NASTY), TEXT)
EXAMPLES = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _login(client: Any, email: str, password: str) -> Any:
    page = client.get("/inloggen")
    token = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    return client.post(
        "/inloggen",
        data={"email": email, "password": password, "csrf_token": token},
        follow_redirects=False,
    )


@pytest.mark.parametrize("email", NASTY[:-1])
def test_nasty_login_address_gets_a_form_error_on_the_field(client: Any, email: str) -> None:
    response = _login(client, email, "een wachtwoord")
    assert response.status_code == 400
    assert 'id="email-fout"' in response.text


@pytest.mark.parametrize("password", ["", "p" * 257])
def test_empty_or_overlong_password_gets_a_form_error(client: Any, password: str) -> None:
    response = _login(client, "iemand@example.nl", password)
    assert response.status_code == 400
    assert 'id="wachtwoord-fout"' in response.text


@EXAMPLES
@given(email=FIELD, password=FIELD)
def test_any_login_input_is_answered_without_a_server_error(
    client: Any, email: str, password: str
) -> None:
    response = _login(client, email, password)
    assert response.status_code in (400, 401)
    assert "error-message" in response.text
    assert "Traceback" not in response.text


@EXAMPLES
@given(name=FIELD, role=FIELD, actions=st.lists(FIELD, max_size=5))
def test_any_token_request_is_a_201_or_a_400_problem(
    client: Any, db: Session, name: str, role: str, actions: list[str]
) -> None:
    if not hasattr(client, "_admin_headers"):
        client._admin_headers = login_as(client, db, make_user(db, role=Role.PARTNER_ADMIN))
    response = client.post(
        "/api/v1/api-tokens",
        headers=client._admin_headers,
        json={"name": name, "role": role, "actions": actions},
    )
    assert response.status_code in (201, 400)
    if response.status_code == 400:
        assert response.headers["content-type"].startswith("application/problem+json")
        assert response.json()["invalidParams"]


@pytest.mark.parametrize("name", NASTY[:2] + NASTY[2:3] + NASTY[5:12])
def test_nasty_token_name_is_a_400_naming_the_field(client: Any, db: Session, name: str) -> None:
    headers = login_as(client, db, make_user(db, role=Role.PARTNER_ADMIN))
    response = client.post(
        "/api/v1/api-tokens",
        headers=headers,
        json={"name": name, "role": "coach", "actions": ["organisation.read"]},
    )
    assert response.status_code == 400
    assert {e["name"] for e in response.json()["invalidParams"]} == {"name"}


@EXAMPLES
@given(value=st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=300))
def test_any_bearer_value_is_a_400_or_401_never_a_500(client: Any, db: Session, value: str) -> None:
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {value}"})
    assert response.status_code in (400, 401)


@EXAMPLES
@given(email=FIELD, display_name=FIELD)
def test_any_user_fields_are_a_201_or_a_400_never_a_500(
    client: Any, db: Session, email: str, display_name: str
) -> None:
    if not hasattr(client, "_admin_headers"):
        client._admin_headers = login_as(client, db, make_user(db, role=Role.PARTNER_ADMIN))
    response = client.post(
        "/api/v1/users",
        headers=client._admin_headers,
        json={"email": email, "displayName": display_name, "role": "coach"},
    )
    assert response.status_code in (201, 400, 409)


def test_token_with_sql_in_its_value_is_refused_without_touching_sql(
    client: Any, db: Session
) -> None:
    headers = api_token_headers(db, make_user(db, role=Role.PARTNER_ADMIN), ["user.read"])
    assert client.get("/api/v1/users", headers=headers).status_code == 200
    sneaky = {"Authorization": "Bearer ots_' OR 1=1 --"}
    assert client.get("/api/v1/users", headers=sneaky).status_code == 401
