"""Profiles without skills give a clear answer, never a crash."""

from __future__ import annotations

from ontschot.matching.engine import MatchIndex
from ontschot.matching.explain import explain
from ontschot.matching.profiles import CandidateProfile, VacancyProfile
from tests.matching.conftest import FORKLIFT_OPERATOR, OPERATE_FORKLIFT


def test_candidate_without_skills_or_occupation_gets_no_results_and_a_note(
    index: MatchIndex,
) -> None:
    index.upsert_vacancy(VacancyProfile(1, essential_skills=[OPERATE_FORKLIFT]))
    index.upsert_candidate(CandidateProfile(10))
    result = index.top_vacancies(10, 5)
    assert result.hits == []
    assert any("geen vaardigheden" in n for n in result.notes)


def test_candidate_with_occupation_but_no_skills_is_ranked_with_a_note(index: MatchIndex) -> None:
    index.upsert_vacancy(
        VacancyProfile(1, essential_skills=[OPERATE_FORKLIFT], occupation=FORKLIFT_OPERATOR)
    )
    index.upsert_candidate(CandidateProfile(10, occupation=FORKLIFT_OPERATOR))
    result = index.top_vacancies(10, 5)
    assert [h.id for h in result.hits] == [1]
    assert result.notes
    exp = explain(index, 10, 1)
    assert exp.parts[0].points == 0.0 and exp.missing_essential


def test_vacancy_without_skills_scores_zero_on_skills_with_a_note(index: MatchIndex) -> None:
    index.upsert_vacancy(VacancyProfile(1))
    index.upsert_candidate(CandidateProfile(10, skills=[OPERATE_FORKLIFT]))
    result = index.top_candidates(1, 5)
    assert [h.id for h in result.hits] == [10]
    assert any("geen vaardigheden" in n for n in result.notes)
    exp = explain(index, 10, 1)
    assert exp.parts[0].points == exp.parts[1].points == 0.0
    assert any("geen vaardigheden" in n for n in exp.notes)


def test_unknown_ids_raise_key_error(index: MatchIndex) -> None:
    import pytest

    with pytest.raises(KeyError):
        index.top_vacancies(999)
