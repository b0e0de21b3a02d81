"""Per-sentence candidate skills and the small learned model that ranks them.

For one sentence the candidates are its nearest skills by e5 cosine (a shortlist) plus every
skill its words evidence lexically. Each candidate gets a few features that a coach's choice
depends on (how close the sentence is in meaning, relative to the sentence's own best match;
whether the label's words stand in the sentence; how common the skill is across occupations;
whether it is knowledge rather than a skill), and a logistic model turns them into the
probability that a coach would tick it. The weights are fitted by
`bench/extraction_train_rerank.py` on the `dev` splits of the evaluation sets and shipped as
`data/rerank.json` (a few numbers); see ADR 0013.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy import sparse

from ontschot.extraction.index import TaxonomyIndex
from ontschot.extraction.lexical import LexicalHit, Units, overlaps

SHORTLIST = 120
COHERENCE_TEMPERATURE = 0.02  # in cosine units: how fast weight falls below the best match
FEATURES = (
    "cosine",
    "own_cosine",  # best cosine over the labels in the text's language (-1: none)
    "below_best",  # sentence's best cosine minus this one's: relative, not global
    "log_rank",
    "lexical",
    "lexical_other_language",  # evidence from a label in the other language: 'lost', 'test'
    "complete",
    "overlap",
    "popularity",
    "own_language",  # the skill has a label in the text's language
    "knowledge",
    "cross_evidence",  # lexical evidence and in the semantic shortlist
    "coherence",  # the other close skills belong to the same occupations as this one
)
WEIGHTS_FILE = Path(__file__).resolve().parent / "data" / "rerank.json"


@dataclass(frozen=True)
class Reranker:
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        z = expand((features - self.mean) / self.scale) @ self.weights + self.bias
        out: np.ndarray = 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))
        return out

    def to_json(self, note: str) -> str:
        return json.dumps(
            {
                "features": list(FEATURES),
                "mean": [round(float(x), 6) for x in self.mean],
                "scale": [round(float(x), 6) for x in self.scale],
                "weights": [round(float(x), 6) for x in self.weights],
                "bias": round(self.bias, 6),
                "trained_on": note,
            },
            indent=1,
        )


# Hand-set weights for a missing or stale weights file (on standardised features).
_FALLBACK = Reranker(
    mean=np.array([0.82, 0.3, 0.03, 2.5, 0.05, 0.01, 0.03, 0.3, 0.3, 0.5, 0.2, 0.03, 0.2]),
    scale=np.array([0.03, 0.8, 0.03, 1.0, 0.2, 0.1, 0.15, 0.3, 0.25, 0.5, 0.4, 0.15, 0.2]),
    weights=np.concatenate(
        [
            np.array([0.3, 0.0, -0.5, -0.6, 0.4, -0.1, 0.0, 0.7, 0.7, 0.0, 0.0, 0.0, 0.3]),
            np.zeros(91),
        ]
    ),
    bias=-3.5,
)


@lru_cache(maxsize=1)
def reranker() -> Reranker:
    """The shipped model, or hand-set weights when the file is missing or for other features."""
    try:
        data = json.loads(WEIGHTS_FILE.read_text("utf-8"))
        if tuple(data["features"]) != FEATURES:
            return _FALLBACK
        return Reranker(
            np.array(data["mean"], dtype=np.float64),
            np.array(data["scale"], dtype=np.float64),
            np.array(data["weights"], dtype=np.float64),
            float(data["bias"]),
        )
    except (OSError, ValueError, KeyError):
        return _FALLBACK


def candidates(
    index: TaxonomyIndex,
    cosines: np.ndarray,
    own_cosines: np.ndarray,
    lexical: dict[int, LexicalHit],
    units: Units,
    lang: str,
) -> tuple[list[int], np.ndarray]:
    """The sentence's candidate skills and their feature rows (in `FEATURES` order).

    `cosines` holds the sentence's best-label cosine for every skill (-1 without a label),
    `own_cosines` the same over the labels in the text's language only.
    """
    cosines = np.where(index.skill_is_group, -1.0, cosines)
    shortlist = np.argpartition(-cosines, SHORTLIST)[:SHORTLIST]
    shortlist = shortlist[np.argsort(-cosines[shortlist], kind="stable")].astype(np.int64)
    in_shortlist = set(shortlist.tolist())
    extra = [c for c in lexical if c not in in_shortlist and not index.skill_is_group[c]]
    chosen = np.concatenate([shortlist, np.asarray(extra, dtype=np.int64)])
    best = float(cosines[shortlist[0]]) if len(shortlist) else 0.0
    cos = cosines[chosen].astype(np.float64)
    ranks = np.concatenate(
        [
            np.arange(len(shortlist), dtype=np.float64),
            np.array([np.count_nonzero(cosines > c) for c in cos[len(shortlist) :]], np.float64),
        ]
    )
    rows = np.zeros((len(chosen), len(FEATURES)), dtype=np.float64)
    rows[:, 0] = cos
    rows[:, 1] = own_cosines[chosen]
    rows[:, 2] = best - cos
    rows[:, 3] = np.log1p(ranks)
    rows[:, 7] = overlaps(index, units)[chosen]
    rows[:, 8] = index.skill_popularity[chosen]
    rows[:, 9] = 1.0 if lang == "en" else index.skill_has_nl[chosen]
    rows[:, 10] = index.skill_is_knowledge[chosen]
    rows[:, 12] = _coherence(index, chosen, cosines, best)
    position = {int(c): row for row, c in enumerate(chosen)}
    for skill, hit in lexical.items():
        row = position.get(skill)
        if row is None:
            continue  # a skill group
        rows[row, 4 if hit.same_language else 5] = hit.score
        rows[row, 6] = 1.0 if hit.complete else 0.0
        rows[row, 11] = 1.0 if skill in in_shortlist else 0.0
    return chosen.tolist(), rows


_occupation_matrices: dict[str, sparse.csr_matrix] = {}


def _skill_occupation_matrix(index: TaxonomyIndex) -> sparse.csr_matrix:
    """Skills x occupations, 1 where ESCO lists the skill for the occupation."""
    found = _occupation_matrices.get(index.checksum)
    if found is None:
        rows, cols = [], []
        for skill, occupations in index.skill_occupations.items():
            rows += [skill] * len(occupations)
            cols += occupations
        shape = (len(index.skills.uris), len(index.occupations.uris))
        found = sparse.csr_matrix((np.ones(len(rows), np.float32), (rows, cols)), shape=shape)
        _occupation_matrices.clear()
        _occupation_matrices[index.checksum] = found
    return found


def _coherence(
    index: TaxonomyIndex, chosen: np.ndarray, cosines: np.ndarray, best: float
) -> np.ndarray:
    """Per candidate: the largest share of the *other* candidates' weight (close to the
    sentence's best match weighs most) that one occupation asking for this skill also holds.

    'orders verzamelen met de handscanner' puts *pick orders* and *use barcode scanning
    equipment* in the same occupations; a stray near-neighbour shares none with the rest.
    """
    if not len(chosen):
        return np.zeros(0)
    matrix = _skill_occupation_matrix(index)[chosen]
    weight = np.exp((cosines[chosen].astype(np.float64) - best) / COHERENCE_TEMPERATURE)
    mass = np.asarray(matrix.T @ weight).ravel()  # per occupation
    total = float(weight.sum())
    out = np.zeros(len(chosen))
    counts = np.diff(matrix.indptr)
    rows = np.flatnonzero(counts > 0)  # the segments of non-empty rows follow each other
    if len(rows):
        # per candidate, the best occupation among its own: max(mass - own weight) per row
        shared = mass[matrix.indices] - np.repeat(weight, counts)
        most = np.maximum.reduceat(shared, matrix.indptr[:-1][rows])
        alone = total > weight[rows]
        rows, most = rows[alone], most[alone]
        out[rows] = most / (total - weight[rows])
    return out


def expand(x: np.ndarray) -> np.ndarray:
    """Standardised features and their pairwise products: a linear model that can learn
    'close in meaning *and* a common skill' without trees."""
    upper = np.triu_indices(x.shape[1])
    return np.hstack([x, x[:, upper[0]] * x[:, upper[1]]])


def fit(features: np.ndarray, labels: np.ndarray, l2: float = 1.0, steps: int = 30) -> Reranker:
    """Logistic regression by Newton's method with an L2 penalty: deterministic, no library."""
    mean = features.mean(axis=0)
    scale = np.maximum(features.std(axis=0), 1e-6)
    x = np.hstack([expand((features - mean) / scale), np.ones((len(features), 1))])
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[-1] = 0.0  # the bias is not shrunk
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30.0, 30.0)))
        gradient = x.T @ (p - labels) + penalty * w
        hessian = (x * (p * (1 - p))[:, np.newaxis]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if float(np.abs(step).max()) < 1e-8:
            break
    return Reranker(mean, scale, w[:-1], float(w[-1]))
