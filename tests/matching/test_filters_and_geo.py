"""Filters (municipality, sector, hours, consent mask) and travel distances."""

from __future__ import annotations

import pytest

from ontschot.matching.engine import MatchIndex
from ontschot.matching.explain import explain
from ontschot.matching.geo import Municipalities
from ontschot.matching.profiles import CandidateProfile, VacancyProfile
from tests.matching.conftest import OPERATE_FORKLIFT

TWENTE = [
    "Almelo",
    "Borne",
    "Dinkelland",
    "Enschede",
    "Haaksbergen",
    "Hellendoorn",
    "Hengelo",
    "Hof van Twente",
    "Losser",
    "Oldenzaal",
    "Rijssen-Holten",
    "Tubbergen",
    "Twenterand",
    "Wierden",
]


def test_every_twente_gemeente_has_a_position_and_distances_are_plausible() -> None:
    m = Municipalities.bundled()
    assert all(m.known(name) for name in TWENTE)
    assert sorted(m.in_region("Twente")) == sorted(TWENTE)
    assert m.km(m.get("Enschede"), m.get("Hengelo")) == pytest.approx(8, abs=3)
    assert m.km(m.get("Enschede"), m.get("Amsterdam")) == pytest.approx(142, abs=10)
    assert m.km(m.get("Enschede"), m.get("Atlantis")) is None


def test_distance_note_in_dutch_and_unknown_place_is_not_a_crash(index: MatchIndex) -> None:
    index.upsert_vacancy(
        VacancyProfile(1, essential_skills=[OPERATE_FORKLIFT], municipality="Almelo")
    )
    index.upsert_vacancy(
        VacancyProfile(2, essential_skills=[OPERATE_FORKLIFT], municipality="Atlantis")
    )
    index.upsert_candidate(
        CandidateProfile(10, skills=[OPERATE_FORKLIFT], municipality="Enschede", max_travel_km=25)
    )
    assert "Reisafstand ca. 22 km (max. 25 km)" in explain(index, 10, 1).practical_notes
    assert any("onbekend" in n for n in explain(index, 10, 2).practical_notes)


def test_filters_restrict_vacancies_and_consent_mask_restricts_candidates(
    index: MatchIndex,
) -> None:
    index.upsert_vacancy(
        VacancyProfile(
            1,
            [OPERATE_FORKLIFT],
            municipality="Almelo",
            sector="logistiek",
            hours_min=32,
            hours_max=40,
        )
    )
    index.upsert_vacancy(
        VacancyProfile(
            2, [OPERATE_FORKLIFT], municipality="Hengelo", sector="zorg", hours_min=8, hours_max=16
        )
    )
    for cid in (10, 11, 12):
        index.upsert_candidate(CandidateProfile(cid, skills=[OPERATE_FORKLIFT]))
    ids = lambda result: sorted(h.id for h in result.hits)  # noqa: E731
    assert ids(index.top_vacancies(10, 5, municipalities=["Almelo"])) == [1]
    assert ids(index.top_vacancies(10, 5, sectors=["zorg"])) == [2]
    assert ids(index.top_vacancies(10, 5, hours=(30, 36))) == [1]
    assert ids(index.top_candidates(1, 5, allowed={10, 12})) == [10, 12]
    assert ids(index.top_candidates(1, 5, allowed=set())) == []
