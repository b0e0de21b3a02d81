"""Permission-matrix samples for the extraction API (see tests/access/route_samples.py)."""

from __future__ import annotations

from tests.access.route_samples import RouteSample

SAMPLES: list[RouteSample] = [
    RouteSample("POST", "/api/v1/occupation-suggestions", 200, {"text": "heftruckchauffeur"}),
    RouteSample(
        "POST",
        "/api/v1/skill-extractions",
        200,
        {"text": "Je kunt zware gewichten tillen.", "lang": "nl", "top": 5},
    ),
]
