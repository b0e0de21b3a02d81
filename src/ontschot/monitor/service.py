"""The monitor's services: the dashboard, the exports and the drill-down to placements.

Who sees exact numbers: the programme manager and the system administrator (region
scope, may read every placement). Everyone else who may read the monitor — analysts,
partner administrators — and every regional-board view or report gets small numbers
suppressed (ADR 0023). Only the programme manager may cut by coach.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot import clock, errors
from ontschot.access.actor import Actor
from ontschot.access.roles import Role
from ontschot.audit import service as audit
from ontschot.cases.placements.models import Placement
from ontschot.cases.placements.rules import PlacementRules
from ontschot.cases.placements.service import log as log_placement_read
from ontschot.cases.trajectories.models import Trajectory
from ontschot.cases.trajectories.visibility import condition
from ontschot.config import Settings
from ontschot.insight.labour import Insight, labour_insight, month_label
from ontschot.monitor import snapshot
from ontschot.monitor.facts import Facts
from ontschot.monitor.indicators import MonitorResult, compute
from ontschot.monitor.privacy import is_small
from ontschot.monitor.selection import MonitorFilter
from ontschot.monitor.tables import MASKED_TEXT, chain_chart, retention_chart, tables_for
from ontschot.reports import charts, writers
from ontschot.reports.model import Chart, Document, Table
from ontschot.tx import transactional

EXACT_ROLES = frozenset({Role.PROGRAMME_MANAGER, Role.SYSTEM_ADMIN})
FORMATS = ("csv", "xlsx", "pdf")


@dataclass(frozen=True)
class MonitorView:
    result: MonitorResult
    document: Document
    masked: bool
    taken_at: datetime | None
    facts: Facts


def is_masked(actor: Actor, *, board: bool = False) -> bool:
    return board or actor.role not in EXACT_ROLES


def _selection_label(facts: Facts, flt: MonitorFilter) -> str:
    if flt.chain_id is not None:
        return facts.chain_names.get(flt.chain_id, "Keten")
    if flt.sector is not None:
        return flt.sector
    return "Regio"


def _people(n: int, masked: bool) -> int | str:
    """A count of people in the insight tables: hidden from 1 to 9 when masked."""
    return MASKED_TEXT if masked and is_small(n) else n


def insight_charts(found: Insight, masked: bool = False) -> tuple[Chart, ...]:
    # a tightness over fewer than 10 available people would give their number away
    shown = [o for o in found.occupations if not (masked and is_small(o.available_candidates))]
    occ_rows = tuple(
        (
            o.label,
            o.open_vacancies,
            _people(o.available_candidates, masked),
            MASKED_TEXT if masked and is_small(o.available_candidates) else o.tightness,
            "ja" if o.is_kansberoep else "nee",
        )
        for o in found.occupations
    )
    occ_table = Table(
        "tightness",
        "Krapte per beroep",
        ("Beroep", "Open vacatures", "Beschikbare kandidaten", "Krapte", "Kansberoep"),
        occ_rows,
        "Krapte = open vacatures per beschikbare kandidaat (zoekend of baan in gevaar, met het "
        "beroep in werkervaring of wensen).",
    )
    occ_alt = (
        "Krapte per beroep: "
        + (
            "; ".join(f"{o.label} {o.tightness:.2f}".replace(".", ",") for o in shown)
            or "geen open vacatures"
        )
        + "."
    )
    occ_drawing = charts.bars(
        "Krapte per beroep",
        occ_alt,
        [o.label[:40] for o in shown],
        [o.tightness for o in shown],
        "",
    )
    trend_table = Table(
        "trend",
        "Vacatures per maand",
        ("Maand", "Nieuwe vacatures"),
        tuple((month_label(k), n) for k, n in found.trend),
    )
    trend_alt = (
        "Nieuwe vacatures per maand: "
        + ("; ".join(f"{month_label(k)} {n}" for k, n in found.trend) or "geen")
        + "."
    )
    trend_drawing = charts.bars(
        "Vacatures per maand",
        trend_alt,
        [month_label(k) for k, _ in found.trend],
        [n for _, n in found.trend],
        "",
    )
    return (
        Chart("tightness", "Krapte per beroep", occ_drawing, occ_alt, occ_table),
        Chart("trend", "Vacatures per maand", trend_drawing, trend_alt, trend_table),
    )


def skill_table(found: Insight, masked: bool = False) -> Table:
    return Table(
        "skills",
        "Vaardigheden: meest gevraagd, minst beschikbaar",
        (
            "Vaardigheid",
            "Gevraagd (vacatures)",
            "Beschikbaar (kandidaten)",
            "Tekort",
            "Scholingsvraag (personen)",
        ),
        tuple(
            (
                s.label,
                s.demanded,
                _people(s.available, masked),
                MASKED_TEXT if masked and is_small(s.available) else s.gap,
                _people(s.training_demand, masked),
            )
            for s in found.skills
        ),
        "Tekort = open vacatures die de vaardigheid als essentieel vragen min beschikbare "
        "kandidaten die haar hebben. Scholingsvraag = beschikbare kandidaten met een wensberoep "
        "dat haar vraagt en die haar nog missen (het gat in hun loopbaanroute).",
    )


def build_view(
    db: Session,
    *,
    actor: Actor,
    flt: MonitorFilter,
    settings: Settings,
    board: bool = False,
    with_insight: bool = True,
) -> MonitorView:
    actor.require("monitor.read")
    if flt.coach_user_id is not None and actor.role not in EXACT_ROLES:
        raise errors.Forbidden("Alleen de programmamanager kan de monitor per coach bekijken.")
    facts, row = snapshot.latest(db)
    masked = is_masked(actor, board=board)
    observed_on = facts.taken_on or clock.today()
    result = compute(
        facts,
        flt,
        rules=PlacementRules.from_settings(settings),
        observed_on=observed_on,
        masked=masked,
    )
    label = _selection_label(facts, flt)
    figures: tuple[Chart, ...] = (retention_chart(result, label), chain_chart(result, masked))
    tables = tables_for(result, masked)
    if with_insight:
        found = labour_insight(db, promising=settings.tightness_promising)
        figures += insight_charts(found, masked)
        tables += (skill_table(found, masked),)
    title = "Resultatenmonitor — kwartaalrapportage" if board else "Resultatenmonitor"
    subtitle = f"{label}; peildatum {observed_on.strftime('%d-%m-%Y')}" + (
        "; aantallen onder 10 personen afgeschermd" if masked else ""
    )
    document = Document(title, subtitle, tables, figures)
    return MonitorView(result, document, masked, row.taken_at if row else None, facts)


def dashboard(
    db: Session, *, actor: Actor, flt: MonitorFilter, settings: Settings, board: bool = False
) -> MonitorView:
    return build_view(db, actor=actor, flt=flt, settings=settings, board=board)


def _write(document: Document, fmt: str) -> bytes:
    if fmt == "csv":
        return writers.write_csv(document)
    if fmt == "xlsx":
        return writers.write_xlsx(document)
    return writers.write_pdf(document)


@transactional
def export_report(
    db: Session,
    *,
    actor: Actor,
    fmt: str,
    settings: Settings,
    flt: MonitorFilter | None = None,
    financier_id: int | None = None,
    board: bool = True,
    table: str | None = None,
) -> bytes:
    """The regional board's quarterly report (or the accountability to one financier,
    `monitor/accountability.py`), suppressed for small numbers, as CSV, XLSX or PDF; one
    processing-log entry. With `board=False` it is what the caller's own page shows (exact
    for the programme manager); `table` keeps one table."""
    actor.require("monitor.export")
    if fmt not in FORMATS:
        raise errors.Invalid(
            "Kies csv, xlsx of pdf als formaat.", fields={"format": "kies csv, xlsx of pdf"}
        )
    if financier_id is not None:
        # the accountability report reads the budget and this module's views
        from ontschot.monitor import accountability

        document = accountability.build(
            db, actor=actor, financier_id=financier_id, settings=settings, outside=board
        ).document
    else:
        view = build_view(
            db, actor=actor, flt=flt or MonitorFilter(), settings=settings, board=board
        )
        document = view.document
    if table is not None:
        chosen = [t for t in document.all_tables() if t.key == table]
        if not chosen:
            raise errors.NotFound(f"Tabel {table[:40]!r}")
        document = Document(document.title, document.subtitle, tuple(chosen))
    content = _write(document, fmt)
    audit.record(
        db,
        actor=actor,
        action="monitor.export",
        object_type="monitor_report",
        object_id=financier_id,
        subject_key=None,
        purpose="resultatenmonitor",
    )
    return content


@transactional
def drill_down(
    db: Session, *, actor: Actor, flt: MonitorFilter, limit: int = 500
) -> list[Placement]:
    """The placements behind a number, as far as the actor may read them; each read is
    logged against the candidate like every placement read."""
    actor.require("placement.read")
    query = (
        select(Placement)
        .join(Trajectory, Trajectory.id == Placement.trajectory_id)
        .where(condition(actor, "trajectory.read"))
        .order_by(Placement.start_date.desc(), Placement.id.desc())
        .limit(limit)
    )
    if flt.chain_id is not None:
        query = query.where(Trajectory.chain_id == flt.chain_id)
    if flt.organisation_id is not None:
        query = query.where(Trajectory.organisation_id == flt.organisation_id)
    if flt.coach_user_id is not None:
        query = query.where(Trajectory.coach_user_id == flt.coach_user_id)
    if flt.period_from is not None:
        query = query.where(Placement.start_date >= flt.period_from)
    if flt.period_to is not None:
        query = query.where(Placement.start_date <= flt.period_to)
    found = list(db.scalars(query))
    for placement in found:
        log_placement_read(db, actor, "placement.read", placement)
    return found
