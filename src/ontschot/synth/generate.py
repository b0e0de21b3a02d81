"""Generate a synthetic region: deterministic in the seed and the reference date.

`generate_region` returns everything in memory (the demo and the tests); `iter_rows` yields
candidates and vacancies in fixed-size chunks, each chunk with its own random stream, so a
national file can be written with bounded memory and still be reproducible.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from ontschot.synth.candidates import CandidateContext, generate_candidate, synthetic_bsns
from ontschot.synth.plan import RegionPlan, plan_region
from ontschot.synth.profiles import OccupationProfile
from ontschot.synth.regions import Region
from ontschot.synth.trainings import training_offers
from ontschot.synth.vacancies import VacancyContext, generate_vacancy

# Bump when the same seed would give different data: the demo database is then rebuilt.
GENERATOR_VERSION = "5"
DEFAULT_SEED = 20261123
CHUNK = 20_000


@dataclass(frozen=True)
class Size:
    candidates: int
    vacancies: int
    coaches: int

    def scaled(self, factor: float) -> Size:
        return Size(
            max(1, round(self.candidates * factor)),
            max(1, round(self.vacancies * factor)),
            max(3, round(self.coaches * factor)),
        )

    @property
    def employers(self) -> int:
        return max(10, self.vacancies // 4)


REGION_SIZE = Size(3_000, 1_500, 40)  # one arbeidsmarktregio at --scale 1
NATIONAL_SIZE = Size(1_000_000, 400_000, 13_000)  # all 35 regions at --scale 1


@dataclass
class SyntheticRegion:
    plan: RegionPlan
    candidates: list[dict[str, Any]]
    vacancies: list[dict[str, Any]]
    seed: int
    today: date
    trainings: list[dict[str, Any]]


def _rng(seed: int, region: Region, kind: str, chunk: int) -> random.Random:
    # string seeds are hashed with SHA-512 by `random`, independent of PYTHONHASHSEED
    return random.Random(f"{seed}:{region.slug}:{kind}:{chunk}")  # noqa: S311 - reproducible


def iter_rows(
    profiles: tuple[OccupationProfile, ...],
    plan: RegionPlan,
    size: Size,
    *,
    seed: int,
    today: date,
    with_bsn: bool = True,
    first_number: int = 1,
) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """Yield ("candidate", rows) and ("vacancy", rows) chunks of at most CHUNK rows."""
    region = plan.region
    cctx = CandidateContext(plan, profiles, today, synthetic_bsns() if with_bsn else None)
    for chunk, start in enumerate(range(0, size.candidates, CHUNK)):
        rng = _rng(seed, region, "candidate", chunk)
        count = min(CHUNK, size.candidates - start)
        yield (
            "candidate",
            [generate_candidate(cctx, rng, first_number + start + i) for i in range(count)],
        )
    vctx = VacancyContext(region, profiles, plan.employers, today)
    for chunk, start in enumerate(range(0, size.vacancies, CHUNK)):
        rng = _rng(seed, region, "vacancy", chunk)
        count = min(CHUNK, size.vacancies - start)
        yield "vacancy", [generate_vacancy(vctx, rng) for _ in range(count)]


def generate_region(
    profiles: tuple[OccupationProfile, ...],
    region: Region,
    size: Size = REGION_SIZE,
    *,
    seed: int = DEFAULT_SEED,
    today: date | None = None,
) -> SyntheticRegion:
    """A whole region in memory: the same seed and date always give the same data."""
    today = today or date.today()
    plan = plan_region(region, coaches=size.coaches, employers=size.employers, seed=seed)
    candidates: list[dict[str, Any]] = []
    vacancies: list[dict[str, Any]] = []
    for kind, rows in iter_rows(profiles, plan, size, seed=seed, today=today):
        (candidates if kind == "candidate" else vacancies).extend(rows)
    trainings = training_offers(profiles, region, seed=seed, today=today)
    return SyntheticRegion(plan, candidates, vacancies, seed, today, trainings)
