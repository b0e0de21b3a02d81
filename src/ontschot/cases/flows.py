"""Steps of the coach's work that cross contexts, each one transaction.

`place_candidate`: the introduction moves to "placed" through the introductions pipeline
(people), the placement is written with its follow-ups (cases.placements) and the
trajectory records it (cases.trajectories) — all or nothing. Every check runs before the
first write, so a refusal changes nothing.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from ontschot.access.actor import Actor
from ontschot.cases.placements import service as placements
from ontschot.cases.placements.models import Placement
from ontschot.cases.placements.rules import DEFAULT_RULES, PlacementRules
from ontschot.cases.placements.schemas import PlacementCreate
from ontschot.cases.trajectories.service import record_placement_on_trajectory
from ontschot.people.pipeline import IntroStatus, advance_introduction
from ontschot.tx import transactional


@transactional
def place_candidate(
    db: Session, *, actor: Actor, data: PlacementCreate, rules: PlacementRules = DEFAULT_RULES
) -> Placement:
    new = placements.check_new_placement(db, actor=actor, data=data, rules=rules)
    if new.introduction.status != IntroStatus.PLACED:
        advance_introduction(
            db, actor=actor, introduction_id=new.introduction.id, status=IntroStatus.PLACED
        )
    placement = placements.write_placement(db, actor=actor, new=new, rules=rules)
    kind = "Betaalde plaatsing" if placement.paid else "Proefplaatsing"
    record_placement_on_trajectory(
        db,
        actor=actor,
        trajectory=new.trajectory,
        employer_id=new.employer.id,
        summary=f"{kind} bij {new.employer.name} vanaf {placement.start_date:%d-%m-%Y}",
    )
    return placement
