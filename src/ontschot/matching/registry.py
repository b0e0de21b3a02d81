"""From the registry tables to engine profiles, and the in-memory index kept in step with them.

The database stays the source of truth. `MatchCache` builds the index once (taxonomy
structures are shared per taxonomy version) and on every later use applies only what changed:
candidates and vacancies whose `updated_at` is newer than the last sync are re-read, rows that
disappeared (erased, closed, deleted) are removed.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ontschot import signals
from ontschot.employers.models import Vacancy
from ontschot.employers.queries import open_vacancy
from ontschot.matching.engine import MatchIndex
from ontschot.matching.graph import TaxonomyGraph
from ontschot.matching.profiles import CERTIFICATES, CandidateProfile, VacancyProfile
from ontschot.people.models import Candidate
from ontschot.taxonomy.loader import current_version

# Registry vocabularies → engine ordinals (see matching/profiles.py).
EDUCATION = {"basis": 1, "vmbo": 2, "havo_vwo": 6, "mbo": 4, "hbo": 7, "wo": 8}
LANGUAGE_LEVEL = {
    "geen": 0,
    "onbekend": 0,
    "redelijk": 2,
    "goed": 4,
    "uitstekend": 5,
    "A1": 1,
    "A2": 2,
    "B1": 3,
    "B2": 4,
    "C1": 5,
    "C2": 6,
}
LANGUAGE_CODE = {"nld": "nl", "nl": "nl", "eng": "en", "en": "en", "deu": "de", "de": "de"}
MATCHABLE_STATUSES = ("seeking", "employed_at_risk")
_template_lock = threading.Lock()
_templates: dict[tuple[str, int], MatchIndex] = {}


def education_level(value: str, level: str | None = None) -> int:
    """Ordinal of a diploma ("mbo" with level "2", "mbo-3", "hbo", ...); 0 when unknown."""
    base = value.strip().lower().replace("-", "").replace(" ", "")
    digit = (level or base[3:]).strip()[:1]
    if base.startswith("mbo") and digit in ("1", "2", "3", "4"):
        return 2 + int(digit)
    return EDUCATION.get(base, 0)


def candidate_profile(c: Candidate) -> CandidateProfile:
    occupation = next((w.occupation_uri for w in c.wishes if w.occupation_uri), None)
    if occupation is None:
        works = sorted(
            (w for w in c.work_history if w.occupation_uri),
            key=lambda w: (w.end_date is None, w.end_date or w.start_date),
            reverse=True,
        )
        occupation = works[0].occupation_uri if works else None
    languages: dict[str, int] = {}
    for lang in c.languages:
        code = LANGUAGE_CODE.get(lang.language)
        if code:
            languages[code] = max(languages.get(code, 0), LANGUAGE_LEVEL.get(lang.spoken, 0))
    education = max(
        (education_level(e.level) for e in c.educations if e.status == "afgerond"), default=0
    )
    return CandidateProfile(
        id=c.id,
        skills=sorted({s.skill_uri for s in c.skills}),
        occupation=occupation,
        municipality=c.municipality,
        max_travel_km=float(c.max_travel_km or 25),
        hours_min=c.hours_min or 0,
        hours_max=c.hours_max or 40,
        available_from=c.available_from,
        licences=frozenset(c.driving_licences or []),
        languages=languages,
        education_level=education,
    )


def vacancy_profile(v: Vacancy) -> VacancyProfile:
    licences, certificates, languages, education = set(), set(), {}, 0
    for req in v.requirements:
        value = req.value.strip()
        if req.kind == "licence":
            licences.add(value.upper())
        elif req.kind == "certificate":
            certificates.add(value.upper() if value.upper() in CERTIFICATES else value)
        elif req.kind == "language" and LANGUAGE_CODE.get(value.lower()):
            languages[LANGUAGE_CODE[value.lower()]] = LANGUAGE_LEVEL.get(req.level or "", 3)
        elif req.kind == "diploma":
            education = max(education, education_level(value, req.level))
    return VacancyProfile(
        id=v.id,
        essential_skills=[s.skill_uri for s in v.skills if s.relation == "essential"],
        optional_skills=[s.skill_uri for s in v.skills if s.relation != "essential"],
        occupation=v.occupation_uri,
        municipality=v.municipality,
        sector=v.employer.sector,
        hours_min=v.hours_min or 0,
        hours_max=v.hours_max or 40,
        start_date=v.start_date,
        licences=frozenset(licences),
        languages=languages,
        min_education_level=education,
        certificates=frozenset(certificates),
    )


def taxonomy_template(db: Session) -> MatchIndex:
    version = current_version(db)
    key = (str(db.get_bind().engine.url), version.id if version else 0)
    with _template_lock:
        if key not in _templates:
            _templates.clear()  # one taxonomy in force at a time
            _templates[key] = MatchIndex(TaxonomyGraph.from_db(db))
        return _templates[key]


def _candidates(db: Session, ids: Iterable[int] | None = None) -> list[Candidate]:
    query = select(Candidate).where(
        Candidate.erased_at.is_(None), Candidate.status.in_(MATCHABLE_STATUSES)
    )
    if ids is not None:
        query = query.where(Candidate.id.in_(list(ids)))
    query = query.options(
        selectinload(Candidate.skills),
        selectinload(Candidate.languages),
        selectinload(Candidate.educations),
        selectinload(Candidate.wishes),
        selectinload(Candidate.work_history),
    )
    return list(db.scalars(query))


def _vacancies(db: Session, ids: Iterable[int] | None = None) -> list[Vacancy]:
    query = select(Vacancy).where(open_vacancy())
    if ids is not None:
        query = query.where(Vacancy.id.in_(list(ids)))
    query = query.options(selectinload(Vacancy.skills), selectinload(Vacancy.requirements))
    return list(db.scalars(query))


class MatchCache:
    """One index per process (or per app), brought up to date before every use."""

    def __init__(self) -> None:
        self.index: MatchIndex | None = None
        self._mark: tuple[datetime | None, datetime | None] = (None, None)
        self._lock = threading.Lock()
        # Rows committed since the last use (from `signals`), refreshed even when their
        # updated_at does not pass the watermark (same clock tick, clock skew).
        self._dirty: dict[str, set[int]] = {"candidate": set(), "vacancy": set()}
        signals.subscribe(self._heard)

    def _heard(self, kind: str, row_id: int) -> None:
        if kind in self._dirty:
            with self._lock:
                self._dirty[kind].add(row_id)

    def index_for(self, db: Session) -> MatchIndex:
        with self._lock:
            if self.index is None:
                self.index = MatchIndex.sharing(taxonomy_template(db))
                self.index.load(
                    (candidate_profile(c) for c in _candidates(db)),
                    (vacancy_profile(v) for v in _vacancies(db)),
                )
                self._mark = self._watermarks(db)
            else:
                self._sync(db, self.index)
            return self.index

    def _watermarks(self, db: Session) -> tuple[datetime | None, datetime | None]:
        return (
            db.scalar(select(func.max(Candidate.updated_at))),
            db.scalar(select(func.max(Vacancy.updated_at))),
        )

    def _sync(self, db: Session, index: MatchIndex) -> None:
        c_mark, v_mark = self._mark
        new_marks = self._watermarks(db)
        if c_mark is None or new_marks[0] != c_mark:
            changed = select(Candidate.id)
            if c_mark is not None:
                changed = changed.where(Candidate.updated_at > c_mark)
            ids = set(db.scalars(changed))
        else:
            ids = set()
        ids |= self._dirty["candidate"]
        self._dirty["candidate"] = set()
        if ids:
            for c in _candidates(db, ids):
                index.upsert_candidate(candidate_profile(c))
                ids.discard(c.id)
            for cid in ids:  # changed but no longer matchable (erased, placed, inactive)
                index.remove_candidate(cid)
        if v_mark is None or new_marks[1] != v_mark:
            changed = select(Vacancy.id)
            if v_mark is not None:
                changed = changed.where(Vacancy.updated_at > v_mark)
            ids = set(db.scalars(changed))
        else:
            ids = set()
        ids |= self._dirty["vacancy"]
        self._dirty["vacancy"] = set()
        if ids:
            for v in _vacancies(db, ids):
                index.upsert_vacancy(vacancy_profile(v))
                ids.discard(v.id)
            for vid in ids:
                index.remove_vacancy(vid)
        # Rows deleted outright leave no updated_at behind: drop ids the database lacks.
        for cid in set(index.candidate_profiles) - set(db.scalars(select(Candidate.id))):
            index.remove_candidate(cid)
        for vid in set(index.vacancy_profiles) - set(db.scalars(select(Vacancy.id))):
            index.remove_vacancy(vid)
        self._mark = new_marks
