"""THE definition of tightness (krapte) and of a kansberoep, for every page that shows one.

Tightness of an occupation = open vacancies for it (each job once) / candidates available
for it. A candidate is available for an occupation when they can be matched (seeking work,
or employed but at risk) and the occupation is in their work history or among their
wishes; each person counts once per occupation. An occupation is a kansberoep when its
tightness is at least the configured `tightness_promising`.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, union
from sqlalchemy.orm import Session

from ontschot.employers.models import Vacancy
from ontschot.employers.queries import open_vacancy
from ontschot.people.models import Candidate, CandidateWish, CandidateWork

AVAILABLE_STATUSES = ("seeking", "employed_at_risk")


@dataclass(frozen=True)
class Demand:
    open_vacancies: int
    available_candidates: int

    @property
    def tightness(self) -> float:
        return self.open_vacancies / max(self.available_candidates, 1)


def is_kansberoep(tightness: float, promising: float) -> bool:
    return tightness >= promising


def occupation_demand(db: Session) -> dict[str, Demand]:
    """Open vacancies and available candidates for every occupation that has either."""
    vacancies = dict(
        db.execute(
            select(Vacancy.occupation_uri, func.count())
            .where(open_vacancy(), Vacancy.occupation_uri.is_not(None))
            .group_by(Vacancy.occupation_uri)
        )
        .tuples()
        .all()
    )
    matchable = (Candidate.erased_at.is_(None), Candidate.status.in_(AVAILABLE_STATUSES))
    pairs = union(
        select(CandidateWork.occupation_uri.label("uri"), CandidateWork.candidate_id.label("cid"))
        .join(Candidate, Candidate.id == CandidateWork.candidate_id)
        .where(*matchable, CandidateWork.occupation_uri.is_not(None)),
        select(CandidateWish.occupation_uri.label("uri"), CandidateWish.candidate_id.label("cid"))
        .join(Candidate, Candidate.id == CandidateWish.candidate_id)
        .where(*matchable, CandidateWish.occupation_uri.is_not(None)),
    ).subquery()
    available = dict(
        db.execute(select(pairs.c.uri, func.count()).group_by(pairs.c.uri)).tuples().all()
    )
    return {
        str(u): Demand(int(vacancies.get(u, 0)), int(available.get(u, 0)))
        for u in set(vacancies) | set(available)
        if u
    }


@dataclass(frozen=True)
class TightOccupation:
    uri: str
    demand: Demand
    is_kansberoep: bool


def tightest(
    db: Session, *, promising: float, limit: int = 10, min_vacancies: int = 3
) -> list[TightOccupation]:
    """The occupations with the most open vacancies per available candidate."""
    ranked = sorted(
        ((u, d) for u, d in occupation_demand(db).items() if d.open_vacancies >= min_vacancies),
        key=lambda item: (-item[1].tightness, item[0]),
    )
    return [TightOccupation(u, d, is_kansberoep(d.tightness, promising)) for u, d in ranked[:limit]]
