"""Warm hand-over: the trajectory moves with its whole history; grants decide who sees."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot import clock, errors
from ontschot.access.roles import Role
from ontschot.cases.handovers import accept_handover, decline_handover
from ontschot.cases.trajectories import reads, service
from ontschot.cases.trajectories.schemas import (
    ActivityCreate,
    HandoverAcceptance,
    HandoverDecline,
)
from ontschot.cases.trajectories.views import trajectory_read
from ontschot.people.grants import Basis
from ontschot.people.models import AccessGrant, Candidate
from ontschot.people.visibility import View, view_for
from tests.cases.service_samples import proposed
from tests.factories import actor_of


def test_accepting_moves_the_whole_history_and_grants_the_receiver(db: Session) -> None:
    sender, receiver, handover = proposed(db)
    trajectory_id = handover.trajectory_id
    service.record_activity(
        db,
        actor=actor_of(sender),
        trajectory_id=trajectory_id,
        data=ActivityCreate(kind="conversation", occurred_on=clock.today(), summary="Intake"),
    )
    candidate = db.get(
        Candidate,
        reads.read_trajectory(
            db, actor=actor_of(sender), trajectory_id=trajectory_id
        ).trajectory.candidate_id,
    )
    assert candidate is not None
    assert view_for(actor_of(receiver), candidate, db) == View.NONE

    accept_handover(
        db, actor=actor_of(receiver), handover_id=handover.id, data=HandoverAcceptance()
    )

    row = reads.read_trajectory(db, actor=actor_of(receiver), trajectory_id=trajectory_id)
    shown = trajectory_read(db, row)
    assert shown.coach.id == receiver.id and shown.organisation_id == receiver.organisation_id
    assert [a.summary for a in shown.activities] == ["Intake"]
    assert [s.status_name for s in shown.status_history] == ["Intake"]
    assert shown.candidate.name == candidate.full_name  # the grant lets the receiver see
    grant = db.scalar(select(AccessGrant).where(AccessGrant.source_id == handover.id))
    assert grant is not None and grant.basis == Basis.HANDOVER.value
    # the sender did not get follow-up access: the trajectory is hidden now
    try:
        reads.read_trajectory(db, actor=actor_of(sender), trajectory_id=trajectory_id)
        raise AssertionError("the sender should no longer read it")
    except errors.NotFound:
        pass


def test_the_sender_keeps_reading_only_when_the_receiver_agrees(db: Session) -> None:
    sender, receiver, handover = proposed(db)

    accept_handover(
        db,
        actor=actor_of(receiver),
        handover_id=handover.id,
        data=HandoverAcceptance(sender_keeps_access=True),
    )

    row = reads.read_trajectory(db, actor=actor_of(sender), trajectory_id=handover.trajectory_id)
    assert row.trajectory.coach_user_id == receiver.id
    try:
        service.record_activity(
            db,
            actor=actor_of(sender),
            trajectory_id=handover.trajectory_id,
            data=ActivityCreate(kind="conversation", occurred_on=clock.today(), summary="x"),
        )
        raise AssertionError("follow-up access is read-only")
    except errors.Forbidden:
        pass


def test_declining_keeps_the_trajectory_where_it_was(db: Session) -> None:
    sender, receiver, handover = proposed(db)

    decline_handover(
        db, actor=actor_of(receiver), handover_id=handover.id, data=HandoverDecline(reason="vol")
    )

    row = reads.read_trajectory(db, actor=actor_of(sender), trajectory_id=handover.trajectory_id)
    assert row.trajectory.coach_user_id == sender.id
    try:
        accept_handover(
            db, actor=actor_of(receiver), handover_id=handover.id, data=HandoverAcceptance()
        )
        raise AssertionError("a decided hand-over cannot be accepted")
    except errors.Conflict:
        pass


def test_only_the_addressee_decides(db: Session) -> None:
    from tests.factories import make_user

    sender, _, handover = proposed(db)
    stranger = make_user(db, Role.COACH)
    for who in (sender, stranger):
        try:
            accept_handover(
                db, actor=actor_of(who), handover_id=handover.id, data=HandoverAcceptance()
            )
            raise AssertionError("only the receiving coach may accept")
        except errors.NotFound:
            pass
