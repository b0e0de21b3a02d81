"""Permission-matrix samples for the placements API."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from ontschot import clock
from ontschot.access.roles import Role
from ontschot.cases.flows import place_candidate
from tests.access.route_samples import RouteSample, World
from tests.cases.placement_helpers import placement_data, ready_to_place
from tests.factories import actor_of


def setup_world(db: Session, world: World) -> None:
    """The home coach's trajectory in phase 2 with a proposal at 'offer', and another one
    already placed 40 days ago."""
    coach = world.users[Role.COACH]
    to_place = ready_to_place(db, coach)
    placed = ready_to_place(db, coach)
    start = clock.today() - timedelta(days=40)
    placement = place_candidate(db, actor=actor_of(coach), data=placement_data(placed, start))
    world.ids.update(
        place_trajectory_id=to_place.trajectory.id,
        place_employer_id=to_place.employer.id,
        place_vacancy_id=to_place.vacancy.id,
        place_introduction_id=to_place.introduction.id,
        placement_id=placement.id,
        placed_trajectory_id=placed.trajectory.id,
        placed_candidate_id=placed.trajectory.candidate_id,
    )


def _new(world: World) -> dict[str, Any]:
    return {
        "trajectoryId": world.ids["place_trajectory_id"],
        "employerId": world.ids["place_employer_id"],
        "vacancyId": world.ids["place_vacancy_id"],
        "startDate": clock.today().isoformat(),
        "hoursPerWeek": 24,
        "contractType": "permanent",
        "paid": True,
    }


P = "/api/v1/placements/{placement_id}"
SAMPLES: list[RouteSample] = [
    RouteSample("POST", "/api/v1/placements", 201, _new),
    RouteSample("GET", "/api/v1/placements?trajectoryId={placed_trajectory_id}"),
    RouteSample("GET", P),
    RouteSample(
        "POST",
        P + "/follow-ups",
        200,
        lambda w: {"contactDate": clock.today().isoformat(), "stillWorking": True},
    ),
    RouteSample(
        "POST",
        P + "/ending",
        200,
        lambda w: {"endDate": clock.today().isoformat(), "reason": "resigned"},
    ),
]
