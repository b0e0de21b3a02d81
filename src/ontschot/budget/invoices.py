"""Invoices: a provider realises an approved request, through the API or a CSV file.

Idempotent: with an `Idempotency-Key` the same invoice sent twice books once and answers
the same; the same key with another body is refused (409) and writes nothing. The
invoice's amount is spent from the request's reservations in the plan's order; what it
leaves of a reservation is released (a partial invoice). A reversal undoes the spending
once, as new ledger transfers pointing at the posts they undo.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass, field

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot import clock, errors
from ontschot.access.actor import Actor
from ontschot.audit import service as audit
from ontschot.budget.ledger import book
from ontschot.budget.ledger.models import LedgerTransfer
from ontschot.budget.models import Fund, InterventionRequest, Invoice
from ontschot.budget.requests import request_for
from ontschot.budget.schemas import InvoiceCreate
from ontschot.interop.rows import RowError, rejection_report_csv
from ontschot.messages import dutch_message
from ontschot.money import format_cents
from ontschot.tx import atomic, transactional

PURPOSE = "facturatie van een interventie"
CSV_COLUMNS = ("intervention_request_id", "amount_cents", "invoice_number", "invoice_date")
MAX_ROWS = 10_000


def digest(data: InvoiceCreate) -> str:
    body = json.dumps(data.model_dump(mode="json"), sort_keys=True)
    return hashlib.sha256(body.encode()).hexdigest()


@dataclass(frozen=True)
class Booked:
    invoice: Invoice
    replayed: bool  # the same key and body came before: nothing new was booked


def released_cents(db: Session, invoice: Invoice) -> int:
    posts = db.scalars(
        select(LedgerTransfer).where(
            LedgerTransfer.invoice_id == invoice.id, LedgerTransfer.kind == "post"
        )
    )
    total = 0
    for post in posts:
        pending = db.get(LedgerTransfer, post.resolves_id) if post.resolves_id else None
        total += (pending.amount_cents if pending else 0) - post.amount_cents
    return total


def _earlier(db: Session, actor: Actor, key: str | None, data: InvoiceCreate) -> Booked | None:
    if not key:
        return None
    found = db.scalar(
        select(Invoice).where(
            Invoice.idempotency_key == key, Invoice.organisation_id == actor.organisation_id
        )
    )
    if found is None:
        return None
    if found.body_digest != digest(data):
        raise errors.Conflict(
            "Deze Idempotency-Key is al gebruikt voor een andere factuur (ander bedrag of "
            "andere gegevens). Er is niets geboekt; gebruik een nieuwe sleutel voor een nieuwe "
            "factuur.",
            fields={"idempotency_key": "al gebruikt voor een andere factuur"},
            location="header",
        )
    return Booked(found, True)


def _book(db: Session, actor: Actor, data: InvoiceCreate, key: str | None) -> Booked:
    earlier = _earlier(db, actor, key, data)
    if earlier is not None:
        return earlier
    request = request_for(db, actor, data.intervention_request_id, "invoice.submit")
    if request.state != "approved":
        raise errors.Conflict(
            f"Alleen een goedgekeurde aanvraag kan worden gefactureerd; deze is '{request.state}'.",
            fields={"intervention_request_id": "niet goedgekeurd of al gefactureerd"},
        )
    pendings = book.open_reservations(db, request.id)
    reserved = sum(p.amount_cents for p in pendings)
    if data.amount_cents > reserved:
        raise errors.invalid(
            "amount_cents",
            f"hoger dan het gereserveerde bedrag ({format_cents(reserved)})",
        )
    invoice = Invoice(
        request_id=request.id,
        amount_cents=data.amount_cents,
        invoice_number=data.invoice_number.strip(),
        invoice_date=data.invoice_date,
        idempotency_key=key,
        body_digest=digest(data),
        organisation_id=actor.organisation_id,
        submitted_by_user_id=actor.user_id,
        created_at=clock.now(),
    )
    db.add(invoice)
    db.flush()
    left = data.amount_cents
    for pending in pendings:
        fund = db.get(Fund, pending.fund_id)
        assert fund is not None
        part = min(left, pending.amount_cents)
        if part == 0:
            book.void(db, fund, pending, actor_user_id=actor.user_id)
        else:
            book.post(db, fund, pending, part, invoice_id=invoice.id, actor_user_id=actor.user_id)
        left -= part
    request.state = "invoiced"
    db.flush()
    return Booked(invoice, False)


def _log(
    db: Session, actor: Actor, action: str, object_id: int | None, subject: str | None, note: str
) -> None:
    audit.record(
        db,
        actor=actor,
        action=action,
        object_type="invoice",
        object_id=object_id,
        subject_key=subject,
        purpose=f"{PURPOSE}: {note}",
    )


@transactional
def submit_invoice(
    db: Session, *, actor: Actor, data: InvoiceCreate, idempotency_key: str | None = None
) -> Booked:
    actor.require("invoice.submit")
    key = (idempotency_key or "").strip() or None
    if key is not None and (len(key) > 100 or not key.isprintable()):
        raise errors.Invalid(
            "Ongeldige Idempotency-Key.",
            fields={"idempotency_key": "hoogstens 100 leesbare tekens"},
            location="header",
        )
    booked = _book(db, actor, data, key)
    if not booked.replayed:
        request = db.get(InterventionRequest, booked.invoice.request_id)
        subject = f"candidate:{request.candidate_id}" if request else None
        _log(db, actor, "invoice.submit", booked.invoice.id, subject, "geboekt")
    return booked


@transactional
def reverse_invoice(db: Session, *, actor: Actor, invoice_id: int, reason: str) -> Invoice:
    """Undo what an invoice spent (a correction is a new entry, never an edit); once."""
    actor.require("invoice.reverse")
    invoice = db.get(Invoice, invoice_id)
    if invoice is None:
        raise errors.NotFound("Deze factuur")
    request = request_for(db, actor, invoice.request_id, "invoice.reverse")
    text = " ".join((reason or "").split())
    if len(text) < 3:
        raise errors.invalid("reason", "geef de reden van het terugdraaien")
    if invoice.reversed_at is not None:
        raise errors.Conflict("Deze factuur is al teruggedraaid; een tweede keer kan niet.")
    posts = db.scalars(
        select(LedgerTransfer)
        .where(LedgerTransfer.invoice_id == invoice.id, LedgerTransfer.kind == "post")
        .order_by(LedgerTransfer.id)
    )
    for posted in posts:
        fund = db.get(Fund, posted.fund_id)
        assert fund is not None
        book.reverse(db, fund, posted, note=text, actor_user_id=actor.user_id)
    invoice.reversed_at = clock.now()
    request.state = "reversed"
    db.flush()
    _log(db, actor, "invoice.reverse", invoice.id, f"candidate:{request.candidate_id}", text)
    return invoice


@dataclass
class InvoiceImportResult:
    rows: int = 0
    booked: int = 0
    replayed: int = 0
    rejected: list[RowError] = field(default_factory=list)
    committed: bool = False

    def report_csv(self) -> str:
        return rejection_report_csv(self.rejected)


def _parse(text: str) -> tuple[list[tuple[int, InvoiceCreate, str | None]], list[RowError]]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in CSV_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        return [], [RowError(1, ",".join(missing), "kolom ontbreekt")]
    rows: list[tuple[int, InvoiceCreate, str | None]] = []
    problems: list[RowError] = []
    for number, raw in enumerate(reader, start=2):
        if number > MAX_ROWS + 1:
            problems.append(RowError(number, "", f"meer dan {MAX_ROWS} regels"))
            break
        values = {k: (v or "").strip() for k, v in raw.items() if k in CSV_COLUMNS}
        try:
            data = InvoiceCreate.model_validate(
                {
                    "interventionRequestId": values["intervention_request_id"],
                    "amountCents": values["amount_cents"],
                    "invoiceNumber": values["invoice_number"],
                    "invoiceDate": values["invoice_date"],
                }
            )
        except ValidationError as exc:
            for err in exc.errors():
                name = str(err["loc"][0]) if err["loc"] else ""
                problems.append(RowError(number, name, dutch_message(str(err["msg"]))))
            continue
        key = (raw.get("idempotency_key") or "").strip() or None
        rows.append((number, data, key))
    return rows, problems


@transactional
def import_invoices(
    db: Session, *, actor: Actor, text: str, partial: bool = False
) -> InvoiceImportResult:
    """A CSV of invoices: all or nothing, or with `partial` every bookable row booked and
    each refused row reported (line, field, reason), like the other imports."""
    actor.require("invoice.submit")
    rows, problems = _parse(text)
    result = InvoiceImportResult(rows=len(rows) + len({p.line for p in problems if p.line > 1}))
    result.rejected = problems
    if problems and not partial:
        return result
    for number, data, key in rows:
        try:
            with atomic(db, savepoint=True):
                booked = _book(db, actor, data, key)
        except errors.DomainError as exc:
            name = next(iter(exc.fields), "")
            result.rejected.append(RowError(number, name, exc.detail))
            continue
        result.replayed += int(booked.replayed)
        result.booked += int(not booked.replayed)
    if result.rejected and not partial:
        raise errors.Invalid(
            "Het bestand is geweigerd; er is niets geboekt: "
            + "; ".join(f"regel {r.line}: {r.reason}" for r in result.rejected[:5]),
            fields={"file": f"{len(result.rejected)} regels geweigerd"},
        )
    _log(
        db,
        actor,
        "invoice.import",
        None,
        None,
        f"{result.booked} geboekt, {result.replayed} al eerder, {len(result.rejected)} geweigerd",
    )
    result.committed = True
    return result
