"""Permission-matrix samples for the work-to-work API."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from ontschot import clock
from ontschot.access.roles import Role
from tests.access.route_samples import RouteSample, World
from tests.cases.helpers import make_chain
from tests.factories import make_employer


def setup_world(db: Session, world: World) -> None:
    """An employer of the home organisation (its employer user acts for it) whose fixed
    contact person is the home coach, and a chain."""
    employer = make_employer(db, organisation=world.home)
    employer.contact_user_id = world.users[Role.COACH].id
    db.commit()
    world.ids.update(
        w2w_employer_id=employer.id,
        w2w_chain_id=make_chain(db, name="Techniek (test)").id,
        in_four_months=(clock.today() + timedelta(days=120)).isoformat(),
    )


def _registration(world: World) -> dict[str, Any]:
    return {
        "employerId": world.ids["w2w_employer_id"],
        "chainId": world.ids["w2w_chain_id"],
        "employees": [
            {
                "firstName": "Ruud",
                "lastName": "Veldkamp",
                "municipality": "Hengelo",
                "jobTitle": "Monteur",
                "jobEndsOn": (clock.today() + timedelta(days=120)).isoformat(),
                "agreed": True,
            }
        ],
    }


SAMPLES: list[RouteSample] = [
    RouteSample("POST", "/api/v1/employees-at-risk", 201, _registration),
    RouteSample("GET", "/api/v1/employees-at-risk"),
]
