"""Requests, approval, invoices and reversals through the services, on both databases."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from ontschot import errors
from ontschot.budget import invoices, requests
from ontschot.budget.ledger.reconcile import differences
from ontschot.budget.models import FundBalance
from ontschot.budget.schemas import InterventionRequestCreate, InvoiceCreate
from tests.budget.helpers import POOLED_FUND, UWV_FUND, BudgetWorld, budget_world, row_counts
from tests.factories import actor_of


def _request(db: Session, w: BudgetWorld, cost: int | None = None) -> requests.InterventionRequest:
    data = InterventionRequestCreate(
        trajectory_id=w.trajectory.id,
        instrument_id=w.instrument.id,
        need="Heftruckcertificaat om als orderpicker te beginnen",
        cost_cents=cost,
    )
    return requests.request_intervention(db, actor=actor_of(w.coach), data=data)


def _balance(db: Session, fund_id: int) -> tuple[int, int, int]:
    db.expire_all()
    b = db.get(FundBalance, fund_id)
    assert b is not None
    return b.available_cents, b.reserved_cents, b.spent_cents


def _invoice(amount: int, request_id: int, number: str = "F-1") -> InvoiceCreate:
    return InvoiceCreate(
        intervention_request_id=request_id,
        amount_cents=amount,
        invoice_number=number,
        invoice_date=date(2026, 11, 30),
    )


def test_request_without_benefit_goes_to_the_pooled_fund_and_says_why_not_uwv(
    db: Session,
) -> None:
    w = budget_world(db)
    request = _request(db, w)
    routing = requests.stored_routing(request)
    assert [s["name"] for s in routing["sources"]] == [POOLED_FUND]
    uwv = next(v for v in routing["verdicts"] if v["name"] == UWV_FUND)
    assert uwv["reason"] == "alleen voor mensen met WW"
    assert request.state == "requested"


def test_approve_reserve_invoice_part_and_reverse_keeps_every_balance(db: Session) -> None:
    w = budget_world(db)
    request = _request(db, w)
    requests.approve_request(db, actor=actor_of(w.manager), request_id=request.id)
    assert _balance(db, w.pooled_fund.id) == (5_000_000 - 280_000, 280_000, 0)
    booked = invoices.submit_invoice(
        db, actor=actor_of(w.manager), data=_invoice(200_000, request.id), idempotency_key="k1"
    )
    assert _balance(db, w.pooled_fund.id) == (5_000_000 - 200_000, 0, 200_000)
    assert invoices.released_cents(db, booked.invoice) == 80_000
    invoices.reverse_invoice(
        db, actor=actor_of(w.other_manager), invoice_id=booked.invoice.id, reason="Dubbel"
    )
    assert _balance(db, w.pooled_fund.id) == (5_000_000, 0, 0)
    with pytest.raises(errors.Conflict):
        invoices.reverse_invoice(
            db, actor=actor_of(w.manager), invoice_id=booked.invoice.id, reason="Nog eens"
        )
    assert differences(db) == []


def test_the_requester_cannot_approve_and_nothing_is_written(db: Session) -> None:
    w = budget_world(db)
    request = _request(db, w)
    w.coach.role = "programme_manager"  # even with the right role: never one's own request
    db.commit()
    before = row_counts(db)
    with pytest.raises(errors.Forbidden, match="eigen aanvraag"):
        requests.approve_request(db, actor=actor_of(w.coach), request_id=request.id)
    assert row_counts(db) == before
    assert _balance(db, w.pooled_fund.id) == (5_000_000, 0, 0)


def test_same_key_other_amount_is_refused_and_writes_nothing(db: Session) -> None:
    w = budget_world(db)
    request = _request(db, w)
    requests.approve_request(db, actor=actor_of(w.manager), request_id=request.id)
    first = invoices.submit_invoice(
        db, actor=actor_of(w.manager), data=_invoice(280_000, request.id), idempotency_key="k"
    )
    again = invoices.submit_invoice(
        db, actor=actor_of(w.manager), data=_invoice(280_000, request.id), idempotency_key="k"
    )
    assert again.replayed and again.invoice.id == first.invoice.id
    before = row_counts(db)
    with pytest.raises(errors.Conflict, match="Idempotency-Key"):
        invoices.submit_invoice(
            db, actor=actor_of(w.manager), data=_invoice(1_000, request.id), idempotency_key="k"
        )
    assert row_counts(db) == before


def test_cancel_releases_the_reservation_once(db: Session) -> None:
    w = budget_world(db)
    request = _request(db, w, cost=50_000)  # under the four-eyes amount: reserved at once
    assert request.state == "approved"
    assert _balance(db, w.pooled_fund.id) == (4_950_000, 50_000, 0)
    requests.cancel_request(db, actor=actor_of(w.coach), request_id=request.id)
    assert _balance(db, w.pooled_fund.id) == (5_000_000, 0, 0)
    with pytest.raises(errors.Conflict):
        requests.cancel_request(db, actor=actor_of(w.coach), request_id=request.id)
    assert differences(db) == []


def test_ledger_rows_cannot_be_changed_or_deleted(db: Session) -> None:
    budget_world(db)
    for statement in (
        "UPDATE ledger_entry SET amount_cents = amount_cents + 1",
        "DELETE FROM ledger_transfer",
    ):
        with pytest.raises(Exception, match="append-only"), db.begin_nested():
            db.execute(text(statement))


def test_the_database_refuses_a_negative_balance(db: Session) -> None:
    w = budget_world(db)
    with pytest.raises(Exception, match=r"(?i)check|constraint"), db.begin_nested():
        db.execute(
            text("UPDATE fund_balance SET available_cents = -1 WHERE fund_id = :id"),
            {"id": w.pooled_fund.id},
        )
