"""A synthetic training catalogue: courses that teach the skills of the curated occupations.

For every occupation the regional training centre offers a vocational (BBL) route that
teaches most essential skills, and two private providers offer short courses of one to
three skills each (every offer teaches at least one skill, as the catalogue import requires). Offers
are `careers.models.TrainingOffer` rows with `source = "synth"`, and like the rest of the
synthetic data they are written in bulk without processing-log entries.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from ontschot.careers.models import TrainingOffer, TrainingOfferSkill, TrainingOfferStart
from ontschot.synth.profiles import OccupationProfile, SkillInfo
from ontschot.synth.regions import Region

SHORT_FRAMES = (
    "Cursus {s}",
    "Training {s}",
    "Praktijkcursus {s}",
    "Workshop {s}",
    "Basiscursus {s}",
    "Opfriscursus {s}",
)


def _starts(rng: random.Random, today: date) -> list[dict[str, Any]]:
    first = today + timedelta(days=rng.randint(7, 60))
    dates = {first + timedelta(weeks=8 * n) for n in range(rng.randint(1, 4))}
    return [{"start_date": d} for d in sorted(dates)]


def training_offers(
    profiles: tuple[OccupationProfile, ...], region: Region, *, seed: int, today: date
) -> list[dict[str, Any]]:
    """Offer rows with `skills` (URIs) and `starts` (dates), deterministic in `seed`."""
    rng = random.Random(f"{seed}:{region.slug}:training")  # noqa: S311 - reproducible
    roc = f"Regionaal Opleidingencentrum {region.name}"
    providers = (f"Vakopleidingen {region.name}", "Leerwerkplein Oost")
    places = region.largest[:3]
    offers: list[dict[str, Any]] = []

    def add(
        provider: str,
        title: str,
        skills: list[SkillInfo],
        hours: int,
        weeks: int,
        cost: int,
        description: str,
    ) -> None:
        offers.append(
            {
                "provider": provider,
                "external_ref": f"SYN-{len(offers) + 1:05d}",
                "title": title[:300],
                "description": description,
                "duration_hours": hours,
                "duration_weeks": weeks,
                "cost_cents": cost,
                "municipality": rng.choice(places),
                "source": "synth",
                "skills": sorted({s.uri for s in skills}),
                "starts": _starts(rng, today),
            }
        )

    for profile in profiles:
        core = list(profile.essential)
        if not core:
            continue
        if profile.curated.education in ("mbo", "vmbo", "basis"):
            taught = rng.sample(core, max(1, int(len(core) * 0.7)))
            add(
                roc,
                f"Mbo-opleiding {profile.title} (BBL)",
                taught,
                rng.choice((640, 800, 960)),
                rng.choice((40, 52, 78)),
                rng.choice((0, 125000, 250000)),
                f"Leren en werken tegelijk: je haalt het diploma {profile.title} in de praktijk.",
            )
        for provider in providers:
            named = [s for s in core if s.label_nl] or core
            picked = rng.sample(named, min(len(named), rng.randint(1, 3)))
            label = picked[0].label_nl or profile.title
            add(
                provider,
                rng.choice(SHORT_FRAMES).format(s=label),
                picked,
                rng.choice((8, 16, 24, 40)),
                rng.choice((1, 2, 4, 6)),
                rng.choice((19500, 34500, 59500, 89500)),
                f"Korte praktijkgerichte training voor (aankomend) {profile.title}.",
            )
    return offers


def write_training_offers(db: Session, offers: list[dict[str, Any]]) -> int:
    """Insert the offers with their skills and start dates (no commit)."""
    if not offers:
        return 0
    columns = [{k: v for k, v in o.items() if k not in ("skills", "starts")} for o in offers]
    result = db.execute(
        insert(TrainingOffer).returning(TrainingOffer.id, sort_by_parameter_order=True), columns
    )
    ids = [row[0] for row in result]
    skills = [
        {"offer_id": i, "skill_uri": uri}
        for i, o in zip(ids, offers, strict=True)
        for uri in o["skills"]
    ]
    starts = [
        {"offer_id": i, **start} for i, o in zip(ids, offers, strict=True) for start in o["starts"]
    ]
    if skills:
        db.execute(insert(TrainingOfferSkill), skills)
    if starts:
        db.execute(insert(TrainingOfferStart), starts)
    return len(offers)
