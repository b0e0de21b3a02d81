"""How a request and an invoice look in the API (and the pages)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ontschot.budget.invoices import released_cents
from ontschot.budget.models import Instrument, InterventionRequest, Invoice
from ontschot.budget.requests import stored_routing
from ontschot.budget.schemas import (
    FundingSourceRead,
    FundVerdictRead,
    InterventionRequestRead,
    InvoiceRead,
)


def request_read(db: Session, request: InterventionRequest) -> InterventionRequestRead:
    instrument = db.get(Instrument, request.instrument_id)
    routing = stored_routing(request)
    return InterventionRequestRead(
        id=request.id,
        trajectory_id=request.trajectory_id,
        instrument_id=request.instrument_id,
        instrument_name=instrument.name if instrument else "",
        need=request.need,
        cost_cents=request.cost_cents,
        state=request.state,
        requested_at=request.requested_at,
        requested_by_user_id=request.requested_by_user_id,
        decided_by_user_id=request.decided_by_user_id,
        reject_reason=request.reject_reason,
        sources=[
            FundingSourceRead(
                fund_id=s["fund_id"],
                fund_name=s["name"],
                position=s["position"],
                amount_cents=s["amount_cents"],
            )
            for s in routing["sources"]
        ],
        verdicts=[
            FundVerdictRead(
                fund_id=v["fund_id"],
                fund_name=v["name"],
                eligible=v["eligible"],
                amount_cents=v["amount_cents"],
                reason=v["reason"],
            )
            for v in routing["verdicts"]
        ],
    )


def invoice_read(db: Session, invoice: Invoice) -> InvoiceRead:
    return InvoiceRead(
        id=invoice.id,
        intervention_request_id=invoice.request_id,
        amount_cents=invoice.amount_cents,
        released_cents=released_cents(db, invoice),
        invoice_number=invoice.invoice_number,
        invoice_date=invoice.invoice_date,
        reversed=invoice.reversed_at is not None,
    )
