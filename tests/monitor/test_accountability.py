"""Accountability to a financier (issue 15, item 7): what its money paid for, from the
ledger to the cent, the same figures on the page and in CSV, XLSX and PDF; small numbers
suppressed for those outside the programme management; bad input changes nothing."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from typing import Any

import openpyxl
import pypdf
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ontschot import clock
from ontschot.access.roles import Role
from ontschot.audit.models import AuditEntry
from ontschot.budget import invoices
from ontschot.budget import requests as budget_requests
from ontschot.budget.schemas import InterventionRequestCreate, InvoiceCreate
from ontschot.config import Settings
from ontschot.monitor import accountability
from ontschot.monitor.tables import MASKED_TEXT
from tests.budget.helpers import budget_world
from tests.factories import actor_of, login_as, make_user


def _paid_world(db: Session) -> Any:
    """Two trainings from the pooled fund: one invoiced in part (2.500 of 2.800), one
    approved and still reserved."""
    world = budget_world(db)
    coach, manager = actor_of(world.coach), actor_of(world.other_manager)
    with clock.frozen(datetime(2026, 3, 20, 10, tzinfo=UTC)):
        ids = []
        for need in ("Heftruckcertificaat voor het magazijn", "Reachtruck erbij"):
            request = budget_requests.request_intervention(
                db,
                actor=coach,
                data=InterventionRequestCreate(
                    trajectory_id=world.trajectory.id, instrument_id=world.instrument.id, need=need
                ),
            )
            budget_requests.approve_request(db, actor=manager, request_id=request.id)
            ids.append(request.id)
        invoices.submit_invoice(
            db,
            actor=manager,
            data=InvoiceCreate(
                intervention_request_id=ids[0],
                amount_cents=250_000,
                invoice_number="F-7",
                invoice_date=date(2026, 3, 30),
            ),
        )
    return world


def _table(document: Any, key: str) -> Any:
    return next(t for t in document.all_tables() if t.key == key)


def test_report_shows_the_ledger_to_the_cent_in_page_csv_xlsx_and_pdf(
    db: Session, client: Any, settings: Settings
) -> None:
    world = _paid_world(db)
    manager = world.other_manager
    financier_id = world.pooled_fund.financier_id
    report = accountability.build(
        db, actor=actor_of(manager), financier_id=financier_id, settings=settings
    )
    assert (report.total_spent_cents, report.total_reserved_cents) == (250_000, 280_000)
    by_instrument = _table(report.document, "by_instrument")
    assert by_instrument.rows == (
        ("scholing", 2, 1, "€ 2.800,00", "€ 2.500,00"),
        ("Totaal", 2, 1, "€ 2.800,00", "€ 2.500,00"),
    )
    funds = _table(report.document, "funds")
    assert funds.rows[0][0] == world.pooled_fund.name
    assert funds.rows[0][4:] == ("€ 2.800,00", "€ 2.500,00")
    assert {t.key for t in report.document.all_tables()} >= {
        "by_fund",
        "by_chain",
        "by_municipality",
        "by_period",
        "results",
    }

    login_as(client, db, manager)
    page = client.get(f"/monitor/verantwoording/{financier_id}")
    assert page.status_code == 200, page.text
    assert "€ 2.500,00" in page.text and "€ 2.800,00" in page.text and "<svg" in page.text
    assert client.get("/monitor/verantwoording").text.count(f"/verantwoording/{financier_id}")

    xlsx = client.get(f"/monitor/verantwoording/{financier_id}/export?formaat=xlsx")
    assert xlsx.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(xlsx.content))
    cells = {str(c.value) for sheet in book.worksheets for row in sheet.iter_rows() for c in row}
    assert {"€ 2.500,00", "€ 2.800,00", "scholing", world.pooled_fund.name} <= cells

    pdf = client.get(f"/monitor/verantwoording/{financier_id}/export?formaat=pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Verantwoording aan" in text and "2.500,00" in text and "2.800,00" in text

    csv_text = client.get(f"/monitor/verantwoording/{financier_id}/export?formaat=csv").text
    assert "€ 2.500,00" in csv_text and "scholing" in csv_text


def test_outside_the_programme_management_a_row_about_few_people_is_suppressed(
    db: Session, settings: Settings
) -> None:
    world = _paid_world(db)
    analyst = make_user(db, Role.ANALYST, organisation=world.organisation)
    report = accountability.build(
        db, actor=actor_of(analyst), financier_id=world.pooled_fund.financier_id, settings=settings
    )
    assert report.masked
    rows = _table(report.document, "by_instrument").rows
    assert rows[0] == ("scholing", *[MASKED_TEXT] * 4)
    # the financier's own total stays: it is its money, not a person's
    assert rows[-1][0] == "Totaal" and rows[-1][4] == "€ 2.500,00"
    assert rows[-1][2] == MASKED_TEXT


def test_unknown_financier_or_format_is_refused_and_logs_nothing(
    db: Session, client: Any, settings: Settings
) -> None:
    world = _paid_world(db)
    login_as(client, db, world.other_manager)
    before = db.scalar(select(func.count()).select_from(AuditEntry))
    missing = client.get("/monitor/verantwoording/999999")
    assert missing.status_code == 404
    bad = client.get(
        f"/monitor/verantwoording/{world.pooled_fund.financier_id}/export?formaat=docx"
    )
    assert bad.status_code == 400 and "csv, xlsx of pdf" in bad.text
    # only the refusal itself is logged (as denied), no report was made
    added = db.scalars(select(AuditEntry.result).order_by(AuditEntry.id).offset(before)).all()
    assert set(added) <= {"denied"}
    coach = client.get(f"/monitor/verantwoording/{world.pooled_fund.financier_id}")
    assert coach.status_code == 200  # still the manager's session
    login_as(client, db, world.coach)
    assert client.get("/monitor/verantwoording").status_code == 403
