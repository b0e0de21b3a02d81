"""Skill space and the sparse skill-relatedness matrix.

`R[t, s]` is the partial credit a candidate who has skill `t` gets for a vacancy skill `s`
that they do not have exactly. It is built from ESCO structure alone, so it works without
embeddings, and takes a semantic similarity matrix as one more source when one is available:

* ESCO skill–skill relation (both directions),
* hierarchy: `t` is a narrower skill of `s` (high credit) or the broader skill of `s` (lower),
* siblings: `t` and `s` share a direct broader concept with few children,
* co-occurrence: `t` and `s` appear together in many occupation profiles (cosine ≥ threshold),
* semantic: cosine of skill embeddings above a threshold (optional).

Every entry keeps the kind of evidence that produced it, so an explanation can say *why* a
skill counted. Each row keeps only its strongest `max_per_skill` entries: the matrix stays
small (≈ 13.9k × 12 nonzeros for ESCO) and a candidate's expanded profile stays sparse.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from ontschot.matching.graph import TaxonomyGraph

KIND_EXACT = 0
KIND_ESCO_RELATION = 1
KIND_NARROWER = 2
KIND_BROADER = 3
KIND_SIBLING = 4
KIND_COOCCURRENCE = 5
KIND_SEMANTIC = 6

KIND_REASONS_NL = {
    KIND_EXACT: "zelfde vaardigheid",
    KIND_ESCO_RELATION: "ESCO noemt deze vaardigheden verwant",
    KIND_NARROWER: "is een specialisatie van de gevraagde vaardigheid",
    KIND_BROADER: "is de bredere vaardigheid van de gevraagde",
    KIND_SIBLING: "valt in dezelfde ESCO-vaardigheidsgroep",
    KIND_COOCCURRENCE: "komt in beroepsprofielen vaak samen voor",
    KIND_SEMANTIC: "lijkt qua betekenis sterk op de gevraagde vaardigheid",
}


@dataclass(frozen=True)
class RelatednessConfig:
    relation_credit: float = 0.5
    narrower_credit: float = 0.6
    broader_credit: float = 0.35
    sibling_credit: float = 0.3
    max_siblings: int = 40
    cooccurrence_min_cosine: float = 0.5
    cooccurrence_min_occupations: int = 2
    cooccurrence_credit: float = 0.5
    semantic_threshold: float = 0.9
    semantic_credit: float = 0.5
    max_per_skill: int = 12


class SkillSpace:
    """Dense integer index for skill URIs; grows when a profile brings an unknown URI."""

    def __init__(self, uris: Iterable[str] = ()) -> None:
        self.uris: list[str] = []
        self._index: dict[str, int] = {}
        for uri in uris:
            self.add(uri)

    def __len__(self) -> int:
        return len(self.uris)

    def add(self, uri: str) -> int:
        idx = self._index.get(uri)
        if idx is None:
            idx = len(self.uris)
            self._index[uri] = idx
            self.uris.append(uri)
        return idx

    def get(self, uri: str) -> int | None:
        return self._index.get(uri)

    def indices(self, uris: Iterable[str], *, add: bool = True) -> np.ndarray:
        if add:
            return np.fromiter((self.add(u) for u in uris), dtype=np.int32)
        found = (self._index.get(u) for u in uris)
        return np.array([i for i in found if i is not None], dtype=np.int32)


@dataclass
class Relatedness:
    """CSR matrix of partial credits plus the evidence kind of every stored entry."""

    matrix: sp.csr_matrix
    kinds: np.ndarray  # int8, aligned with matrix.data

    def ensure_size(self, n: int) -> None:
        if self.matrix.shape[0] < n:
            self.matrix.resize((n, n))

    def lookup(self, t: int, s: int) -> tuple[float, int]:
        """Credit and evidence kind for candidate skill `t` against vacancy skill `s`."""
        if t >= self.matrix.shape[0]:
            return 0.0, -1
        lo, hi = self.matrix.indptr[t], self.matrix.indptr[t + 1]
        pos = lo + np.searchsorted(self.matrix.indices[lo:hi], s)
        if pos < hi and self.matrix.indices[pos] == s:
            return float(self.matrix.data[pos]), int(self.kinds[pos])
        return 0.0, -1


def build_relatedness(
    graph: TaxonomyGraph,
    space: SkillSpace,
    config: RelatednessConfig | None = None,
    semantic: sp.spmatrix | None = None,
) -> Relatedness:
    """Combine every source; where two sources give a credit for the same pair, keep the highest.

    `semantic` is an optional S×S matrix of cosine similarities in `space` order (only pairs
    worth considering need be stored, e.g. each skill's nearest neighbours).
    """
    cfg = config or RelatednessConfig()
    for uri in graph.skill_labels:
        space.add(uri)
    for info in graph.occupations.values():
        space.indices(info.essential)
        space.indices(info.optional)
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray, int]] = []

    # ESCO skill–skill relations, symmetric.
    pairs = [(space.get(a), space.get(b)) for a, b in graph.skill_relations]
    rel = np.array([(a, b) for a, b in pairs if a is not None and b is not None], dtype=np.int64)
    if len(rel):
        rows = np.concatenate([rel[:, 0], rel[:, 1]])
        cols = np.concatenate([rel[:, 1], rel[:, 0]])
        parts.append((rows, cols, np.full(len(rows), cfg.relation_credit), KIND_ESCO_RELATION))

    # Hierarchy: narrower → broader between skills, and siblings under any parent.
    children: dict[str, list[int]] = defaultdict(list)
    hier = []
    for narrower, broader in graph.broader:
        n_idx = space.get(narrower)
        if n_idx is None:
            continue
        children[broader].append(n_idx)
        b_idx = space.get(broader)
        if b_idx is not None:
            hier.append((n_idx, b_idx))
    if hier:
        h = np.array(hier, dtype=np.int64)
        parts.append((h[:, 0], h[:, 1], np.full(len(h), cfg.narrower_credit), KIND_NARROWER))
        parts.append((h[:, 1], h[:, 0], np.full(len(h), cfg.broader_credit), KIND_BROADER))
    sib_rows, sib_cols = [], []
    for kids in children.values():
        if 2 <= len(kids) <= cfg.max_siblings:
            k = np.array(kids, dtype=np.int64)
            sib_rows.append(np.repeat(k, len(k)))
            sib_cols.append(np.tile(k, len(k)))
    if sib_rows:
        rows, cols = np.concatenate(sib_rows), np.concatenate(sib_cols)
        parts.append((rows, cols, np.full(len(rows), cfg.sibling_credit), KIND_SIBLING))

    parts.append(_cooccurrence(graph, space, cfg))
    if semantic is not None:
        sem = sp.coo_matrix(semantic)
        keep = sem.data >= cfg.semantic_threshold
        credit = cfg.semantic_credit * np.minimum(
            1.0, (sem.data[keep] - cfg.semantic_threshold) / (1.0 - cfg.semantic_threshold) + 0.5
        )
        parts.append(
            (sem.row[keep].astype(np.int64), sem.col[keep].astype(np.int64), credit, KIND_SEMANTIC)
        )
    return _combine(parts, len(space), cfg.max_per_skill)


def _cooccurrence(
    graph: TaxonomyGraph, space: SkillSpace, cfg: RelatednessConfig
) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    rows, cols = [], []
    for i, info in enumerate(graph.occupations.values()):
        idx = np.unique(space.indices([*info.essential, *info.optional]))
        rows.append(np.full(len(idx), i, dtype=np.int64))
        cols.append(idx.astype(np.int64))
    empty = np.zeros(0, dtype=np.int64)
    if not rows:
        return empty, empty, np.zeros(0), KIND_COOCCURRENCE
    r, c = np.concatenate(rows), np.concatenate(cols)
    m = sp.csr_matrix((np.ones(len(r), dtype=np.float32), (r, c)), shape=(len(rows), len(space)))
    co = (m.T @ m).tocoo()
    degree = np.asarray(m.sum(axis=0)).ravel()
    cosine = co.data / np.sqrt(degree[co.row] * degree[co.col])
    keep = (
        (co.row != co.col)
        & (co.data >= cfg.cooccurrence_min_occupations)
        & (cosine >= cfg.cooccurrence_min_cosine)
    )
    return (
        co.row[keep].astype(np.int64),
        co.col[keep].astype(np.int64),
        cfg.cooccurrence_credit * cosine[keep],
        KIND_COOCCURRENCE,
    )


def _combine(
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray, int]], n: int, max_per_row: int
) -> Relatedness:
    if not parts:
        return Relatedness(sp.csr_matrix((n, n), dtype=np.float32), np.zeros(0, dtype=np.int8))
    rows = np.concatenate([p[0] for p in parts])
    cols = np.concatenate([p[1] for p in parts])
    credit = np.concatenate([np.asarray(p[2], dtype=np.float64) for p in parts])
    kind = np.concatenate([np.full(len(p[0]), p[3], dtype=np.int8) for p in parts])
    keep = rows != cols
    rows, cols, credit, kind = rows[keep], cols[keep], credit[keep], kind[keep]
    # Strongest evidence first within each (row, col); keep one entry per pair.
    order = np.lexsort((-credit, cols, rows))
    rows, cols, credit, kind = rows[order], cols[order], credit[order], kind[order]
    first = np.ones(len(rows), dtype=bool)
    first[1:] = (rows[1:] != rows[:-1]) | (cols[1:] != cols[:-1])
    rows, cols, credit, kind = rows[first], cols[first], credit[first], kind[first]
    # Strongest `max_per_row` entries per row.
    order = np.lexsort((cols, -credit, rows))
    rows, cols, credit, kind = rows[order], cols[order], credit[order], kind[order]
    starts = np.searchsorted(rows, rows, side="left")
    keep = (np.arange(len(rows)) - starts) < max_per_row
    rows, cols, credit, kind = rows[keep], cols[keep], credit[keep], kind[keep]
    order = np.lexsort((cols, rows))
    rows, cols, credit, kind = rows[order], cols[order], credit[order], kind[order]
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n), out=indptr[1:])
    matrix = sp.csr_matrix((credit.astype(np.float32), cols.astype(np.int32), indptr), shape=(n, n))
    return Relatedness(matrix, kind)
