"""The two-stage batch returns exact scores and finds most of the exact top-k."""

from __future__ import annotations

import numpy as np
import pytest

from ontschot.matching.batch import all_pairs_top_k
from ontschot.matching.engine import MatchIndex
from ontschot.matching.profiles import CandidateProfile, VacancyProfile

PLACES = ["Enschede", "Hengelo", "Almelo", "Borne", "Oldenzaal", "Losser"]


def _synthetic(index: MatchIndex, n_cand: int, n_vac: int, seed: int = 3) -> None:
    """Vacancies and candidates drawn from a few dozen real ESCO occupation profiles."""
    rng = np.random.default_rng(seed)
    occs = sorted(u for u, o in index.graph.occupations.items() if len(o.essential) >= 8)[:40]

    def keep(items: list[str], p: float) -> list[str]:
        return [s for s, kept in zip(items, rng.random(len(items)) < p, strict=True) if kept]

    vacancies, candidates = [], []
    for i in range(n_vac):
        info = index.graph.occupations[occs[int(rng.integers(len(occs)))]]
        lo = int(rng.choice([8, 16, 24, 32]))
        vacancies.append(
            VacancyProfile(
                i + 1,
                essential_skills=keep(info.essential, 0.8),
                optional_skills=keep(info.optional, 0.35),
                occupation=info.uri,
                municipality=PLACES[int(rng.integers(len(PLACES)))],
                hours_min=lo,
                hours_max=lo + 8,
            )
        )
    for i in range(n_cand):
        info = index.graph.occupations[occs[int(rng.integers(len(occs)))]]
        candidates.append(
            CandidateProfile(
                1000 + i,
                skills=keep(info.essential, 0.7) + keep(info.optional, 0.25),
                occupation=info.uri if i % 4 else None,
                municipality=PLACES[int(rng.integers(len(PLACES)))],
                hours_min=int(rng.choice([8, 16, 24])),
                hours_max=40,
            )
        )
    index.load(candidates, vacancies)


@pytest.fixture
def filled(index: MatchIndex) -> MatchIndex:
    _synthetic(index, 80, 400)
    return index


def test_two_stage_scores_equal_the_single_query_score_of_each_pair(filled: MatchIndex) -> None:
    # when the two-stage batch runs with a shortlist much smaller than the vacancies
    result = all_pairs_top_k(filled, 10, exact=False, shortlist=40, chunk=16, workers=2)
    # then every returned pair carries its exact score (same as the single query's score)
    for cid in result.candidate_ids[:20]:
        single = {h.id: h.score for h in filled.top_vacancies(int(cid), 400).hits}
        for hit in result.hits(int(cid)):
            assert hit.score == pytest.approx(single[hit.id], abs=1e-5)


def test_two_stage_finds_most_of_the_exact_top_10_on_a_seeded_set(filled: MatchIndex) -> None:
    exact = all_pairs_top_k(filled, 10, exact=True)
    approx = all_pairs_top_k(filled, 10, exact=False, shortlist=40, chunk=16)
    assert approx.notes and approx.notes[0].startswith("two-stage")
    # recall with ties: our results at or above the exact 10th score
    kth = exact.scores[:, -1][:, None]
    recall = np.minimum(10, (approx.scores >= kth - 1e-6).sum(axis=1)).mean() / 10
    assert recall >= 0.95


def test_two_stage_with_a_shortlist_covering_everything_equals_exact(filled: MatchIndex) -> None:
    exact = all_pairs_top_k(filled, 10, exact=True)
    wide = all_pairs_top_k(filled, 10, exact=False, shortlist=400)
    np.testing.assert_array_equal(wide.vacancy_ids, exact.vacancy_ids)
    np.testing.assert_allclose(wide.scores, exact.scores)


def test_candidates_without_skills_or_occupation_fall_back_to_the_exact_path(
    filled: MatchIndex,
) -> None:
    filled.upsert_candidate(CandidateProfile(5000, skills=[], municipality="Enschede"))
    exact = all_pairs_top_k(filled, 10, exact=True)
    approx = all_pairs_top_k(filled, 10, exact=False, shortlist=40)
    row = int(np.flatnonzero(exact.candidate_ids == 5000)[0])
    np.testing.assert_allclose(approx.scores[row], exact.scores[row])
