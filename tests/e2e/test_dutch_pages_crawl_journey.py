"""Crawl (issue 12): every role logs in to the demo region and follows the links of its
pages; no page shows English words or raw codes, except ESCO labels that have no Dutch
label, which carry `lang="en"` and a visible "EN" mark. No page gives a server error."""

from __future__ import annotations

import re
from collections import Counter, deque
from urllib.parse import urlsplit

import httpx
import pytest

from ontschot.access.roles import ROLE_LABELS_NL, Role
from ontschot.synth.plan import DEMO_PASSWORD
from tests.e2e import demo_server
from tests.e2e.demo_server import DemoSite
from tests.e2e.dutch_text import english_in, read_page

pytestmark = pytest.mark.e2e
demo_site = demo_server.demo_site

PAGES_PER_ROLE = 45
PAGES_PER_KIND = 2  # e.g. two candidate profiles, two vacancies: the rest look alike
SKIP = ("/api/", "/static/", "/uitloggen", "/inloggen")


def _kind(url: str) -> str:
    parts = urlsplit(url)
    query = "&".join(sorted(p for p in parts.query.split("&") if p.startswith("tab=")))
    return re.sub(r"/\d+", "/{}", parts.path) + ("?" + query if query else "")


def _log_in(client: httpx.Client, email: str) -> None:
    form = client.get("/inloggen").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', form)
    client.post(
        "/inloggen",
        data={"email": email, "password": DEMO_PASSWORD, "csrf_token": token[1] if token else ""},
    )


def _crawl(site: DemoSite, email: str) -> dict[str, list[str]]:
    """URL -> English found, for up to PAGES_PER_ROLE pages reachable from "Mijn dag"."""
    found: dict[str, list[str]] = {}
    kinds: Counter[str] = Counter()
    queue, seen = deque(["/"]), {"/"}
    with httpx.Client(base_url=site.url, timeout=60, follow_redirects=True) as client:
        _log_in(client, email)
        while queue and len(found) < PAGES_PER_ROLE:
            url = queue.popleft()
            response = client.get(url)
            assert response.status_code < 500, f"{url}: {response.status_code}"
            if "text/html" not in response.headers.get("content-type", ""):
                continue
            text, links = read_page(response.text)
            found[url] = english_in(text)
            for link in links:
                target = link.split("#", 1)[0]
                if not target.startswith("/") or target.startswith(SKIP) or target in seen:
                    continue
                seen.add(target)
                if kinds[_kind(target)] < PAGES_PER_KIND:
                    kinds[_kind(target)] += 1
                    queue.append(target)
    return found


@pytest.mark.parametrize("role", list(Role), ids=[role.value for role in Role])
def test_demo_pages_of_each_role_speak_dutch(demo_site: DemoSite, role: Role) -> None:
    # given the printed demo login of this role
    login = next(x for x in demo_site.logins if x.role_label == ROLE_LABELS_NL[role])
    # when the role's pages are crawled from "Mijn dag"
    pages = _crawl(demo_site, login.email)
    # then there are pages, and none of them shows English or a raw code
    assert len(pages) >= 3, pages
    english = {url: words for url, words in pages.items() if words}
    assert not english, f"{ROLE_LABELS_NL[role]}: English on {len(english)} pages: {english}"


def test_the_checker_finds_english_and_codes_but_not_marked_labels() -> None:
    html = (
        "<main><p>Input should be a valid integer</p><td>candidate.read</td>"
        "<dd>from_occupation</dd><dt>firstName</dt>"
        '<span lang="en">forklift operation</span> <abbr class="tag en">EN</abbr>'
        "<p>Vaardigheden en werkervaring</p></main>"
    )
    text, _ = read_page(html)
    found = english_in(text)
    assert {"Input", "should", "valid", "integer", "candidate.read", "from_occupation"} <= set(
        found
    )
    assert "firstName" in found and "forklift" not in found and "Vaardigheden" not in found
