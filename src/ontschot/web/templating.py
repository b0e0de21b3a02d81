"""One Jinja environment for all pages: the shared layout plus each context's templates.

A context keeps its templates in `ontschot/<context>/templates/` and names them
`<context>/<file>.html`, so two contexts can never shadow each other's pages.
"""

from __future__ import annotations

from contextvars import ContextVar
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, select_autoescape

from ontschot import ESCO_ATTRIBUTION, __version__
from ontschot.money import format_cents
from ontschot.numbers import nl_number
from ontschot.web.words import (
    ACTION_NAMES,
    FIELD_NAMES,
    OBJECT_NAMES,
    PICKER_FIELDS,
    RESULT_NAMES,
    SOURCE_NAMES,
    VACANCY_STATUS_NAMES,
    action_name,
    codes_in_words,
    english_only_uris,
    language_name,
    requirement_text,
)

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
    return "" if cents is None else format_cents(cents)


def nl_percent(share: float | None, decimals: int = 0) -> str:
    """A share 0–1 as a Dutch percentage (`25%`)."""
    return "" if share is None else f"{nl_number(100 * share, decimals)}%"


def points(value: float, maximum: float | None = None) -> str:
    """A score part that says its maximum: `50 van 55 punten`."""
    shown = _tenths(value)
    return f"{shown} punten" if maximum is None else f"{shown} van {_tenths(maximum)} punten"


def _tenths(value: float) -> str:
    # Weights times 100 come out as 55.00000000000001: a whole number when rounded so.
    rounded = round(float(value), 1)
    return nl_number(rounded, 0 if rounded.is_integer() else 1)


def nl_date(value: date | None, fmt: str = "%d-%m-%Y") -> str:
    return "" if value is None else value.strftime(fmt)


def in_form_order(errors: dict[str, str]) -> list[tuple[str, str]]:
    """Errors in the order their fields stand on the forms (FIELD_NAMES follows them), so
    the summary reads top to bottom like the page."""
    order = {name: i for i, name in enumerate(FIELD_NAMES)}
    return sorted(errors.items(), key=lambda item: order.get(item[0], -1))


# The URIs of ESCO concepts without a Dutch label, for the app that renders the page (one
# process may serve two apps in tests, each on its own thread).
_english_only: ContextVar[frozenset[str]] = ContextVar("english_only", default=frozenset())


def is_english_only(uri: str | None) -> bool:
    return bool(uri) and uri in _english_only.get()


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
    env.filters["nl"] = nl_number
    env.filters["procent"] = nl_percent
    env.filters["punten"] = points
    env.filters["datum"] = nl_date
    env.filters["taal"] = language_name
    env.filters["in_form_order"] = in_form_order
    env.filters["handeling"] = action_name
    env.filters["codes_in_words"] = codes_in_words
    env.globals["result_names"] = RESULT_NAMES
    env.globals["action_names"] = ACTION_NAMES
    env.globals["object_names"] = OBJECT_NAMES
    env.globals["source_names"] = SOURCE_NAMES
    env.globals["is_english_only"] = is_english_only
    env.globals["field_names"] = FIELD_NAMES
    env.globals["picker_fields"] = PICKER_FIELDS
    env.globals["vacancy_status_names"] = VACANCY_STATUS_NAMES
    env.globals["requirement_text"] = requirement_text
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
    _english_only.set(english_only_uris(getattr(request, "app", None)))
    html = environment().get_template(name).render(data)
    return HTMLResponse(html, status_code=status)
