"""Verwerkingslog page: a partner administrator reads the log of the own organisation."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from ontschot.access.actor import Actor, NavItem, register_navigation
from ontschot.access.deps import requires
from ontschot.access.roles import Role
from ontschot.audit import service
from ontschot.deps import DbSession
from ontschot.web.templating import AMSTERDAM, render

router = APIRouter(include_in_schema=False)
for _role in (Role.PARTNER_ADMIN, Role.SYSTEM_ADMIN):
    register_navigation(_role, NavItem("/verwerkingslog", "Verwerkingslog"))

PAGE_SIZE = 50
WORD = re.compile(r"^[a-z_.]{1,64}$")
SUBJECT = re.compile(r"^[a-z_]+:[A-Za-z0-9_-]{1,64}$")


def _day_start(value: str) -> datetime:
    day = date.fromisoformat(value)
    return datetime(day.year, day.month, day.day, tzinfo=AMSTERDAM)


def parse_filter(params: dict[str, str]) -> tuple[service.AuditFilter, dict[str, str], int]:
    """The filter from the query string, Dutch errors per field, and the page number."""
    errors: dict[str, str] = {}
    values: dict[str, object] = {}
    for name, key in (("van", "date_from"), ("tot", "date_to")):
        raw = params.get(name, "")
        if raw:
            try:
                start = _day_start(raw)
                values[key] = start + timedelta(days=1) if name == "tot" else start
            except ValueError:
                errors[name] = "Vul een datum in als jjjj-mm-dd."
    for name, key, pattern in (
        ("handeling", "action", WORD),
        ("soort", "object_type", WORD),
        ("betrokkene", "subject_key", SUBJECT),
    ):
        raw = params.get(name, "")
        if name == "betrokkene" and raw.isdigit():
            raw = f"candidate:{raw}"  # a person types the number of the job seeker
        if raw:
            if pattern.match(raw):
                values[key] = raw
            else:
                errors[name] = "Deze waarde is niet geldig."
    raw_user = params.get("gebruiker", "")
    if raw_user:
        if raw_user.isascii() and raw_user.isdigit() and 0 < int(raw_user[:10]) < 2**31:
            values["user_id"] = int(raw_user)
        else:
            errors["gebruiker"] = "Vul het nummer van een gebruiker in."
    raw_page = params.get("pagina", "1")
    page = int(raw_page) if raw_page.isascii() and raw_page.isdigit() and len(raw_page) < 5 else 1
    return service.AuditFilter(**values), errors, max(page, 1)  # type: ignore[arg-type]


@router.get("/verwerkingslog", response_class=HTMLResponse)
def processing_log(
    request: Request, db: DbSession, actor: Annotated[Actor, Depends(requires("audit.read"))]
) -> HTMLResponse:
    params = {k: v[:100] for k, v in request.query_params.items()}
    flt, errors, page = parse_filter(params)
    rows, total = (
        ([], 0)
        if errors
        else service.list_entries(db, actor=actor, flt=flt, page=page, page_size=PAGE_SIZE)
    )
    pages = max(1, -(-total // PAGE_SIZE))
    return render(
        request,
        "audit/log.html",
        {
            "rows": rows,
            "total": total,
            "page": page,
            "pages": pages,
            "params": params,
            "errors": errors,
        },
        status=400 if errors else 200,
    )
