"""Permission-matrix samples for the monitor API (the world of tests/access is enough)."""

from __future__ import annotations

from tests.access.route_samples import RouteSample

SAMPLES: list[RouteSample] = [
    RouteSample("GET", "/api/v1/monitor/indicators"),
    RouteSample("GET", "/api/v1/monitor/indicators?municipality=Enschede&periodFrom=2026-01-01"),
]
