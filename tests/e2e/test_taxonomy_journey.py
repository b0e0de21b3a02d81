"""Journey: search an occupation, open it, see its skills."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conftest import screenshot

pytestmark = pytest.mark.e2e


def test_search_an_occupation_open_it_and_see_its_skills(page: Any) -> None:
    page.goto("/beroepen")
    page.get_by_label("Zoekterm").fill("heftruck")
    page.get_by_role("button", name="Zoeken").click()
    result = page.get_by_role("link", name="heftruckchauffeur", exact=True)
    result.wait_for()
    screenshot(page, "taxonomy-search")

    result.click()
    page.get_by_role("heading", name="heftruckchauffeur").wait_for()
    essential = page.get_by_role("region", name="Essentiële vaardigheden")
    assert essential.get_by_role("listitem").count() > 3
    screenshot(page, "taxonomy-occupation")


def test_live_search_updates_results_while_typing(page: Any) -> None:
    page.goto("/vaardigheden")
    page.get_by_label("Zoekterm").press_sequentially("heftruck", delay=30)
    page.locator("#resultaten .result-list li").first.wait_for()
    assert "vaardigheden gevonden" in page.locator("#aantal").inner_text()
