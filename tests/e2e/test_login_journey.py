"""Journey: a coach logs in, sees the own dashboard, mistypes, and logs out for good."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.orm import Session

from ontschot.access.roles import Role
from ontschot.config import Settings
from ontschot.db import make_engine
from tests.e2e.conftest import screenshot
from tests.factories import DEFAULT_PASSWORD, make_organisation, make_user

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def coach(e2e_settings: Settings, live_server: str) -> dict[str, str]:
    engine = make_engine(e2e_settings.database_url)
    with Session(engine) as db:
        org = make_organisation(db, kind="gemeente", name="Gemeente Enschede")
        user = make_user(
            db,
            role=Role.COACH,
            organisation=org,
            email="coach.e2e@enschede.nl",
            display_name="Sanne de Vries",
        )
        details = {"email": user.email, "name": user.display_name}
    engine.dispose()
    return details


def test_coach_logs_in_sees_dashboard_and_logs_out(page: Any, coach: dict[str, str]) -> None:
    page.goto("/")
    page.get_by_role("heading", name="Inloggen").wait_for()

    page.get_by_label("E-mailadres").fill(coach["email"])
    page.get_by_label("Wachtwoord").fill("verkeerd wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    field_error = page.locator(".form-field.field-error .error-message").first
    field_error.wait_for()
    assert "Onjuiste combinatie" in field_error.inner_text()
    screenshot(page, "login-wrong-password")

    page.get_by_label("Wachtwoord").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_text(coach["name"]).first.wait_for()
    assert page.url.endswith("/")
    screenshot(page, "coach-dashboard")

    page.get_by_role("button", name="Uitloggen").click()
    page.get_by_role("heading", name="Inloggen").wait_for()
    page.go_back()
    page.wait_for_load_state()
    assert coach["name"] not in page.content()
    page.goto("/")
    page.get_by_role("heading", name="Inloggen").wait_for()
