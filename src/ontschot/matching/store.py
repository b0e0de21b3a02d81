"""Rows of profiles kept in memory: dense attribute columns plus sparse skill rows.

Incremental updates without a full rebuild work like a small log-structured store:

* every profile lives in a *slot*; dense attributes are numpy columns indexed by slot;
* slots `0 … n_base-1` have their skill row in the **base** CSR matrix (and its transpose, for
  fast "which rows contain skill s"); newer slots keep their row in a small **delta** list;
* an update gives the profile a new slot and marks the old one inactive; a removal only
  clears the active flag. Queries score base and delta rows and ignore inactive slots;
* when the delta or the dead slots grow past a fraction of the table, `compact()` folds
  everything into a fresh base (amortised O(nnz), never on the query path).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp


class ProfileStore:
    def __init__(self, columns: dict[str, Any], *, compact_fraction: float = 0.1) -> None:
        """`columns`: name → numpy dtype of each dense attribute."""
        self._dtypes = columns
        self._cap = 16
        self.cols: dict[str, np.ndarray] = {
            k: np.zeros(self._cap, dtype=t) for k, t in columns.items()
        }
        self.active = np.zeros(self._cap, dtype=bool)
        self.slot_ids = np.full(self._cap, -1, dtype=np.int64)
        self.slot_of: dict[int, int] = {}
        self.n_slots = 0
        self.width = 0
        self.base = sp.csr_matrix((0, 0), dtype=np.float32)
        self.base_t = sp.csr_matrix((0, 0), dtype=np.float32)
        self._delta_rows: list[tuple[np.ndarray, np.ndarray]] = []
        self._delta: sp.csr_matrix | None = None
        self.compact_fraction = compact_fraction

    # ---- writing -------------------------------------------------------------------------
    def upsert(
        self, pid: int, indices: np.ndarray, values: np.ndarray, attrs: dict[str, Any]
    ) -> int:
        old = self.slot_of.get(pid)
        if old is not None:
            self.active[old] = False
        slot = self._new_slot()
        for name, value in attrs.items():
            self.cols[name][slot] = value
        self.active[slot] = True
        self.slot_ids[slot] = pid
        self.slot_of[pid] = slot
        self._delta_rows.append((indices.astype(np.int32), values.astype(np.float32)))
        self._delta = None
        self.width = max(self.width, int(indices.max()) + 1 if len(indices) else 0)
        self._maybe_compact()
        return slot

    def remove(self, pid: int) -> bool:
        slot = self.slot_of.pop(pid, None)
        if slot is None:
            return False
        self.active[slot] = False
        self._maybe_compact()
        return True

    def bulk_load(
        self, ids: np.ndarray, matrix: sp.csr_matrix, attrs: dict[str, np.ndarray]
    ) -> None:
        """Replace the whole table in one go (initial build, batch recomputation)."""
        n = len(ids)
        self._cap = max(16, n)
        self.cols = {k: np.zeros(self._cap, dtype=t) for k, t in self._dtypes.items()}
        for name, values in attrs.items():
            self.cols[name][:n] = values
        self.active = np.zeros(self._cap, dtype=bool)
        self.active[:n] = True
        self.slot_ids = np.full(self._cap, -1, dtype=np.int64)
        self.slot_ids[:n] = ids
        self.slot_of = {int(i): s for s, i in enumerate(ids)}
        self.n_slots = n
        self.width = matrix.shape[1]
        self._set_base(matrix.astype(np.float32).tocsr())
        self._delta_rows = []
        self._delta = None

    def _new_slot(self) -> int:
        if self.n_slots == self._cap:
            self._cap *= 2
            for name in self.cols:
                self.cols[name] = np.resize(self.cols[name], self._cap)
            self.active = np.concatenate([self.active, np.zeros(self._cap // 2, dtype=bool)])
            self.slot_ids = np.concatenate(
                [self.slot_ids, np.full(self._cap // 2, -1, dtype=np.int64)]
            )
        self.n_slots += 1
        return self.n_slots - 1

    def _set_base(self, matrix: sp.csr_matrix) -> None:
        matrix.sort_indices()
        self.base = matrix
        self.base_t = matrix.T.tocsr()

    def _maybe_compact(self) -> None:
        n_base = self.base.shape[0]
        dead = self.n_slots - len(self.slot_of)
        limit = max(256, int(self.compact_fraction * max(n_base, 1)))
        if len(self._delta_rows) > limit or dead > max(256, 2 * limit):
            self.compact()

    def compact(self) -> None:
        """Fold delta rows into the base and drop inactive slots (slots are renumbered)."""
        if not self._delta_rows and len(self.slot_of) == self.n_slots:
            return
        keep = np.flatnonzero(self.active[: self.n_slots])
        matrix = self.rows(keep)
        attrs = {k: v[keep].copy() for k, v in self.cols.items()}
        self.bulk_load(self.slot_ids[keep].copy(), matrix, attrs)

    # ---- reading -------------------------------------------------------------------------
    @property
    def n_base(self) -> int:
        return int(self.base.shape[0])

    def delta(self) -> sp.csr_matrix:
        if self._delta is None:
            n = len(self._delta_rows)
            indptr = np.zeros(n + 1, dtype=np.int64)
            if n:
                np.cumsum([len(i) for i, _ in self._delta_rows], out=indptr[1:])
                indices = np.concatenate([i for i, _ in self._delta_rows])
                data = np.concatenate([v for _, v in self._delta_rows])
            else:
                indices, data = np.zeros(0, np.int32), np.zeros(0, np.float32)
            self._delta = sp.csr_matrix((data, indices, indptr), shape=(n, self.width))
        return self._delta

    def rows(self, slots: Sequence[int] | np.ndarray) -> sp.csr_matrix:
        """Sparse rows of the given slots, width = current width."""
        slots = np.asarray(slots, dtype=np.int64)
        base = _widen(self.base, self.width)
        delta = _widen(self.delta(), self.width)
        stacked = sp.vstack([base, delta], format="csr") if delta.shape[0] else base
        return stacked[slots].tocsr() if len(slots) else sp.csr_matrix((0, self.width))

    def row(self, slot: int) -> tuple[np.ndarray, np.ndarray]:
        if slot < self.n_base:
            lo, hi = self.base.indptr[slot], self.base.indptr[slot + 1]
            return self.base.indices[lo:hi], self.base.data[lo:hi]
        return self._delta_rows[slot - self.n_base]

    def dot(self, indices: np.ndarray, values: np.ndarray) -> np.ndarray:
        """Row · query for every slot (dense float32 of length n_slots)."""
        out = np.zeros(self.n_slots, dtype=np.float32)
        if len(indices) == 0:
            return out
        in_base = indices < self.base_t.shape[0]
        if self.n_base and in_base.any():
            sub = self.base_t[indices[in_base]]
            out[: self.n_base] = sub.T @ values[in_base].astype(np.float32)
        if self._delta_rows:
            query = np.zeros(max(self.width, int(indices.max()) + 1), dtype=np.float32)
            query[indices] = values
            delta = self.delta()
            out[self.n_base :] = delta @ query[: delta.shape[1]]
        return out

    def live_mask(self) -> np.ndarray:
        return self.active[: self.n_slots].copy()


def _widen(matrix: sp.csr_matrix, width: int) -> sp.csr_matrix:
    if matrix.shape[1] == width:
        return matrix
    return sp.csr_matrix(
        (matrix.data, matrix.indices, matrix.indptr), shape=(matrix.shape[0], width)
    )
