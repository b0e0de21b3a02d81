"""One Jinja environment for all pages: the shared layout plus each context's templates.

A context keeps its templates in `ontschot/<context>/templates/` and names them
`<context>/<file>.html`, so two contexts can never shadow each other's pages.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, select_autoescape

from ontschot import ESCO_ATTRIBUTION, __version__

PACKAGE_DIR = Path(__file__).resolve().parent.parent
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def _context_loaders() -> dict[str, FileSystemLoader]:
    loaders = {}
    for child in sorted(PACKAGE_DIR.iterdir()):
        templates = child / "templates"
        if child.name != "web" and templates.is_dir():
            loaders[child.name] = FileSystemLoader(str(templates))
    return loaders


def local_time(value: datetime | None, fmt: str = "%d-%m-%Y %H:%M") -> str:
    """Times are stored in UTC and shown in Europe/Amsterdam."""
    if value is None:
        return ""
    return value.astimezone(AMSTERDAM).strftime(fmt)


def euro(cents: int | None) -> str:
    if cents is None:
        return ""
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    return f"{sign}€ {whole:,}".replace(",", ".") + f",{rest:02d}"


def build_environment() -> Environment:
    env = Environment(
        loader=ChoiceLoader(
            [
                FileSystemLoader(str(PACKAGE_DIR / "web" / "templates")),
                PrefixLoader(_context_loaders()),
            ]
        ),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["local"] = local_time
    env.filters["euro"] = euro
    env.globals["app_version"] = __version__
    env.globals["esco_attribution"] = ESCO_ATTRIBUTION
    return env


_ENV: Environment | None = None


def environment() -> Environment:
    global _ENV
    if _ENV is None:
        _ENV = build_environment()
    return _ENV


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, status: int = 200
) -> HTMLResponse:
    """Render a page with the request's actor, CSRF token and navigation available."""
    data: dict[str, Any] = {
        "request": request,
        "actor": getattr(request.state, "actor", None),
        "csrf_token": getattr(request.state, "csrf_token", ""),
        "is_htmx": request.headers.get("HX-Request") == "true",
    }
    data.update(context or {})
    html = environment().get_template(name).render(data)
    return HTMLResponse(html, status_code=status)
