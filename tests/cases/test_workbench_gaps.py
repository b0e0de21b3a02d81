"""The workbench's loose ends: after a warm hand-over the receiver carries on with the
sender's proposals; placing on a vacancy's last position fills it; a plan item is marked
done. Refusals change nothing (both databases)."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot import clock, errors
from ontschot.access.roles import Role
from ontschot.cases.flows import place_candidate
from ontschot.cases.handovers import accept_handover, propose_handover
from ontschot.cases.trajectories.models import PlanItem
from ontschot.cases.trajectories.schemas import HandoverAcceptance, HandoverCreate, PlanItemCreate
from ontschot.cases.trajectories.service import add_plan_item, complete_plan_item
from ontschot.employers.models import Vacancy
from ontschot.people.models import Introduction
from ontschot.people.pipeline import advance_introduction
from tests.cases.helpers import move_to
from tests.cases.placement_helpers import placement_data, ready_to_place, snapshot
from tests.factories import actor_of, make_user


def test_after_a_hand_over_the_receiver_moves_the_senders_proposal_and_places(
    db: Session,
) -> None:
    # given a proposal made by the sender, at 'interview', and a trajectory in phase 1
    ready = ready_to_place(db, status="interview", phase_two=False)
    receiver = make_user(db, Role.COACH)
    handover = propose_handover(
        db,
        actor=actor_of(ready.coach),
        data=HandoverCreate(
            trajectory_id=ready.trajectory.id, to_user_id=receiver.id, message="Past beter"
        ),
    )
    outsider = make_user(db, Role.COACH)
    # before the hand-over is accepted the receiver may not move the proposal
    before = snapshot(db)
    with pytest.raises((errors.Forbidden, errors.NotFound)):
        advance_introduction(
            db, actor=actor_of(receiver), introduction_id=ready.introduction.id, status="offer"
        )
    assert snapshot(db) == before
    accept_handover(
        db, actor=actor_of(receiver), handover_id=handover.id, data=HandoverAcceptance()
    )
    # when the receiving coach moves it on, puts the trajectory in phase 2 and places
    advance_introduction(
        db, actor=actor_of(receiver), introduction_id=ready.introduction.id, status="offer"
    )
    trajectory = move_to(db, receiver, ready.trajectory, "Betaald werk", ready.employer.id)
    ready.trajectory = trajectory
    placement = place_candidate(
        db, actor=actor_of(receiver), data=placement_data(ready, clock.today())
    )
    # then the placement comes from the sender's proposal, now placed
    intro = db.get(Introduction, ready.introduction.id)
    assert intro is not None and intro.status == "placed"
    assert placement.introduction_id == intro.id
    assert [s.status for s in intro.steps][-2:] == ["offer", "placed"]
    # and a coach of a third organisation still may not
    with pytest.raises((errors.Forbidden, errors.NotFound)):
        advance_introduction(
            db, actor=actor_of(outsider), introduction_id=intro.id, status="declined", reason="x"
        )


def test_placing_on_the_last_position_marks_the_vacancy_filled(db: Session) -> None:
    # given a vacancy for two people
    ready = ready_to_place(db)
    vacancy = db.get(Vacancy, ready.vacancy.id)
    assert vacancy is not None
    vacancy.positions = 2
    db.commit()
    # when one is placed, the vacancy stays open
    place_candidate(db, actor=actor_of(ready.coach), data=placement_data(ready, clock.today()))
    db.expire_all()
    assert db.scalar(select(Vacancy.status).where(Vacancy.id == vacancy.id)) == "open"
    # when it asks for one only, the placement fills it
    vacancy.positions = 1
    db.commit()
    other = ready_to_place(db)
    other_vacancy = db.get(Vacancy, other.vacancy.id)
    assert other_vacancy is not None and other_vacancy.positions == 1
    place_candidate(db, actor=actor_of(other.coach), data=placement_data(other, clock.today()))
    db.expire_all()
    assert db.scalar(select(Vacancy.status).where(Vacancy.id == other.vacancy.id)) == "filled"


def test_a_plan_item_is_marked_done_once_by_its_coach(db: Session) -> None:
    ready = ready_to_place(db, phase_two=False)
    coach = actor_of(ready.coach)
    item = add_plan_item(
        db, actor=coach, trajectory_id=ready.trajectory.id,
        data=PlanItemCreate(kind="action", text="Cv bijwerken"),
    )  # fmt: skip
    done = complete_plan_item(
        db, actor=coach, trajectory_id=ready.trajectory.id, plan_item_id=item.id
    )
    assert done.done_on == clock.today()
    stranger = actor_of(make_user(db, Role.COACH))
    before = snapshot(db)
    with pytest.raises(errors.Conflict):
        complete_plan_item(db, actor=coach, trajectory_id=ready.trajectory.id, plan_item_id=item.id)
    with pytest.raises(errors.NotFound):
        complete_plan_item(
            db, actor=stranger, trajectory_id=ready.trajectory.id, plan_item_id=item.id
        )
    with pytest.raises(errors.NotFound):
        complete_plan_item(db, actor=coach, trajectory_id=ready.trajectory.id, plan_item_id=10**6)
    assert snapshot(db) == before
    assert db.get(PlanItem, item.id).done_on == clock.today()  # type: ignore[union-attr]
