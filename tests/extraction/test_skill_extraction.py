"""Skill extraction: evidence spans, requirement hints, de-duplication and thresholds."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from ontschot.access.actor import Actor
from ontschot.extraction import service
from ontschot.extraction.index import get_index

VACANCY = """Magazijnmedewerker
Als magazijnmedewerker rijd je dagelijks op de heftruck.
Je bent fysiek fit en kunt zware gewichten tillen.
Je bewaakt de voorraadniveaus.
Ervaring met magazijnbeheersystemen is een pré.
Een VCA-diploma is vereist."""


def _extract(db: Session, text: str, **options: object) -> service.Extraction:
    return service.extract_skills(db, actor=Actor.cli(), text=text, **options)  # type: ignore[arg-type]


def test_label_words_in_the_text_are_found_with_their_spans(
    db: Session, skill_uri: Callable[[str], str]
) -> None:
    result = _extract(db, VACANCY, lang="nl", semantic=False)

    by_uri = {s.uri: s for s in result.skills}
    lift = by_uri[skill_uri("lift heavy weights")]
    assert [VACANCY[a:b] for a, b in lift.spans] == ["zware", "gewichten", "tillen"]
    assert skill_uri("monitor stock level") in by_uri


def test_dutch_verb_final_label_is_evidenced_by_its_noun(
    db: Session, skill_uri: Callable[[str], str]
) -> None:
    result = _extract(db, VACANCY, lang="nl", threshold=0.0, semantic=False)

    forklift = next(s for s in result.skills if s.uri == skill_uri("operate forklift"))
    assert [VACANCY[a:b] for a, b in forklift.spans] == ["heftruck"]


def test_requirement_hints_follow_the_wording(db: Session, skill_uri: Callable[[str], str]) -> None:
    text = "Je kunt zware gewichten tillen; dat is vereist.\nKennis van Python is een pré."

    result = _extract(db, text, lang="nl", threshold=0.0, semantic=False)

    hints = {s.uri: s.requirement for s in result.skills}
    assert hints[skill_uri("lift heavy weights")] == "essential"
    assert hints[skill_uri("Python (computer programming)")] == "optional"


def test_the_likely_occupation_comes_from_the_title_line(
    db: Session, occupation_uri: Callable[[str], str]
) -> None:
    result = _extract(db, VACANCY, lang="nl")

    assert result.occupation is not None
    assert result.occupation.uri == occupation_uri("warehouse worker")


def test_dutch_text_finds_skills_that_have_only_english_labels(db: Session) -> None:
    index = get_index(db)
    text = "Je volgt nauwkeurig de instructies voor de voorraadcontrole op."

    result = _extract(db, text, lang="nl", threshold=0.0, top=10)

    english_only = [s for s in result.skills if not index.skills.label_nl[s.index]]
    assert english_only, "the semantic layer should reach skills without a Dutch label"
    assert all(s.spans == [(0, len(text))] for s in english_only)


def test_a_skill_and_its_broader_skill_are_not_both_listed(db: Session) -> None:
    index = get_index(db)

    result = _extract(db, VACANCY, lang="nl", threshold=0.0, top=50)

    kept = {s.index for s in result.skills}
    for skill in kept:
        assert not (index.broader.get(skill, set()) & kept)


def test_a_higher_threshold_keeps_a_subset_of_the_skills(db: Session) -> None:
    low = _extract(db, VACANCY, lang="nl", threshold=0.0, top=50)
    high = _extract(db, VACANCY, lang="nl", threshold=0.7, top=50)

    assert {s.uri for s in high.skills} <= {s.uri for s in low.skills}
    assert all(s.score >= 0.7 for s in high.skills)
    assert len(high.skills) < len(low.skills)


def test_english_text_is_on_a_par(db: Session, skill_uri: Callable[[str], str]) -> None:
    text = "You are physically fit and able to lift heavy weights. Python is a plus."

    result = _extract(db, text, lang="en", semantic=False)

    hints = {s.uri: s.requirement for s in result.skills}
    assert hints[skill_uri("lift heavy weights")] is None
    assert hints[skill_uri("Python (computer programming)")] == "optional"
    assert result.skills[0].label in {"lift heavy weights", "Python (computer programming)"}


def test_a_skill_evidenced_by_part_of_a_better_skills_words_is_left_out(db: Session) -> None:
    text = "Je leest elektrotechnische tekeningen en technische tekeningen."

    result = _extract(db, text, lang="nl", semantic=False, threshold=0.0, top=50)

    assert result.skills
    for rank, later in enumerate(result.skills):
        for better in result.skills[:rank]:
            assert not set(later.spans) <= set(better.spans), (later.label, better.label)
