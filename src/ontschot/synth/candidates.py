"""Synthetic candidates: a random Dutch name, a benefit, a work history and skills.

Skills are derived from the ESCO profiles of past occupations with noise: each essential
skill is kept with a fair chance, a few optional skills and skills of unrelated occupations
are added, and some candidates have no skills yet (a coach's next action). Rows are plain
dicts whose keys are `Candidate` columns plus child lists and `org_key`/`coach_email`.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from ontschot.synth import names
from ontschot.synth.plan import RegionPlan
from ontschot.synth.profiles import OccupationProfile
from ontschot.synth.regions import TWENTE_PC4
from ontschot.synth.vacancies import _cumulative

# (benefit, status, share, age range, organisation keys with weights)
PROFILES = (
    ("ww", "seeking", 0.28, (23, 64), (("uwv", 85), ("reintegratie", 15))),
    (
        "bijstand",
        "seeking",
        0.34,
        (18, 66),
        (("gemeente", 70), ("reintegratie", 20), ("uitzend1", 10)),
    ),
    ("none", "seeking", 0.11, (18, 60), (("gemeente", 60), ("uitzend1", 25), ("uwv", 15))),
    ("wajong", "seeking", 0.08, (18, 40), (("uwv", 70), ("gemeente", 30))),
    ("wia", "seeking", 0.04, (30, 64), (("uwv", 100),)),
    (
        "none",
        "employed_at_risk",
        0.08,
        (28, 63),
        (("uwv", 60), ("uitzend1", 20), ("reintegratie", 20)),
    ),
    ("bijstand", "placed", 0.04, (20, 60), (("gemeente", 100),)),
    ("ww", "inactive", 0.03, (25, 64), (("uwv", 100),)),
)
EDUCATION_ORDER = ("basis", "vmbo", "havo_vwo", "mbo", "hbo", "wo")
SECOND_LANGUAGES = (
    ("eng", 40),
    ("deu", 15),
    ("tur", 5),
    ("ara", 5),
    ("pol", 4),
    ("tir", 2),
    ("ukr", 3),
)
HOURS = ((12, 20), (16, 24), (24, 32), (32, 40), (36, 40), (20, 32))
CONTRACT_SETS = (
    ["vast"],
    ["vast", "tijdelijk"],
    ["vast", "tijdelijk", "uitzend"],
    ["tijdelijk", "uitzend"],
    ["vast", "tijdelijk", "uitzend", "oproep"],
)


@dataclass
class CandidateContext:
    plan: RegionPlan
    profiles: tuple[OccupationProfile, ...]
    today: date
    bsns: Iterator[str] | None = None  # test-range BSNs to hand out, None for none

    def __post_init__(self) -> None:
        self.cum_supply = _cumulative(p.curated.weight * p.curated.supply for p in self.profiles)
        self.cum_profile = _cumulative(profile[2] for profile in PROFILES)
        self.by_sector: dict[str, list[OccupationProfile]] = {}
        for p in self.profiles:
            self.by_sector.setdefault(p.curated.sector, []).append(p)
        self.region = self.plan.region
        self.coaches = {o.key: self.plan.coaches_of(o.key) for o in self.plan.organisations}
        self.employer_names: dict[str, list[str]] = {}
        for emp in self.plan.employers:
            self.employer_names.setdefault(emp.sector, []).append(emp.name)
        self.any_employer = [e.name for e in self.plan.employers]


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain.lower() if ch.isalnum())


def _moment(day: date, rng: random.Random) -> datetime:
    return datetime.combine(day, time(rng.randint(8, 17), rng.randint(0, 59)), tzinfo=UTC)


def _postcode(municipality: str, rng: random.Random) -> str | None:
    span = TWENTE_PC4.get(municipality)
    if span is None:
        return None
    letters = "ABCEGHJKLMNPRTVWXZ"  # never SA, SD or SS
    return f"{rng.randint(*span)}{rng.choice(letters)}{rng.choice(letters)}"


def _history(
    ctx: CandidateContext, rng: random.Random, age: int, status: str
) -> list[tuple[OccupationProfile, date, date | None, str]]:
    jobs = 0 if age < 21 and rng.random() < 0.5 else rng.choices((0, 1, 2, 3), (6, 40, 34, 20))[0]
    if jobs == 0:
        return []
    current = rng.choices(ctx.profiles, cum_weights=ctx.cum_supply)[0]
    end: date | None = (
        None
        if status == "employed_at_risk"
        else ctx.today - timedelta(days=int(rng.triangular(20, 1500, 120)))
    )
    history = []
    cursor = end or ctx.today
    for _ in range(jobs):
        years = rng.uniform(0.5, min(10.0, max(0.6, (age - 18) / jobs)))
        start = cursor - timedelta(days=int(years * 365))
        employer = rng.choice(ctx.employer_names.get(current.curated.sector) or ctx.any_employer)
        history.append((current, start, end, employer))
        end = start - timedelta(days=rng.randint(0, 200))
        cursor = end
        same = ctx.by_sector[current.curated.sector]
        current = (
            rng.choice(same)
            if rng.random() < 0.6
            else rng.choices(ctx.profiles, cum_weights=ctx.cum_supply)[0]
        )
    return history


def _skills(
    ctx: CandidateContext,
    rng: random.Random,
    history: list[tuple[OccupationProfile, date, date | None, str]],
) -> list[tuple[str, str]]:
    if not history or rng.random() < 0.06:
        return []
    chosen: dict[str, str] = {}
    confirmed = rng.random() < 0.35
    source = "coach_confirmed" if confirmed else "from_occupation"
    for profile, *_ in history:
        for skill in profile.essential:
            if rng.random() < 0.5:
                chosen.setdefault(skill.uri, source)
        for skill in profile.optional:
            if rng.random() < 0.12:
                chosen.setdefault(skill.uri, source)
    if rng.random() < 0.4:
        other = rng.choice(ctx.profiles)
        for skill in rng.sample(other.essential, min(2, len(other.essential))):
            chosen.setdefault(skill.uri, "self_declared")
    return list(chosen.items())[:25]


def generate_candidate(ctx: CandidateContext, rng: random.Random, number: int) -> dict[str, Any]:
    benefit, status, _, (age_lo, age_hi), orgs = rng.choices(PROFILES, cum_weights=ctx.cum_profile)[
        0
    ]
    female = rng.random() < 0.48
    first = rng.choice(names.FIRST_NAMES_FEMALE if female else names.FIRST_NAMES_MALE)
    last = rng.choice(names.LAST_NAMES)
    age = int(rng.triangular(age_lo, age_hi, (age_lo + age_hi) / 2.4))
    birth = ctx.today - timedelta(days=age * 365 + rng.randint(0, 364))
    municipality = rng.choices(ctx.region.municipalities, weights=ctx.region.weights)[0]
    org_key = rng.choices([k for k, _ in orgs], weights=[w for _, w in orgs])[0]
    if org_key == "gemeente":
        org_key = f"gemeente:{municipality}"
    coaches = ctx.coaches.get(org_key) or []
    coach = rng.choice(coaches) if coaches and rng.random() < 0.94 else None
    history = _history(ctx, rng, age, status)
    last_occ = history[0][0] if history else None
    education = last_occ.curated.education if last_occ else rng.choice(("basis", "vmbo"))
    shift = rng.choices((-1, 0, 1), (20, 65, 15))[0]
    edu_level = EDUCATION_ORDER[max(0, min(5, EDUCATION_ORDER.index(education) + shift))]
    languages = [
        (
            "nld",
            rng.choice(("goed", "goed", "uitstekend", "redelijk")),
            rng.choice(("goed", "redelijk", "uitstekend")),
        )
    ]
    for lang, share in SECOND_LANGUAGES:
        if rng.random() * 100 < share:
            languages.append((lang, rng.choice(("redelijk", "goed")), "redelijk"))
    licences = ["B"] if rng.random() < 0.62 else []
    if last_occ and any(k == "licence" for k, _ in last_occ.curated.requirements):
        licences = sorted({"B", *(v for k, v in last_occ.curated.requirements if k == "licence")})
    wishes = [last_occ.uri] if last_occ and rng.random() < 0.75 else []
    if rng.random() < 0.35:
        wish = rng.choice(ctx.by_sector[(last_occ or rng.choice(ctx.profiles)).curated.sector])
        if wish.uri not in wishes:
            wishes.append(wish.uri)
    registered = ctx.today - timedelta(days=int(rng.triangular(0, 1100, 30)))
    days_since = (ctx.today - registered).days
    # last change: usually recent (a coach is in touch), for about one in ten over 90 days
    touched = ctx.today - timedelta(days=min(days_since, int(rng.expovariate(1 / 40))))
    hours_min, hours_max = rng.choice(HOURS)
    consents = []
    if rng.random() < 0.7:
        consents.append("employer_suggestions")
    if rng.random() < 0.45:
        consents.append("share_profile")
    email = None
    if rng.random() < 0.6:
        email = f"{_ascii(first)}.{_ascii(last)}{number}@{names.STREET_FREE_DOMAIN}"
    transport = [
        t
        for t, share in (("fiets", 80), ("auto", 55), ("openbaar_vervoer", 40))
        if rng.random() * 100 < share and (t != "auto" or licences)
    ]
    return {
        "reference": f"WZ-{(number * 2654435761 + 40503) % 2**32:08X}",
        "first_name": first,
        "last_name": last,
        "name_search": f"{first} {last}".casefold(),
        "email": email,
        "birth_date": birth,
        "bsn": next(ctx.bsns, None) if ctx.bsns is not None and rng.random() < 0.05 else None,
        "municipality": municipality,
        "postcode": _postcode(municipality, rng),
        "benefit": benefit,
        "status": status,
        "legal_basis": "toestemming" if benefit == "none" else "wettelijke_taak",
        "available_from": ctx.today + timedelta(days=rng.randint(-200, 45)),
        "hours_min": hours_min,
        "hours_max": hours_max,
        "contract_forms": list(rng.choice(CONTRACT_SETS)),
        "max_travel_km": rng.choice((10, 15, 20, 25, 30, 40, 50)),
        "transport": transport,
        "driving_licences": licences,
        "source": "synth",
        "version": 1,
        "created_at": _moment(registered, rng),
        "updated_at": _moment(touched, rng),
        "org_key": org_key,
        "coach_email": coach,
        "current_employer_index": rng.choice(ctx.plan.employers).index
        if status == "employed_at_risk"
        else None,
        "work": [(emp, p.title, p.uri, start, end) for p, start, end, emp in history],
        "skills": _skills(ctx, rng, history),
        "wishes": wishes,
        "languages": languages,
        "educations": [(edu_level, rng.choices(("afgerond", "afgebroken"), (85, 15))[0])],
        "consents": consents,
    }


def synthetic_bsns() -> Iterator[str]:
    """Nine-digit numbers 99999xxxx that pass the 11-proef (about 900 of them).

    This is the range of the test persons of the BRP test environment (numbers such as
    999990019), which as far as we know is not issued to residents; so a synthetic BSN is
    valid for every check in the product and still cannot point at a real person. When the
    numbers run out, further candidates simply get no BSN.
    """
    for number in range(999_990_000, 1_000_000_000):
        digits = str(number)
        total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
        if (total - int(digits[8])) % 11 == 0:
            yield digits
