"""Labour-market insight for the region: tightness per occupation (the one definition in
`tightness.py`), skills most demanded and least available, training demand from the gaps
between what people aim for and what they have, and vacancies over time.

Skill gap of a skill = essential requirements of open vacancies minus available candidates
who have the skill (counted per person). Training demand of a skill = available candidates
who wish an occupation whose open vacancies require it as essential and who lack it: the
gap of their career route to that occupation.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ontschot.employers.models import Vacancy, VacancySkill
from ontschot.employers.queries import open_vacancy
from ontschot.insight.tightness import AVAILABLE_STATUSES, is_kansberoep, occupation_demand
from ontschot.people.models import Candidate, CandidateSkill, CandidateWish
from ontschot.taxonomy.models import Occupation, Skill


@dataclass(frozen=True)
class OccupationTightness:
    uri: str
    label: str
    open_vacancies: int
    available_candidates: int
    tightness: float
    is_kansberoep: bool


@dataclass(frozen=True)
class SkillGap:
    uri: str
    label: str
    demanded: int  # open vacancies that need it (essential)
    available: int  # available candidates who have it
    training_demand: int  # candidates whose route to a wished occupation lacks it

    @property
    def gap(self) -> int:
        return self.demanded - self.available


@dataclass(frozen=True)
class Insight:
    occupations: tuple[OccupationTightness, ...]
    skills: tuple[SkillGap, ...]
    trend: tuple[tuple[str, int], ...]  # (yyyy-mm, vacancies placed that month)


def _labels(db: Session, model: type[Occupation] | type[Skill], uris: set[str]) -> dict[str, str]:
    if not uris:
        return {}
    rows = db.execute(
        select(model.uri, model.label_nl, model.label_en).where(model.uri.in_(sorted(uris)))
    )
    # an ESCO label that exists only in English says so (STYLE: the "EN" mark)
    return {u: nl or f"{en} (EN)" for u, nl, en in rows}


def labour_insight(db: Session, *, promising: float, limit: int = 10) -> Insight:
    demand = occupation_demand(db)
    ranked = sorted(
        ((u, d) for u, d in demand.items() if d.open_vacancies > 0),
        key=lambda item: (-item[1].tightness, item[0]),
    )[:limit]
    names = _labels(db, Occupation, {u for u, _ in ranked})
    occupations = tuple(
        OccupationTightness(
            u,
            names.get(u, u),
            d.open_vacancies,
            d.available_candidates,
            round(d.tightness, 2),
            is_kansberoep(d.tightness, promising),
        )
        for u, d in ranked
    )
    available = (Candidate.erased_at.is_(None), Candidate.status.in_(AVAILABLE_STATUSES))
    wanted = dict(
        db.execute(
            select(VacancySkill.skill_uri, func.count(func.distinct(Vacancy.id)))
            .join(Vacancy, Vacancy.id == VacancySkill.vacancy_id)
            .where(open_vacancy(), VacancySkill.relation == "essential")
            .group_by(VacancySkill.skill_uri)
        )
        .tuples()
        .all()
    )
    have = (
        dict(
            db.execute(
                select(CandidateSkill.skill_uri, func.count(func.distinct(Candidate.id)))
                .join(Candidate, Candidate.id == CandidateSkill.candidate_id)
                .where(*available, CandidateSkill.skill_uri.in_(list(wanted)))
                .group_by(CandidateSkill.skill_uri)
            )
            .tuples()
            .all()
        )
        if wanted
        else {}
    )
    top = sorted(wanted, key=lambda u: (-(wanted[u] - have.get(u, 0)), u))[:limit]
    training = _training_demand(db, set(top))
    skill_names = _labels(db, Skill, set(top))
    skills = tuple(
        SkillGap(u, skill_names.get(u, u), int(wanted[u]), int(have.get(u, 0)), training[u])
        for u in top
    )
    return Insight(occupations, skills, _trend(db))


def _training_demand(db: Session, skills: set[str]) -> Counter[str]:
    if not skills:
        return Counter()
    needed = (
        db.execute(
            select(Vacancy.occupation_uri, VacancySkill.skill_uri)
            .join(VacancySkill, VacancySkill.vacancy_id == Vacancy.id)
            .where(
                open_vacancy(),
                VacancySkill.relation == "essential",
                VacancySkill.skill_uri.in_(sorted(skills)),
            )
            .distinct()
        )
        .tuples()
        .all()
    )
    by_occupation: dict[str, set[str]] = {}
    for occupation, skill in needed:
        if occupation:
            by_occupation.setdefault(occupation, set()).add(skill)
    wishes = (
        db.execute(
            select(CandidateWish.candidate_id, CandidateWish.occupation_uri)
            .join(Candidate, Candidate.id == CandidateWish.candidate_id)
            .where(
                Candidate.erased_at.is_(None),
                Candidate.status.in_(AVAILABLE_STATUSES),
                CandidateWish.occupation_uri.in_(list(by_occupation)),
            )
        )
        .tuples()
        .all()
    )
    owned: dict[int, set[str]] = {}
    for cid, skill in db.execute(
        select(CandidateSkill.candidate_id, CandidateSkill.skill_uri).where(
            CandidateSkill.skill_uri.in_(sorted(skills)),
            CandidateSkill.candidate_id.in_(
                select(CandidateWish.candidate_id).where(
                    CandidateWish.occupation_uri.in_(list(by_occupation))
                )
            ),
        )
    ).tuples():
        owned.setdefault(cid, set()).add(skill)
    lacking: dict[str, set[int]] = {}
    for cid, occupation in wishes:
        for skill in by_occupation.get(occupation or "", set()) - owned.get(cid, set()):
            lacking.setdefault(skill, set()).add(cid)
    return Counter({s: len(c) for s, c in lacking.items()})


def _trend(db: Session, months: int = 24) -> tuple[tuple[str, int], ...]:
    counts: Counter[str] = Counter()
    for (created,) in db.execute(select(Vacancy.created_at)).tuples():
        aware = created if created.tzinfo else created.replace(tzinfo=UTC)
        counts[f"{aware.year:04d}-{aware.month:02d}"] += 1
    return tuple(sorted(counts.items())[-months:])


def month_label(key: str) -> str:
    year, month = key.split("-")
    return date(int(year), int(month), 1).strftime("%m-%Y")
