"""Score parts that work on whole arrays at once: occupation proximity and practical fit.

Every part is a number in [0, 1]; the total is Σ weight × part, so the weights say how many of
the 100 points a part can give and the explanation can show parts that add up to the total.
The same functions score one pair (explanations) and millions (batch), so they cannot drift.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np
import scipy.sparse as sp

from ontschot.matching.graph import TaxonomyGraph
from ontschot.matching.relatedness import SkillSpace

UNKNOWN_DAY = 2**30  # "no start date" / "no availability date": never late


@dataclass(frozen=True)
class MatchWeights:
    """Points (out of 1.0) each part can contribute; they must add up to 1."""

    skills: float = 0.55
    occupation: float = 0.15
    distance: float = 0.08
    hours: float = 0.06
    availability: float = 0.04
    licence: float = 0.04
    language: float = 0.04
    requirements: float = 0.04
    essential_weight: float = 2.0  # a vacancy's essential skill counts this many times …
    optional_weight: float = 1.0  # … as often as an optional one

    def __post_init__(self) -> None:
        total = sum(getattr(self, f.name) for f in fields(self) if f.name in PART_NAMES)
        if abs(total - 1.0) > 1e-9:
            raise ValueError(f"part weights must add up to 1, not {total}")
        if self.essential_weight <= self.optional_weight:
            raise ValueError("essential skills must weigh more than optional ones")

    @property
    def practical(self) -> float:
        return float(sum(getattr(self, name) for name in PRACTICAL_PARTS))


PRACTICAL_PARTS = ("distance", "hours", "availability", "licence", "language", "requirements")
PART_NAMES = ("skills", "occupation", *PRACTICAL_PARTS)


def practical_parts(
    c: dict[str, np.ndarray], v: dict[str, np.ndarray], distance_km: np.ndarray
) -> dict[str, np.ndarray]:
    """Sub-scores in [0, 1] for candidate columns `c` against vacancy columns `v` (broadcast)."""
    max_km = np.maximum(c["max_km"], 1.0)
    dist = np.where(
        np.isnan(distance_km), 0.5, np.clip(1.0 - distance_km / (2.0 * max_km), 0.0, 1.0)
    )
    gap = np.maximum(
        0, np.maximum(c["hmin"], v["hmin"]).astype(np.int32) - np.minimum(c["hmax"], v["hmax"])
    )
    hours = np.clip(1.0 - gap / 8.0, 0.0, 1.0)
    late = np.maximum(0, c["avail"].astype(np.int64) - v["start"].astype(np.int64))
    availability = np.clip(1.0 - late / 60.0, 0.0, 1.0)
    licence = ((v["lic"] & ~c["lic"]) == 0).astype(np.float32)
    deficit = np.maximum(
        np.maximum(v["nl"].astype(np.int16) - c["nl"], 0),
        np.maximum(
            np.maximum(v["en"].astype(np.int16) - c["en"], 0),
            np.maximum(v["de"].astype(np.int16) - c["de"], 0),
        ),
    )
    language = np.clip(1.0 - deficit / 3.0, 0.0, 1.0)
    edu_ok = (c["edu"] >= v["edu"]).astype(np.float32)
    cert_ok = ((v["cert"] & ~c["cert"]) == 0).astype(np.float32)
    requirements = 0.5 * edu_ok + 0.5 * cert_ok
    return {
        "distance": dist,
        "hours": hours,
        "availability": availability,
        "licence": licence,
        "language": language,
        "requirements": requirements,
    }


def practical_total(weights: MatchWeights, parts: dict[str, np.ndarray]) -> np.ndarray:
    total = np.zeros(np.shape(parts["distance"]), dtype=np.float32)
    for name in PRACTICAL_PARTS:
        total += np.float32(getattr(weights, name)) * parts[name].astype(np.float32)
    return total


class OccupationSpace:
    """Occupation index and the dense occupation×occupation proximity matrix.

    proximity = max(ISCO closeness, cosine of the two weighted skill profiles), where ISCO
    closeness is 1 for the same occupation, 0.75 / 0.5 / 0.25 for the same 4 / 3 / 2-digit
    ISCO group. The last row/column (index −1) is the "unknown occupation", proximity 0.
    """

    ISCO_LEVELS = ((4, 0.75), (3, 0.5), (2, 0.25))

    def __init__(self, graph: TaxonomyGraph, space: SkillSpace, weights: MatchWeights) -> None:
        self.uris: list[str] = list(graph.occupations)
        self.isco: list[str] = [graph.occupations[u].isco_code for u in self.uris]
        self._index = {u: i for i, u in enumerate(self.uris)}
        rows, cols, vals = [], [], []
        for i, uri in enumerate(self.uris):
            info = graph.occupations[uri]
            for uris, w in (
                (info.optional, weights.optional_weight),
                (info.essential, weights.essential_weight),
            ):
                idx = space.indices(uris)
                rows.append(np.full(len(idx), i))
                cols.append(idx)
                vals.append(np.full(len(idx), w, dtype=np.float32))
        n = len(self.uris)
        profile = sp.csr_matrix(
            (
                np.concatenate(vals) if vals else np.zeros(0, np.float32),
                (
                    np.concatenate(rows) if rows else np.zeros(0, int),
                    np.concatenate(cols) if cols else np.zeros(0, int),
                ),
            ),
            shape=(n, len(space)),
        )
        profile.sum_duplicates()
        profile.data = np.minimum(profile.data, weights.essential_weight)
        self.profiles = profile
        norms = np.sqrt(np.asarray(profile.multiply(profile).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        unit = sp.diags(1.0 / norms) @ profile
        cosine = (unit @ unit.T).toarray().astype(np.float32)
        self.proximity = np.zeros((n + 1, n + 1), dtype=np.float32)
        self.proximity[:n, :n] = np.maximum(cosine, self._isco_matrix())
        np.fill_diagonal(self.proximity[:n, :n], 1.0)
        self.cosine = cosine

    def _isco_matrix(self) -> np.ndarray:
        n = len(self.uris)
        out = np.zeros((n, n), dtype=np.float32)
        for digits, value in reversed(self.ISCO_LEVELS):
            codes = np.array(
                [c[:digits] if len(c) >= digits else f"?{i}" for i, c in enumerate(self.isco)]
            )
            _, inverse = np.unique(codes, return_inverse=True)
            same = inverse[:, None] == inverse[None, :]
            out[same] = value
        return out

    def index(self, uri: str | None) -> int:
        """Index of an occupation; −1 (unknown) for None or a URI outside the taxonomy."""
        if uri is None:
            return -1
        return self._index.get(uri, -1)

    def reason(self, a: int, b: int) -> str:
        if a < 0 or b < 0:
            return "Beroep van kandidaat of vacature onbekend"
        if a == b:
            return "Zelfde beroep"
        for digits, _ in self.ISCO_LEVELS:
            ia, ib = self.isco[a], self.isco[b]
            if len(ia) >= digits and ia[:digits] == ib[:digits]:
                level = float(self.proximity[a, b])
                if level <= dict(self.ISCO_LEVELS)[digits] + 1e-6:
                    return f"Zelfde ISCO-beroepsgroep ({digits} cijfers: {ia[:digits]})"
                break
        pct = round(100 * float(self.cosine[a, b]))
        return f"Verwant beroep: {pct}% overeenkomst in vaardigheidsprofiel"
