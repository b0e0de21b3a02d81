"""The accessibility check itself: axe-core runs in the journeys and catches a real fault,
and the accessibility statement is a page anyone can read."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e import axe
from tests.e2e.conftest import screenshot

pytestmark = pytest.mark.e2e


def test_axe_reports_a_serious_fault_on_a_page(browser: Any, live_server: str) -> None:
    # given a page that axe has checked after loading
    context = browser.new_context(base_url=live_server, locale="nl-NL")
    page = context.new_page()
    log = axe.attach(context, page)
    try:
        page.goto("/beroepen")
        # when an image without text and an unlabelled field appear on it
        page.evaluate(
            "() => { const m = document.querySelector('main');"
            " m.insertAdjacentHTML('beforeend', '<img src=\"/static/favicon.svg\">"
            '<input type="text">\'); }'
        )
        axe.check_now(page)
        found = axe.finish(page, log, "zelftest-axe")
    finally:
        context.close()
    # then both are reported as blocking findings
    assert any("image-alt" in f for f in found), found
    assert any("label" in f for f in found), found


def test_accessibility_statement_is_public_and_dutch(page: Any) -> None:
    page.goto("/toegankelijkheid")
    page.get_by_role("heading", name="Toegankelijkheidsverklaring", level=1).wait_for()
    text = page.locator("main").inner_text()
    assert "WCAG 2.1" in text and "niveau AA" in text
    screenshot(page, "toegankelijkheidsverklaring")
