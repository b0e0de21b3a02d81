"""Permission-matrix samples for the contact moments API (ids from the people and
employers samples' worlds)."""

from __future__ import annotations

from tests.access.route_samples import RouteSample

_MOMENT = {"kind": "phone", "occurredOn": "2026-11-30", "summary": "Gebeld over de vacature."}

SAMPLES: list[RouteSample] = [
    RouteSample("GET", "/api/v1/candidates/{candidate_id}/contact-moments"),
    RouteSample("POST", "/api/v1/candidates/{candidate_id}/contact-moments", 201, _MOMENT),
    RouteSample(
        "POST",
        "/api/v1/candidates/{foreign_candidate_id}/contact-moments",
        201,
        _MOMENT,
        foreign=True,
    ),
    RouteSample("GET", "/api/v1/employers/{employer_id}/contact-moments"),
    RouteSample("POST", "/api/v1/employers/{employer_id}/contact-moments", 201, _MOMENT),
]
