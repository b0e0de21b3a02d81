"""Permission-matrix samples for the budget API."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ontschot.access.roles import Role
from ontschot.budget import invoices, requests
from tests.access.route_samples import RouteSample, World
from tests.budget.helpers import budget_world
from tests.budget.service_samples import _new_request, invoice_for
from tests.factories import actor_of


def setup_world(db: Session, world: World) -> None:
    """The home coach's trajectory with funds; one request waiting, one approved and one
    invoiced (approved by the home programme manager)."""
    w = budget_world(
        db,
        organisation=world.home,
        coach=world.users[Role.COACH],
        manager=world.users[Role.PROGRAMME_MANAGER],
    )
    coach, manager = actor_of(w.coach), actor_of(w.other_manager)
    waiting = requests.request_intervention(db, actor=coach, data=_new_request(w))
    approved = requests.request_intervention(db, actor=coach, data=_new_request(w))
    requests.approve_request(db, actor=manager, request_id=approved.id)
    invoiced = requests.request_intervention(db, actor=coach, data=_new_request(w))
    requests.approve_request(db, actor=manager, request_id=invoiced.id)
    booked = invoices.submit_invoice(db, actor=manager, data=invoice_for(invoiced.id))
    world.ids.update(
        budget_trajectory_id=w.trajectory.id,
        budget_instrument_id=w.instrument.id,
        waiting_request_id=waiting.id,
        approved_request_id=approved.id,
        invoice_id=booked.invoice.id,
        pooled_fund_id=w.pooled_fund.id,
        pooled_financier_id=w.pooled_fund.financier_id,
    )


def _new(world: World) -> dict[str, Any]:
    return {
        "trajectoryId": world.ids["budget_trajectory_id"],
        "instrumentId": world.ids["budget_instrument_id"],
        "need": "Heftruckcertificaat",
    }


def _invoice(world: World) -> dict[str, Any]:
    return {
        "interventionRequestId": world.ids["approved_request_id"],
        "amountCents": 200_000,
        "invoiceNumber": "F-77",
        "invoiceDate": "2026-11-30",
    }


def _rows(world: World) -> list[dict[str, Any]]:
    return [
        {
            "intervention_request_id": world.ids["approved_request_id"],
            "amount_cents": 280_000,
            "invoice_number": "F-78",
            "invoice_date": "2026-11-30",
        }
    ]


SAMPLES: list[RouteSample] = [
    RouteSample("GET", "/api/v1/funds"),
    RouteSample("POST", "/api/v1/intervention-requests", 201, _new),
    RouteSample(
        "POST",
        "/api/v1/intervention-requests/{waiting_request_id}/decision",
        200,
        {"approve": True},
    ),
    RouteSample("POST", "/api/v1/invoices", 201, _invoice),
    RouteSample(
        "POST",
        "/api/v1/invoices/{invoice_id}/reversal",
        200,
        {"approve": True, "reason": "Dubbel gefactureerd"},
    ),
    RouteSample("POST", "/api/v1/invoice-imports", 200, _rows),
]
