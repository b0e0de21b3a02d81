"""What the trajectory pages need besides the trajectory: choices for their forms."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot.access.actor import Actor
from ontschot.access.models import AppUser, Organisation
from ontschot.access.roles import Role
from ontschot.chains.models import Chain, ChainType
from ontschot.employers.models import Employer

MAX_CHOICES = 400


def coaches(
    db: Session, *, organisation_id: int | None, other_than: int | None = None
) -> list[Any]:
    """Active coaches: of one organisation, or (organisation_id None) of every other one
    than `other_than`, each with their organisation."""
    query = (
        select(AppUser, Organisation)
        .join(Organisation, Organisation.id == AppUser.organisation_id)
        .where(AppUser.is_active, AppUser.role == Role.COACH.value)
        .order_by(Organisation.name, AppUser.display_name)
        .limit(MAX_CHOICES)
    )
    if organisation_id is not None:
        query = query.where(AppUser.organisation_id == organisation_id)
    if other_than is not None:
        query = query.where(AppUser.organisation_id != other_than)
    return list(db.execute(query).all())


def employer_groups(db: Session, chain: Chain | None) -> list[tuple[str, list[tuple[str, str]]]]:
    """Employers for a select: the chain's partner employers first, then the others."""
    partners = {p.employer_id for p in chain.partners if p.employer_id} if chain else set()
    rows = db.execute(
        select(Employer.id, Employer.name).order_by(Employer.name).limit(MAX_CHOICES)
    ).all()
    in_chain = [(str(i), n) for i, n in rows if i in partners]
    others = [(str(i), n) for i, n in rows if i not in partners]
    groups = []
    if in_chain:
        groups.append(("Partnerwerkgevers van deze keten", in_chain))
    groups.append(("Andere werkgevers", others))
    return groups


def chain_choices(db: Session, actor: Actor) -> list[tuple[str, str]]:
    query = select(Chain.id, Chain.name).where(Chain.is_active).order_by(Chain.name)
    if actor.region_code is not None:
        query = query.where(Chain.region_code == actor.region_code)
    return [(str(i), n) for i, n in db.execute(query)]


def chain_type(db: Session, chain_type_id: int) -> ChainType:
    found = db.get(ChainType, chain_type_id)
    assert found is not None
    return found


def handover_subjects(db: Session, handovers: list[Any]) -> dict[int, str]:
    """What a receiving coach reads before accepting: chain, status and goal, no name."""
    from ontschot.cases.trajectories.models import Trajectory
    from ontschot.chains.models import ChainStatus

    out: dict[int, str] = {}
    for handover in handovers:
        trajectory = db.get(Trajectory, handover.trajectory_id)
        if trajectory is None:
            continue
        chain = db.get(Chain, trajectory.chain_id)
        status = db.get(ChainStatus, trajectory.status_id)
        out[handover.id] = (
            f"{chain.name if chain else ''}, nu: {status.name if status else ''}. "
            f"Doel: {trajectory.goal}"
        )
    return out
