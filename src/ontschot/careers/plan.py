"""Pick training offers that together teach the gap skills, with total duration and cost.

Choosing the cheapest set of courses that covers every gap skill is weighted set cover
(NP-hard). We use the classic greedy rule, which is within a factor ln(n)+1 of the optimum:
repeatedly take the offer with the most *still uncovered* gap skills per hour of study
(ties: lower cost, earlier start, then title), until every skill that some offer teaches is
covered. Skills that no offer teaches are reported as uncovered rather than silently dropped.
Totals add the offers up as if followed one after another (a safe upper bound on weeks).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ontschot.careers.models import TrainingOffer, TrainingOfferSkill


@dataclass(frozen=True)
class TrainingOption:
    id: int
    provider: str
    title: str
    skills: frozenset[str]
    duration_hours: int
    duration_weeks: int
    cost_cents: int
    next_start: date | None = None
    municipality: str | None = None


@dataclass
class PlannedOffer:
    option: TrainingOption
    covers: list[str]  # gap skill URIs this offer closes (that were still open)


@dataclass
class TrainingPlan:
    offers: list[PlannedOffer] = field(default_factory=list)
    covered: list[str] = field(default_factory=list)
    uncovered: list[str] = field(default_factory=list)
    total_hours: int = 0
    total_weeks: int = 0
    total_cost_cents: int = 0


def plan_training(gap_skills: Sequence[str], options: Iterable[TrainingOption]) -> TrainingPlan:
    gaps = list(dict.fromkeys(gap_skills))
    pool = [o for o in options if o.skills & set(gaps)]
    open_skills = set(gaps) & set().union(*(o.skills for o in pool)) if pool else set()
    plan = TrainingPlan(uncovered=[s for s in gaps if s not in open_skills])
    while open_skills:
        best = min(pool, key=partial(_gain, open_skills=frozenset(open_skills)))
        covers = [s for s in gaps if s in best.skills and s in open_skills]
        open_skills -= best.skills
        pool.remove(best)
        plan.offers.append(PlannedOffer(best, covers))
        plan.covered += covers
        plan.total_hours += best.duration_hours
        plan.total_weeks += best.duration_weeks
        plan.total_cost_cents += best.cost_cents
    return plan


def _gain(o: TrainingOption, open_skills: frozenset[str]) -> tuple[float, int, date, str]:
    """Sort key: most new gap skills per study hour first, then cheaper, sooner, by title."""
    new = len(o.skills & open_skills)
    return (-new / max(o.duration_hours, 1), o.cost_cents, o.next_start or date.max, o.title)


def training_options(
    db: Session, skill_uris: Sequence[str], *, today: date | None = None
) -> list[TrainingOption]:
    """Offers in the catalogue that teach at least one of `skill_uris`."""
    if not skill_uris:
        return []
    ids = select(TrainingOfferSkill.offer_id).where(
        TrainingOfferSkill.skill_uri.in_(list(skill_uris))
    )
    offers = db.scalars(
        select(TrainingOffer)
        .where(TrainingOffer.id.in_(ids))
        .options(selectinload(TrainingOffer.skills), selectinload(TrainingOffer.starts))
    )
    today = today or date.today()
    return [
        TrainingOption(
            o.id,
            o.provider,
            o.title,
            frozenset(o.skill_uris),
            o.duration_hours,
            o.duration_weeks,
            o.cost_cents,
            next((d for d in o.start_dates if d >= today), None),
            o.municipality,
        )
        for o in offers
    ]
