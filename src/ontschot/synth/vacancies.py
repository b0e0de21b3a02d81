"""Synthetic vacancies: an ESCO occupation, its skill profile and a Dutch text.

Rows are plain dicts whose keys are `Vacancy` columns, plus `employer_index`, `skills`
(uri, relation) and `requirements` (kind, value, level), so the same rows feed the
database writer and the file writer.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from ontschot.employers.service import vacancy_fingerprint
from ontschot.synth.plan import EmployerSpec
from ontschot.synth.profiles import OccupationProfile
from ontschot.synth.regions import Region
from ontschot.synth.texts import VacancyFacts, vacancy_text, vacancy_title

HOURS_BY_SECTOR = {
    "Zorg en welzijn": ((16, 24), (20, 28), (24, 32), (28, 36), (32, 36)),
    "Onderwijs en kinderopvang": ((16, 24), (24, 32), (28, 36), (32, 40)),
    "Detailhandel": ((8, 16), (12, 20), (16, 24), (24, 32), (32, 38)),
    "Horeca en facilitair": ((8, 16), (12, 24), (20, 32), (32, 40)),
}
HOURS_DEFAULT = ((32, 40), (36, 40), (38, 40), (40, 40), (24, 32))
CONTRACTS = ("vast", "tijdelijk", "uitzend", "oproep", "leerwerk")
CONTRACT_WEIGHTS = {
    "Logistiek": (15, 35, 45, 3, 2),
    "Techniek en industrie": (25, 35, 30, 0, 10),
    "Zorg en welzijn": (35, 45, 5, 8, 7),
    "Detailhandel": (15, 45, 10, 25, 5),
}
CONTRACT_DEFAULT = (30, 45, 15, 5, 5)
LANGUAGE_LEVEL = {
    "basis": "redelijk",
    "vmbo": "redelijk",
    "mbo": "goed",
    "hbo": "goed",
    "wo": "uitstekend",
}


@dataclass
class VacancyContext:
    region: Region
    profiles: tuple[OccupationProfile, ...]
    employers: list[EmployerSpec]
    today: date

    def __post_init__(self) -> None:
        self.cum_weights = _cumulative(p.curated.weight for p in self.profiles)
        by_sector: dict[str, list[int]] = {}
        for i, emp in enumerate(self.employers):
            by_sector.setdefault(emp.sector, []).append(i)
        self.by_sector = by_sector
        self.fingerprints: set[str] = set()


def _cumulative(values: Any) -> list[float]:
    total, out = 0.0, []
    for v in values:
        total += float(v)
        out.append(total)
    return out


def _moment(day: date, rng: random.Random) -> datetime:
    return datetime.combine(day, time(rng.randint(7, 17), rng.randint(0, 59)), tzinfo=UTC)


def generate_vacancy(ctx: VacancyContext, rng: random.Random) -> dict[str, Any]:
    profile = rng.choices(ctx.profiles, cum_weights=ctx.cum_weights)[0]
    curated = profile.curated
    same_sector = ctx.by_sector.get(curated.sector)
    emp_pos = rng.choice(same_sector) if same_sector else rng.randrange(len(ctx.employers))
    employer = ctx.employers[emp_pos]
    municipality = (
        employer.municipality
        if rng.random() < 0.9
        else rng.choices(ctx.region.municipalities, weights=ctx.region.weights)[0]
    )
    hours_min, hours_max = rng.choice(HOURS_BY_SECTOR.get(curated.sector, HOURS_DEFAULT))
    contract = rng.choices(
        CONTRACTS, weights=CONTRACT_WEIGHTS.get(curated.sector, CONTRACT_DEFAULT)
    )[0]
    low, high = curated.salary
    salary_min = int(low * rng.uniform(0.95, 1.05)) // 25 * 25
    salary_max = max(salary_min + 100, int(high * rng.uniform(0.95, 1.08)) // 25 * 25)
    essential = tuple(
        rng.sample(profile.essential, min(len(profile.essential), rng.randint(5, 10)))
    )
    optional = tuple(rng.sample(profile.optional, min(len(profile.optional), rng.randint(0, 3))))
    requirements = tuple(r for r in curated.requirements if rng.random() < 0.85)
    facts = VacancyFacts(
        profile,
        employer.name,
        municipality,
        hours_max,
        contract,
        salary_min,
        salary_max,
        requirements,
        essential,
        optional,
    )
    # Same employer, title and place would be taken for one job sent twice (employers'
    # de-duplication); a second job of the same kind gets another title instead.
    for attempt in range(12):
        title = vacancy_title(rng, facts)
        if attempt >= 8:
            title = f"{title} ({attempt - 6})"
        fingerprint = vacancy_fingerprint(employer.name, title, municipality)
        if fingerprint not in ctx.fingerprints:
            break
    ctx.fingerprints.add(fingerprint)
    created = ctx.today - timedelta(days=int(rng.triangular(0, 75, 5)))
    closing = created + timedelta(days=rng.randint(21, 70))
    status = "open"
    if closing < ctx.today:
        status = "closed"
    elif rng.random() < 0.04:
        status = "filled"
    reqs: list[tuple[str, str, str | None]] = [(k, v, None) for k, v in requirements]
    reqs.append(("diploma", curated.education, None))
    reqs.append(("language", "nld", LANGUAGE_LEVEL.get(curated.education, "goed")))
    created_at = _moment(created, rng)
    return {
        "employer_index": employer.index,
        "title": title,
        "occupation_uri": profile.uri,
        "hours_min": hours_min,
        "hours_max": hours_max,
        "contract_form": contract,
        "salary_min_cents": salary_min * 100,
        "salary_max_cents": salary_max * 100,
        "salary_period": "month",
        "municipality": municipality,
        "start_date": created + timedelta(days=rng.randint(14, 75)),
        "closing_date": closing,
        "status": status,
        "description": vacancy_text(rng, facts),
        "source": "synth",
        "fingerprint": fingerprint,
        "created_at": created_at,
        "updated_at": created_at,
        "skills": [(s.uri, "essential") for s in essential]
        + [(s.uri, "optional") for s in optional if s not in essential],
        "requirements": reqs,
    }
