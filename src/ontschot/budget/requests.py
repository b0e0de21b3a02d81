"""Intervention requests: a coach asks, the router plans, a programme manager decides.

A request is routed when it is made (`rules/router.py`) and its plan (ordered sources with
their amounts) is stored with the facts and every fund's verdict. At or below the
four-eyes amount (`ONTSCHOT_FOUR_EYES_ABOVE_CENTS`) it is approved at once; above it a
programme manager who is not the requester approves (the plan's amounts are reserved) or
rejects with a reason. Cancelling releases what was reserved. Every change of state is a
conditional UPDATE from the state it expects, so a request is decided at most once even
when two people click at the same moment.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ontschot import clock, errors
from ontschot.access.actor import Actor
from ontschot.access.roles import Scope
from ontschot.audit import service as audit
from ontschot.budget import funds as fund_service
from ontschot.budget.instruments import usable_on
from ontschot.budget.ledger import book
from ontschot.budget.ledger.models import LedgerEntry, LedgerTransfer
from ontschot.budget.models import (
    Fund,
    FundBalance,
    Instrument,
    InterventionFunding,
    InterventionRequest,
)
from ontschot.budget.rules.router import Facts, FundOption, Routing, route
from ontschot.budget.rules.vocabulary import FundRules
from ontschot.budget.schemas import InterventionRequestCreate
from ontschot.cases.trajectories.models import Trajectory
from ontschot.cases.trajectories.visibility import trajectory_for
from ontschot.chains.models import Chain
from ontschot.people.models import Candidate
from ontschot.tx import transactional

PURPOSE = "financiering van een interventie"
DEFAULT_FOUR_EYES_ABOVE_CENTS = 100_000
STATE_NAMES = {
    "requested": "aangevraagd, wacht op goedkeuring",
    "approved": "goedgekeurd, bedrag gereserveerd",
    "rejected": "afgewezen",
    "cancelled": "ingetrokken",
    "invoiced": "gefactureerd",
    "reversed": "factuur teruggedraaid",
}


def _log(db: Session, actor: Actor, action: str, request: InterventionRequest, note: str) -> None:
    audit.record(
        db,
        actor=actor,
        action=action,
        object_type="intervention_request",
        object_id=request.id,
        subject_key=f"candidate:{request.candidate_id}",
        purpose=f"{PURPOSE}: {note}",
    )


def _age(birth: date | None, on: date) -> int | None:
    if birth is None:
        return None
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def received_per_fund(db: Session, candidate_id: int) -> dict[int, int]:
    """Per fund: what is reserved or spent for this person now (the max-per-person count)."""
    requests = select(InterventionRequest.id).where(
        InterventionRequest.candidate_id == candidate_id
    )
    rows = db.execute(
        select(LedgerEntry.fund_id, func.sum(LedgerEntry.amount_cents))
        .join(LedgerTransfer, LedgerTransfer.id == LedgerEntry.transfer_id)
        .where(
            LedgerTransfer.request_id.in_(requests),
            LedgerEntry.account.in_(("reserved", "spent")),
        )
        .group_by(LedgerEntry.fund_id)
    ).all()
    return {fund_id: int(total or 0) for fund_id, total in rows}


def facts_for(
    db: Session, trajectory: Trajectory, instrument: Instrument, cost: int, on: date
) -> Facts:
    candidate = db.get(Candidate, trajectory.candidate_id)
    chain = db.get(Chain, trajectory.chain_id)
    assert candidate is not None and chain is not None
    return Facts(
        instrument_kind=instrument.kind,
        cost_cents=cost,
        on=on,
        benefit=candidate.benefit,
        status=candidate.status,
        age=_age(candidate.birth_date, on),
        municipality=candidate.municipality,
        sector=chain.sector,
        chain_id=chain.id,
        received_cents=received_per_fund(db, candidate.id),
    )


def fund_options(db: Session, region_code: str) -> list[FundOption]:
    balances = {b.fund_id: b for b in db.scalars(select(FundBalance))}
    funds = fund_service.funds_in_region(db, region_code)
    rules = fund_service.current_rules(db, funds)
    return [
        FundOption(
            fund_id=f.id,
            name=f.name,
            period_start=f.period_start,
            period_end=f.period_end,
            available_cents=balances[f.id].available_cents if f.id in balances else 0,
            rules=rules.get(f.id, FundRules()),
            rules_version=f.rules_version,
        )
        for f in funds
    ]


def routing_json(routing: Routing) -> str:
    return json.dumps(
        {
            "sources": [asdict(s) for s in routing.sources],
            "verdicts": [asdict(v) for v in routing.verdicts],
        },
        ensure_ascii=False,
    )


def stored_routing(request: InterventionRequest) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(request.routing_json)
    return data


def plan(
    db: Session, *, actor: Actor, data: InterventionRequestCreate
) -> tuple[Trajectory, Instrument, int, Facts, Routing]:
    """Every check of a new request and the router's plan, before anything is written."""
    actor.require("intervention.request")
    trajectory = trajectory_for(db, actor, data.trajectory_id, "trajectory.update")
    if trajectory.state != "open":
        raise errors.Conflict("Dit traject is opgeschort of afgesloten; hervat het eerst.")
    instrument = db.get(Instrument, data.instrument_id)
    today = clock.today()
    if instrument is None:
        raise errors.invalid("instrument_id", "onbekend instrument", "Dit instrument bestaat niet.")
    if not usable_on(instrument, today):
        raise errors.invalid("instrument_id", "dit instrument is vandaag niet geldig")
    cost = data.cost_cents if data.cost_cents is not None else instrument.unit_price_cents
    if cost is None:
        raise errors.invalid("cost_cents", "dit instrument gaat per offerte: vul het bedrag in")
    facts = facts_for(db, trajectory, instrument, cost, today)
    options = fund_options(db, _region_of_trajectory(db, trajectory))
    return trajectory, instrument, cost, facts, route(facts, options)


def _region_of_trajectory(db: Session, trajectory: Trajectory) -> str:
    chain = db.get(Chain, trajectory.chain_id)
    return chain.region_code if chain else ""


def _reserve_all(db: Session, actor: Actor, request: InterventionRequest) -> None:
    facts = json.loads(request.facts_json)
    dims = book.Dimensions(
        request.id, None, request.instrument_id, facts.get("chain_id"), facts.get("municipality")
    )
    sources = db.scalars(
        select(InterventionFunding)
        .where(InterventionFunding.request_id == request.id)
        .order_by(InterventionFunding.position)
    )
    for source in sources:
        fund = db.get(Fund, source.fund_id)
        assert fund is not None
        book.reserve(db, fund, source.amount_cents, dims, actor_user_id=actor.user_id)


def store_with_plan(db: Session, request: InterventionRequest, routing: Routing) -> None:
    """Write a new request and the router's sources for it, in order."""
    db.add(request)
    db.flush()
    db.add_all(
        InterventionFunding(
            request_id=request.id,
            fund_id=s.fund_id,
            position=s.position,
            amount_cents=s.amount_cents,
            rules_version=s.rules_version,
        )
        for s in routing.sources
    )
    db.flush()


@transactional
def request_intervention(
    db: Session,
    *,
    actor: Actor,
    data: InterventionRequestCreate,
    four_eyes_above_cents: int = DEFAULT_FOUR_EYES_ABOVE_CENTS,
) -> InterventionRequest:
    """Route and store a request; below the four-eyes amount it is approved at once."""
    trajectory, instrument, cost, facts, routing = plan(db, actor=actor, data=data)
    if not routing.covered:
        raise errors.Conflict(
            "Geen fonds (of combinatie van fondsen) kan dit betalen; er is niets aangevraagd. "
            + " ".join(v.text + "." for v in routing.verdicts),
            fields={"instrument_id": "geen fonds kan dit betalen"},
        )
    now = clock.now()
    facts_data = {k: v for k, v in asdict(facts).items() if k != "received_cents"}
    facts_data["on"] = facts.on.isoformat()
    request = InterventionRequest(
        trajectory_id=trajectory.id,
        candidate_id=trajectory.candidate_id,
        instrument_id=instrument.id,
        need=data.need.strip(),
        cost_cents=cost,
        quote_reference=(data.quote_reference or "").strip() or None,
        state="requested",
        facts_json=json.dumps(facts_data, ensure_ascii=False),
        routing_json=routing_json(routing),
        organisation_id=trajectory.organisation_id,
        region_code=_region_of_trajectory(db, trajectory),
        requested_by_user_id=actor.user_id,
        requested_at=now,
    )
    store_with_plan(db, request, routing)
    note = "aangevraagd"
    if cost <= four_eyes_above_cents:
        _reserve_all(db, actor, request)
        request.state, request.decided_at = "approved", now
        note = "aangevraagd en, onder de vier-ogengrens, meteen gereserveerd"
        db.flush()
    _log(db, actor, "intervention.request", request, note)
    return request


def request_for(db: Session, actor: Actor, request_id: int, action: str) -> InterventionRequest:
    """The request when the actor may do `action` on it (a coach: on an own trajectory)."""
    scope = actor.require(action)
    request = db.get(InterventionRequest, request_id)
    if request is None:
        raise errors.NotFound("Deze interventie-aanvraag")
    code, _ = fund_service.region_of(db, actor)
    if scope == Scope.REGION:
        if code and request.region_code and request.region_code != code:
            raise errors.NotFound("Deze interventie-aanvraag")
        return request
    try:
        trajectory_for(db, actor, request.trajectory_id, "trajectory.read")
    except errors.NotFound:
        raise errors.NotFound("Deze interventie-aanvraag") from None
    return request


def _move(
    db: Session, request: InterventionRequest, expected: tuple[str, ...], **values: Any
) -> None:
    result = db.execute(
        update(InterventionRequest)
        .where(InterventionRequest.id == request.id, InterventionRequest.state.in_(expected))
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        db.refresh(request)
        raise errors.Conflict(
            f"Deze aanvraag is al {STATE_NAMES.get(request.state, request.state)}; "
            "dat kan niet meer veranderen."
        )
    db.expire(request)


def _not_own(actor: Actor, request: InterventionRequest) -> None:
    if request.requested_by_user_id == actor.user_id:
        raise errors.Forbidden(
            "U kunt niet over uw eigen aanvraag beslissen (vier ogen): een andere "
            "programmamanager beslist."
        )


@transactional
def approve_request(db: Session, *, actor: Actor, request_id: int) -> InterventionRequest:
    """Reserve the plan's amounts; "onvoldoende budget" when a fund no longer has them."""
    request = request_for(db, actor, request_id, "intervention.approve")
    _not_own(actor, request)
    _move(
        db,
        request,
        ("requested",),
        state="approved",
        decided_by_user_id=actor.user_id,
        decided_at=clock.now(),
    )
    _log(db, actor, "intervention.approve", request, "goedgekeurd en gereserveerd")
    # the reservations last: a hot fund's balance row stays locked only until the commit
    _reserve_all(db, actor, request)
    return request


@transactional
def reject_request(
    db: Session, *, actor: Actor, request_id: int, reason: str
) -> InterventionRequest:
    request = request_for(db, actor, request_id, "intervention.approve")
    _not_own(actor, request)
    text = " ".join((reason or "").split())
    if len(text) < 3:
        raise errors.invalid("reason", "geef de reden van de afwijzing")
    _move(
        db,
        request,
        ("requested",),
        state="rejected",
        decided_by_user_id=actor.user_id,
        decided_at=clock.now(),
        reject_reason=text[:2000],
    )
    _log(db, actor, "intervention.reject", request, "afgewezen")
    return request


@transactional
def cancel_request(db: Session, *, actor: Actor, request_id: int) -> InterventionRequest:
    """Withdraw a request; what was reserved for it is released (void)."""
    request = request_for(db, actor, request_id, "intervention.cancel")
    if actor.scope("intervention.cancel") != Scope.REGION:
        trajectory_for(db, actor, request.trajectory_id, "trajectory.update")
    _move(db, request, ("requested", "approved"), state="cancelled")
    for pending in book.open_reservations(db, request.id):
        fund = db.get(Fund, pending.fund_id)
        assert fund is not None
        book.void(db, fund, pending, actor_user_id=actor.user_id)
    _log(db, actor, "intervention.cancel", request, "ingetrokken; reservering vrijgegeven")
    return request


def requests_of_trajectory(db: Session, trajectory_id: int) -> list[InterventionRequest]:
    """For the trajectory page (the page checked the trajectory may be read)."""
    return list(
        db.scalars(
            select(InterventionRequest)
            .where(InterventionRequest.trajectory_id == trajectory_id)
            .order_by(InterventionRequest.id.desc())
        )
    )


@transactional
def approval_queue(db: Session, *, actor: Actor) -> list[InterventionRequest]:
    """Requests waiting for a decision in the actor's region (logged: they name needs)."""
    actor.require("intervention.approve")
    code, _ = fund_service.region_of(db, actor)
    query = select(InterventionRequest).where(InterventionRequest.state == "requested")
    if code:
        query = query.where(InterventionRequest.region_code == code)
    rows = list(db.scalars(query.order_by(InterventionRequest.requested_at)))
    audit.record(
        db,
        actor=actor,
        action="intervention.queue.read",
        object_type="intervention_request",
        object_id=None,
        subject_key=None,
        purpose=f"{PURPOSE}: {len(rows)} aanvragen ter beoordeling",
    )
    return rows
