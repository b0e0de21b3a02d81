"""The index changes with single updates, without a rebuild, and batch agrees with single."""

from __future__ import annotations

import numpy as np

from ontschot.matching.batch import all_pairs_top_k, recompute_region
from ontschot.matching.engine import MatchIndex
from ontschot.matching.profiles import CandidateProfile, VacancyProfile
from tests.matching.conftest import (
    BUILDING_CLEANER,
    FORKLIFT_OPERATOR,
    OPERATE_FORKLIFT,
    PICK_ORDERS,
    WAREHOUSE_WORKER,
)


def _vacancy(index: MatchIndex, vid: int, occ: str, place: str = "Enschede") -> VacancyProfile:
    info = index.graph.occupations[occ]
    return VacancyProfile(
        vid,
        essential_skills=info.essential,
        optional_skills=info.optional,
        occupation=occ,
        municipality=place,
    )


def test_adding_updating_and_removing_a_vacancy_changes_the_results(index: MatchIndex) -> None:
    # given a cleaner and one cleaning vacancy
    index.upsert_candidate(
        CandidateProfile(1, skills=[PICK_ORDERS, OPERATE_FORKLIFT], municipality="Enschede")
    )
    index.upsert_vacancy(_vacancy(index, 100, BUILDING_CLEANER))
    assert [h.id for h in index.top_vacancies(1, 5).hits] == [100]
    # when a forklift vacancy is added, then it ranks first
    index.upsert_vacancy(_vacancy(index, 200, FORKLIFT_OPERATOR))
    assert [h.id for h in index.top_vacancies(1, 5).hits] == [200, 100]
    # when that vacancy is changed to a cleaning job, then it drops below
    index.upsert_vacancy(_vacancy(index, 200, BUILDING_CLEANER, "Amsterdam"))
    assert [h.id for h in index.top_vacancies(1, 5).hits] == [100, 200]
    # when it is removed, then it is gone
    index.remove_vacancy(200)
    assert [h.id for h in index.top_vacancies(1, 5).hits] == [100]


def test_updating_a_candidates_skills_changes_their_scores(index: MatchIndex) -> None:
    index.upsert_vacancy(_vacancy(index, 100, FORKLIFT_OPERATOR))
    index.upsert_candidate(CandidateProfile(1, skills=[PICK_ORDERS]))
    before = index.top_vacancies(1, 1).hits[0].score
    index.upsert_candidate(CandidateProfile(1, skills=[PICK_ORDERS, OPERATE_FORKLIFT]))
    after = index.top_vacancies(1, 1).hits[0].score
    assert after > before


def test_many_updates_compact_and_batch_equals_single_queries(index: MatchIndex) -> None:
    # given enough updates to force compaction of the delta rows
    occs = [BUILDING_CLEANER, FORKLIFT_OPERATOR, WAREHOUSE_WORKER]
    places = ["Enschede", "Hengelo", "Almelo", "Amsterdam"]
    for i in range(400):
        index.upsert_vacancy(_vacancy(index, i, occs[i % 3], places[i % 4]))
    for i in range(0, 400, 7):
        index.remove_vacancy(i)
    for c in range(30):
        info = index.graph.occupations[occs[c % 3]]
        index.upsert_candidate(
            CandidateProfile(1000 + c, skills=info.essential[c % 5 :], municipality=places[c % 4])
        )
    # when every candidate's top 5 is computed in batch (small M forces the refinement)
    result = all_pairs_top_k(index, 5, chunk=8, prefilter=6, workers=2)
    # then it equals the single-candidate query for each of them
    for cid in range(1000, 1030):
        single = [round(h.score, 5) for h in index.top_vacancies(cid, 5).hits]
        assert [round(h.score, 5) for h in result.hits(cid)] == single
    assert not set(np.ravel(result.vacancy_ids)) & set(range(0, 400, 7))


def test_region_batch_only_pairs_candidates_and_vacancies_of_that_region(
    index: MatchIndex,
) -> None:
    index.upsert_vacancy(_vacancy(index, 1, FORKLIFT_OPERATOR, "Enschede"))
    index.upsert_vacancy(_vacancy(index, 2, FORKLIFT_OPERATOR, "Amsterdam"))
    index.upsert_candidate(CandidateProfile(10, skills=[OPERATE_FORKLIFT], municipality="Losser"))
    index.upsert_candidate(CandidateProfile(11, skills=[OPERATE_FORKLIFT], municipality="Utrecht"))
    result = recompute_region(index, "Twente", 5)
    assert result.candidate_ids.tolist() == [10]
    assert [h.id for h in result.hits(10)] == [1]
