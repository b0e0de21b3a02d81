"""A small budget world: a region with a UWV training fund (WW only) and a regional pooled
fund (anyone), a training instrument, a coach with a trajectory for a candidate without
benefit, and two programme managers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ontschot.access.models import AppUser, Organisation
from ontschot.access.roles import Role
from ontschot.budget import funds, instruments
from ontschot.budget.models import Financier, Fund, Instrument
from ontschot.budget.rules.vocabulary import FundRules
from ontschot.budget.schemas import FinancierCreate, FundCreate, InstrumentCreate
from ontschot.cases.trajectories.models import Trajectory
from ontschot.db import Base
from tests.cases.helpers import make_trajectory
from tests.factories import actor_of, make_candidate, make_organisation, make_user

START, END = date(2026, 1, 1), date(2027, 12, 31)
UWV_FUND = "UWV-scholingsbudget"
POOLED_FUND = "Regionaal ontschot budget"


@dataclass
class BudgetWorld:
    organisation: Organisation
    coach: AppUser
    manager: AppUser
    other_manager: AppUser
    trajectory: Trajectory
    instrument: Instrument
    uwv_fund: Fund
    pooled_fund: Fund


def add_fund(
    db: Session,
    manager: AppUser,
    financier: Financier,
    name: str,
    cents: int,
    rules: dict[str, Any] | None = None,
) -> Fund:
    data = FundCreate(
        financier_id=financier.id,
        name=name,
        period_start=START,
        period_end=END,
        amount_cents=cents,
        rules=FundRules.model_validate(rules or {}),
    )
    return funds.create_fund(db, actor=actor_of(manager), data=data)


def financier(db: Session, manager: AppUser, name: str, kind: str) -> Financier:
    return funds.create_financier(
        db, actor=actor_of(manager), data=FinancierCreate(name=name, kind=kind)
    )


def training(db: Session, manager: AppUser, price: int | None = 280_000) -> Instrument:
    data = InstrumentCreate(
        kind="training",
        name="Heftruckcertificaat",
        provider="Opleider Oost",
        unit_price_cents=price,
    )
    return instruments.create_instrument(db, actor=actor_of(manager), data=data)


def budget_world(
    db: Session,
    *,
    organisation: Organisation | None = None,
    pooled_cents: int = 5_000_000,
    benefit: str = "none",
    coach: AppUser | None = None,
    manager: AppUser | None = None,
) -> BudgetWorld:
    org = organisation or make_organisation(db)
    coach = coach or make_user(db, Role.COACH, organisation=org, password=None)
    manager = manager or make_user(db, Role.PROGRAMME_MANAGER, organisation=org, password=None)
    other = make_user(db, Role.PROGRAMME_MANAGER, organisation=org, password=None)
    candidate = make_candidate(db, coach, benefit=benefit)
    trajectory = make_trajectory(db, coach, candidate=candidate)
    uwv = financier(db, manager, f"UWV {org.id}", "uwv")
    region = financier(db, manager, f"Regio {org.id}", "national")
    uwv_fund = add_fund(
        db, manager, uwv, UWV_FUND, 10_000_000, {"benefits": ["ww"], "instruments": ["training"]}
    )
    pooled = add_fund(db, manager, region, POOLED_FUND, pooled_cents)
    return BudgetWorld(
        org, coach, manager, other, trajectory, training(db, manager), uwv_fund, pooled
    )


# a refused API call still logs the refusal (result "denied") and a login its session
NOT_DATA = {"audit_entry", "user_session", "api_token"}


def row_counts(db: Session) -> dict[str, int]:
    """Rows per table, outside the processing log and the login sessions."""
    return {
        t.name: db.scalar(select(func.count()).select_from(t)) or 0
        for t in Base.metadata.sorted_tables
        if t.name not in NOT_DATA
    }
