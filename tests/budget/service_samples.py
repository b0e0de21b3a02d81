"""Samples of the budget services for tests/platform/test_transactions.py."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from ontschot.budget import invoices, requests
from ontschot.budget.rules.vocabulary import FundRules
from ontschot.budget.schemas import (
    FinancierCreate,
    FundCreate,
    FundUpdate,
    InstrumentCreate,
    InterventionRequestCreate,
    InvoiceCreate,
)
from tests.budget.helpers import END, START, BudgetWorld, budget_world
from tests.factories import actor_of

B = "ontschot.budget."


def _sample(kwargs: dict[str, Any], entries: int = 1) -> Any:
    from tests.platform.service_samples import Sample

    return Sample(kwargs, entries)


def _new_request(w: BudgetWorld, cost: int | None = None) -> InterventionRequestCreate:
    return InterventionRequestCreate(
        trajectory_id=w.trajectory.id,
        instrument_id=w.instrument.id,
        need="Scholing",
        cost_cents=cost,
    )


def requested(db: Session) -> tuple[BudgetWorld, Any]:
    w = budget_world(db)
    return w, requests.request_intervention(db, actor=actor_of(w.coach), data=_new_request(w))


def approved(db: Session) -> tuple[BudgetWorld, Any]:
    w, request = requested(db)
    requests.approve_request(db, actor=actor_of(w.manager), request_id=request.id)
    return w, request


def invoice_for(request_id: int, cents: int = 250_000) -> InvoiceCreate:
    return InvoiceCreate(
        intervention_request_id=request_id,
        amount_cents=cents,
        invoice_number="F-2026-1",
        invoice_date=date(2026, 11, 30),
    )


def _financier(db: Session) -> Any:
    w = budget_world(db)
    return _sample(
        {
            "actor": actor_of(w.manager),
            "data": FinancierCreate(name="Gemeente Hengelo", kind="gemeente"),
        }
    )


def _fund(db: Session) -> Any:
    w = budget_world(db)
    data = FundCreate(
        financier_id=w.pooled_fund.financier_id,
        name="Taalfonds",
        period_start=START,
        period_end=END,
        amount_cents=1_000_000,
        rules=FundRules(instruments=["language_course"]),
    )
    return _sample({"actor": actor_of(w.manager), "data": data})


def _update_fund(db: Session) -> Any:
    w = budget_world(db)
    data = FundUpdate(
        name="Regionaal ontschot budget 2026",
        period_start=START,
        period_end=END,
        amount_cents=6_000_000,
        rules=FundRules(age_min=18),
    )
    return _sample({"actor": actor_of(w.manager), "fund_id": w.pooled_fund.id, "data": data})


def _instrument(db: Session) -> Any:
    w = budget_world(db)
    data = InstrumentCreate(
        kind="job_coaching", name="Jobcoaching 6 maanden", provider="Coach & Co"
    )
    return _sample({"actor": actor_of(w.manager), "data": data})


def _request(db: Session) -> Any:
    w = budget_world(db)
    return _sample({"actor": actor_of(w.coach), "data": _new_request(w)})


def _approve(db: Session) -> Any:
    w, request = requested(db)
    return _sample({"actor": actor_of(w.manager), "request_id": request.id})


def _reject(db: Session) -> Any:
    w, request = requested(db)
    return _sample({"actor": actor_of(w.manager), "request_id": request.id, "reason": "Te duur"})


def _cancel(db: Session) -> Any:
    w, request = approved(db)
    return _sample({"actor": actor_of(w.coach), "request_id": request.id})


def _queue(db: Session) -> Any:
    w, _ = requested(db)
    return _sample({"actor": actor_of(w.manager)})


def _invoice(db: Session) -> Any:
    w, request = approved(db)
    return _sample(
        {"actor": actor_of(w.manager), "data": invoice_for(request.id), "idempotency_key": "s-1"}
    )


def _reverse(db: Session) -> Any:
    w, request = approved(db)
    booked = invoices.submit_invoice(db, actor=actor_of(w.manager), data=invoice_for(request.id))
    return _sample(
        {"actor": actor_of(w.other_manager), "invoice_id": booked.invoice.id, "reason": "Fout"}
    )


def _import(db: Session) -> Any:
    w, request = approved(db)
    text = (
        "intervention_request_id,amount_cents,invoice_number,invoice_date\n"
        f"{request.id},280000,F-9,2026-11-30\n"
    )
    return _sample({"actor": actor_of(w.manager), "text": text})


BUDGET_SAMPLES = {
    B + "funds.create_financier": _financier,
    B + "funds.create_fund": _fund,
    B + "funds.update_fund": _update_fund,
    B + "instruments.create_instrument": _instrument,
    B + "requests.request_intervention": _request,
    B + "requests.approve_request": _approve,
    B + "requests.reject_request": _reject,
    B + "requests.cancel_request": _cancel,
    B + "requests.approval_queue": _queue,
    B + "invoices.submit_invoice": _invoice,
    B + "invoices.reverse_invoice": _reverse,
    B + "invoices.import_invoices": _import,
}
