"""Pooled-budget API: funds with balances, intervention requests and their decisions,
invoices (idempotent, one by one or as a CSV file) and their reversal."""

from __future__ import annotations

import csv
import io
import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from ontschot.access.actor import Actor
from ontschot.access.deps import requires
from ontschot.budget import invoices, reads, requests
from ontschot.budget.invoices import CSV_COLUMNS
from ontschot.budget.schemas import (
    Decision,
    FundRead,
    InterventionRequestCreate,
    InterventionRequestRead,
    InvoiceCreate,
    InvoiceRead,
)
from ontschot.budget.views import invoice_read, request_read
from ontschot.deps import AppSettings, DbSession
from ontschot.schemas import ApiModel
from ontschot.web.problems import ProblemError

router = APIRouter(tags=["budget"])
RequestId = Annotated[int, Path(ge=1, le=2**31 - 1, alias="requestId")]
InvoiceId = Annotated[int, Path(ge=1, le=2**31 - 1, alias="invoiceId")]
IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        max_length=100,
        description="The same key with the same body books once and answers the same; "
        "with another body: 409, nothing written.",
    ),
]
MAX_BYTES = 5 * 1024 * 1024


@router.get("/funds", response_model=list[FundRead])
def list_funds(
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("budget.read"))],
    financier_id: int | None = Query(None, ge=1, le=2**31 - 1, alias="financierId"),
) -> list[FundRead]:
    """The region's funds with their rules and balances in integer cents: `availableCents`
    (free to reserve), `reservedCents` (approved, not yet invoiced), `spentCents`."""
    return reads.list_funds(db, actor=actor, financier_id=financier_id)


@router.post("/intervention-requests", status_code=201, response_model=InterventionRequestRead)
def create_intervention_request(
    body: InterventionRequestCreate,
    db: DbSession,
    settings: AppSettings,
    actor: Annotated[Actor, Depends(requires("intervention.request"))],
) -> InterventionRequestRead:
    """A coach requests an instrument for the candidate of an own trajectory. The router
    plans the funding (`sources`, in order, with amounts) and explains every fund
    (`verdicts`). At or below ONTSCHOT_FOUR_EYES_ABOVE_CENTS it is approved and reserved at
    once (`state` approved); above it waits for a programme manager. 409 when no fund (or
    combination) can pay; nothing is then written."""
    request = requests.request_intervention(
        db, actor=actor, data=body, four_eyes_above_cents=settings.four_eyes_above_cents
    )
    return request_read(db, request)


@router.post("/intervention-requests/{requestId}/decision", response_model=InterventionRequestRead)
def decide_intervention_request(
    request_id: RequestId,
    body: Decision,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("intervention.approve"))],
) -> InterventionRequestRead:
    """Approve (reserves the plan; 409 "onvoldoende budget" when a fund no longer has it)
    or reject with a `reason`. 403 for the requester (four eyes)."""
    if body.approve:
        request = requests.approve_request(db, actor=actor, request_id=request_id)
    else:
        request = requests.reject_request(
            db, actor=actor, request_id=request_id, reason=body.reason or ""
        )
    return request_read(db, request)


@router.post("/invoices", status_code=201, response_model=InvoiceRead)
def submit_invoice(
    body: InvoiceCreate,
    response: Response,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("invoice.submit"))],
    idempotency_key: IdempotencyKey = None,
) -> InvoiceRead:
    """Realise an approved request: the amount is spent from its reservations, the rest is
    released. Send an `Idempotency-Key`: a retry with the same key and body answers the same
    invoice (200, `Idempotent-Replayed: true`) and books nothing."""
    booked = invoices.submit_invoice(db, actor=actor, data=body, idempotency_key=idempotency_key)
    if booked.replayed:
        response.status_code = 200
        response.headers["Idempotent-Replayed"] = "true"
    return invoice_read(db, booked.invoice)


@router.post("/invoices/{invoiceId}/reversal", response_model=InvoiceRead)
def reverse_invoice(
    invoice_id: InvoiceId,
    body: Decision,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("invoice.reverse"))],
) -> InvoiceRead:
    """Undo what an invoice spent, as new ledger entries (once; 409 the second time).
    Send `{"approve": true, "reason": "..."}`."""
    invoice = invoices.reverse_invoice(
        db, actor=actor, invoice_id=invoice_id, reason=body.reason or ""
    )
    return invoice_read(db, invoice)


class InvoiceImportReport(ApiModel):
    rows: int
    booked: int
    replayed: int
    committed: bool
    rejected: list[dict[str, Any]]


def _as_csv(rows: Any) -> str:
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise ProblemError(400, "Stuur een JSON-lijst van facturen of een CSV-bestand.")
    out = io.StringIO()
    writer = csv.DictWriter(
        out, fieldnames=[*CSV_COLUMNS, "idempotency_key"], extrasaction="ignore"
    )
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {k: "" if row.get(k) is None else str(row.get(k)) for k in writer.fieldnames}
        )
    return out.getvalue()


# The import reads its body itself (CSV or a JSON list), so the document names both.
IMPORT_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "text/csv": {
                "schema": {"type": "string", "description": "CSV (docs/import-formats.md)"}
            },
            "application/json": {"schema": {"type": "array", "items": {"type": "object"}}},
        },
    }
}


@router.post("/invoice-imports", response_model=InvoiceImportReport, openapi_extra=IMPORT_BODY)
async def import_invoices(
    request: Request,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("invoice.submit"))],
    partial: Annotated[bool, Query(description="Book valid rows, report the others.")] = False,
) -> InvoiceImportReport:
    """Invoices in bulk: CSV with the columns intervention_request_id, amount_cents,
    invoice_number, invoice_date and optionally idempotency_key (or a JSON list of objects
    with those keys). All or nothing unless `partial=true`; the report lists each row."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    raw = await request.body()
    if len(raw) > MAX_BYTES:
        raise ProblemError(413, "Het bestand is groter dan 5 MB.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ProblemError(400, "Het bestand is geen UTF-8-tekst.") from None
    if media == "application/json":
        try:
            text = _as_csv(json.loads(text))
        except ValueError:
            raise ProblemError(400, "Dit is geen geldige JSON.") from None
    elif media != "text/csv":
        raise ProblemError(415, "Stuur text/csv of application/json.")
    result = await run_in_threadpool(
        invoices.import_invoices, db, actor=actor, text=text, partial=partial
    )
    if not result.committed:
        raise ProblemError(
            400,
            f"Import geweigerd: {len(result.rejected)} fouten; er is niets geboekt.",
            errors=[
                {"name": f"regel {e.line}: {e.field}", "in": "body", "reason": e.reason}
                for e in result.rejected[:500]
            ],
        )
    return InvoiceImportReport(
        rows=result.rows,
        booked=result.booked,
        replayed=result.replayed,
        committed=True,
        rejected=[{"line": e.line, "field": e.field, "reason": e.reason} for e in result.rejected],
    )
