"""Dutch pages of the pooled budget for the programme manager: financiers and funds with
their balances, one fund with its reservations and entries, creating and changing a fund
and its rules, and the instruments catalogue."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from ontschot import clock, errors
from ontschot.access.actor import Actor, NavItem, register_navigation
from ontschot.access.deps import requires
from ontschot.access.roles import Role
from ontschot.budget import forms, funds, instruments, reads
from ontschot.budget.ledger import book
from ontschot.budget.models import Fund
from ontschot.budget.rules.vocabulary import BENEFIT_NAMES, KIND_NAMES, STATUS_NAMES, describe
from ontschot.budget.schemas import FinancierCreate, FinancierKind, FundCreate, FundUpdate
from ontschot.deps import DbSession, SubmittedForm
from ontschot.money import format_cents
from ontschot.people.forms import text
from ontschot.web.problems import page_raises
from ontschot.web.templating import render

router = APIRouter(include_in_schema=False)
for _role in (Role.PROGRAMME_MANAGER, Role.SYSTEM_ADMIN, Role.COACH, Role.ANALYST):
    register_navigation(_role, NavItem("/budget", "Budget"))
for _role in (Role.PROGRAMME_MANAGER, Role.SYSTEM_ADMIN):
    register_navigation(_role, NavItem("/budget/aanvragen", "Aanvragen beoordelen"))
Reader = Annotated[Actor, Depends(requires("budget.read"))]
Manager = Annotated[Actor, Depends(requires("fund.manage"))]
InstrumentManager = Annotated[Actor, Depends(requires("instrument.manage"))]
FINANCIER_KINDS = {
    "uwv": "UWV",
    "gemeente": "Gemeente",
    "national": "Landelijk programma",
    "sector_fund": "Sector- of O&O-fonds",
    "employers": "Werkgeversorganisatie",
    "other": "Anders",
}
CHOICES = {
    "kind_names": KIND_NAMES,
    "benefit_names": BENEFIT_NAMES,
    "status_names": STATUS_NAMES,
    "financier_kinds": FINANCIER_KINDS,
    "euro": format_cents,
}


@router.get("/budget", response_class=HTMLResponse)
def overview(
    request: Request,
    db: DbSession,
    actor: Reader,
    errs: dict[str, str] | None = None,
    v: dict[str, str] | None = None,
) -> HTMLResponse:
    shown = reads.list_funds(db, actor=actor)
    return render(
        request,
        "budget/overview.html",
        {
            **CHOICES,
            "funds": shown,
            "financiers": funds.financiers_in_region(db, actor),
            "can_manage": actor.can("fund.manage"),
            "errors": errs or {},
            "v": v or {},
            "totals": {
                "available": sum(f.available_cents for f in shown),
                "reserved": sum(f.reserved_cents for f in shown),
                "spent": sum(f.spent_cents for f in shown),
            },
        },
        status=400 if errs else 200,
    )


@router.post("/budget/financiers", response_class=HTMLResponse)
def add_financier(request: Request, form: SubmittedForm, db: DbSession, actor: Manager) -> Response:
    v = {"name": text(form, "name"), "kind": text(form, "kind")}
    if v["kind"] not in {k.value for k in FinancierKind}:
        return overview(request, db, actor, {"kind": "kies de soort financier"}, v)
    if len(v["name"]) < 2:
        return overview(request, db, actor, {"name": "vul de naam van de financier in"}, v)
    try:
        funds.create_financier(
            db, actor=actor, data=FinancierCreate(name=v["name"], kind=FinancierKind(v["kind"]))
        )
    except errors.DomainError as exc:
        if page_raises(exc):
            raise
        return overview(request, db, actor, forms.domain_messages(exc), v)
    return RedirectResponse("/budget?melding=financier", status_code=303)


def _fund_form(
    request: Request,
    db: Session,
    actor: Actor,
    *,
    v: dict[str, Any],
    errs: dict[str, str] | None = None,
    fund: Fund | None = None,
    extra: dict[str, Any] | None = None,
) -> HTMLResponse:
    template = "budget/fund.html" if fund is not None else "budget/fund_new.html"
    return render(
        request,
        template,
        {
            **CHOICES,
            "v": v,
            "errors": errs or {},
            "financier_choices": [
                (str(f.id), f.name) for f in funds.financiers_in_region(db, actor)
            ],
            **(extra or {}),
        },
        status=400 if errs else 200,
    )


def _current(db: Session, fund: Fund) -> dict[str, Any]:
    rules = funds.rules_of(db, fund)
    cents = {
        "max_per_person": rules.max_per_person_cents,
        "max_per_intervention": rules.max_per_intervention_cents,
    }
    return {
        "financier_id": str(fund.financier_id),
        "name": fund.name,
        "period_start": fund.period_start.isoformat(),
        "period_end": fund.period_end.isoformat(),
        "amount": format_cents(fund.amount_cents, symbol=False),
        "source": fund.source or "",
        "instruments": list(rules.instruments or []),
        "benefits": list(rules.benefits or []),
        "statuses": list(rules.statuses or []),
        "age_min": "" if rules.age_min is None else str(rules.age_min),
        "age_max": "" if rules.age_max is None else str(rules.age_max),
        "municipalities": ", ".join(rules.municipalities or []),
        "sectors": ", ".join(rules.sectors or []),
        "co_financing_percent": str(rules.co_financing_percent),
        "valid_from": rules.valid_from.isoformat() if rules.valid_from else "",
        "valid_until": rules.valid_until.isoformat() if rules.valid_until else "",
        **{k: format_cents(c, symbol=False) if c else "" for k, c in cents.items()},
    }


@router.get("/budget/fondsen/nieuw", response_class=HTMLResponse)
def new_fund(request: Request, db: DbSession, actor: Manager) -> HTMLResponse:
    year = clock.today().year
    v = {"period_start": f"{year}-01-01", "period_end": f"{year}-12-31"}
    v.update({n: [] for n in forms.RULE_LISTS})  # type: ignore[misc]
    return _fund_form(request, db, actor, v=v)


@router.post("/budget/fondsen/nieuw", response_class=HTMLResponse)
def create_fund(request: Request, form: SubmittedForm, db: DbSession, actor: Manager) -> Response:
    v = forms.values(form)
    try:
        data = forms.fund_body(v, new=True)
        assert isinstance(data, FundCreate)
        fund = funds.create_fund(db, actor=actor, data=data)
    except errors.DomainError as exc:
        if page_raises(exc):
            raise
        return _fund_form(request, db, actor, v=v, errs=forms.domain_messages(exc))
    return RedirectResponse(f"/budget/fondsen/{fund.id}?melding=aangemaakt", status_code=303)


def _fund_page(
    request: Request,
    db: Session,
    actor: Actor,
    fund_id: int,
    v: dict[str, Any] | None = None,
    errs: dict[str, str] | None = None,
) -> HTMLResponse:
    fund = funds.readable_fund(db, actor, fund_id)
    shown = reads.fund_read(db, fund)
    pending = [t for t in book.open_reservations_of_fund(db, fund.id)]
    extra = {
        "fund": shown,
        "rules_text": describe(shown.rules),
        "reservations": pending,
        "entries": reads.fund_entries(db, actor=actor, fund_id=fund.id),
        "can_manage": actor.can("fund.manage"),
        "message": request.query_params.get("melding", ""),
    }
    return _fund_form(
        request, db, actor, v=v or _current(db, fund), errs=errs, fund=fund, extra=extra
    )


@router.get("/budget/fondsen/{fund_id}", response_class=HTMLResponse)
def fund_page(request: Request, fund_id: int, db: DbSession, actor: Reader) -> HTMLResponse:
    return _fund_page(request, db, actor, fund_id)


@router.post("/budget/fondsen/{fund_id}", response_class=HTMLResponse)
def update_fund(
    request: Request, fund_id: int, form: SubmittedForm, db: DbSession, actor: Manager
) -> Response:
    v = forms.values(form)
    try:
        data = forms.fund_body(v, new=False)
        assert isinstance(data, FundUpdate)
        funds.update_fund(db, actor=actor, fund_id=fund_id, data=data)
    except errors.DomainError as exc:
        if page_raises(exc) or isinstance(exc, errors.NotFound):
            raise
        return _fund_page(request, db, actor, fund_id, v, forms.domain_messages(exc))
    return RedirectResponse(f"/budget/fondsen/{fund_id}?melding=opgeslagen", status_code=303)


def _catalogue(
    request: Request,
    db: Session,
    actor: Actor,
    v: dict[str, str] | None = None,
    errs: dict[str, str] | None = None,
) -> HTMLResponse:
    return render(
        request,
        "budget/instruments.html",
        {
            **CHOICES,
            "instruments": instruments.catalogue(db, actor=actor),
            "can_manage": actor.can("instrument.manage"),
            "v": v or {},
            "errors": errs or {},
            "message": request.query_params.get("melding", ""),
        },
        status=400 if errs else 200,
    )


@router.get("/budget/instrumenten", response_class=HTMLResponse)
def catalogue_page(request: Request, db: DbSession, actor: Reader) -> HTMLResponse:
    return _catalogue(request, db, actor)


@router.post("/budget/instrumenten", response_class=HTMLResponse)
def add_instrument(
    request: Request, form: SubmittedForm, db: DbSession, actor: InstrumentManager
) -> Response:
    v = {n: text(form, n) for n in forms.INSTRUMENT_FIELDS}
    try:
        instruments.create_instrument(db, actor=actor, data=forms.instrument_body(v))
    except errors.DomainError as exc:
        if page_raises(exc):
            raise
        return _catalogue(request, db, actor, v, forms.domain_messages(exc))
    return RedirectResponse("/budget/instrumenten?melding=toegevoegd", status_code=303)
