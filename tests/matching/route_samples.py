"""Permission-matrix samples for the matching and careers routes."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ontschot.access.roles import Role
from tests.access.route_samples import RouteSample, World
from tests.factories import make_candidate, make_employer, make_vacancy

FORKLIFT = "http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da"
FORKLIFT_OPERATOR = "http://data.europa.eu/esco/occupation/eeac6251-1974-42f5-91ed-513c6c883755"


def setup_world(db: Session, world: World) -> None:
    coach = world.users[Role.COACH]
    candidate = make_candidate(
        db, coach, skills=[{"skillUri": FORKLIFT, "source": "self_declared"}]
    )
    vacancy = make_vacancy(
        db, coach, make_employer(db), skills=[FORKLIFT], occupationUri=FORKLIFT_OPERATOR
    )
    world.ids.update(match_candidate_id=candidate.id, match_vacancy_id=vacancy.id)


def _feedback(world: World) -> dict[str, Any]:
    return {
        "candidateId": world.ids["match_candidate_id"],
        "vacancyId": world.ids["match_vacancy_id"],
        "verdict": "suitable",
        "reason": "Heeft heftruckervaring",
    }


SAMPLES: list[RouteSample] = [
    RouteSample("GET", "/api/v1/candidates/{match_candidate_id}/matches"),
    RouteSample("GET", "/api/v1/vacancies/{match_vacancy_id}/matches"),
    RouteSample("POST", "/api/v1/match-feedback", 201, json=_feedback),
    RouteSample("GET", "/api/v1/candidates/{match_candidate_id}/career-routes"),
    RouteSample("GET", f"/api/v1/career-routes?occupationUri={FORKLIFT_OPERATOR}"),
    RouteSample("GET", "/api/v1/training-offers"),
]
