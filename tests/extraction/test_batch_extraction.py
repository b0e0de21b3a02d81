"""Several texts analysed together give exactly what each gives alone (issue 13, speed)."""

from __future__ import annotations

import json
from collections.abc import Sequence

import numpy as np
from sqlalchemy.orm import Session

from ontschot import errors
from ontschot.access.actor import Actor
from ontschot.extraction import service
from ontschot.extraction.embeddings import KnownQueries, SemanticIndex, cosines
from ontschot.extraction.skills import Extraction, extract_many, extract_skills

from .test_extraction_cli import _run, cli_database  # noqa: F401 - the module's fixture

TEXTS = [
    "Orderpicker / heftruckchauffeur\nJe verzamelt orders met de handscanner, laadt en lost "
    "vrachtwagens en rijdt op de heftruck en de reachtruck. Een geldig heftruckcertificaat en "
    "VCA-basis zijn vereist. Je bent bereid om in ploegendienst te werken.",
    "Werkervaring\n2019 - 2021: vakkenvuller bij Aldi\n2021 - heden: kassamedewerker bij een "
    "supermarkt\nIk ben klantvriendelijk en werk graag in een team.",
    "Je kunt zware gewichten tillen.",
    "orders picken",
    "",
    "Nurse\nYou provide personal care to elderly clients and administer medication.",
    "Je verzamelt orders met de handscanner.",  # also inside the first text
]


def _shape(result: Extraction) -> tuple[object, ...]:
    occupation = result.occupation
    return (
        result.language,
        (occupation.uri, occupation.score) if occupation else None,
        [(s.uri, s.label, s.score, s.spans, s.requirement) for s in result.skills],
    )


def _each_alone(db: Session, texts: Sequence[str], lang: str) -> list[object]:
    out: list[object] = []
    for text in texts:
        try:
            out.append(_shape(service.extract_skills(db, actor=Actor.cli(), text=text, lang=lang)))
        except errors.DomainError as exc:
            out.append((type(exc), exc.detail))
    return out


def _together(db: Session, texts: Sequence[str], lang: str) -> list[object]:
    found = service.extract_skills_many(db, actor=Actor.cli(), texts=texts, lang=lang)
    return [(type(r), r.detail) if isinstance(r, errors.DomainError) else _shape(r) for r in found]


def test_a_batch_gives_what_each_text_gives_alone(db: Session) -> None:
    alone = _each_alone(db, TEXTS, "auto")

    together = _together(db, TEXTS, "auto")

    assert together == alone
    assert together[0][2], "the vacancy has skills"  # type: ignore[index]


def test_order_and_company_in_the_batch_change_nothing(db: Session) -> None:
    forwards = _together(db, TEXTS, "nl")

    backwards = _together(db, TEXTS[::-1], "nl")

    assert backwards[::-1] == forwards


def test_refused_texts_keep_their_place_and_error(db: Session) -> None:
    texts = ["Je kunt zware gewichten tillen.", "heftruck " * 3_000, "\x00\x01 garbage \x7f"]

    together = _together(db, texts, "nl")

    assert together == _each_alone(db, texts, "nl")
    assert together[1][0] is errors.Invalid  # type: ignore[index]


class CountingEncoder:
    """Stands in for the e5 encoder: a fixed vector per text, and how often it was asked."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def queries(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for row, text in enumerate(texts):
            rng = np.random.default_rng(sum(map(ord, text)))
            out[row] = rng.normal(size=384)
        out /= np.linalg.norm(out, axis=1, keepdims=True)
        return out


def test_the_sentences_and_titles_of_a_batch_go_to_the_model_at_once(db: Session) -> None:
    index, semantic, _ = service.engines(db, None)
    assert semantic is not None
    counting = CountingEncoder()
    texts = [(t, "nl") for t in TEXTS if t]

    batch = extract_many(index, texts, semantic=semantic, encoder=counting)

    assert len(counting.calls) == 1
    assert len(counting.calls[0]) == len(set(counting.calls[0]))  # each query once
    alone = [
        extract_skills(index, t, lang=lg, semantic=semantic, encoder=counting) for t, lg in texts
    ]
    assert [_shape(r) for r in batch] == [_shape(r) for r in alone]


def test_a_sentence_scores_the_same_alone_or_among_others() -> None:
    rng = np.random.default_rng(5)
    matrix = rng.normal(size=(50, 384)).astype(np.float32)
    queries = rng.normal(size=(9, 384)).astype(np.float32)

    together = cosines(queries, matrix)

    for row in range(len(queries)):
        assert np.array_equal(cosines(queries[row : row + 1], matrix)[0], together[row])


def test_cosines_per_language_are_the_best_label_of_each_language() -> None:
    rng = np.random.default_rng(3)
    matrix = rng.normal(size=(8, 384)).astype(np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    concepts = np.array([4, 0, 4, 2, 0, 4, 2, 1])
    dutch_rows = np.array([True, False, False, True, True, True, True, False])
    index = SemanticIndex(
        np.zeros((0, 384), np.float32), np.zeros(0, np.int64), matrix, concepts, dutch_rows
    )
    queries = rng.normal(size=(3, 384)).astype(np.float32)

    best, dutch, english = index.skill_cosines_by_language(queries, n_skills=5)

    for want_dutch, got in ((True, dutch), (False, english)):
        expected = np.full((3, 5), -1.0, dtype=np.float32)
        for row, concept, is_dutch in zip(matrix, concepts, dutch_rows, strict=True):
            if is_dutch == want_dutch:
                expected[:, concept] = np.maximum(expected[:, concept], queries @ row)
        assert np.allclose(got, expected, atol=1e-5)
    assert np.array_equal(best, np.maximum(dutch, english))
    assert np.all(best[:, 3] == -1.0)  # skill 3 has no label


def test_queries_known_ahead_are_not_embedded_again() -> None:
    counting = CountingEncoder()
    known = KnownQueries(counting, ["Je tilt zwaar.", "Je werkt  in ploegen."])

    again = known.queries(["Je werkt in ploegen.", "Je tilt zwaar.", "Nieuw."])

    assert counting.calls == [["Je tilt zwaar.", "Je werkt in ploegen."], ["Nieuw."]]
    assert np.array_equal(again[1], counting.queries(["Je tilt zwaar."])[0])


def test_jsonl_answers_equal_one_call_per_text(cli_database: dict[str, str]) -> None:  # noqa: F811
    distinct = [t for t in TEXTS if t]
    texts = distinct * 3  # more lines than one chunk of the batch
    lines = [json.dumps({"id": n, "text": t}) for n, t in enumerate(texts)]
    lines.insert(5, "geen json")
    args = ["skills", "extract", "--jsonl", "--lang", "nl"]

    code, out = _run(cli_database, args, "\n".join(lines))

    assert code == 0, out
    answers = [json.loads(line) for line in out.splitlines()]
    assert answers[5] == {"id": None, "results": [], "error": "geen geldige JSON"}
    del answers[5]
    for n, text in enumerate(distinct):
        code, single = _run(cli_database, ["skills", "extract", "--json", "--lang", "nl"], text)
        assert code == 0, single
        assert answers[n] == {"id": n, "results": json.loads(single)}
    k = len(distinct)
    assert [a["results"] for a in answers[k:]] == [a["results"] for a in answers[:k]] * 2
