"""Real-browser journeys: the app on a free loopback port, Debian's Chromium via Playwright.

The server uses its own SQLite database, prepared like a fresh installation (migrations and
the bundled taxonomy). Journeys skip with a visible reason only when Chromium is missing.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from ontschot.config import Settings
from tests.e2e import axe

CHROMIUM = os.environ.get("ONTSCHOT_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--lang=nl-NL",  # date fields as a Dutch user sees them (dd-mm-jjjj)
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def e2e_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    folder = tmp_path_factory.mktemp("e2e")
    return Settings(
        database_url=f"sqlite:///{folder / 'e2e.db'}",
        data_dir=folder,
        environment="test",
        secret_key="e2e-secret-key-0123456789abcdef",
    )


@contextmanager
def serving(app: Any, what: str = "the app") -> Iterator[str]:
    """Serve `app` on a free loopback port in a thread; yields its base URL."""
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail(f"{what} did not start for the browser journeys")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(e2e_settings: Settings) -> Iterator[str]:
    from ontschot.app import create_app
    from ontschot.setup import prepare_database

    prepare_database(e2e_settings)
    with serving(create_app(e2e_settings)) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        pytest.skip(
            f"browser journeys skipped: no Chromium at {CHROMIUM} (apt-get install chromium)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@contextmanager
def browser_tab(browser: Any, base_url: str, name: str) -> Iterator[Any]:
    """A fresh browser context and tab on `base_url`; on leaving, every page it visited has
    been checked by axe-core (no serious or critical findings) and nothing hit the CSP."""
    context = browser.new_context(
        base_url=base_url, locale="nl-NL", viewport={"width": 1280, "height": 900}
    )
    tab = context.new_page()
    log = axe.attach(context, tab)
    errors: list[str] = []
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    try:
        yield tab
        blocking = axe.finish(tab, log, name)
    finally:
        context.close()
    assert not [e for e in errors if "Content Security Policy" in e], errors
    assert not blocking, "axe-core found serious or critical problems:\n" + "\n".join(blocking)


@pytest.fixture
def page(browser: Any, live_server: str, request: pytest.FixtureRequest) -> Iterator[Any]:
    with browser_tab(browser, live_server, request.node.name) as tab:
        yield tab


def screenshot(page: Any, name: str) -> Path:
    """A full-page screenshot to look at; the page as shown is checked by axe-core too."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    axe.check_now(page)
    return path


def log_in(page: Any, email: str, password: str) -> None:
    """Log in through the login form and wait for the dashboard."""
    page.goto("/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("button", name="Uitloggen").wait_for()
