"""Accountability to one financier (issue 15, item 7): what its money paid for and what came
of it.

One `Document`: the financier's funds with their balances; what its money reserved and
spent per fund, instrument, chain, municipality and month, with the number of requests and
of people; a chart of the spending per instrument; and the results of the trajectories it
paid for as the monitor computes them (placements, durable placements, retention, cost).
The page, CSV, XLSX and PDF are written from this one document (the files by the monitor's
`export_report`), so the four show the same figures; every amount is a sum of ledger
entries, to the cent. `ontschot monitor export --financier ID` writes it as the financier
sees it, with small numbers suppressed.

Outside the programme management, a row about fewer than 10 people is suppressed — its
people, requests and amounts — and a second row with it when only one would be hidden, so
that the total (which stays: it is the financier's own money) does not give it away.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, distinct, func, select
from sqlalchemy.orm import Session

from ontschot import clock, errors
from ontschot.access.actor import Actor
from ontschot.budget.ledger.models import LedgerEntry, LedgerTransfer
from ontschot.budget.models import Financier, Fund, FundBalance, Instrument, InterventionRequest
from ontschot.budget.rules.vocabulary import KIND_NAMES
from ontschot.chains.models import Chain
from ontschot.config import Settings
from ontschot.money import format_cents
from ontschot.monitor import service as monitor
from ontschot.monitor.privacy import suppress_group
from ontschot.monitor.selection import MonitorFilter
from ontschot.monitor.tables import MASKED_TEXT
from ontschot.reports import charts
from ontschot.reports.model import Cell, Chart, Document, Table

MONEY_NOTE = (
    "Gereserveerd: toegekend en nog niet gefactureerd. Besteed: gefactureerd, na "
    "terugboekingen. Alle bedragen zijn sommen van boekingen in het grootboek."
)


@dataclass(frozen=True)
class Paid:
    """One group of what the money paid for."""

    name: str
    requests: int
    people: int
    reserved_cents: int
    spent_cents: int


@dataclass(frozen=True)
class Accountability:
    financier: Financier
    document: Document
    masked: bool
    total_spent_cents: int
    total_reserved_cents: int


def financiers(db: Session, *, actor: Actor) -> list[Financier]:
    """The financiers of the actor's region, for the choice on the page."""
    actor.require("monitor.read")
    query = select(Financier).order_by(Financier.name)
    if actor.region_code:
        query = query.where(Financier.region_code == actor.region_code)
    return list(db.scalars(query))


def _financier(db: Session, actor: Actor, financier_id: int) -> Financier:
    found = db.get(Financier, financier_id)
    if found is None or (actor.region_code and found.region_code != actor.region_code):
        raise errors.NotFound("Deze financier")
    return found


def _groups(db: Session, financier_id: int, by: str) -> list[Paid]:
    reserved = func.sum(
        case((LedgerEntry.account == "reserved", LedgerEntry.amount_cents), else_=0)
    )
    spent = func.sum(case((LedgerEntry.account == "spent", LedgerEntry.amount_cents), else_=0))
    column: Any = {
        "fund": Fund.name,
        "instrument": Instrument.kind,
        "chain": Chain.name,
        "municipality": LedgerTransfer.municipality,
        "period": LedgerTransfer.period,
    }[by]
    query = (
        select(
            column,
            func.count(distinct(LedgerTransfer.request_id)),
            func.count(distinct(InterventionRequest.candidate_id)),
            reserved,
            spent,
        )
        .select_from(LedgerEntry)
        .join(LedgerTransfer, LedgerTransfer.id == LedgerEntry.transfer_id)
        .join(InterventionRequest, InterventionRequest.id == LedgerTransfer.request_id)
        .join(Fund, Fund.id == LedgerTransfer.fund_id)
        .outerjoin(Instrument, Instrument.id == LedgerTransfer.instrument_id)
        .outerjoin(Chain, Chain.id == LedgerTransfer.chain_id)
        .where(LedgerTransfer.financier_id == financier_id)
        .group_by(column)
        .order_by(column)
    )
    out = []
    for key, requests, people, held, paid in db.execute(query):
        name = KIND_NAMES.get(key, key) if by == "instrument" else key
        if by == "period" and key:
            name = f"{key[5:7]}-{key[:4]}"
        out.append(Paid(str(name or "onbekend"), requests, people, int(held or 0), int(paid or 0)))
    return out


def _people(db: Session, financier_id: int) -> tuple[int, int]:
    """Requests and distinct people the financier's money reserved or spent for."""
    row = db.execute(
        select(
            func.count(distinct(LedgerTransfer.request_id)),
            func.count(distinct(InterventionRequest.candidate_id)),
        )
        .join(InterventionRequest, InterventionRequest.id == LedgerTransfer.request_id)
        .where(LedgerTransfer.financier_id == financier_id)
    ).one()
    return int(row[0]), int(row[1])


def _group_table(
    key: str, title: str, head: str, groups: list[Paid], totals: tuple[int, int], masked: bool
) -> Table:
    hidden: set[str] = set()
    if masked:
        cells, _ = suppress_group({g.name: g.people for g in groups})
        hidden = {name for name, value in cells.items() if not isinstance(value, int)}
    rows: list[tuple[Cell, ...]] = []
    for g in groups:
        if g.name in hidden:
            rows.append((g.name, MASKED_TEXT, MASKED_TEXT, MASKED_TEXT, MASKED_TEXT))
        else:
            rows.append(
                (
                    g.name,
                    g.requests,
                    g.people,
                    format_cents(g.reserved_cents),
                    format_cents(g.spent_cents),
                )
            )
    requests, people = totals
    rows.append(
        (
            "Totaal",
            requests,
            MASKED_TEXT if masked and 0 < people < 10 else people,
            format_cents(sum(g.reserved_cents for g in groups)),
            format_cents(sum(g.spent_cents for g in groups)),
        )
    )
    columns = (head, "Aanvragen", "Personen", "Gereserveerd", "Besteed")
    note = MONEY_NOTE + " Een persoon met aanvragen in meer groepen telt in elke groep."
    return Table(key, title, columns, tuple(rows), note)


def _funds_table(db: Session, financier_id: int) -> Table:
    rows: list[tuple[Cell, ...]] = []
    for fund, balance in db.execute(
        select(Fund, FundBalance)
        .join(FundBalance, FundBalance.fund_id == Fund.id)
        .where(Fund.financier_id == financier_id)
        .order_by(Fund.period_start, Fund.name)
    ).tuples():
        rows.append(
            (
                fund.name,
                f"{fund.period_start:%d-%m-%Y} t/m {fund.period_end:%d-%m-%Y}",
                format_cents(fund.amount_cents),
                format_cents(balance.available_cents),
                format_cents(balance.reserved_cents),
                format_cents(balance.spent_cents),
            )
        )
    columns = ("Fonds", "Looptijd", "Ingelegd", "Beschikbaar", "Gereserveerd", "Besteed")
    return Table("funds", "Fondsen en saldi", columns, tuple(rows), MONEY_NOTE)


def _instrument_chart(table: Table) -> Chart:
    shown = [
        (str(r[0]), r[4]) for r in table.rows[:-1] if isinstance(r[4], str) and r[4] != MASKED_TEXT
    ]
    names = [name for name, _ in shown]
    euros = [_euros(text) for _, text in shown]
    alt = "Besteed per instrument: " + (
        "; ".join(f"{n} {t}" for n, t in shown) if shown else "nog niets besteed"
    )
    drawing = charts.bars("Besteed per instrument", alt, names, euros, " euro")
    return Chart("spent_by_instrument", "Besteed per instrument", drawing, alt, table)


def _euros(text: str) -> float:
    digits = text.replace("€", "").replace(".", "").replace(",", ".").strip()
    return round(float(digits), 2)


def build(
    db: Session, *, actor: Actor, financier_id: int, settings: Settings, outside: bool = False
) -> Accountability:
    """The report as the actor may see it; `outside`: as the financier sees it (masked)."""
    actor.require("monitor.read")
    financier = _financier(db, actor, financier_id)
    masked = monitor.is_masked(actor, board=outside)
    totals = _people(db, financier.id)
    tables = [_funds_table(db, financier.id)]
    by_instrument = _group_table(
        "by_instrument",
        "Waar het geld voor betaalde: per instrument",
        "Instrument",
        _groups(db, financier.id, "instrument"),
        totals,
        masked,
    )
    for key, title, head in (
        ("fund", "per fonds", "Fonds"),
        ("chain", "per keten", "Keten"),
        ("municipality", "per gemeente", "Gemeente"),
        ("period", "per maand van boeking", "Maand"),
    ):
        tables.append(
            _group_table(
                f"by_{key}",
                f"Waar het geld voor betaalde: {title}",
                head,
                _groups(db, financier.id, key),
                totals,
                masked,
            )
        )
    results = monitor.build_view(
        db,
        actor=actor,
        flt=MonitorFilter(financier_id=financier.id),
        settings=settings,
        board=masked,
    )
    indicator_table = results.document.tables[0]
    tables.append(
        Table(
            "results",
            f"Resultaten van de trajecten die {financier.name} (mede) betaalde",
            indicator_table.columns,
            indicator_table.rows,
            "Zoals de resultatenmonitor ze telt, voor de trajecten met een boeking uit een "
            "fonds van deze financier.",
        )
    )
    # a curve only when the money paid for someone who was placed (no empty axes)
    placed = bool(results.result.placements)
    retention = [c for c in results.document.charts if c.key == "retention" and placed]
    requests, people = totals
    shown_people = MASKED_TEXT if masked and 0 < people < 10 else str(people)
    subtitle = (
        f"Peildatum {clock.today():%d-%m-%Y}; aanvragen: {requests}; personen: {shown_people}"
        + ("; aantallen onder 10 personen afgeschermd" if masked else "")
    )
    document = Document(
        f"Verantwoording aan {financier.name}",
        subtitle,
        tuple(tables),
        (_instrument_chart(by_instrument), *retention),
    )
    return Accountability(
        financier,
        document,
        masked,
        _sum(db, financier.id, "spent"),
        _sum(db, financier.id, "reserved"),
    )


def _sum(db: Session, financier_id: int, account: str) -> int:
    return int(
        db.scalar(
            select(func.coalesce(func.sum(LedgerEntry.amount_cents), 0))
            .join(LedgerTransfer, LedgerTransfer.id == LedgerEntry.transfer_id)
            .where(LedgerTransfer.financier_id == financier_id, LedgerEntry.account == account)
        )
        or 0
    )
