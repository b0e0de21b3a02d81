"""The generator: reproducible, Dutch and varied, shaped like a Dutch region."""

from __future__ import annotations

from collections import Counter
from datetime import date

from stdnum.nl import bsn as stdnum_bsn

from ontschot.synth.candidates import synthetic_bsns
from ontschot.synth.generate import REGION_SIZE, Size, generate_region
from ontschot.synth.names import FIRST_NAMES_FEMALE, FIRST_NAMES_MALE, LAST_NAMES
from ontschot.synth.occupations import ESCO_OCCUPATION
from ontschot.synth.profiles import OccupationProfile
from ontschot.synth.regions import find_region

TODAY = date(2026, 11, 23)
TWENTE = (
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
)


def _uri(suffix: str) -> str:
    return ESCO_OCCUPATION + suffix


def test_same_seed_and_date_give_identical_region(profiles: tuple[OccupationProfile, ...]) -> None:
    # given the default Twente size
    # when the region is generated twice with the same seed and reference date
    first = generate_region(profiles, find_region("twente"), seed=7, today=TODAY)
    second = generate_region(profiles, find_region("twente"), seed=7, today=TODAY)
    # then every organisation, user, employer, candidate and vacancy is the same
    assert first.plan == second.plan
    assert first.candidates == second.candidates
    assert first.vacancies == second.vacancies
    assert len(first.candidates) == REGION_SIZE.candidates
    assert len(first.vacancies) == REGION_SIZE.vacancies


def test_another_seed_gives_other_people(profiles: tuple[OccupationProfile, ...]) -> None:
    small = Size(200, 100, 10)
    first = generate_region(profiles, find_region("twente"), small, seed=1, today=TODAY)
    other = generate_region(profiles, find_region("twente"), small, seed=2, today=TODAY)
    names_first = [(c["first_name"], c["last_name"]) for c in first.candidates]
    names_other = [(c["first_name"], c["last_name"]) for c in other.candidates]
    assert names_first != names_other


def test_vacancy_texts_are_dutch_and_varied(profiles: tuple[OccupationProfile, ...]) -> None:
    # given 100 generated vacancies
    region = generate_region(profiles, find_region("twente"), Size(10, 100, 5), seed=3, today=TODAY)
    texts = [v["description"] for v in region.vacancies]
    # then no two texts are the same and the openings vary
    assert len(set(texts)) == 100
    openings = {text.split("\n", 1)[0] for text in texts}
    assert len(openings) >= 20
    # and not only because names differ: with employer, place, title and hours masked,
    # at least 20 different opening sentences remain
    masked = set()
    for vacancy, text in zip(region.vacancies, texts, strict=True):
        employer = next(
            e.name for e in region.plan.employers if e.index == vacancy["employer_index"]
        )
        opening = text.split("\n", 1)[0]
        for part in (employer, vacancy["municipality"], str(vacancy["hours_max"])):
            opening = opening.replace(part, "…").replace(part[:1].upper() + part[1:], "…")
        for profile in profiles:
            if profile.uri == vacancy["occupation_uri"]:
                opening = opening.replace(profile.title, "…")
        masked.add(opening)
    assert len(masked) >= 20
    # and they are Dutch: Dutch function words and section headings, euro amounts
    for text in texts:
        words = Counter(text.lower().split())
        assert words["je"] + words["jij"] + words["we"] + words["wij"] >= 2, text
        assert words["de"] + words["het"] + words["een"] >= 2, text
        assert "bruto per maand" in text
        assert " the " not in text and " and " not in text
    assert len({v["title"] for v in region.vacancies}) >= 60


def test_shortage_and_surplus_occupations(profiles: tuple[OccupationProfile, ...]) -> None:
    # given the default region
    region = generate_region(profiles, find_region("twente"), seed=11, today=TODAY)
    supply = Counter(w[2] for c in region.candidates for w in c["work"][:1])
    demand = Counter(v["occupation_uri"] for v in region.vacancies)
    truck, nurse = (
        _uri("45037d43-a8f5-4f46-b332-b2935bc305f4"),
        _uri("8d3e8aaa-791b-4c75-a465-f3f827028f50"),
    )
    clerk = _uri("044d78cc-f62f-4532-83a5-8e04f2889652")
    # then drivers and nurses are in shortage, administrative staff in surplus
    assert demand[truck] > supply[truck]
    assert demand[nurse] > supply[nurse]
    assert supply[clerk] > demand[clerk]
    # and logistics is more common than rare occupations such as data analysts
    warehouse = _uri("bea705fe-06ac-4147-b8e0-6e8ac1208d8f")
    analyst = _uri("d3edb8f8-3a06-47a0-8fb9-9b212c006aa2")
    assert demand[warehouse] > 3 * demand[analyst]


def test_people_live_in_all_twente_municipalities_weighted_by_size(
    profiles: tuple[OccupationProfile, ...],
) -> None:
    region = generate_region(profiles, find_region("twente"), seed=5, today=TODAY)
    places = Counter(c["municipality"] for c in region.candidates)
    assert set(places) == set(TWENTE)
    assert places.most_common(1)[0][0] == "Enschede"
    assert places["Hengelo"] > places["Tubbergen"]
    assert places["Almelo"] > places["Losser"]
    benefits = Counter(c["benefit"] for c in region.candidates)
    assert {"ww", "bijstand", "none", "wajong"} <= set(benefits)
    assert any(c["status"] == "employed_at_risk" for c in region.candidates)
    ages = [(TODAY - c["birth_date"]).days // 365 for c in region.candidates]
    assert min(ages) >= 18 and max(ages) <= 67


def test_names_are_random_combinations_of_common_names_and_bsns_are_synthetic(
    profiles: tuple[OccupationProfile, ...],
) -> None:
    region = generate_region(profiles, find_region("twente"), seed=5, today=TODAY)
    for c in region.candidates:
        assert c["first_name"] in FIRST_NAMES_FEMALE + FIRST_NAMES_MALE
        assert c["last_name"] in LAST_NAMES
        assert c["email"] is None or c["email"].endswith("@example.com")
    bsns = [c["bsn"] for c in region.candidates if c["bsn"]]
    assert 0 < len(bsns) < len(region.candidates) / 10
    assert len(set(bsns)) == len(bsns)
    assert all(stdnum_bsn.is_valid(b) and b.startswith("99999") for b in bsns)


def test_synthetic_bsn_range_all_pass_the_11_proef() -> None:
    numbers = list(synthetic_bsns())
    assert 800 < len(numbers) < 1000
    assert all(stdnum_bsn.is_valid(n) for n in numbers)


def test_skills_derive_from_past_occupations(profiles: tuple[OccupationProfile, ...]) -> None:
    region = generate_region(profiles, find_region("twente"), Size(500, 10, 5), seed=9, today=TODAY)
    by_uri = {p.uri: p for p in profiles}
    with_history = [c for c in region.candidates if c["work"]]
    overlapping = 0
    for c in with_history:
        own = {uri for uri, _ in c["skills"]}
        past = {
            s.uri for job in c["work"] for s in by_uri[job[2]].essential + by_uri[job[2]].optional
        }
        if own and len(own & past) >= len(own) * 0.7:
            overlapping += 1
    assert overlapping > 0.8 * len(with_history)
    assert any(not c["skills"] for c in region.candidates)
