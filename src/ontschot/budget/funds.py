"""Financiers and funds: created and changed by a programme manager of the region.

A fund's rules are versioned: a change writes a new `FundRuleVersion` and leaves the old
ones, so a request can always say under which rules it was routed. Money a financier puts
in is a `deposit` in the ledger; lowering the amount is a `withdrawal`, refused (like any
booking) when it would take more than is available.
"""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot import clock, errors
from ontschot.access.actor import Actor
from ontschot.access.models import Organisation
from ontschot.audit import service as audit
from ontschot.budget.ledger import book
from ontschot.budget.models import Financier, Fund, FundBalance, FundRuleVersion
from ontschot.budget.rules.vocabulary import FundRules, rule_problems
from ontschot.budget.schemas import FinancierCreate, FundCreate, FundUpdate
from ontschot.chains.models import Chain
from ontschot.tx import transactional

PURPOSE = "beheer van het gebundelde budget"


def region_of(db: Session, actor: Actor) -> tuple[str, str]:
    """The actor's region (code, name); the command line acts for every region."""
    org = db.get(Organisation, actor.organisation_id) if actor.organisation_id else None
    if org is None:
        return actor.region_code or "", ""
    return org.region_code, org.region_name


def _log(db: Session, actor: Actor, action: str, kind: str, object_id: int, purpose: str) -> None:
    audit.record(
        db,
        actor=actor,
        action=action,
        object_type=kind,
        object_id=object_id,
        subject_key=None,
        purpose=purpose,
    )


@transactional
def create_financier(db: Session, *, actor: Actor, data: FinancierCreate) -> Financier:
    actor.require("fund.manage")
    code, _ = region_of(db, actor)
    name = " ".join(data.name.split())
    if db.scalar(select(Financier.id).where(Financier.region_code == code, Financier.name == name)):
        raise errors.Conflict(
            f"Financier '{name}' bestaat al in deze regio.", fields={"name": "bestaat al"}
        )
    financier = Financier(name=name, kind=data.kind.value, region_code=code, created_at=clock.now())
    db.add(financier)
    db.flush()
    _log(db, actor, "financier.create", "financier", financier.id, PURPOSE)
    return financier


def rules_of(db: Session, fund: Fund) -> FundRules:
    raw = db.scalar(
        select(FundRuleVersion.rules_json).where(
            FundRuleVersion.fund_id == fund.id, FundRuleVersion.version == fund.rules_version
        )
    )
    return FundRules.model_validate_json(raw or "{}")


def current_rules(db: Session, funds: list[Fund]) -> dict[int, FundRules]:
    """Every fund's current rules in one query (the router reads all funds per request)."""
    if not funds:
        return {}
    versions = {f.id: f.rules_version for f in funds}
    rows = db.execute(
        select(FundRuleVersion.fund_id, FundRuleVersion.version, FundRuleVersion.rules_json).where(
            FundRuleVersion.fund_id.in_(versions)
        )
    )
    return {
        fund_id: FundRules.model_validate_json(raw or "{}")
        for fund_id, version, raw in rows
        if versions[fund_id] == version
    }


def _check(
    db: Session, rules: FundRules, region_name: str, start: date, end: date
) -> dict[str, str]:
    problems: dict[str, str] = {}
    if end < start:
        problems["period_end"] = "het einde van de looptijd ligt vóór het begin"
    chain_ids = None
    if rules.chain_ids:
        chain_ids = set(db.scalars(select(Chain.id).where(Chain.id.in_(rules.chain_ids))))
    for name, reason in rule_problems(
        rules,
        region_name=region_name,
        period_start=start,
        period_end=end,
        known_chain_ids=chain_ids,
    ).items():
        problems[f"rules.{name}"] = reason
    return problems


def _refuse(problems: dict[str, str]) -> None:
    if problems:
        raise errors.Invalid(
            "De regels van dit fonds kunnen zo nooit gelden: " + "; ".join(problems.values()) + ".",
            fields=problems,
        )


def _rules_json(rules: FundRules) -> str:
    return json.dumps(rules.model_dump(mode="json", exclude_none=True), sort_keys=True)


def readable_fund(db: Session, actor: Actor, fund_id: int, action: str = "budget.read") -> Fund:
    actor.require(action)
    fund = db.get(Fund, fund_id)
    code, _ = region_of(db, actor)
    if fund is None or (code and fund.region_code != code):
        raise errors.NotFound("Dit fonds")
    return fund


@transactional
def create_fund(db: Session, *, actor: Actor, data: FundCreate) -> Fund:
    actor.require("fund.manage")
    code, region_name = region_of(db, actor)
    financier = db.get(Financier, data.financier_id)
    problems = _check(db, data.rules, region_name, data.period_start, data.period_end)
    if financier is None or (code and financier.region_code != code):
        problems["financier_id"] = "onbekende financier"
    _refuse(problems)
    assert financier is not None
    now = clock.now()
    fund = Fund(
        financier_id=financier.id,
        name=" ".join(data.name.split()),
        region_code=financier.region_code,
        region_name=region_name,
        period_start=data.period_start,
        period_end=data.period_end,
        amount_cents=data.amount_cents,
        rules_version=1,
        source=data.source,
        created_at=now,
        updated_at=now,
    )
    db.add(fund)
    db.flush()
    db.add(FundBalance(fund_id=fund.id, available_cents=0, reserved_cents=0, spent_cents=0))
    db.add(
        FundRuleVersion(
            fund_id=fund.id,
            version=1,
            rules_json=_rules_json(data.rules),
            created_at=now,
            created_by_user_id=actor.user_id,
        )
    )
    db.flush()
    book.deposit(db, fund, data.amount_cents, actor_user_id=actor.user_id)
    _log(db, actor, "fund.create", "fund", fund.id, f"{PURPOSE}: regels versie 1")
    return fund


@transactional
def update_fund(db: Session, *, actor: Actor, fund_id: int, data: FundUpdate) -> Fund:
    """Change name, period, amount (a top-up or a withdrawal) and rules (a new version)."""
    fund = readable_fund(db, actor, fund_id, "fund.manage")
    _refuse(_check(db, data.rules, fund.region_name, data.period_start, data.period_end))
    delta = data.amount_cents - fund.amount_cents
    if delta > 0:
        book.deposit(db, fund, delta, actor_user_id=actor.user_id)
    elif delta < 0:
        try:
            book.withdraw(db, fund, -delta, actor_user_id=actor.user_id)
        except book.InsufficientBudget:
            raise errors.Conflict(
                "onvoldoende budget: er is minder beschikbaar dan u wilt verlagen (gereserveerd "
                "en besteed geld blijft staan).",
                fields={"amount_cents": "lager dan wat al gereserveerd of besteed is"},
            ) from None
    new_rules = _rules_json(data.rules)
    changed = new_rules != _rules_json(rules_of(db, fund))
    if changed:
        fund.rules_version += 1
        db.add(
            FundRuleVersion(
                fund_id=fund.id,
                version=fund.rules_version,
                rules_json=new_rules,
                created_at=clock.now(),
                created_by_user_id=actor.user_id,
            )
        )
    fund.name = " ".join(data.name.split())
    fund.period_start, fund.period_end = data.period_start, data.period_end
    fund.amount_cents = data.amount_cents
    fund.source = data.source
    fund.updated_at = clock.now()
    db.flush()
    what = f"regels versie {fund.rules_version}" if changed else "regels ongewijzigd"
    _log(db, actor, "fund.update", "fund", fund.id, f"{PURPOSE}: {what}")
    return fund


def funds_in_region(db: Session, region_code: str) -> list[Fund]:
    query = select(Fund).order_by(Fund.name, Fund.id)
    if region_code:
        query = query.where(Fund.region_code == region_code)
    return list(db.scalars(query))


def financiers_in_region(db: Session, actor: Actor) -> list[Financier]:
    actor.require("budget.read")
    code, _ = region_of(db, actor)
    query = select(Financier).order_by(Financier.name)
    if code:
        query = query.where(Financier.region_code == code)
    return list(db.scalars(query))
