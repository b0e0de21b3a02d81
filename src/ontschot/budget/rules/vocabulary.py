"""The vocabulary of funding rules: a small typed set of conditions a fund puts on its money.

A rule set is data (stored as JSON per version, `FundRuleVersion`), edited in the pages and
the API. `None` for a condition means "no condition"; a list means "only these". Pydantic
checks each field's type and range; `rule_problems` then refuses a set that could never
match or contradicts itself (an empty list, an age band 40–30, a validity that ends before
it starts or lies outside the fund's period, more per intervention than per person, a
municipality outside the fund's region), each with a Dutch reason beside the field.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from functools import lru_cache

from pydantic import Field

from ontschot import geo
from ontschot.money import format_cents
from ontschot.schemas import ApiModel

MAX_FUND_CENTS = 10**13  # € 100 miljard: far above any fund, far below 2**63


class InstrumentKind(StrEnum):
    TRAINING = "training"
    JOB_COACHING = "job_coaching"
    TRIAL_PLACEMENT = "trial_placement"
    WAGE_COST_SUBSIDY = "wage_cost_subsidy"
    LANGUAGE_COURSE = "language_course"
    WORK_FIT = "work_fit"
    CAREER_ADVICE = "career_advice"
    DEBT_COUNSELLING = "debt_counselling"
    TRAVEL_COSTS = "travel_costs"
    OTHER = "other"


KIND_NAMES: dict[str, str] = {
    "training": "scholing",
    "job_coaching": "jobcoaching",
    "trial_placement": "proefplaatsing",
    "wage_cost_subsidy": "loonkostensubsidie",
    "language_course": "taalcursus",
    "work_fit": "werkfit-traject",
    "career_advice": "loopbaanadvies",
    "debt_counselling": "schuldhulp",
    "travel_costs": "reiskosten",
    "other": "overig",
}
BENEFIT_NAMES: dict[str, str] = {
    "ww": "WW",
    "bijstand": "bijstand",
    "wajong": "Wajong",
    "wia": "WIA",
    "none": "geen uitkering",
}
STATUS_NAMES: dict[str, str] = {
    "seeking": "werkzoekend",
    "employed_at_risk": "werkend met risico op ontslag",
    "placed": "geplaatst",
    "inactive": "niet actief",
}


class Benefit(StrEnum):
    WW = "ww"
    BIJSTAND = "bijstand"
    WAJONG = "wajong"
    WIA = "wia"
    NONE = "none"


class PersonStatus(StrEnum):
    SEEKING = "seeking"
    EMPLOYED_AT_RISK = "employed_at_risk"
    PLACED = "placed"
    INACTIVE = "inactive"


Cents = Field(None, ge=1, le=MAX_FUND_CENTS)


class FundRules(ApiModel):
    """Who and what a fund pays for. Omit a condition (or null) for "any"."""

    instruments: list[InstrumentKind] | None = Field(None, max_length=20)
    benefits: list[Benefit] | None = Field(None, max_length=10)
    statuses: list[PersonStatus] | None = Field(None, max_length=10)
    age_min: int | None = Field(None, ge=0, le=120)
    age_max: int | None = Field(None, ge=0, le=120)
    municipalities: list[str] | None = Field(None, max_length=100)
    sectors: list[str] | None = Field(None, max_length=30)
    chain_ids: list[int] | None = Field(None, max_length=50)
    max_per_person_cents: int | None = Cents
    max_per_intervention_cents: int | None = Cents
    co_financing_percent: int = Field(
        100, ge=1, le=100, description="The share of an intervention's cost this fund pays at most."
    )
    valid_from: date | None = Field(None, ge=date(2000, 1, 1), le=date(2100, 12, 31))
    valid_until: date | None = Field(None, ge=date(2000, 1, 1), le=date(2100, 12, 31))

    def specificity(self) -> int:
        """How many kinds of condition narrow this fund: the router's first ordering."""
        conditions = (
            self.instruments,
            self.benefits,
            self.statuses,
            self.municipalities,
            self.sectors,
            self.chain_ids,
        )
        age = self.age_min is not None or self.age_max is not None
        return sum(c is not None for c in conditions) + int(age)


LIST_FIELDS = {
    "instruments": "instrumenten",
    "benefits": "uitkeringen",
    "statuses": "statussen",
    "municipalities": "gemeenten",
    "sectors": "sectoren",
    "chain_ids": "ketens",
}


def _in_region(name: str, region_name: str) -> str | None:
    found = geo.find_municipality(name)
    if found is None:
        return f"'{name[:60]}' is geen Nederlandse gemeente"
    # a region that is not an arbeidsmarktregio (a test region) cannot be checked further
    if region_name.casefold() in _regions() and found.region.casefold() != region_name.casefold():
        return f"{found.name} ligt niet in de regio {region_name} (maar in {found.region})"
    return None


@lru_cache(maxsize=1)
def _regions() -> frozenset[str]:
    return frozenset(
        m.region.casefold() for n in geo.municipality_names() if (m := geo.find_municipality(n))
    )


def rule_problems(
    rules: FundRules,
    *,
    region_name: str,
    period_start: date,
    period_end: date,
    known_chain_ids: set[int] | None = None,
) -> dict[str, str]:
    """Why this rule set can never match or contradicts itself, per field (empty: fine)."""
    problems: dict[str, str] = {}
    for name, words in LIST_FIELDS.items():
        value = getattr(rules, name)
        if value is not None and not value:
            problems[name] = (
                f"een lege lijst van {words} past op niemand; laat de voorwaarde weg als het "
                "fonds voor alle " + words + " geldt"
            )
    if rules.age_min is not None and rules.age_max is not None and rules.age_min > rules.age_max:
        problems["age_max"] = (
            f"leeftijd {rules.age_min}–{rules.age_max} kan nooit: de ondergrens ligt boven de "
            "bovengrens"
        )
    if rules.valid_from and rules.valid_until and rules.valid_until < rules.valid_from:
        problems["valid_until"] = (
            f"geldig tot {rules.valid_until:%d-%m-%Y} ligt vóór geldig vanaf "
            f"{rules.valid_from:%d-%m-%Y}: de regel geldt dan nooit"
        )
    elif rules.valid_until and rules.valid_until < period_start:
        problems["valid_until"] = (
            f"ligt vóór het begin van de looptijd van het fonds ({period_start:%d-%m-%Y})"
        )
    elif rules.valid_from and rules.valid_from > period_end:
        problems["valid_from"] = (
            f"ligt na het einde van de looptijd van het fonds ({period_end:%d-%m-%Y})"
        )
    person, each = rules.max_per_person_cents, rules.max_per_intervention_cents
    if person is not None and each is not None and each > person:
        problems["max_per_intervention_cents"] = (
            f"{format_cents(each)} per interventie is meer dan het maximum per persoon "
            f"({format_cents(person)}): zoveel kan nooit worden betaald"
        )
    for name in rules.municipalities or []:
        reason = _in_region(name, region_name)
        if reason:
            problems.setdefault("municipalities", reason)
    if known_chain_ids is not None:
        unknown = sorted(set(rules.chain_ids or []) - known_chain_ids)
        if unknown:
            problems["chain_ids"] = f"onbekende keten: {', '.join(map(str, unknown))}"
    if rules.sectors is not None and any(not s.strip() for s in rules.sectors):
        problems["sectors"] = "een lege sectornaam past op niemand"
    return problems


def describe(rules: FundRules) -> list[str]:
    """The rule set in Dutch, one line per condition, for the fund page."""
    out: list[str] = []
    if rules.instruments is not None:
        out.append("Instrumenten: " + ", ".join(KIND_NAMES[k] for k in rules.instruments))
    if rules.benefits is not None:
        out.append("Uitkering: " + ", ".join(BENEFIT_NAMES[b] for b in rules.benefits))
    if rules.statuses is not None:
        out.append("Status: " + ", ".join(STATUS_NAMES[s] for s in rules.statuses))
    if rules.age_min is not None or rules.age_max is not None:
        out.append(f"Leeftijd: {rules.age_min or 0}–{rules.age_max or 'geen grens'}")
    if rules.municipalities is not None:
        out.append("Gemeenten: " + ", ".join(rules.municipalities))
    if rules.sectors is not None:
        out.append("Sectoren: " + ", ".join(rules.sectors))
    if rules.chain_ids is not None:
        out.append("Ketens: " + ", ".join(map(str, rules.chain_ids)))
    if rules.max_per_person_cents is not None:
        out.append(f"Maximaal per persoon: {format_cents(rules.max_per_person_cents)}")
    if rules.max_per_intervention_cents is not None:
        out.append(f"Maximaal per interventie: {format_cents(rules.max_per_intervention_cents)}")
    if rules.co_financing_percent < 100:
        out.append(
            f"Betaalt hoogstens {rules.co_financing_percent}% van de kosten (cofinanciering)"
        )
    if rules.valid_from or rules.valid_until:
        start = f"{rules.valid_from:%d-%m-%Y}" if rules.valid_from else "begin looptijd"
        end = f"{rules.valid_until:%d-%m-%Y}" if rules.valid_until else "einde looptijd"
        out.append(f"Geldig: {start} tot en met {end}")
    return out or ["Geen voorwaarden: voor iedereen en elk instrument"]
