"""Occupation recognition: job titles in Dutch and English -> ranked ESCO occupations."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy.orm import Session

from ontschot.access.actor import Actor
from ontschot.extraction import service


def _top_uris(db: Session, title: str, top: int = 5, *, semantic: bool = True) -> list[str]:
    found = service.suggest_occupations(
        db, actor=Actor.cli(), text=title, top=top, semantic=semantic
    )
    return [s.uri for s in found.items]


@pytest.mark.parametrize(
    ("title", "label_en"),
    [
        ("heftruckchauffeur", "forklift operator"),
        ("Heftruckchauffeurs (m/v)", "forklift operator"),
        ("magazijnmedewerkster", "warehouse worker"),
        ("schoonmaakster", "building cleaner"),
        ("kapsters", "hairdresser"),
        ("forklift driver", "forklift operator"),
    ],
)
def test_dutch_morphology_and_english_titles_find_the_occupation_first(
    db: Session, occupation_uri: Callable[[str], str], title: str, label_en: str
) -> None:
    uris = _top_uris(db, title, semantic=False)

    assert uris[0] == occupation_uri(label_en)


def test_a_title_sharing_no_word_with_any_label_is_found_semantically(
    db: Session, occupation_uri: Callable[[str], str]
) -> None:
    lexical = _top_uris(db, "iemand die vloeren schoonmaakt", semantic=False)
    semantic = _top_uris(db, "iemand die vloeren schoonmaakt", semantic=True)

    assert occupation_uri("building cleaner") in semantic
    assert semantic.index(occupation_uri("building cleaner")) <= (
        lexical.index(occupation_uri("building cleaner"))
        if occupation_uri("building cleaner") in lexical
        else len(lexical)
    )


def test_suggestions_are_ranked_best_first_with_scores_between_zero_and_one(db: Session) -> None:
    found = service.suggest_occupations(db, actor=Actor.cli(), text="kok", top=10)

    scores = [s.score for s in found.items]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert found.items[0].label == "kok"


def test_english_request_shows_english_labels(
    db: Session, occupation_uri: Callable[[str], str]
) -> None:
    found = service.suggest_occupations(db, actor=Actor.cli(), text="welder", lang="en")

    assert found.items[0].uri == occupation_uri("welder")
    assert found.items[0].label == "welder"
