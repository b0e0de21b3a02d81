"""Dutch pages of the results monitor: the dashboard (programme manager, analyst, partner
administrator), the regional board's view, the drill-down to placements and the exports."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select

from ontschot.access.actor import Actor, NavItem, register_navigation
from ontschot.access.deps import requires
from ontschot.access.models import AppUser
from ontschot.access.roles import Role
from ontschot.cases.placements.durability import durable
from ontschot.cases.placements.rules import PlacementRules
from ontschot.deps import AppSettings, DbSession
from ontschot.monitor import service
from ontschot.monitor.definitions import BENEFIT_NAMES
from ontschot.monitor.selection import MonitorFilter
from ontschot.monitor.tables import MASKED_TEXT, shown
from ontschot.people.models import Candidate
from ontschot.reports.writers import cell_text
from ontschot.web.templating import render

router = APIRouter(include_in_schema=False)
Reader = Annotated[Actor, Depends(requires("monitor.read"))]
Exporter = Annotated[Actor, Depends(requires("monitor.export"))]
Drill = Annotated[Actor, Depends(requires("placement.read"))]
for _role in (Role.PROGRAMME_MANAGER, Role.ANALYST, Role.PARTNER_ADMIN, Role.SYSTEM_ADMIN):
    register_navigation(_role, NavItem("/monitor", "Resultatenmonitor"))

# query parameter -> (filter field, kind)
PARAMS = {
    "van": ("period_from", "date"),
    "tot": ("period_to", "date"),
    "keten": ("chain_id", "id"),
    "organisatie": ("organisation_id", "id"),
    "coach": ("coach_user_id", "id"),
    "instrument": ("instrument", "text"),
    "fonds": ("fund_id", "id"),
    "financier": ("financier_id", "id"),
    "gemeente": ("municipality", "text"),
    "doelgroep": ("target_group", "text"),
    "sector": ("sector", "text"),
}
LABELS = {
    "van": "Plaatsingen vanaf",
    "tot": "Plaatsingen tot en met",
    "keten": "Keten",
    "organisatie": "Partnerorganisatie",
    "coach": "Coach",
    "instrument": "Instrument",
    "fonds": "Fonds",
    "financier": "Financier",
    "gemeente": "Gemeente",
    "doelgroep": "Doelgroep",
    "sector": "Sector",
}
MIME = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def parse_filter(query: Any) -> tuple[MonitorFilter, dict[str, str], dict[str, str]]:
    """The filter from the query string, the values as typed, and a message per wrong one."""
    values: dict[str, Any] = {}
    typed: dict[str, str] = {}
    problems: dict[str, str] = {}
    for name, (field, kind) in PARAMS.items():
        raw = (query.get(name) or "").strip()[:200]
        typed[name] = raw
        if not raw:
            continue
        if kind == "id":
            if raw.isdigit() and 0 < int(raw) < 2**31:
                values[field] = int(raw)
            else:
                problems[name] = "kies een waarde uit de lijst"
        elif kind == "date":
            try:
                values[field] = date.fromisoformat(raw)
            except ValueError:
                problems[name] = "vul een datum in als jjjj-mm-dd"
        else:
            values[field] = raw
    return MonitorFilter(**values), typed, problems


def _query(typed: dict[str, str], **extra: str) -> str:
    from urllib.parse import urlencode

    pairs = {k: v for k, v in typed.items() if v}
    pairs.update({k: v for k, v in extra.items() if v})
    return urlencode(pairs)


def _choices(view: service.MonitorView, db: DbSession, actor: Actor) -> dict[str, Any]:
    facts = view.facts
    coaches: list[tuple[int, str]] = []
    if actor.role in service.EXACT_ROLES:
        ids = sorted({p.coach_user_id for p in facts.placements})
        if ids:
            coaches = [
                (u.id, u.display_name)
                for u in db.scalars(
                    select(AppUser).where(AppUser.id.in_(ids)).order_by(AppUser.display_name)
                )
            ]
    return {
        "keten": sorted(facts.chain_names.items(), key=lambda kv: kv[1]),
        "organisatie": sorted(facts.organisation_names.items(), key=lambda kv: kv[1]),
        "coach": coaches,
        "gemeente": sorted({p.municipality for p in facts.people}),
        "doelgroep": sorted(BENEFIT_NAMES.items(), key=lambda kv: kv[1]),
        "sector": sorted(set(facts.chain_sectors.values())),
        "financier": sorted({(m.financier_id, m.financier_name) for m in facts.money}),
        "fonds": sorted({(m.fund_id, m.fund_name) for m in facts.money}),
        "instrument": sorted({m.instrument for m in facts.money}),
    }


def _dashboard(
    request: Request, db: DbSession, actor: Actor, settings: AppSettings, *, board: bool
) -> HTMLResponse:
    flt, typed, problems = parse_filter(request.query_params)
    if board:
        typed["coach"] = ""
        flt = MonitorFilter(**{**flt.__dict__, "coach_user_id": None})
    if problems:
        flt = MonitorFilter()
    view = service.dashboard(db, actor=actor, flt=flt, settings=settings, board=board)
    return render(
        request,
        "monitor/dashboard.html",
        {
            "view": view,
            "board": board,
            "typed": typed,
            "errors": problems,
            "labels": LABELS,
            "choices": _choices(view, db, actor),
            "shown": shown,
            "masked_text": MASKED_TEXT,
            "query": _query(typed),
            "can_drill": actor.can("placement.read") and not view.masked,
            "is_manager": actor.role in service.EXACT_ROLES and not board,
            "exact_roles": service.EXACT_ROLES,
            "cell": cell_text,
        },
        status=400 if problems else 200,
    )


@router.get("/monitor", response_class=HTMLResponse)
def dashboard(
    request: Request, db: DbSession, actor: Reader, settings: AppSettings
) -> HTMLResponse:
    return _dashboard(request, db, actor, settings, board=False)


@router.get("/monitor/bestuur", response_class=HTMLResponse)
def board_view(
    request: Request, db: DbSession, actor: Reader, settings: AppSettings
) -> HTMLResponse:
    return _dashboard(request, db, actor, settings, board=True)


@router.get("/monitor/plaatsingen", response_class=HTMLResponse)
def drill_down(
    request: Request, db: DbSession, actor: Drill, settings: AppSettings
) -> HTMLResponse:
    flt, typed, problems = parse_filter(request.query_params)
    found = service.drill_down(db, actor=actor, flt=MonitorFilter() if problems else flt)
    rules = PlacementRules.from_settings(settings)
    names = (
        dict(
            db.execute(
                select(Candidate.id, Candidate.first_name + " " + Candidate.last_name).where(
                    Candidate.id.in_({p.candidate_id for p in found})
                )
            )
            .tuples()
            .all()
        )
        if found
        else {}
    )
    rows = [(p, names.get(p.candidate_id, ""), durable(p, rules)) for p in found]
    return render(
        request,
        "monitor/placements.html",
        {
            "rows": rows,
            "typed": typed,
            "errors": problems,
            "labels": LABELS,
            "query": _query(typed),
            "definition": rules.durable_definition(),
        },
        status=400 if problems else 200,
    )


@router.get("/monitor/export")
def export(request: Request, db: DbSession, actor: Exporter, settings: AppSettings) -> Response:
    """?formaat=csv|xlsx|pdf, the dashboard's filters, bestuur=1 for the board's report,
    tabel=KEY for one table."""
    flt, _typed, problems = parse_filter(request.query_params)
    fmt = (request.query_params.get("formaat") or "xlsx").strip().lower()
    board = request.query_params.get("bestuur") == "1"
    table = request.query_params.get("tabel") or None
    if problems:
        flt = MonitorFilter()
    content = service.export_report(
        db,
        actor=actor,
        fmt=fmt,
        settings=settings,
        flt=flt,
        board=board,
        table=table[:60] if table else None,
    )
    name = ("kwartaalrapportage" if board else "resultatenmonitor") + (f"-{table}" if table else "")
    return Response(
        content,
        media_type=MIME[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'},
    )
