"""The funding router: which funds may pay for a request, and how much each pays.

A pure function of the request's facts and the funds (rules and balances): no database,
no clock, so it is tested directly (tests/budget/test_router.py, with hypothesis).

Policy (ADR 0021):
1. A fund may pay when every condition of its rules holds for the facts, the date lies in
   its period and its rules' validity, and it has an available balance.
2. Funds that may pay are ordered most specific first (the number of kinds of condition
   they set), then the earliest end of period, then the lowest id: flexible pooled money
   stays for what nothing else covers, and money that runs out first is used first.
3. Each fund in that order pays the least of: what is still uncovered, its available
   balance, its maximum per intervention, what is left of its maximum per person, and its
   co-financing share of the cost (rounded down to a cent). Never more than available.
4. When the ordered sources together cannot cover the cost, nothing is chosen: the request
   is not fundable, and every fund says why.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from ontschot.budget.rules.vocabulary import (
    BENEFIT_NAMES,
    KIND_NAMES,
    STATUS_NAMES,
    FundRules,
)
from ontschot.money import format_cents


@dataclass(frozen=True)
class Facts:
    """What the router knows of the request and the person (no name, no id)."""

    instrument_kind: str
    cost_cents: int
    on: date
    benefit: str
    status: str
    age: int | None
    municipality: str
    sector: str | None
    chain_id: int | None
    # per fund: what this person already received or has reserved from it
    received_cents: Mapping[int, int] = field(default_factory=dict)


@dataclass(frozen=True)
class FundOption:
    fund_id: int
    name: str
    period_start: date
    period_end: date
    available_cents: int
    rules: FundRules
    rules_version: int = 1


@dataclass(frozen=True)
class Source:
    fund_id: int
    name: str
    position: int
    amount_cents: int
    rules_version: int


@dataclass(frozen=True)
class Verdict:
    fund_id: int
    name: str
    eligible: bool
    amount_cents: int
    reason: str

    @property
    def text(self) -> str:
        return f"{self.name}: {self.reason}"


@dataclass(frozen=True)
class Routing:
    cost_cents: int
    sources: tuple[Source, ...]
    verdicts: tuple[Verdict, ...]

    @property
    def covered(self) -> bool:
        return sum(s.amount_cents for s in self.sources) == self.cost_cents

    @property
    def shortfall_cents(self) -> int:
        return self.cost_cents - sum(s.amount_cents for s in self.sources)


def _names(values: Sequence[str], names: Mapping[str, str]) -> str:
    words = [names.get(v, v) for v in values]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " of " + words[-1]


def _benefit_reason(benefits: Sequence[str]) -> str:
    paid = [b for b in benefits if b != "none"]
    text = "alleen voor mensen met " + _names(paid, BENEFIT_NAMES) if paid else ""
    if "none" in benefits:
        return (text + " of zonder uitkering") if text else "alleen voor mensen zonder uitkering"
    return text


def why_not(facts: Facts, fund: FundOption) -> str | None:
    """The first condition of the fund that the facts do not meet, in Dutch; None: fits."""
    r, on = fund.rules, facts.on
    if not fund.period_start <= on <= fund.period_end:
        return (
            f"looptijd {fund.period_start:%d-%m-%Y} tot en met {fund.period_end:%d-%m-%Y} "
            f"omvat {on:%d-%m-%Y} niet"
        )
    if r.valid_from and on < r.valid_from:
        return f"de regels gelden pas vanaf {r.valid_from:%d-%m-%Y}"
    if r.valid_until and on > r.valid_until:
        return f"de regels golden tot en met {r.valid_until:%d-%m-%Y}"
    if r.instruments is not None and facts.instrument_kind not in r.instruments:
        return "alleen voor " + _names(list(r.instruments), KIND_NAMES)
    if r.benefits is not None and facts.benefit not in r.benefits:
        return _benefit_reason(list(r.benefits))
    if r.statuses is not None and facts.status not in r.statuses:
        return "alleen voor wie " + _names(list(r.statuses), STATUS_NAMES) + " is"
    if r.age_min is not None or r.age_max is not None:
        band = f"{r.age_min or 0}–{r.age_max if r.age_max is not None else 'geen grens'}"
        if facts.age is None:
            return f"alleen voor leeftijd {band}, en de leeftijd is niet bekend"
        if (r.age_min is not None and facts.age < r.age_min) or (
            r.age_max is not None and facts.age > r.age_max
        ):
            return f"alleen voor leeftijd {band} (deze persoon is {facts.age})"
    if r.municipalities is not None and facts.municipality.casefold() not in {
        m.casefold() for m in r.municipalities
    }:
        return "alleen voor inwoners van " + _names(list(r.municipalities), {})
    if r.sectors is not None and (facts.sector or "").casefold() not in {
        s.casefold() for s in r.sectors
    }:
        return "alleen voor de sector " + _names(list(r.sectors), {})
    if r.chain_ids is not None and facts.chain_id not in r.chain_ids:
        return "alleen voor trajecten in een andere keten"
    if r.max_per_person_cents is not None:
        left = r.max_per_person_cents - facts.received_cents.get(fund.fund_id, 0)
        if left <= 0:
            return f"het maximum per persoon ({format_cents(r.max_per_person_cents)}) is bereikt"
    if fund.available_cents <= 0:
        return "er is geen budget meer beschikbaar"
    return None


def _order(fund: FundOption) -> tuple[int, date, int]:
    return (-fund.rules.specificity(), fund.period_end, fund.fund_id)


def cap_of(facts: Facts, fund: FundOption) -> tuple[int, str]:
    """The most this fund may pay for this request, and what limits it (Dutch)."""
    r = fund.rules
    limits = [(fund.available_cents, "het beschikbare saldo")]
    if r.max_per_intervention_cents is not None:
        limits.append((r.max_per_intervention_cents, "het maximum per interventie"))
    if r.max_per_person_cents is not None:
        left = r.max_per_person_cents - facts.received_cents.get(fund.fund_id, 0)
        limits.append((left, "het maximum per persoon"))
    if r.co_financing_percent < 100:
        share = facts.cost_cents * r.co_financing_percent // 100
        limits.append((share, f"zijn deel van {r.co_financing_percent}% (cofinanciering)"))
    return min(limits, key=lambda x: x[0])


def route(facts: Facts, funds: Sequence[FundOption]) -> Routing:
    """Choose and split; explain every fund (see the module's policy)."""
    reasons = {f.fund_id: why_not(facts, f) for f in funds}
    eligible = sorted((f for f in funds if reasons[f.fund_id] is None), key=_order)
    remaining = facts.cost_cents
    planned: list[tuple[FundOption, int, str]] = []
    for fund in eligible:
        if remaining <= 0:
            break
        cap, limit = cap_of(facts, fund)
        take = min(cap, remaining)
        if take > 0:
            planned.append((fund, take, limit if take < remaining else ""))
            remaining -= take
    covered = remaining == 0
    sources = (
        tuple(
            Source(f.fund_id, f.name, i + 1, amount, f.rules_version)
            for i, (f, amount, _) in enumerate(planned)
        )
        if covered
        else ()
    )
    chosen = {s.fund_id: s for s in sources}
    first = sources[0].name if sources else ""
    verdicts: list[Verdict] = []
    for fund in sorted(funds, key=_order):
        reason = reasons[fund.fund_id]
        if reason is not None:
            verdicts.append(Verdict(fund.fund_id, fund.name, False, 0, reason))
            continue
        if fund.fund_id in chosen:
            s = chosen[fund.fund_id]
            limit = next(lim for f, _, lim in planned if f.fund_id == fund.fund_id)
            text = f"gekozen als bron {s.position}: betaalt {format_cents(s.amount_cents)}"
            if s.position == 1 and len(sources) == 1:
                text += " (het meest specifieke fonds dat past)"
            if limit:
                text += f"; meer laat {limit} niet toe, de rest komt uit de volgende bron"
            verdicts.append(Verdict(fund.fund_id, fund.name, True, s.amount_cents, text))
        elif covered:
            text = (
                f"past ook, maar {first} dekt het bedrag al: een specifieker fonds gaat voor, "
                "zodat breed inzetbaar geld blijft voor wat niets anders dekt"
            )
            verdicts.append(Verdict(fund.fund_id, fund.name, True, 0, text))
        else:
            cap, limit = cap_of(facts, fund)
            text = f"past, maar kan hoogstens {format_cents(max(cap, 0))} betalen ({limit})"
            verdicts.append(Verdict(fund.fund_id, fund.name, True, 0, text))
    return Routing(facts.cost_cents, sources, tuple(verdicts))
