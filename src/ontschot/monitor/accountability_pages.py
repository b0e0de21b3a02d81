"""Dutch pages of the accountability to a financier: the choice of financier, the report
(the same document as its CSV, XLSX and PDF) and its downloads."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from ontschot.access.actor import Actor
from ontschot.access.deps import requires
from ontschot.deps import AppSettings, DbSession
from ontschot.monitor import accountability, service
from ontschot.monitor.pages import MIME
from ontschot.reports.writers import cell_text
from ontschot.web.templating import render

router = APIRouter(include_in_schema=False)
Reader = Annotated[Actor, Depends(requires("monitor.read"))]
Exporter = Annotated[Actor, Depends(requires("monitor.export"))]


@router.get("/monitor/verantwoording", response_class=HTMLResponse)
def choose(request: Request, db: DbSession, actor: Reader) -> HTMLResponse:
    found = accountability.financiers(db, actor=actor)
    return render(request, "monitor/accountability_choice.html", {"financiers": found})


@router.get("/monitor/verantwoording/{financier_id}", response_class=HTMLResponse)
def report(
    request: Request, financier_id: int, db: DbSession, actor: Reader, settings: AppSettings
) -> HTMLResponse:
    built = accountability.build(db, actor=actor, financier_id=financier_id, settings=settings)
    return render(
        request,
        "monitor/accountability.html",
        {"report": built, "cell": cell_text, "can_export": actor.can("monitor.export")},
    )


@router.get("/monitor/verantwoording/{financier_id}/export")
def download(
    request: Request, financier_id: int, db: DbSession, actor: Exporter, settings: AppSettings
) -> Response:
    """?formaat=csv|xlsx|pdf: the report as a file."""
    fmt = (request.query_params.get("formaat") or "pdf").strip().lower()
    content = service.export_report(
        db, actor=actor, fmt=fmt, settings=settings, financier_id=financier_id, board=False
    )
    name = f"verantwoording-financier-{financier_id}.{fmt}"
    return Response(
        content,
        media_type=MIME[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
