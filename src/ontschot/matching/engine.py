"""The matching index: candidates and vacancies in memory, top-K in both directions, batch.

Skill coverage of vacancy `v` by candidate `c` is a dot product:

    E[c, s] = 1 if c has s, else max over c's skills t of R[t, s]   (related credit, ≤ 0.6)
    W[v, s] = weight of s in v (essential 2, optional 1) / total weight of v
    coverage(c, v) = E[c] · W[v]

so one candidate against every vacancy is a sparse matrix–vector product over the columns of
the candidate's (expanded) skills, and all pairs are a chunked sparse–sparse product. The
other parts are dense array look-ups (occupation proximity matrix, distance matrix, masks).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import scipy.sparse as sp

from ontschot.matching.geo import Municipalities
from ontschot.matching.graph import TaxonomyGraph
from ontschot.matching.profiles import (
    LANGUAGES,
    CandidateProfile,
    VacancyProfile,
    certificate_mask,
    licence_mask,
)
from ontschot.matching.relatedness import (
    Relatedness,
    RelatednessConfig,
    SkillSpace,
    build_relatedness,
)
from ontschot.matching.scoring import (
    UNKNOWN_DAY,
    MatchWeights,
    OccupationSpace,
    practical_parts,
    practical_total,
)
from ontschot.matching.store import ProfileStore

EPOCH = date(2000, 1, 1)
CANDIDATE_COLUMNS = {
    "occ": np.int32,
    "mun": np.int32,
    "max_km": np.float32,
    "hmin": np.int16,
    "hmax": np.int16,
    "avail": np.int32,
    "lic": np.int32,
    "nl": np.int16,
    "en": np.int16,
    "de": np.int16,
    "edu": np.int16,
    "cert": np.int32,
    "n_skills": np.int32,
}
VACANCY_COLUMNS = {
    "occ": np.int32,
    "mun": np.int32,
    "sector": np.int32,
    "hmin": np.int16,
    "hmax": np.int16,
    "start": np.int32,
    "lic": np.int32,
    "nl": np.int16,
    "en": np.int16,
    "de": np.int16,
    "edu": np.int16,
    "cert": np.int32,
    "n_skills": np.int32,
}


@dataclass(frozen=True)
class Hit:
    id: int
    score: float  # 0 … 1; multiply by 100 for points


@dataclass
class HitList:
    hits: list[Hit]
    notes: list[str] = field(default_factory=list)


def day_number(value: date | None, default: int) -> int:
    return default if value is None else (value - EPOCH).days


class MatchIndex:
    def __init__(
        self,
        graph: TaxonomyGraph,
        *,
        weights: MatchWeights | None = None,
        relatedness: RelatednessConfig | None = None,
        semantic: sp.spmatrix | None = None,
        municipalities: Municipalities | None = None,
    ) -> None:
        self.graph = graph
        self.weights = weights or MatchWeights()
        self.space = SkillSpace()
        self.related: Relatedness = build_relatedness(graph, self.space, relatedness, semantic)
        self.occupations = OccupationSpace(graph, self.space, self.weights)
        self.municipalities = municipalities or Municipalities.bundled()
        self.sectors: dict[str, int] = {}
        self.candidates = ProfileStore(CANDIDATE_COLUMNS)
        self.vacancies = ProfileStore(VACANCY_COLUMNS)
        self.candidate_profiles: dict[int, CandidateProfile] = {}
        self.vacancy_profiles: dict[int, VacancyProfile] = {}

    @classmethod
    def sharing(cls, other: MatchIndex) -> MatchIndex:
        """An empty index that reuses `other`'s taxonomy structures (cheap to create)."""
        index = cls.__new__(cls)
        index.graph, index.weights, index.space = other.graph, other.weights, other.space
        index.related, index.occupations = other.related, other.occupations
        index.municipalities = other.municipalities
        index.sectors = {}
        index.candidates = ProfileStore(CANDIDATE_COLUMNS)
        index.vacancies = ProfileStore(VACANCY_COLUMNS)
        index.candidate_profiles, index.vacancy_profiles = {}, {}
        return index

    # ---- encoding ------------------------------------------------------------------------
    def expand(self, skill_idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Expanded credits of a skill set: exact skills 1.0, related skills their best credit."""
        skill_idx = np.unique(skill_idx)
        if len(skill_idx) == 0:
            return skill_idx.astype(np.int32), np.zeros(0, np.float32)
        self.related.ensure_size(len(self.space))
        sub = self.related.matrix[skill_idx]
        cols = np.concatenate([skill_idx, sub.indices])
        vals = np.concatenate([np.ones(len(skill_idx), np.float32), sub.data])
        order = np.lexsort((-vals, cols))
        cols, vals = cols[order], vals[order]
        first = np.ones(len(cols), dtype=bool)
        first[1:] = cols[1:] != cols[:-1]
        return cols[first].astype(np.int32), vals[first].astype(np.float32)

    def vacancy_weights(self, v: VacancyProfile) -> tuple[np.ndarray, np.ndarray]:
        w = self.weights
        ess = self.space.indices(v.essential_skills)
        opt = np.setdiff1d(self.space.indices(v.optional_skills), ess)
        ess = np.unique(ess)
        idx = np.concatenate([ess, opt]).astype(np.int32)
        vals = np.concatenate(
            [np.full(len(ess), w.essential_weight), np.full(len(opt), w.optional_weight)]
        ).astype(np.float64)
        if len(vals):
            vals /= vals.sum()
        order = np.argsort(idx)
        return idx[order], vals[order].astype(np.float32)

    def _candidate_attrs(self, c: CandidateProfile, n_skills: int) -> dict[str, object]:
        attrs: dict[str, object] = {
            "occ": self.occupations.index(c.occupation),
            "mun": self.municipalities.get(c.municipality),
            "max_km": c.max_travel_km,
            "hmin": c.hours_min,
            "hmax": c.hours_max,
            "avail": day_number(c.available_from, -UNKNOWN_DAY),
            "lic": licence_mask(c.licences),
            "edu": c.education_level,
            "cert": certificate_mask(c.certificates),
            "n_skills": n_skills,
        }
        attrs.update({lang: c.languages.get(lang, 0) for lang in LANGUAGES})
        return attrs

    def _vacancy_attrs(self, v: VacancyProfile, n_skills: int) -> dict[str, object]:
        attrs: dict[str, object] = {
            "occ": self.occupations.index(v.occupation),
            "mun": self.municipalities.get(v.municipality),
            "sector": self.sectors.setdefault(v.sector, len(self.sectors)) if v.sector else -1,
            "hmin": v.hours_min,
            "hmax": v.hours_max,
            "start": day_number(v.start_date, UNKNOWN_DAY),
            "lic": licence_mask(v.licences),
            "edu": v.min_education_level,
            "cert": certificate_mask(v.certificates),
            "n_skills": n_skills,
        }
        attrs.update({lang: v.languages.get(lang, 0) for lang in LANGUAGES})
        return attrs

    # ---- incremental updates -------------------------------------------------------------
    def upsert_candidate(self, c: CandidateProfile) -> None:
        cols, vals = self.expand(self.space.indices(c.skills))
        self.candidates.upsert(c.id, cols, vals, self._candidate_attrs(c, len(set(c.skills))))
        self.candidate_profiles[c.id] = c

    def upsert_vacancy(self, v: VacancyProfile) -> None:
        idx, vals = self.vacancy_weights(v)
        self.vacancies.upsert(v.id, idx, vals, self._vacancy_attrs(v, len(idx)))
        self.vacancy_profiles[v.id] = v

    def remove_candidate(self, cid: int) -> None:
        self.candidates.remove(cid)
        self.candidate_profiles.pop(cid, None)

    def remove_vacancy(self, vid: int) -> None:
        self.vacancies.remove(vid)
        self.vacancy_profiles.pop(vid, None)

    def load(
        self, candidates: Iterable[CandidateProfile] = (), vacancies: Iterable[VacancyProfile] = ()
    ) -> None:
        """Bulk build (replaces both tables); faster than one upsert per profile."""
        self._bulk(self.candidates, list(candidates), is_candidate=True)
        self._bulk(self.vacancies, list(vacancies), is_candidate=False)

    def _bulk(self, store: ProfileStore, profiles: list, *, is_candidate: bool) -> None:  # type: ignore[type-arg]
        if not profiles:
            return
        rows, cols, vals = [], [], []
        attrs: dict[str, list[object]] = {}
        for i, p in enumerate(profiles):
            if is_candidate:
                idx, val = self.expand(self.space.indices(p.skills))
                a = self._candidate_attrs(p, len(set(p.skills)))
                self.candidate_profiles[p.id] = p
            else:
                idx, val = self.vacancy_weights(p)
                a = self._vacancy_attrs(p, len(idx))
                self.vacancy_profiles[p.id] = p
            rows.append(np.full(len(idx), i, dtype=np.int64))
            cols.append(idx)
            vals.append(val)
            for k, value in a.items():
                attrs.setdefault(k, []).append(value)
        matrix = sp.csr_matrix(
            (np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))),
            shape=(len(profiles), len(self.space)),
            dtype=np.float32,
        )
        columns = store.cols
        store.bulk_load(
            np.array([p.id for p in profiles], dtype=np.int64),
            matrix,
            {k: np.asarray(v, dtype=columns[k].dtype) for k, v in attrs.items()},
        )

    # ---- scoring -------------------------------------------------------------------------
    def _columns(self, store: ProfileStore, slots: np.ndarray | int) -> dict[str, np.ndarray]:
        return {k: v[: store.n_slots][slots] for k, v in store.cols.items()}

    def score_slots(
        self, c_slots: np.ndarray | int, v_slots: np.ndarray | int, skill_points: np.ndarray
    ) -> np.ndarray:
        """Total score (float32) for aligned or broadcast candidate/vacancy slot arrays.

        `skill_points` is `float32(w.skills) * coverage`, computed by the caller so that batch
        and single queries do exactly the same float32 arithmetic.
        """
        c = self._columns(self.candidates, c_slots)
        v = self._columns(self.vacancies, v_slots)
        dist = self.municipalities.distance
        km = np.where(
            (c["mun"] >= 0) & (v["mun"] >= 0),
            dist[np.maximum(c["mun"], 0), np.maximum(v["mun"], 0)],
            np.nan,
        )
        parts = practical_parts(c, v, km)
        occ = self.occupations.proximity[c["occ"], v["occ"]]
        w = self.weights
        total: np.ndarray = (
            skill_points + occ * np.float32(w.occupation) + practical_total(w, parts)
        )
        return total

    def top_vacancies(
        self,
        candidate_id: int,
        k: int = 10,
        *,
        municipalities: Collection[str] | None = None,
        sectors: Collection[str] | None = None,
        hours: tuple[int, int] | None = None,
    ) -> HitList:
        """Best open vacancies for one candidate (one sparse mat-vec + argpartition)."""
        slot = self.candidates.slot_of.get(candidate_id)
        if slot is None:
            raise KeyError(f"candidate {candidate_id} is not in the index")
        notes = []
        store = self.vacancies
        if self.candidates.cols["n_skills"][slot] == 0:
            notes.append(
                "Kandidaat heeft nog geen vaardigheden vastgelegd: de score rust alleen "
                "op beroep en praktische punten."
            )
            if self.candidates.cols["occ"][slot] < 0:
                return HitList(
                    [],
                    [
                        *notes,
                        "Ook geen beroep bekend: eerst vaardigheden of een beroep vastleggen.",
                    ],
                )
        idx, vals = self.candidates.row(slot)
        skill_points = store.dot(idx, vals) * np.float32(self.weights.skills)
        scores = self.score_slots(slot, np.arange(store.n_slots), skill_points)
        mask = store.live_mask()
        cols = store.cols
        if municipalities is not None:
            wanted = [self.municipalities.get(m) for m in municipalities]
            mask &= np.isin(cols["mun"][: store.n_slots], wanted)
        if sectors is not None:
            wanted = [self.sectors.get(s, -2) for s in sectors]
            mask &= np.isin(cols["sector"][: store.n_slots], wanted)
        if hours is not None:
            mask &= (cols["hmin"][: store.n_slots] <= hours[1]) & (
                cols["hmax"][: store.n_slots] >= hours[0]
            )
        return HitList(_top(scores, mask, store.slot_ids, k), notes)

    def top_candidates(
        self,
        vacancy_id: int,
        k: int = 10,
        *,
        allowed: Collection[int] | np.ndarray | None = None,
        municipalities: Collection[str] | None = None,
        hours: tuple[int, int] | None = None,
    ) -> HitList:
        """Best candidates for one vacancy; `allowed` = ids the organisation may see (consent)."""
        slot = self.vacancies.slot_of.get(vacancy_id)
        if slot is None:
            raise KeyError(f"vacancy {vacancy_id} is not in the index")
        notes = []
        if self.vacancies.cols["n_skills"][slot] == 0:
            notes.append(
                "Vacature heeft geen vaardigheden: de score rust alleen op beroep en "
                "praktische punten."
            )
        store = self.candidates
        idx, vals = self.vacancies.row(slot)
        skill_points = store.dot(idx, vals) * np.float32(self.weights.skills)
        scores = self.score_slots(np.arange(store.n_slots), slot, skill_points)
        mask = store.live_mask()
        if allowed is not None:
            mask &= np.isin(store.slot_ids[: store.n_slots], np.fromiter(allowed, np.int64))
        cols = store.cols
        if municipalities is not None:
            wanted = [self.municipalities.get(m) for m in municipalities]
            mask &= np.isin(cols["mun"][: store.n_slots], wanted)
        if hours is not None:
            mask &= (cols["hmin"][: store.n_slots] <= hours[1]) & (
                cols["hmax"][: store.n_slots] >= hours[0]
            )
        return HitList(_top(scores, mask, store.slot_ids, k), notes)


def _top(scores: np.ndarray, mask: np.ndarray, ids: np.ndarray, k: int) -> list[Hit]:
    valid = np.flatnonzero(mask)
    if len(valid) == 0 or k <= 0:
        return []
    sub = scores[valid]
    k = min(k, len(valid))
    part = np.argpartition(-sub, k - 1)[:k]
    # Stable order: score descending, then id ascending, so equal scores do not flicker.
    order = np.lexsort((ids[valid[part]], -sub[part]))
    chosen = part[order]
    return [Hit(int(ids[valid[i]]), float(sub[i])) for i in chosen]
