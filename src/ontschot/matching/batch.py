"""All-pairs top-K in chunks with bounded memory, exact by construction.

For a chunk of B candidates:

1. coverage = E[chunk] @ Wᵀ (sparse × sparse), densified to B × n_vacancies float32;
2. partial  = w_skills · coverage + w_occupation · proximity[occ_c, occ_v];
3. the M best vacancies per row by `partial` (argpartition) get the full score (practical
   parts), and the K best of those are the answer;
4. exact refinement: practical parts add at most w_practical, so a vacancy outside the M can
   only enter the top K if partial + w_practical > the row's current K-th score. Exactly
   those pairs are scored in full and merged (counted in `BatchResult.refined_pairs`), so the
   result equals scoring every pair, without computing practical fit for every pair.

Memory is a few B × n_vacancies float32 arrays per worker (B=256, 20k vacancies: ≈ 60 MB).

With `exact=False` the batch uses the two-stage path of `twostage.py` instead (shortlist of
`shortlist` vacancies per candidate from a sparse product over informative own skills and the
own occupation, exact scores for those pairs); it falls back to this exact path when the
shortlist would cover every vacancy and for rows whose shortlist is shorter than k.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from ontschot.matching.engine import Hit, MatchIndex
from ontschot.matching.twostage import two_stage_rows


@dataclass
class BatchResult:
    candidate_ids: np.ndarray  # (n,)
    vacancy_ids: np.ndarray  # (n, k), −1 where fewer than k vacancies exist
    scores: np.ndarray  # (n, k) float32, −inf where empty
    refined_pairs: int = 0
    notes: list[str] = field(default_factory=list)

    def hits(self, candidate_id: int) -> list[Hit]:
        row = int(np.flatnonzero(self.candidate_ids == candidate_id)[0])
        return [
            Hit(int(v), float(s))
            for v, s in zip(self.vacancy_ids[row], self.scores[row], strict=True)
            if v >= 0
        ]


def all_pairs_top_k(
    index: MatchIndex,
    k: int = 20,
    *,
    chunk: int = 256,
    prefilter: int = 0,
    candidate_mask: np.ndarray | None = None,
    vacancy_mask: np.ndarray | None = None,
    workers: int = 2,
    exact: bool = True,
    shortlist: int = 200,
    common_fraction: float = 0.02,
) -> BatchResult:
    """Top-k vacancies for every live candidate (optionally only those in the masks).

    `exact=True` equals scoring every pair; `exact=False` is the faster two-stage batch.
    """
    index.candidates.compact()
    index.vacancies.compact()
    cands, vacs = index.candidates, index.vacancies
    width = max(cands.width, vacs.width, len(index.space))
    e = _widen(cands.base, width)
    wt = _widen(vacs.base, width).T.tocsr()
    c_live = cands.live_mask() if candidate_mask is None else cands.live_mask() & candidate_mask
    v_live = vacs.live_mask() if vacancy_mask is None else vacs.live_mask() & vacancy_mask
    c_slots = np.flatnonzero(c_live)
    v_slots = np.flatnonzero(v_live)
    n, k_eff = len(c_slots), min(k, len(v_slots))
    out_ids = np.full((n, k), -1, dtype=np.int64)
    out_scores = np.full((n, k), -np.inf, dtype=np.float32)
    if n == 0 or k_eff == 0:
        return BatchResult(cands.slot_ids[c_slots], out_ids, out_scores)
    if not exact and shortlist < len(v_slots):
        return _two_stage(
            index,
            k,
            e,
            c_slots,
            v_slots,
            c_live,
            v_live,
            shortlist,
            common_fraction,
            chunk,
            workers,
        )
    m = min(len(v_slots), max(prefilter or 4 * k, k))
    w = index.weights
    occ_points = index.occupations.proximity * np.float32(w.occupation)
    v_occ = vacs.cols["occ"][v_slots]
    wt = wt[:, v_slots] if len(v_slots) < vacs.n_slots else wt
    v_ids = vacs.slot_ids[v_slots]

    def run(start: int) -> int:
        rows = c_slots[start : start + chunk]
        skill_points = (e[rows] @ wt).toarray()
        skill_points *= np.float32(w.skills)
        partial = np.take(occ_points[cands.cols["occ"][rows]], v_occ, axis=1)
        partial += skill_points
        if m < partial.shape[1]:
            n_v = partial.shape[1]
            sel = np.argpartition(partial, n_v - m, axis=1)[:, n_v - m :]
        else:
            sel = np.broadcast_to(np.arange(partial.shape[1]), partial.shape).copy()
        r = np.arange(len(rows))[:, None]
        total = index.score_slots(rows[:, None], v_slots[sel], skill_points[r, sel])
        best = np.argpartition(-total, k_eff - 1, axis=1)[:, :k_eff]
        cand_scores = total[r, best]
        cand_cols = sel[r, best]
        refined = 0
        if m < partial.shape[1]:
            # Exact refinement: any vacancy outside the M whose partial + w_practical could
            # still beat the row's current K-th score is scored in full.
            kth = cand_scores.min(axis=1)
            qualify = partial > (kth - np.float32(w.practical))[:, None]
            qualify[r, sel] = False
            qr, qc = np.nonzero(qualify)
            refined = len(qr)
            if len(qr):
                extra = index.score_slots(rows[qr], v_slots[qc], skill_points[qr, qc])
                all_r = np.concatenate([np.repeat(np.arange(len(rows)), k_eff), qr])
                all_s = np.concatenate([cand_scores.ravel(), extra])
                all_c = np.concatenate([cand_cols.ravel(), qc])
                order = np.lexsort((-all_s, all_r))
                all_r, all_s, all_c = all_r[order], all_s[order], all_c[order]
                first = np.searchsorted(all_r, np.arange(len(rows)))
                take = (first[:, None] + np.arange(k_eff)[None, :]).ravel()
                cand_scores = all_s[take].reshape(len(rows), k_eff)
                cand_cols = all_c[take].reshape(len(rows), k_eff)
        order = np.argsort(-cand_scores, axis=1, kind="stable")
        out_ids[start : start + len(rows), :k_eff] = v_ids[cand_cols[r, order]]
        out_scores[start : start + len(rows), :k_eff] = cand_scores[r, order]
        return refined

    starts = range(0, n, chunk)
    if workers > 1:
        with ThreadPoolExecutor(workers) as pool:
            refined = sum(pool.map(run, starts))
    else:
        refined = sum(run(s) for s in starts)
    return BatchResult(cands.slot_ids[c_slots], out_ids, out_scores, refined)


def _two_stage(
    index: MatchIndex,
    k: int,
    e: sp.csr_matrix,
    c_slots: np.ndarray,
    v_slots: np.ndarray,
    c_live: np.ndarray,
    v_live: np.ndarray,
    shortlist: int,
    common_fraction: float,
    chunk: int,
    workers: int,
) -> BatchResult:
    vacs = index.vacancies
    w = _widen(vacs.base, e.shape[1])
    k_eff = min(k, len(v_slots))
    cols, scores, short = two_stage_rows(
        index,
        e,
        w,
        c_slots,
        v_slots,
        k_eff,
        shortlist=shortlist,
        common_fraction=common_fraction,
        chunk=max(chunk, 512),
        workers=workers,
    )
    n = len(c_slots)
    out_ids = np.full((n, k), -1, dtype=np.int64)
    out_scores = np.full((n, k), -np.inf, dtype=np.float32)
    out_ids[:, :k_eff] = vacs.slot_ids[v_slots][cols]
    out_scores[:, :k_eff] = scores
    notes = [f"two-stage: shortlist {shortlist}, {len(short)} rows scored exactly"]
    if len(short):
        mask = np.zeros_like(c_live)
        mask[c_slots[short]] = True
        exact = all_pairs_top_k(
            index, k, chunk=chunk, candidate_mask=mask, vacancy_mask=v_live, workers=workers
        )
        out_ids[short] = exact.vacancy_ids
        out_scores[short] = exact.scores
    return BatchResult(index.candidates.slot_ids[c_slots], out_ids, out_scores, 0, notes)


def recompute_region(index: MatchIndex, region: str, k: int = 20, **kwargs: object) -> BatchResult:
    """All matches between candidates and vacancies located in one arbeidsmarktregio."""
    names = index.municipalities.in_region(region)
    wanted = [index.municipalities.get(name) for name in names]
    index.candidates.compact()
    index.vacancies.compact()
    c_mask = np.isin(index.candidates.cols["mun"][: index.candidates.n_slots], wanted)
    v_mask = np.isin(index.vacancies.cols["mun"][: index.vacancies.n_slots], wanted)
    return all_pairs_top_k(index, k, candidate_mask=c_mask, vacancy_mask=v_mask, **kwargs)  # type: ignore[arg-type]


def _widen(matrix: sp.csr_matrix, width: int) -> sp.csr_matrix:
    if matrix.shape[1] == width:
        return matrix
    return sp.csr_matrix(
        (matrix.data, matrix.indices, matrix.indptr), shape=(matrix.shape[0], width)
    )
