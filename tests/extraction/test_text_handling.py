"""Tokens, stems, compounds and sentences: the pieces the matchers stand on."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ontschot.extraction.text import (
    CompoundSplitter,
    detect_language,
    sentences,
    stem,
    tokens,
)


def test_gendered_plural_and_diminutive_forms_share_a_stem() -> None:
    assert stem("verpleegster") == stem("verpleger") == stem("verplegers")
    assert stem("magazijnmedewerkers") == stem("magazijnmedewerker")
    assert stem("magazijnmedewerkster") == stem("magazijnmedewerker")
    assert stem("kassiere") == stem("kassier")
    assert stem("huisjes") == stem("huisje") == stem("huis")
    assert stem("directrice") == stem("directeur")


def test_unrelated_words_keep_different_stems() -> None:
    assert stem("kok") != stem("kap")
    assert stem("heftruck") != stem("vrachtwagen")


def test_compound_splits_into_known_head_and_modifier() -> None:
    known = {stem(w) for w in ("heftruck", "chauffeur", "vrachtwagen", "certificaat")}
    splitter = CompoundSplitter(known.__contains__)

    assert splitter.split("heftruckchauffeur") == ("heftruck", "chauffeur")
    assert splitter.split("vrachtwagenchauffeurs") == ("vrachtwagen", "chauffeurs")
    assert splitter.split("heftruckcertificaat") == ("heftruck", "certificaat")
    assert splitter.split("onbekendwoord") == ()


def test_tokens_carry_offsets_into_the_original_text() -> None:
    text = "Ervaring met C# en Heftruck-Chauffeurs (m/v)"

    found = tokens(text)

    assert [text[t.start : t.end] for t in found][:4] == ["Ervaring", "met", "C#", "en"]
    assert any(t.norm == "heftruck" for t in found)


def test_sentences_split_on_punctuation_and_bullets() -> None:
    text = "Wij zoeken een kok. Je hebt ervaring!\n- HACCP\n• Rijbewijs B"

    parts = [text[a:b] for a, b in sentences(text)]

    assert parts == ["Wij zoeken een kok.", "Je hebt ervaring!", "HACCP", "Rijbewijs B"]


def test_language_detection_tells_dutch_english_and_other() -> None:
    assert detect_language("Je hebt ervaring met de heftruck en bent flexibel.") == "nl"
    assert detect_language("You have experience with forklifts and you are flexible.") == "en"
    assert detect_language("Wir suchen einen Koch mit Erfahrung und sind für Sie da.") is None
    assert detect_language("heftruckchauffeur") == "nl"


@given(st.text(max_size=400))
def test_token_and_sentence_offsets_stay_inside_any_text(text: str) -> None:
    for token in tokens(text):
        assert 0 <= token.start < token.end <= len(text)
    for start, end in sentences(text):
        assert 0 <= start < end <= len(text)
        assert text[start:end].strip() == text[start:end]


def test_requirement_cues_match_whole_words_only() -> None:
    from ontschot.extraction.skills import requirement_hint

    def hint(sentence: str) -> str | None:
        return requirement_hint(sentence, (0, len(sentence)))

    assert hint("Ervaring met SAP is een pré.") == "optional"
    assert hint("Kennis van Excel is een pluspunt") == "optional"
    assert hint("A driving licence is required.") == "essential"
    assert hint("Nice to have: Docker") == "optional"
    assert hint("Je presenteert de resultaten aan het team.") is None
    assert hint("You prepare the monthly report.") is None
