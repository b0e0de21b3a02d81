"""Form fields of the budget pages, parsed into the API's shapes. Amounts are Dutch money
text (`money.parse`: "2.800,50"); a money error stands beside its field."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from starlette.datastructures import FormData

from ontschot import errors, money
from ontschot.budget.rules.vocabulary import FundRules
from ontschot.budget.schemas import FundCreate, FundUpdate, InstrumentCreate
from ontschot.messages import dutch_message
from ontschot.people.forms import iso_date, many, text

RULE_LISTS = ("instruments", "benefits", "statuses")
RULE_TEXTS = ("age_min", "age_max", "municipalities", "sectors", "co_financing_percent")
RULE_MONEY = ("max_per_person", "max_per_intervention")
RULE_DATES = ("valid_from", "valid_until")
FUND_FIELDS = ("financier_id", "name", "period_start", "period_end", "amount", "source")


FORM_NAMES = {
    "max_per_person_cents": "max_per_person",
    "max_per_intervention_cents": "max_per_intervention",
    "amount_cents": "amount",
    "unit_price_cents": "unit_price",
    "cost_cents": "cost",
}


def field_errors(exc: ValidationError, prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for err in exc.errors():
        loc = [str(p) for p in err["loc"] if not isinstance(p, int)]
        if loc and loc[0] == "rules":
            loc = loc[1:]
        top = loc[0] if loc else "algemeen"
        name = "".join("_" + c.lower() if c.isupper() else c for c in top)
        name = FORM_NAMES.get(name, name)
        out.setdefault(prefix + name, dutch_message(err["msg"]))
    return out


def domain_messages(exc: errors.DomainError) -> dict[str, str]:
    out = {}
    for name, reason in exc.fields.items():
        short = name.removeprefix("rules.")
        out[FORM_NAMES.get(short, short)] = reason
    return out or {"algemeen": exc.detail}


def values(form: FormData) -> dict[str, Any]:
    v: dict[str, Any] = {n: text(form, n) for n in (*FUND_FIELDS, *RULE_TEXTS, *RULE_MONEY)}
    v.update({n: text(form, n) for n in RULE_DATES})
    v.update({n: many(form, n) for n in RULE_LISTS})
    return v


def _cents(v: dict[str, Any], name: str, problems: dict[str, str]) -> int | None:
    if not v.get(name):
        return None
    try:
        return money.parse(v[name])
    except money.MoneyError as exc:
        problems[name] = str(exc)
        return None


def _words(raw: str) -> list[str] | None:
    parts = [p.strip() for p in raw.replace(";", ",").split(",") if p.strip()]
    return parts or None


def rules_of(v: dict[str, Any], problems: dict[str, str]) -> FundRules | None:
    body: dict[str, Any] = {
        "instruments": v["instruments"] or None,
        "benefits": v["benefits"] or None,
        "statuses": v["statuses"] or None,
        "ageMin": v["age_min"] or None,
        "ageMax": v["age_max"] or None,
        "municipalities": _words(v["municipalities"]),
        "sectors": _words(v["sectors"]),
        "maxPerPersonCents": _cents(v, "max_per_person", problems),
        "maxPerInterventionCents": _cents(v, "max_per_intervention", problems),
        "coFinancingPercent": v["co_financing_percent"] or 100,
        "validFrom": iso_date(v["valid_from"]) or None,
        "validUntil": iso_date(v["valid_until"]) or None,
    }
    try:
        return FundRules.model_validate(body)
    except ValidationError as exc:
        problems.update(field_errors(exc))
        return None


def fund_body(v: dict[str, Any], *, new: bool) -> FundCreate | FundUpdate:
    """The form as FundCreate (new) or FundUpdate; `errors.Invalid` naming each field."""
    problems: dict[str, str] = {}
    rules = rules_of(v, problems)
    amount = _cents(v, "amount", problems)
    if amount is None and "amount" not in problems:
        problems["amount"] = "vul het bedrag van het fonds in, bijvoorbeeld 50.000"
    body: dict[str, Any] = {
        "name": v["name"],
        "periodStart": iso_date(v["period_start"]) or None,
        "periodEnd": iso_date(v["period_end"]) or None,
        "amountCents": amount if amount is not None else 1,
        "rules": rules if rules is not None else FundRules(),
        "source": v["source"] or None,
    }
    if new:
        body["financierId"] = v["financier_id"] or None
    try:
        data: FundCreate | FundUpdate = (
            FundCreate.model_validate(body) if new else FundUpdate.model_validate(body)
        )
    except ValidationError as exc:
        problems = field_errors(exc) | problems
    if problems:
        raise errors.Invalid("Controleer het fonds en zijn regels.", fields=problems)
    return data


INSTRUMENT_FIELDS = (
    "kind",
    "name",
    "provider",
    "unit_price",
    "duration_weeks",
    "valid_from",
    "valid_until",
)


def instrument_body(v: dict[str, str]) -> InstrumentCreate:
    problems: dict[str, str] = {}
    price = _cents(v, "unit_price", problems)
    try:
        data = InstrumentCreate.model_validate(
            {
                "kind": v["kind"] or None,
                "name": v["name"],
                "provider": v["provider"],
                "unitPriceCents": price,
                "durationWeeks": v["duration_weeks"] or None,
                "validFrom": iso_date(v["valid_from"]) or None,
                "validUntil": iso_date(v["valid_until"]) or None,
            }
        )
    except ValidationError as exc:
        problems = field_errors(exc) | problems
    if problems:
        raise errors.Invalid("Controleer het instrument.", fields=problems)
    return data
