"""The monitor on a demo region: every indicator has a value, a definition and a table;
the numbers reconcile; the page, the API, the XLSX and the PDF show the same figures; the
facts survive erasure; analysts see small numbers suppressed and no list behind them."""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from ontschot import clock
from ontschot.access.actor import Actor
from ontschot.access.roles import Role
from ontschot.cases.placements.models import Placement
from ontschot.chains.models import Chain
from ontschot.config import Settings
from ontschot.jobs import run_jobs
from ontschot.monitor import service
from ontschot.monitor.selection import MonitorFilter
from ontschot.monitor.survival import month_day
from ontschot.people.rights import erase_candidate
from tests.factories import login_as, make_user

SHOTS = Path("/tmp/issue-16-shots")  # noqa: S108 - where the task asks for the page images
KEYS = {"placements", "durablePlacements", "retention6Months", "costPerDurablePlacementCents"}
CELL = re.compile(r'data-key="(\w+)">(?:<a [^>]*>)?([^<]*)')


@pytest.fixture
def db_connection(demo_world: Connection) -> Iterator[Connection]:
    """Every test of this module on the module's demo region, rolled back afterwards."""
    from tests.conftest import _backend_counts

    _backend_counts[demo_world.dialect.name] += 1  # the run's summary counts these too
    savepoint = demo_world.begin_nested()
    try:
        yield demo_world
    finally:
        savepoint.rollback()


@pytest.fixture
def demo(settings: Settings) -> Settings:
    return settings


def _page_values(page: str) -> dict[str, str]:
    return {k: html.unescape(v.strip()) for k, v in CELL.findall(page)}


def test_demo_monitor_figures_reconcile_and_match_every_export(
    db: Session, client: Any, demo: Settings
) -> None:
    manager = make_user(db, Role.PROGRAMME_MANAGER)
    login_as(client, db, manager)

    api = client.get("/api/v1/monitor/indicators")
    assert api.status_code == 200, api.text
    indicators = {i["key"]: i for i in api.json()}
    assert set(indicators) >= KEYS
    assert all(set(i) == {"key", "label", "definition", "value"} for i in indicators.values())
    assert all(i["label"] and len(i["definition"]) > 20 for i in indicators.values())
    # every figure has a value on the demo (money too: the demo books its budget), except
    # a horizon that no demo placement has reached yet (the history may be short)
    oldest = max((clock.today() - p.start_date).days for p in db.scalars(select(Placement)))
    missing = {k for k, i in indicators.items() if i["value"] is None}
    unreached = {
        key
        for months in (1, 3, 6, 12, 18)
        if month_day(months) > oldest
        for key in (f"retention{months}Months", f"cbsWork{months}Months")
    }
    assert missing <= unreached, missing - unreached
    assert indicators["placements"]["value"] > 20

    # reconciliation per chain, through the API's chainId
    view = service.dashboard(db, actor=Actor.cli(), flt=MonitorFilter(), settings=demo)
    assert sum(o.total for o in view.result.by_chain.values()) == indicators["placements"]["value"]
    for chain in db.scalars(select(Chain)):
        per = {
            i["key"]: i["value"]
            for i in client.get(f"/api/v1/monitor/indicators?chainId={chain.id}").json()
        }
        parts = (per["durablePlacements"], per["notYetDurablePlacements"], per["endedPlacements"])
        assert per["placements"] == sum(parts), chain.name
    # people per municipality add up to the region
    municipalities = next(t for t in view.document.tables if t.key == "municipalities")
    *places, total = municipalities.rows
    assert sum(int(n) for _, n in places) == total[1] == indicators["peopleServed"]["value"]
    # every indicator stands in the indicator table, and the charts have their tables
    assert [r[0] for r in view.document.tables[0].rows] == [i["label"] for i in api.json()]
    assert {c.key for c in view.document.charts} == {"retention", "chains", "tightness", "trend"}

    # the page shows the API's figures; the XLSX export of the page the page's figures
    page = client.get("/monitor")
    assert page.status_code == 200
    shown = _page_values(page.text)
    assert shown["placements"] == str(indicators["placements"]["value"])
    assert shown["costPerDurablePlacementCents"].startswith("€ ")
    # money per financier is the ledger's, to the cent
    from ontschot.budget.ledger.models import LedgerEntry

    spent = db.scalar(
        select(func.sum(LedgerEntry.amount_cents)).where(LedgerEntry.account == "spent")
    )
    assert spent and sum(r for _, r in view.result.money_by_financier.values()) == spent
    xlsx = client.get("/monitor/export?formaat=xlsx")
    assert xlsx.status_code == 200
    import openpyxl

    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content))["Indicatoren"]
    from_xlsx = {row[0]: row[1] for row in sheet.iter_rows(min_row=4, values_only=True)}
    labels = {i["key"]: i["label"] for i in api.json()}
    assert {k: from_xlsx[labels[k]] for k in shown} == shown

    # the board's PDF shows the board page's (suppressed) figures
    board = _page_values(client.get("/monitor/bestuur").text)
    pdf = client.get("/monitor/export?formaat=pdf&bestuur=1")
    assert pdf.headers["content-type"] == "application/pdf"
    from pypdf import PdfReader

    text = " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf.content)).pages)
    flat = re.sub(r"\s+", " ", text)
    for key, value in board.items():
        assert f"{labels[key]} {value}" in flat, (key, value)
    _render_pages(pdf.content, db.get_bind().dialect.name)


def _render_pages(content: bytes, backend: str) -> None:
    import pypdfium2

    SHOTS.mkdir(parents=True, exist_ok=True)
    document = pypdfium2.PdfDocument(content)
    for i in range(min(len(document), 8)):
        document[i].render(scale=1.2).to_pil().save(SHOTS / f"board-{backend}-{i + 1}.png")


def test_analyst_sees_suppressed_figures_and_no_list_behind_them(
    db: Session, client: Any, demo: Settings
) -> None:
    analyst = make_user(db, Role.ANALYST)
    login_as(client, db, analyst)
    small = db.scalars(select(Chain).order_by(Chain.id)).all()
    found = None
    for chain in small:
        view = service.dashboard(
            db, actor=Actor.cli(), flt=MonitorFilter(chain_id=chain.id), settings=demo
        )
        if 0 < view.result.outcomes.total < 10:
            found = chain
            break
    assert found is not None, "the demo has a chain with fewer than 10 placements"

    values = {
        i["key"]: i["value"]
        for i in client.get(f"/api/v1/monitor/indicators?chainId={found.id}").json()
    }
    assert values["placements"] is None  # fewer than 10: suppressed
    assert client.get("/api/v1/monitor/indicators?coachUserId=1").status_code == 403
    assert client.get(f"/monitor/plaatsingen?keten={found.id}").status_code == 403
    page = client.get(f"/monitor?keten={found.id}")
    assert page.status_code == 200 and "afgeschermd (&lt; 10)" in page.text


def test_refreshed_facts_survive_erasure(db: Session, demo: Settings) -> None:
    placement = db.scalars(select(Placement).order_by(Placement.id)).first()
    assert placement is not None
    before = service.dashboard(db, actor=Actor.cli(), flt=MonitorFilter(), settings=demo)

    erase_candidate(db, actor=Actor.cli(), candidate_id=placement.candidate_id, reason="verzoek")
    [report] = run_jobs(db, settings=demo, name="monitor.refresh-facts")
    after = service.dashboard(db, actor=Actor.cli(), flt=MonitorFilter(), settings=demo)

    assert report.counts["placements"] == len(before.result.placements)
    assert after.taken_at is not None  # read from the snapshot now
    assert [(i.key, i.value) for i in after.result.indicators] == [
        (i.key, i.value) for i in before.result.indicators
    ]


def test_cli_writes_the_board_report_and_refuses_bad_input_in_dutch(
    db: Session, session_factory: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from ontschot import cli_support
    from ontschot.cli import app

    monkeypatch.setattr(cli_support, "open_session", lambda settings: session_factory())
    runner = CliRunner()

    for fmt in ("xlsx", "csv", "pdf"):
        out = tmp_path / f"rapport.{fmt}"
        done = runner.invoke(app, ["monitor", "export", "--format", fmt, "--out", str(out)])
        assert done.exit_code == 0, done.output
        assert out.stat().st_size > 500
    assert (tmp_path / "rapport.pdf").read_bytes().startswith(b"%PDF")
    assert "Plaatsingen" in (tmp_path / "rapport.csv").read_text(encoding="utf-8-sig")

    wrong = runner.invoke(app, ["monitor", "export", "--format", "docx", "--out", "x.docx"])
    assert wrong.exit_code != 0 and "onbekend formaat" in wrong.output
    nowhere = runner.invoke(
        app, ["monitor", "export", "--format", "pdf", "--out", "/geen/map/r.pdf"]
    )
    assert nowhere.exit_code != 0 and "bestaat niet" in nowhere.output
    unknown = runner.invoke(
        app,
        [
            "monitor",
            "export",
            "--format",
            "pdf",
            "--out",
            str(tmp_path / "f.pdf"),
            "--financier",
            "999999",
        ],
    )
    assert unknown.exit_code != 0 and "Deze financier bestaat niet" in unknown.output
    assert not (tmp_path / "f.pdf").exists()


def test_a_financier_report_shows_its_money_from_the_ledger_to_the_cent(
    db: Session, demo: Settings
) -> None:
    from pypdf import PdfReader

    from ontschot.budget.ledger.models import LedgerEntry, LedgerTransfer
    from ontschot.budget.models import Financier
    from ontschot.money import format_cents

    spent = (
        select(LedgerTransfer.financier_id, func.sum(LedgerEntry.amount_cents))
        .join(LedgerTransfer, LedgerTransfer.id == LedgerEntry.transfer_id)
        .where(LedgerEntry.account == "spent")
        .group_by(LedgerTransfer.financier_id)
    )
    by_financier = dict(db.execute(spent).tuples().all())
    financier_id = max(by_financier, key=lambda k: by_financier[k])
    financier = db.get(Financier, financier_id)
    assert financier is not None

    content = service.export_report(
        db, actor=Actor.cli(), fmt="pdf", settings=demo, financier_id=financier_id
    )

    text = re.sub(
        r"\s+", " ", " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(content)).pages)
    )
    assert f"Verantwoording aan {financier.name}" in text
    assert format_cents(int(by_financier[financier_id])) in text  # the ledger sum, to the cent
    others = [db.get(Financier, k) for k in by_financier if k != financier_id]
    assert all(f is not None and f"Verantwoording aan {f.name}" not in text for f in others)
