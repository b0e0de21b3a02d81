"""Write the demo region's pooled budget: financiers, funds with rules, the instrument
catalogue, and two years of intervention requests booked through the real ledger.

Funds, instruments, decisions, invoices and reversals go through the budget's own
services (with the clock set to the day each happened), so every amount is booked by the
code that books a user's, balances equal the sum of entries to the cent, and `ontschot
budget reconcile` finds nothing. Only the requests themselves are written directly: the
request service refuses a trajectory that is closed today, and history needs requests on
trajectories that were open then. Their routing is the real router's, on the balances of
that day, so a fund that ran low sends later requests elsewhere — or nowhere, and then no
request is made, as a coach who is told "geen fonds kan dit betalen" would not make one.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot import clock, errors
from ontschot.access.actor import Actor
from ontschot.access.models import AppUser, Organisation
from ontschot.access.roles import Role
from ontschot.budget import funds as fund_service
from ontschot.budget import instruments as instrument_service
from ontschot.budget import invoices as invoice_service
from ontschot.budget import requests as request_service
from ontschot.budget.models import InterventionRequest, Invoice
from ontschot.budget.rules.router import route
from ontschot.budget.rules.vocabulary import FundRules
from ontschot.budget.schemas import FinancierCreate, FundCreate, InstrumentCreate, InvoiceCreate
from ontschot.careers.models import TrainingOffer
from ontschot.cases.placements.models import Placement
from ontschot.cases.trajectories.models import Trajectory
from ontschot.chains.models import Chain
from ontschot.config import Settings
from ontschot.people.models import Candidate
from ontschot.synth.budget_plans import Plan, Planner
from ontschot.synth.budget_specs import BudgetSpec, InstrumentSpec, budget_spec
from ontschot.synth.generate import SyntheticRegion
from ontschot.tx import atomic

REJECTIONS = (
    "Eerst de taal op niveau A2; daarna opnieuw aanvragen.",
    "Deze opleiding past niet bij het doel van het traject; kies een kortere route.",
    "Dubbel met een lopende aanvraag bij een andere partner.",
    "Offerte ontbreekt of is ouder dan drie maanden.",
)
REVERSALS = (
    "Dubbel gefactureerd; creditnota van de aanbieder ontvangen.",
    "Deelnemer is niet gestart; de aanbieder crediteert de factuur.",
    "Verkeerd bedrag gefactureerd; wordt opnieuw gefactureerd buiten het fonds.",
)


@dataclass(frozen=True)
class BudgetSummary:
    funds: int
    requests: int
    invoices: int
    reversals: int


@contextmanager
def _on(at: datetime) -> Iterator[None]:
    with clock.frozen(at):
        yield


def _actor(db: Session, user: AppUser) -> Actor:
    org = db.get(Organisation, user.organisation_id)
    assert org is not None
    return Actor(
        role=Role(user.role),
        user_id=user.id,
        organisation_id=org.id,
        display_name=user.display_name,
        organisation_name=org.name,
        organisation_kind=org.kind,
        via="cli",
        region_code=org.region_code,
    )


def _managers(db: Session) -> list[AppUser]:
    return list(
        db.scalars(
            select(AppUser).where(AppUser.role == Role.PROGRAMME_MANAGER.value).order_by(AppUser.id)
        )
    )


def _write_catalogue(
    db: Session, actor: Actor, spec: BudgetSpec, today: date, first_day: date
) -> int:
    """Financiers, funds (yearly ones for last year and this year) and instruments."""
    financier_ids: dict[str, int] = {}
    for f in spec.financiers:
        row = fund_service.create_financier(
            db, actor=actor, data=FinancierCreate(name=f.name, kind=f.kind)
        )
        financier_ids[f.key] = row.id
    count = 0
    last_day = date(today.year, 12, 31)
    for fund in spec.funds:
        periods = (
            [(date(y, 1, 1), date(y, 12, 31)) for y in range(first_day.year, today.year + 1)]
            if fund.yearly
            else [(first_day, last_day)]
        )
        for start, end in periods:
            years = end.year - start.year + 1
            name = f"{fund.name} {start.year}" if fund.yearly else fund.name
            fund_service.create_fund(
                db,
                actor=actor,
                data=FundCreate(
                    financier_id=financier_ids[fund.financier],
                    name=name,
                    period_start=start,
                    period_end=end,
                    amount_cents=fund.euros_per_year * 100 * years,
                    rules=FundRules.model_validate(fund.rules),
                    source=fund.source,
                ),
            )
            count += 1
    for item in spec.instruments:
        instrument_service.create_instrument(db, actor=actor, data=_instrument(item))
    instrument_service.sync_training_offers(db, db.scalars(select(TrainingOffer)))
    return count


def _instrument(item: InstrumentSpec) -> InstrumentCreate:
    return InstrumentCreate.model_validate(
        {
            "kind": item.kind,
            "name": item.name,
            "provider": item.provider,
            "unitPriceCents": item.euros * 100 if item.euros else None,
            "durationWeeks": item.weeks,
        }
    )


def _ask(db: Session, plan: Plan) -> int | None:
    """Write the request as the request service would have on that day; None: no fund."""
    on = clock.today()
    facts = request_service.facts_for(db, plan.trajectory, plan.instrument, plan.cost_cents, on)
    chain = db.get(Chain, plan.trajectory.chain_id)
    region = chain.region_code if chain else ""
    routing = route(facts, request_service.fund_options(db, region))
    if not routing.covered:
        return None
    facts_data = {k: v for k, v in asdict(facts).items() if k != "received_cents"}
    facts_data["on"] = on.isoformat()
    request = InterventionRequest(
        trajectory_id=plan.trajectory.id,
        candidate_id=plan.trajectory.candidate_id,
        instrument_id=plan.instrument.id,
        need=plan.need,
        cost_cents=plan.cost_cents,
        quote_reference=f"OFF-{plan.trajectory.id}"
        if not plan.instrument.unit_price_cents
        else None,
        state="requested",
        facts_json=json.dumps(facts_data, ensure_ascii=False),
        routing_json=request_service.routing_json(routing),
        organisation_id=plan.trajectory.organisation_id,
        region_code=region,
        requested_by_user_id=plan.trajectory.coach_user_id,
        requested_at=clock.now(),
    )
    request_service.store_with_plan(db, request, routing)
    return request.id


def write_budget(db: Session, data: SyntheticRegion, settings: Settings) -> BudgetSummary:
    """Everything of the budget for the region just written; inside the caller's transaction."""
    today, rng = data.today, random.Random(f"{data.seed}:budget")  # noqa: S311
    first_day = date(today.year - 1, 1, 1)
    managers = _managers(db)
    if not managers:
        return BudgetSummary(0, 0, 0, 0)
    manager, spec = _actor(db, managers[0]), budget_spec(data.plan.region)
    with _on(datetime.combine(first_day - timedelta(days=20), time(9), UTC)):
        funds = _write_catalogue(db, manager, spec, today, first_day)

    planner = Planner(db, spec, rng, today, first_day, settings.four_eyes_above_cents)
    placements: dict[int, list[Placement]] = {}
    for placement in db.scalars(select(Placement).order_by(Placement.start_date, Placement.id)):
        placements.setdefault(placement.trajectory_id, []).append(placement)
    rows = db.execute(
        select(Trajectory, Candidate)
        .join(Candidate, Candidate.id == Trajectory.candidate_id)
        .order_by(Trajectory.id)
    ).all()
    plans = [
        p
        for trajectory, candidate in rows
        for p in planner.plans(trajectory, candidate, placements.get(trajectory.id, []))
    ]
    events: list[tuple[datetime, int, str, Plan]] = []
    for n, p in enumerate(plans):
        events.append((p.asked, n, "ask", p))
        for when, kind in (
            (p.decided, "decide"),
            (p.cancelled, "cancel"),
            (p.invoiced, "invoice"),
            (p.reversed, "reverse"),
        ):
            if when is not None:
                events.append((when, n, kind, p))
    events.sort(key=lambda e: (e[0], e[1]))
    counts = {"ask": 0, "invoice": 0, "reverse": 0}
    steps: dict[str, Callable[[Session, Actor, Plan, random.Random], bool]] = {
        "decide": _decide,
        "cancel": _cancel,
        "invoice": _invoice,
        "reverse": _reverse,
    }
    for when, _, kind, plan in events:
        with _on(when):
            if kind == "ask":
                plan.request_id = _ask(db, plan)
                counts["ask"] += plan.request_id is not None
                continue
            if plan.request_id is None:
                continue
            done = steps[kind](db, manager, plan, rng)
            if kind in counts:
                counts[kind] += done
    return BudgetSummary(funds, counts["ask"], counts["invoice"], counts["reverse"])


def _try(db: Session, call: Callable[[], Any]) -> bool:
    """Run one service call in a savepoint: a refusal (a fund that ran out) undoes only it."""
    try:
        with atomic(db, savepoint=True):
            call()
    except errors.DomainError:
        return False
    return True


def _decide(db: Session, actor: Actor, plan: Plan, rng: random.Random) -> bool:
    assert plan.request_id is not None
    request_id = plan.request_id
    if not plan.rejected and _try(
        db, lambda: request_service.approve_request(db, actor=actor, request_id=request_id)
    ):
        return True
    reason = rng.choice(REJECTIONS) if plan.rejected else "Onvoldoende budget bij goedkeuring."
    plan.invoiced = plan.cancelled = plan.reversed = None
    return _try(
        db,
        lambda: request_service.reject_request(
            db, actor=actor, request_id=request_id, reason=reason
        ),
    )


def _cancel(db: Session, actor: Actor, plan: Plan, rng: random.Random) -> bool:
    request_id = plan.request_id
    assert request_id is not None
    return _try(db, lambda: request_service.cancel_request(db, actor=actor, request_id=request_id))


def _invoice(db: Session, actor: Actor, plan: Plan, rng: random.Random) -> bool:
    request_id = plan.request_id
    assert request_id is not None
    request = db.get(InterventionRequest, request_id)
    if request is None or request.state != "approved":
        return False
    cents = max(1, int(plan.cost_cents * plan.invoice_share))
    data = InvoiceCreate(
        intervention_request_id=request_id,
        amount_cents=cents,
        invoice_number=f"F{clock.today():%Y}-{request_id:05d}",
        invoice_date=clock.today(),
    )
    return _try(
        db,
        lambda: invoice_service.submit_invoice(
            db, actor=actor, data=data, idempotency_key=f"demo-{request_id}"
        ),
    )


def _reverse(db: Session, actor: Actor, plan: Plan, rng: random.Random) -> bool:
    invoice = db.scalar(select(Invoice).where(Invoice.request_id == plan.request_id))
    if invoice is None:
        return False
    invoice_id, reason = invoice.id, rng.choice(REVERSALS)
    return _try(
        db,
        lambda: invoice_service.reverse_invoice(
            db, actor=actor, invoice_id=invoice_id, reason=reason
        ),
    )
