"""Hard requirements never drop a candidate: they show as a gap with a route to close it."""

from __future__ import annotations

from ontschot.matching.engine import MatchIndex
from ontschot.matching.explain import explain
from ontschot.matching.profiles import CandidateProfile, VacancyProfile
from tests.matching.conftest import OPERATE_FORKLIFT


def test_missing_diploma_shows_as_gap_with_route_and_candidate_stays_in_results(
    index: MatchIndex,
) -> None:
    # given a vacancy requiring mbo-2, a forklift certificate and Dutch B1
    index.upsert_vacancy(
        VacancyProfile(
            1,
            essential_skills=[OPERATE_FORKLIFT],
            min_education_level=4,
            certificates=frozenset({"HEFTRUCK"}),
            languages={"nl": 3},
            licences=frozenset({"B"}),
        )
    )
    # and a candidate with the skill but none of the hard requirements
    index.upsert_candidate(
        CandidateProfile(10, skills=[OPERATE_FORKLIFT], education_level=2, languages={"nl": 2})
    )
    # when the vacancy's candidates are ranked and explained
    hits = index.top_candidates(1, 10).hits
    exp = explain(index, 10, 1)
    # then the candidate is still there, and every missing requirement is a gap with a route
    assert [h.id for h in hits] == [10]
    kinds = {g.kind: g for g in exp.gaps}
    assert set(kinds) == {"education", "certificate", "language", "licence"}
    assert "mbo-2" in kinds["education"].label and "BBL" in kinds["education"].route
    assert "heftruck" in kinds["certificate"].label.lower() and kinds["certificate"].route
    assert "B1" in kinds["language"].route
    assert next(p for p in exp.parts if p.name == "requirements").points == 0.0
