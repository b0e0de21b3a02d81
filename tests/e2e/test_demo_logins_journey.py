"""Journey (issue 7): every login that `ontschot demo` prints opens a filled "Mijn dag".

The demo region is prepared by the real `ontschot demo --prepare-only` command; the
journey logs in with the e-mail and password read from the table it printed, one role at a
time, and checks that the role's panels show numbers and lists (not the empty notice).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from ontschot.access.roles import ROLE_LABELS_NL, Role
from ontschot.synth.plan import DEMO_PASSWORD
from tests.e2e import demo_server
from tests.e2e.conftest import browser_tab, screenshot
from tests.e2e.demo_server import (
    DemoSite,
    PrintedLogin,
    parse_login_table,
    prepare_printed_demo,
)

pytestmark = pytest.mark.e2e
demo_site = demo_server.demo_site  # the session fixture: the demo served on a free port

EMPTY_NOTICE = "Er staat vandaag niets voor u klaar"

# the panel headings each role must see on "Mijn dag", each with at least one number above 0
PANELS: dict[Role, tuple[str, ...]] = {
    Role.COACH: ("Mijn caseload", "Volgende acties"),
    Role.EMPLOYER_ADVISER: ("Mijn werkgevers",),
    Role.PROGRAMME_MANAGER: (
        "De regio vandaag",
        "Werkzoekenden per uitkering",
        "Open vacatures per sector",
        "Krapste beroepen",
    ),
    Role.PARTNER_ADMIN: ("Gebruikers van mijn organisatie", "Uw organisatie"),
    Role.EMPLOYER: ("Mijn vacatures",),
    Role.ANALYST: ("Krapste beroepen", "Open vacatures per sector"),
    Role.SYSTEM_ADMIN: ("Organisaties op het platform", "Uw organisatie"),
}


def _printed(site: DemoSite, role: Role) -> PrintedLogin:
    label = ROLE_LABELS_NL[role]
    rows = [login for login in site.logins if login.role_label == label]
    assert len(rows) == 1, f"the printed table has {len(rows)} rows for {label}:\n{site.output}"
    return rows[0]


def _numbers(text: str) -> list[int]:
    """Whole numbers in `text`, leaving out dates, times and references such as WZ-438BD421."""
    text = re.sub(r"\d{2}-\d{2}-\d{4}( \d{2}:\d{2})?", " ", text)
    return [int(n.replace(".", "")) for n in re.findall(r"\b\d{1,3}(?:\.\d{3})*\b|\b\d+\b", text)]


@pytest.mark.parametrize("role", list(Role), ids=[role.value for role in Role])
def test_each_printed_demo_login_opens_a_filled_landing_page(
    browser: Any, demo_site: DemoSite, role: Role
) -> None:
    # given the login that `ontschot demo` printed for this role
    login = _printed(demo_site, role)
    with browser_tab(browser, demo_site.url, f"demo-{role.value}") as page:
        # when that person logs in through the login form with exactly what was printed
        page.goto("/inloggen")
        page.get_by_label("E-mailadres").fill(login.email)
        page.get_by_label("Wachtwoord").fill(login.password)
        with page.expect_navigation():
            page.get_by_role("button", name="Inloggen").click()
        heading = page.get_by_role("heading", level=1).inner_text()
        assert heading == "Mijn dag", f"{login.email} / {login.password}: {page.inner_text('main')}"
        screenshot(page, f"demo-mijn-dag-{role.value}")
        # then "Mijn dag" names the role and organisation and shows that role's panels
        facts = page.locator("dl.facts").inner_text()
        assert ROLE_LABELS_NL[role] in facts and login.organisation in facts
        body = page.locator("main").inner_text()
        assert EMPTY_NOTICE not in body
        for heading in PANELS[role]:
            card = page.locator("section.card").filter(
                has=page.get_by_role("heading", name=heading, level=2, exact=True)
            )
            assert card.count() == 1, f"{ROLE_LABELS_NL[role]}: no panel {heading!r}"
            text = card.inner_text()
            assert any(n > 0 for n in _numbers(text)), f"{heading!r} has no numbers: {text}"
        # and at least one panel lists people, vacancies, places or occupations
        assert page.locator("section.card").locator("li, tbody tr").count() > 0
        # and every page of the role's menu, and the first item listed on it, opens (each
        # checked by axe-core and kept as a screenshot to look at)
        visit_menu_pages(page, f"demo-{role.value}")


def visit_menu_pages(page: Any, prefix: str) -> None:
    menu = page.locator("nav.main-nav a")
    items = [
        (menu.nth(i).inner_text(), menu.nth(i).get_attribute("href")) for i in range(menu.count())
    ]
    for label, href in items:
        if not href or href == "/":
            continue
        page.goto(href)
        assert page.get_by_role("heading", level=1).count() == 1, href
        name = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
        screenshot(page, f"{prefix}-{name}")
        first = page.locator("main table tbody a, main ol.result-list h2 a").first
        if first.count():
            first.click()
            page.wait_for_load_state()
            assert page.get_by_role("heading", level=1).count() == 1, page.url
            screenshot(page, f"{prefix}-{name}-eerste")


def test_demo_prepare_only_prints_a_login_for_every_role(
    demo_site: DemoSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given the demo that the journey uses
    # when `ontschot demo --prepare-only` runs again on the same folder
    output, _ = prepare_printed_demo(demo_site.settings.data_dir, monkeypatch)
    # then it reuses the database and prints the same table: one row per role, the demo
    # password, and an .example address at the organisation shown
    assert "hergebruikt" in output
    assert parse_login_table(output) == demo_site.logins
    printed = {login.role_label: login for login in demo_site.logins}
    assert set(printed) == set(ROLE_LABELS_NL.values()), demo_site.output
    assert len(demo_site.logins) == len(Role)
    for login in demo_site.logins:
        assert login.password == DEMO_PASSWORD
        assert re.fullmatch(r"[a-z0-9.]+@[a-z0-9-]+\.example", login.email), login.email
        assert login.organisation
