"""Who may read or act on which trajectory: one rule, as SQL for lists and for one row.

- OWN scope (a coach): the trajectories they own.
- ORGANISATION scope: the trajectories the organisation owns.
- REGION scope: every trajectory of a chain in the region.
- Besides, after a hand-over in which the receiver agreed, the sending organisation (and
  with OWN scope: the sending coach) keeps reading it through a live access grant with
  source `handover_follow_up` (ADR 0017). Acting on it stays with the owner.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, exists, false, or_, select, true
from sqlalchemy.orm import Session

from ontschot import clock, errors
from ontschot.access.actor import Actor
from ontschot.access.roles import Scope
from ontschot.cases.trajectories.models import Handover, Trajectory
from ontschot.chains.models import Chain
from ontschot.people.models import AccessGrant

FOLLOW_UP_SOURCE = "handover_follow_up"


def _follow_up(actor: Actor, scope: Scope) -> ColumnElement[bool]:
    now = clock.now()
    handovers = select(Handover.id).where(Handover.trajectory_id == Trajectory.id)
    if scope == Scope.OWN:
        handovers = handovers.where(Handover.from_user_id == actor.user_id)
    return exists().where(
        AccessGrant.candidate_id == Trajectory.candidate_id,
        AccessGrant.source_type == FOLLOW_UP_SOURCE,
        AccessGrant.source_id.in_(handovers),
        AccessGrant.organisation_id == actor.organisation_id,
        AccessGrant.revoked_at.is_(None),
        AccessGrant.valid_from <= now,
        or_(AccessGrant.valid_until.is_(None), AccessGrant.valid_until > now),
    )


def condition(actor: Actor, action: str) -> ColumnElement[bool]:
    """SQL: the actor may do `action` on the trajectory row of the outer query."""
    if not actor.is_authenticated:
        return false()
    scope = actor.scope(action)
    if scope is None:
        return false()
    if scope == Scope.REGION:
        if actor.region_code is None:
            return true()
        in_region = select(Chain.id).where(
            Chain.id == Trajectory.chain_id, Chain.region_code == actor.region_code
        )
        return exists(in_region)
    if scope == Scope.ORGANISATION:
        owned = Trajectory.organisation_id == actor.organisation_id
    else:
        owned = and_(
            Trajectory.coach_user_id == actor.user_id,
            Trajectory.organisation_id == actor.organisation_id,
        )
    if action == "trajectory.read":
        return or_(owned, _follow_up(actor, scope))
    return owned


def trajectory_for(db: Session, actor: Actor, trajectory_id: int, action: str) -> Trajectory:
    """The trajectory when the actor may do `action` on it. Hidden (404) when the actor may
    not even read it; refused (403) when they may read but not do this."""
    actor.require(action)
    row = db.execute(
        select(Trajectory, condition(actor, "trajectory.read"), condition(actor, action)).where(
            Trajectory.id == trajectory_id
        )
    ).one_or_none()
    if row is None or not row[1]:
        raise errors.NotFound("Dit traject")
    if not row[2]:
        raise errors.Forbidden("Alleen de eigen trajectcoach kan dit traject wijzigen.")
    trajectory: Trajectory = row[0]
    return trajectory
