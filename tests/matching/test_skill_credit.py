"""Essential skills weigh more than optional ones; a related skill gives visible partial credit."""

from __future__ import annotations

from ontschot.matching.engine import MatchIndex
from ontschot.matching.explain import explain
from ontschot.matching.profiles import CandidateProfile, VacancyProfile
from tests.matching.conftest import (
    FORKLIFT_INSPECTIONS,
    FORKLIFT_OPERATOR,
    OPERATE_FORKLIFT,
    PICK_ORDERS,
)


def test_covering_an_essential_skill_scores_higher_than_covering_an_optional_one(
    index: MatchIndex,
) -> None:
    # given one vacancy with forklift essential and order picking optional
    index.upsert_vacancy(
        VacancyProfile(1, essential_skills=[OPERATE_FORKLIFT], optional_skills=[PICK_ORDERS])
    )
    # and two candidates, each with only one of the two skills
    index.upsert_candidate(CandidateProfile(10, skills=[OPERATE_FORKLIFT]))
    index.upsert_candidate(CandidateProfile(11, skills=[PICK_ORDERS]))
    # when the vacancy's candidates are ranked
    hits = index.top_candidates(1, 2).hits
    # then the candidate with the essential skill ranks first, with more skill points
    assert [h.id for h in hits] == [10, 11]
    ess, opt = explain(index, 10, 1), explain(index, 11, 1)
    assert ess.parts[0].points > opt.parts[0].points > 0
    assert [s.label for s in ess.missing_optional] and not ess.missing_essential
    assert [s.uri for s in opt.missing_essential] == [OPERATE_FORKLIFT]


def test_related_skill_gives_partial_credit_and_says_which_skill_covers_which(
    index: MatchIndex,
) -> None:
    # given a vacancy that asks for operating a forklift
    index.upsert_vacancy(
        VacancyProfile(1, essential_skills=[OPERATE_FORKLIFT], occupation=FORKLIFT_OPERATOR)
    )
    # and candidates with the exact skill, a related skill (forklift inspections), or neither
    index.upsert_candidate(CandidateProfile(10, skills=[OPERATE_FORKLIFT]))
    index.upsert_candidate(CandidateProfile(11, skills=[FORKLIFT_INSPECTIONS]))
    index.upsert_candidate(CandidateProfile(12, skills=[PICK_ORDERS]))
    # when explained
    exact, related, neither = (explain(index, c, 1) for c in (10, 11, 12))
    # then the related skill earns part of the exact skill's points, and says why
    skill_points = [e.parts[0].points + e.parts[1].points for e in (exact, related, neither)]
    assert skill_points[0] > skill_points[1] > skill_points[2] == 0.0
    assert related.parts[0].points == 0.0 and related.parts[1].name == "skills_related"
    (rel,) = related.related
    assert rel.vacancy_skill.uri == OPERATE_FORKLIFT
    assert rel.candidate_skill_uri == FORKLIFT_INSPECTIONS
    assert 0 < rel.credit < 1 and rel.reason
    # a partly covered essential skill is still listed as missing, so the gap stays visible
    assert [s.uri for s in related.missing_essential] == [OPERATE_FORKLIFT]
