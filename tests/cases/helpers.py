"""Builders for chains and trajectories in tests."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ontschot.access.actor import Actor
from ontschot.access.models import AppUser
from ontschot.cases.trajectories.models import Trajectory
from ontschot.cases.trajectories.schemas import StatusChange, TrajectoryCreate
from ontschot.cases.trajectories.service import change_status, start_trajectory
from ontschot.chains.defaults import STANDARD_CHAIN_TYPE, STANDARD_KEY
from ontschot.chains.models import Chain, ChainType
from ontschot.chains.service import current_type, revise_chain_type
from tests.factories import actor_of, make_candidate

_n = iter(range(1, 10**6))


def standard_type(db: Session) -> ChainType:
    found = current_type(db, STANDARD_KEY)
    if found is not None:
        return found
    return revise_chain_type(db, actor=Actor.cli(), key=STANDARD_KEY, data=STANDARD_CHAIN_TYPE)


def make_chain(db: Session, *, region_code: str = "twente", name: str | None = None) -> Chain:
    standard_type(db)
    chain = Chain(
        name=name or f"Keten {next(_n)}",
        sector="Logistiek",
        region_code=region_code,
        chain_type_key=STANDARD_KEY,
        capacity=40,
    )
    db.add(chain)
    db.commit()
    return chain


def make_trajectory(
    db: Session, coach: AppUser, *, chain: Chain | None = None, candidate: Any = None
) -> Trajectory:
    chain = chain or make_chain(db)
    candidate = candidate or make_candidate(db, coach)
    data = TrajectoryCreate(
        candidate_id=candidate.id, chain_id=chain.id, goal="Werk als orderpicker"
    )
    return start_trajectory(db, actor=actor_of(coach), data=data)


def status_named(db: Session, trajectory: Trajectory, name: str) -> int:
    chain_type = db.get(ChainType, trajectory.chain_type_id)
    assert chain_type is not None
    return next(s.id for s in chain_type.statuses() if s.name == name)


def result_named(db: Session, trajectory: Trajectory, name: str) -> int:
    chain_type = db.get(ChainType, trajectory.chain_type_id)
    assert chain_type is not None
    return next(r.id for r in chain_type.results if r.name == name)


def move_to(
    db: Session, coach: AppUser, trajectory: Trajectory, name: str, employer_id: int | None = None
) -> Trajectory:
    data = StatusChange(status_id=status_named(db, trajectory, name), employer_id=employer_id)
    return change_status(db, actor=actor_of(coach), trajectory_id=trajectory.id, data=data)
