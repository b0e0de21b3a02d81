"""The project's Dutch skill lexicon: extra Dutch labels in the lexical and semantic layers."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from ontschot.access.actor import Actor
from ontschot.extraction import service
from ontschot.extraction.index import LEXICON_KIND, get_index, read_lexicon


def _extract(db: Session, text: str, **options: object) -> service.Extraction:
    return service.extract_skills(db, actor=Actor.cli(), text=text, **options)  # type: ignore[arg-type]


def test_every_lexicon_term_names_a_skill_of_the_taxonomy(db: Session) -> None:
    index = get_index(db)
    pairs = read_lexicon()

    assert len(pairs) > 500
    assert [uri for uri, _, _ in pairs if uri not in index.skills.position] == []
    lexicon_labels = [ref for ref in index.skills.labels if ref.kind == LEXICON_KIND]
    assert {ref.lang for ref in lexicon_labels} == {"nl", "en"}


def test_a_coach_phrase_finds_order_picking(db: Session, skill_uri: Callable[[str], str]) -> None:
    result = _extract(db, "Je pickt orders met een handscanner.", lang="nl", top=5)

    assert skill_uri("pick orders for dispatching") in [s.uri for s in result.skills]


def test_a_lexicon_term_is_evidenced_by_its_words_standing_together_in_order(
    db: Session, skill_uri: Callable[[str], str]
) -> None:
    together = "In het magazijn ga je orders verzamelen."
    apart = "De orders van de klanten zijn binnen en de chauffeurs komen de dozen verzamelen."
    inverted = "Je verzamelt orders."

    found = _extract(db, together, lang="nl", threshold=0.0, top=50, semantic=False)
    far = _extract(db, apart, lang="nl", threshold=0.0, top=50, semantic=False)
    turned = _extract(db, inverted, lang="nl", threshold=0.0, top=50, semantic=False)

    picking = skill_uri("pick orders for dispatching")
    hit = next(s for s in found.skills if s.uri == picking)
    assert [together[a:b] for a, b in hit.spans] == ["orders", "verzamelen"]
    assert picking not in [s.uri for s in far.skills]
    assert picking not in [s.uri for s in turned.skills]  # the lexical layer keeps the order


def test_an_english_lexicon_term_finds_the_skill_esco_words_otherwise(
    db: Session, skill_uri: Callable[[str], str]
) -> None:
    result = _extract(db, "You will be working the till.", lang="en", top=5, semantic=False)

    assert skill_uri("operate cash register") in [s.uri for s in result.skills]
