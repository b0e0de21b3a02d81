"""Pages that belong to the site rather than to a context: the accessibility statement."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ontschot.access.deps import OptionalActor
from ontschot.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/toegankelijkheid", response_class=HTMLResponse)
def accessibility_statement(request: Request, actor: OptionalActor) -> HTMLResponse:
    """Public, like the login page: anyone must be able to read it, logged in or not."""
    return render(request, "accessibility.html")
