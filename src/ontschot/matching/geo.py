"""Gemeente centroids and haversine travel distances.

The table (`data/gemeente_centroids.csv`, provenance in `data/SOURCE.md`) holds approximate
centre points; a gemeente the table does not know gets an index too, with unknown position,
so a distance to it is NaN and the explanation says "afstand onbekend".
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

DATA = Path(__file__).resolve().parent / "data" / "gemeente_centroids.csv"
EARTH_RADIUS_KM = 6371.0


def haversine_km(
    lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray
) -> np.ndarray:
    """Great-circle distance in km between points given in degrees (broadcasts)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dlat = p2 - p1
    dlon = np.radians(lon2) - np.radians(lon1)
    a = np.sin(dlat / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlon / 2) ** 2
    return np.asarray(2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0))))


class Municipalities:
    """Index of gemeente names with a precomputed distance matrix (float32 km, NaN unknown)."""

    def __init__(self, rows: list[tuple[str, str, float, float]]) -> None:
        self.names: list[str] = []
        self.regions: list[str] = []
        self._index: dict[str, int] = {}
        lat: list[float] = []
        lon: list[float] = []
        for name, region, la, lo in rows:
            self._index[_norm(name)] = len(self.names)
            self.names.append(name)
            self.regions.append(region)
            lat.append(la)
            lon.append(lo)
        self._lat = np.array(lat, dtype=np.float64)
        self._lon = np.array(lon, dtype=np.float64)
        self._recompute()

    @classmethod
    def bundled(cls) -> Municipalities:
        with DATA.open(encoding="utf-8", newline="") as fh:
            rows = [
                (r["gemeente"], r["arbeidsmarktregio"], float(r["lat"]), float(r["lon"]))
                for r in csv.DictReader(fh)
            ]
        return cls(rows)

    def __len__(self) -> int:
        return len(self.names)

    def _recompute(self) -> None:
        lat, lon = self._lat, self._lon
        self.distance = haversine_km(lat[:, None], lon[:, None], lat[None, :], lon[None, :]).astype(
            np.float32
        )

    def get(self, name: str | None) -> int:
        """Index of a gemeente, −1 when no name is given; unknown names are added (no position)."""
        if not name:
            return -1
        key = _norm(name)
        idx = self._index.get(key)
        if idx is None:
            idx = len(self.names)
            self._index[key] = idx
            self.names.append(name)
            self.regions.append("")
            self._lat = np.append(self._lat, np.nan)
            self._lon = np.append(self._lon, np.nan)
            self._recompute()
        return idx

    def known(self, name: str) -> bool:
        idx = self._index.get(_norm(name))
        return idx is not None and not np.isnan(self._lat[idx])

    def km(self, a: int, b: int) -> float | None:
        if a < 0 or b < 0:
            return None
        value = float(self.distance[a, b])
        return None if np.isnan(value) else value

    def in_region(self, region: str) -> list[str]:
        return [n for n, r in zip(self.names, self.regions, strict=True) if r == region]


def _norm(name: str) -> str:
    return name.strip().lower().replace("'", "’")
