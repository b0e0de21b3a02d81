"""The score parts of an explanation add up exactly to the total, and agree with the ranking."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ontschot.matching.engine import MatchIndex
from ontschot.matching.explain import explain
from ontschot.matching.profiles import CERTIFICATES, LICENCES, CandidateProfile, VacancyProfile
from tests.matching.conftest import BUILDING_CLEANER, FORKLIFT_OPERATOR, WAREHOUSE_WORKER

PLACES = ["Enschede", "Hengelo", "Losser", "Amsterdam", "Nergenshuizen", None]


def _skill_pool(index: MatchIndex) -> list[str]:
    occs = index.graph.occupations
    return sorted(
        {
            s
            for o in (BUILDING_CLEANER, FORKLIFT_OPERATOR, WAREHOUSE_WORKER)
            for s in occs[o].essential + occs[o].optional
        }
    )


days = st.integers(0, 200).map(lambda d: date(2026, 12, 1) + timedelta(days=d))
hours = st.tuples(st.integers(0, 40), st.integers(0, 40)).map(sorted)


@st.composite
def pair(draw: st.DrawFn, pool: list[str]) -> tuple[CandidateProfile, VacancyProfile]:
    h1, h2 = draw(hours), draw(hours)
    occs = [BUILDING_CLEANER, FORKLIFT_OPERATOR, WAREHOUSE_WORKER, None]
    cand = CandidateProfile(
        id=1,
        skills=draw(st.lists(st.sampled_from(pool), max_size=12)),
        occupation=draw(st.sampled_from(occs)),
        municipality=draw(st.sampled_from(PLACES)),
        max_travel_km=draw(st.floats(1, 80)),
        hours_min=h1[0],
        hours_max=h1[1],
        available_from=draw(st.none() | days),
        licences=frozenset(draw(st.lists(st.sampled_from(LICENCES), max_size=3))),
        languages={"nl": draw(st.integers(0, 6)), "en": draw(st.integers(0, 6))},
        education_level=draw(st.integers(0, 8)),
        certificates=frozenset(draw(st.lists(st.sampled_from(list(CERTIFICATES)), max_size=2))),
    )
    vac = VacancyProfile(
        id=2,
        essential_skills=draw(st.lists(st.sampled_from(pool), max_size=10)),
        optional_skills=draw(st.lists(st.sampled_from(pool), max_size=10)),
        occupation=draw(st.sampled_from(occs)),
        municipality=draw(st.sampled_from(PLACES)),
        hours_min=h2[0],
        hours_max=h2[1],
        start_date=draw(st.none() | days),
        licences=frozenset(draw(st.lists(st.sampled_from(LICENCES), max_size=2))),
        languages={"nl": draw(st.integers(0, 6)), "de": draw(st.integers(0, 6))},
        min_education_level=draw(st.integers(0, 8)),
        certificates=frozenset(draw(st.lists(st.sampled_from(list(CERTIFICATES)), max_size=2))),
    )
    return cand, vac


def test_parts_add_up_exactly_to_the_total_and_match_the_ranked_score(index: MatchIndex) -> None:
    pool = _skill_pool(index)

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(pair(pool))
    def check(p: tuple[CandidateProfile, VacancyProfile]) -> None:
        # given a candidate and a vacancy
        cand, vac = p
        index.upsert_candidate(cand)
        index.upsert_vacancy(vac)
        # when the pair is ranked and explained
        ranked = index.top_vacancies(cand.id, 1)
        exp = explain(index, cand.id, vac.id)
        # then the parts add up to the total exactly, and the total is the ranked score
        total = 0.0
        for part in exp.parts:
            total += part.points
        assert total == exp.total
        assert 0.0 <= exp.total <= 100.0 + 1e-9
        if ranked.hits:
            assert abs(ranked.hits[0].score * 100 - exp.total) < 1e-3

    check()
