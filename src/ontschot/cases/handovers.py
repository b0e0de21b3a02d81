"""Warm hand-over: a trajectory moves, with its whole history, to a coach of another
partner organisation. The sender proposes, the receiver accepts or declines.

On acceptance the trajectory's owner becomes the receiving coach and organisation; nothing
is copied, so nothing is retyped and nothing is lost. An access grant (basis `handover`)
lets the receiving organisation see the candidate; when the receiver agrees, a second one
lets the sending organisation keep reading the trajectory for follow-up (ADR 0017).
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ontschot import clock, errors
from ontschot.access.actor import Actor
from ontschot.access.models import Organisation
from ontschot.access.roles import Scope
from ontschot.audit import service as audit
from ontschot.cases.trajectories import history
from ontschot.cases.trajectories.models import Handover, Trajectory
from ontschot.cases.trajectories.schemas import HandoverAcceptance, HandoverCreate, HandoverDecline
from ontschot.cases.trajectories.service import active_coach
from ontschot.cases.trajectories.visibility import FOLLOW_UP_SOURCE, trajectory_for
from ontschot.people import grants
from ontschot.tx import transactional

# How long the sender may keep reading for follow-up, when the receiver agrees.
FOLLOW_UP_DAYS = 365


def _log(
    db: Session, actor: Actor, action: str, handover: Handover, trajectory: Trajectory
) -> None:
    audit.record(
        db,
        actor=actor,
        action=action,
        object_type="handover",
        object_id=handover.id,
        subject_key=history.subject_key(trajectory),
        purpose=history.PURPOSE,
    )


@transactional
def propose_handover(db: Session, *, actor: Actor, data: HandoverCreate) -> Handover:
    actor.require("handover.propose")
    trajectory = trajectory_for(db, actor, data.trajectory_id, "trajectory.update")
    if trajectory.state == "closed":
        raise errors.Conflict("Een afgesloten traject kan niet worden overgedragen.")
    receiver = active_coach(db, data.to_user_id)
    if receiver is None:
        raise errors.invalid("to_user_id", "geen actieve arbeidsmarktcoach")
    if receiver.organisation_id == trajectory.organisation_id:
        raise errors.Conflict(
            "Een warme overdracht gaat naar een andere organisatie. Binnen uw eigen "
            "organisatie wijst uw teamleider het traject aan een collega toe.",
            fields={"to_user_id": "werkt bij uw eigen organisatie"},
        )
    sender_org = db.get(Organisation, trajectory.organisation_id)
    if sender_org is not None and receiver.organisation.region_code != sender_org.region_code:
        raise errors.invalid("to_user_id", "werkt buiten deze regio")
    pending = select(Handover.id).where(
        Handover.trajectory_id == trajectory.id, Handover.status == "proposed"
    )
    if db.scalar(pending):
        raise errors.Conflict("Voor dit traject staat al een overdracht open.")
    handover = Handover(
        trajectory_id=trajectory.id,
        from_organisation_id=trajectory.organisation_id,
        from_user_id=actor.user_id,
        to_organisation_id=receiver.organisation_id,
        to_user_id=receiver.id,
        status="proposed",
        message=data.message.strip(),
        proposed_at=clock.now(),
    )
    db.add(handover)
    db.flush()
    history.event(
        db,
        actor,
        trajectory,
        "handover",
        f"Overdracht voorgesteld aan {receiver.display_name} ({receiver.organisation.name})",
        data.message,
    )
    _log(db, actor, "handover.propose", handover, trajectory)
    return handover


def _addressed(db: Session, actor: Actor, handover_id: int) -> tuple[Handover, Trajectory]:
    scope = actor.require("handover.decide")
    handover = db.get(Handover, handover_id)
    if handover is None:
        raise errors.NotFound("Deze overdracht")
    if scope != Scope.REGION and handover.to_user_id != actor.user_id:
        raise errors.NotFound("Deze overdracht")
    trajectory = db.get(Trajectory, handover.trajectory_id)
    assert trajectory is not None
    if handover.status != "proposed":
        raise errors.Conflict("Over deze overdracht is al beslist.")
    return handover, trajectory


@transactional
def accept_handover(
    db: Session, *, actor: Actor, handover_id: int, data: HandoverAcceptance
) -> Handover:
    handover, trajectory = _addressed(db, actor, handover_id)
    receiver = active_coach(db, handover.to_user_id)
    if receiver is None:
        raise errors.Conflict("De ontvangende coach is niet meer actief.")
    now = clock.now()
    handover.status, handover.decided_at = "accepted", now
    handover.sender_keeps_access = data.sender_keeps_access
    trajectory.organisation_id = handover.to_organisation_id
    trajectory.coach_user_id = handover.to_user_id
    grants.grant(
        db,
        candidate_id=trajectory.candidate_id,
        view=grants.GrantView.FULL,
        purpose="begeleiding na warme overdracht",
        basis=grants.Basis.HANDOVER,
        source_type=grants.HANDOVER_SOURCE,
        source_id=handover.id,
        organisation_id=handover.to_organisation_id,
        granted_by_user_id=actor.user_id,
    )
    if data.sender_keeps_access:
        grants.grant(
            db,
            candidate_id=trajectory.candidate_id,
            view=grants.GrantView.FULL,
            purpose="nazorg na warme overdracht",
            basis=grants.Basis.HANDOVER,
            source_type=FOLLOW_UP_SOURCE,
            source_id=handover.id,
            organisation_id=handover.from_organisation_id,
            valid_until=now + timedelta(days=FOLLOW_UP_DAYS),
            granted_by_user_id=actor.user_id,
        )
    keeps = "; de afzender mag meelezen" if data.sender_keeps_access else ""
    history.event(
        db,
        actor,
        trajectory,
        "handover",
        f"Overdracht aanvaard door {receiver.display_name}{keeps}",
    )
    _log(db, actor, "handover.accept", handover, trajectory)
    db.flush()
    return handover


@transactional
def decline_handover(
    db: Session, *, actor: Actor, handover_id: int, data: HandoverDecline
) -> Handover:
    handover, trajectory = _addressed(db, actor, handover_id)
    handover.status, handover.decided_at = "declined", clock.now()
    handover.decline_reason = data.reason.strip()
    history.event(db, actor, trajectory, "handover", "Overdracht afgewezen", data.reason)
    _log(db, actor, "handover.decline", handover, trajectory)
    db.flush()
    return handover


@transactional
def list_handovers(db: Session, *, actor: Actor, status: str | None = "proposed") -> list[Handover]:
    """Hand-overs the actor takes part in (sent or received); with a wider scope those of
    the organisation or the region. Each one listed is logged against its candidate."""
    scope = actor.require("handover.read")
    query = select(Handover).order_by(Handover.proposed_at.desc(), Handover.id.desc())
    if scope == Scope.OWN:
        query = query.where(
            or_(Handover.to_user_id == actor.user_id, Handover.from_user_id == actor.user_id)
        )
    elif scope == Scope.ORGANISATION:
        query = query.where(
            or_(
                Handover.to_organisation_id == actor.organisation_id,
                Handover.from_organisation_id == actor.organisation_id,
            )
        )
    elif actor.region_code is not None:
        region_orgs = select(Organisation.id).where(Organisation.region_code == actor.region_code)
        query = query.where(Handover.to_organisation_id.in_(region_orgs))
    if status is not None:
        query = query.where(Handover.status == status)
    rows = list(db.scalars(query.limit(200)))
    for handover in rows:
        trajectory = db.get(Trajectory, handover.trajectory_id)
        assert trajectory is not None
        _log(db, actor, "handover.read", handover, trajectory)
    return rows
