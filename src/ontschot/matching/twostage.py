"""Approximate all-pairs top-K in two stages: cheap shortlist, then the exact score.

Stage 1 (retrieval) scores every candidate against every vacancy with a much sparser
product than the exact one: only the candidate's **own** skills (no related credit), only
**informative** skills (those in at most `common_fraction` of the vacancies; the handful of
near-universal skills make the exact product ~30-45 % dense), plus the occupation points of
vacancies with exactly the candidate's occupation. Each row keeps its `shortlist` best
vacancies (vectorised sort of the sparse chunk, no dense chunk).

Stage 2 scores only those pairs with the exact scorer: coverage with related credit is a
gather from the candidate's expanded row (dense per chunk) over the vacancy's ~30 weights,
then occupation proximity and practical fit via `MatchIndex.score_slots`. Scores are exact;
only the *set* may miss a vacancy that stage 1 did not shortlist. Rows whose stage 1 found
fewer than `k` vacancies (no informative skill, no occupation) fall back to the exact batch.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import scipy.sparse as sp

from ontschot.matching.engine import MatchIndex

HOURS_BAND = 8  # vacancies are grouped by minimum weekly hours in bands of 8
N_BANDS = 6


def shortlist_matrices(
    index: MatchIndex,
    e: sp.csr_matrix,
    w: sp.csr_matrix,
    c_slots: np.ndarray,
    v_slots: np.ndarray,
    common_fraction: float,
) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    """Stage-1 query rows (candidates) and the transposed stage-1 vacancy matrix.

    `e` and `w` hold the rows of `c_slots` and `v_slots` (in that order).
    """
    c_occ = index.candidates.cols["occ"][c_slots]
    v_occ = index.vacancies.cols["occ"][v_slots]
    n_v, width = w.shape
    df = np.bincount(w.indices, minlength=width)
    informative = df <= max(common_fraction * n_v, 1.0)
    weights = index.weights
    q = e.copy()
    q.data = np.where((q.data >= 1.0) & informative[q.indices], 1.0, 0.0).astype(np.float32)
    q.eliminate_zeros()
    d = w.copy()
    d.data = (d.data * informative[d.indices] * np.float32(weights.skills)).astype(np.float32)
    d.eliminate_zeros()
    # Occupation blocks keyed by (occupation, gemeente, hours band): a vacancy of the
    # candidate's own occupation gets the occupation points plus the distance and hours points
    # it would get, so inside a large occupation block the shortlist prefers vacancies that
    # are near and fit the hours. Gemeenten beyond 2 × max_km (distance part 0) get no entry.
    dist = index.municipalities.distance
    n_mun = dist.shape[0] + 1  # last column: unknown gemeente
    c_cols = index.candidates.cols
    c_mun = c_cols["mun"][c_slots]
    known_c, known_v = c_occ >= 0, v_occ >= 0
    rows_c = np.flatnonzero(known_c)
    km = np.full((len(rows_c), n_mun), np.nan, dtype=np.float32)
    has_mun = c_mun[rows_c] >= 0
    km[has_mun, :-1] = dist[c_mun[rows_c][has_mun]]
    max_km = np.maximum(c_cols["max_km"][c_slots][rows_c], 1.0)
    near = np.where(np.isnan(km), 0.5, np.clip(1.0 - km / (2.0 * max_km[:, None]), 0.0, 1.0))
    band_lo = HOURS_BAND * np.arange(N_BANDS)
    gap = np.maximum(
        0,
        np.maximum(c_cols["hmin"][c_slots][rows_c, None], band_lo[None, :])
        - np.minimum(c_cols["hmax"][c_slots][rows_c, None], band_lo[None, :] + HOURS_BAND),
    )
    fit = np.clip(1.0 - gap / 8.0, 0.0, 1.0)
    # entries only for (candidate, gemeente) pairs within reach, then one per hours band
    r_idx, m_idx = np.nonzero(near > 0)
    values = (
        np.float32(weights.occupation)
        + np.float32(weights.distance) * near[r_idx, m_idx, None]
        + np.float32(weights.hours) * fit[r_idx]
    ).astype(np.float32)
    base_key = (c_occ[rows_c][r_idx].astype(np.int64) * n_mun + m_idx) * N_BANDS
    key = base_key[:, None] + np.arange(N_BANDS)[None, :]
    n_keys = index.occupations.proximity.shape[0] * n_mun * N_BANDS
    q_occ = sp.csr_matrix(
        (values.ravel(), (np.repeat(rows_c[r_idx], N_BANDS), key.ravel())),
        shape=(len(c_occ), n_keys),
    )
    v_mun = index.vacancies.cols["mun"][v_slots]
    v_band = np.clip(index.vacancies.cols["hmin"][v_slots] // HOURS_BAND, 0, N_BANDS - 1)
    v_key = (v_occ.astype(np.int64) * n_mun + np.where(v_mun >= 0, v_mun, n_mun - 1)) * N_BANDS
    v_key += v_band
    d_occ = sp.csr_matrix(
        (
            np.ones(int(known_v.sum()), np.float32),
            (np.flatnonzero(known_v), v_key[known_v]),
        ),
        shape=(n_v, n_keys),
    )
    query = sp.hstack([q, q_occ], format="csr")
    docs_t = sp.hstack([d, d_occ], format="csr").T.tocsr()
    query.sort_indices()
    docs_t.sort_indices()
    return query, docs_t


def top_per_row(s: sp.csr_matrix, m: int) -> tuple[np.ndarray, np.ndarray]:
    """(row, column) of the m largest entries of each row of a sparse matrix."""
    nnz = np.diff(s.indptr)
    rows = np.repeat(np.arange(s.shape[0]), nnz)
    if not (nnz > m).any():
        return rows, s.indices.astype(np.int64)
    # rows ascending, values descending within a row (values are < 2)
    order = np.argsort(rows * 4.0 - s.data, kind="stable")
    rank = np.arange(len(order)) - s.indptr[rows[order]]
    chosen = order[rank < m]
    return rows[chosen], s.indices[chosen].astype(np.int64)


def pair_coverage(
    e_rows: sp.csr_matrix, w: sp.csr_matrix, pr: np.ndarray, pv: np.ndarray
) -> np.ndarray:
    """Exact coverage E[pr] · W[pv] for aligned pairs (float32)."""
    dense = e_rows.toarray().ravel()
    width = e_rows.shape[1]
    lens = np.diff(w.indptr)[pv]
    ends = np.cumsum(lens)
    pair_of = np.repeat(np.arange(len(pv)), lens)
    # position of each (pair, weight) entry inside w: start of the pair's row + offset
    pos = np.arange(int(ends[-1]) if len(ends) else 0) + np.repeat(
        w.indptr[pv] - (ends - lens), lens
    )
    flat = np.repeat(pr * width, lens) + w.indices[pos]
    vals = dense.take(flat) * w.data[pos]
    return np.bincount(pair_of, weights=vals, minlength=len(pv)).astype(np.float32)


def two_stage_rows(
    index: MatchIndex,
    e: sp.csr_matrix,
    w: sp.csr_matrix,
    c_slots: np.ndarray,
    v_slots: np.ndarray,
    k_eff: int,
    *,
    shortlist: int,
    common_fraction: float,
    chunk: int,
    workers: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Best k_eff vacancy positions (into v_slots) and scores per candidate; short rows listed.

    Returns (cols, scores, short) where `short` holds the positions (into c_slots) of rows
    whose shortlist had fewer than k_eff vacancies: the caller scores those exactly.
    """
    wv = w[v_slots]
    query, docs_t = shortlist_matrices(index, e[c_slots], wv, c_slots, v_slots, common_fraction)
    n = len(c_slots)
    cols = np.zeros((n, k_eff), dtype=np.int64)
    scores = np.full((n, k_eff), -np.inf, dtype=np.float32)
    short: list[np.ndarray] = []
    skills = np.float32(index.weights.skills)

    def run(start: int) -> None:
        stop = min(start + chunk, n)
        s = query[start:stop] @ docs_t
        pr, pv = top_per_row(s, shortlist)
        counts = np.bincount(pr, minlength=stop - start)
        short.append(start + np.flatnonzero(counts < k_eff))
        rows = c_slots[start:stop]
        cover = pair_coverage(e[rows], wv, pr, pv)
        total = index.score_slots(rows[pr], v_slots[pv], cover * skills)
        order = np.lexsort((-total, pr))
        pr_o = pr[order]
        rank = np.arange(len(order)) - np.searchsorted(pr_o, pr_o)
        best = order[rank < k_eff]
        r, j = pr[best], rank[rank < k_eff]
        cols[start + r, j] = pv[best]
        scores[start + r, j] = total[best]

    starts = range(0, n, chunk)
    if workers > 1:
        with ThreadPoolExecutor(workers) as pool:
            list(pool.map(run, starts))
    else:
        for start in starts:
            run(start)
    return cols, scores, np.concatenate(short) if short else np.zeros(0, np.int64)
