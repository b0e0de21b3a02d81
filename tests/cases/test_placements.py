"""Placements: the flow, the follow-up schedule, durable, the job, and every refusal
leaving the database as it was (both databases)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot import clock, errors
from ontschot.access.roles import Role
from ontschot.cases.flows import place_candidate
from ontschot.cases.placements import durability
from ontschot.cases.placements.jobs import NAME as JOB_NAME
from ontschot.cases.placements.rules import DEFAULT_RULES, PlacementRules, add_months
from ontschot.cases.placements.schemas import FollowUpCreate, PlacementEnd
from ontschot.cases.placements.service import end_placement, record_follow_up
from ontschot.cases.trajectories.models import Trajectory, TrajectoryEvent
from ontschot.config import Settings
from ontschot.jobs import run_jobs
from ontschot.people.models import Introduction
from tests.cases.placement_helpers import placement_data, ready_to_place, snapshot
from tests.factories import actor_of, make_user

NOW = datetime(2026, 6, 15, 10, 0, tzinfo=UTC)


@pytest.fixture
def at_noon() -> Any:
    with clock.frozen(NOW) as advance:
        yield advance


def _refused(db: Session, error: type[errors.DomainError], call: Callable[[], Any]) -> str:
    before = snapshot(db)
    with pytest.raises(error) as caught:
        call()
    assert snapshot(db) == before
    return caught.value.detail + " " + " ".join(caught.value.fields.values())


@pytest.mark.parametrize(
    ("start", "months", "due"),
    [
        (date(2027, 1, 31), 1, date(2027, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2026, 3, 31), 6, date(2026, 9, 30)),
        (date(2026, 8, 31), 3, date(2026, 11, 30)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
        (date(2026, 5, 10), 12, date(2027, 5, 10)),
    ],
)
def test_months_are_added_to_the_month_end(start: date, months: int, due: date) -> None:
    assert add_months(start, months) == due


def test_a_placement_moves_the_proposal_to_placed_and_schedules_follow_ups(
    db: Session, at_noon: Any
) -> None:
    ready = ready_to_place(db)
    start = date(2026, 1, 31)

    placement = place_candidate(db, actor=actor_of(ready.coach), data=placement_data(ready, start))

    assert [f.due_date for f in placement.follow_ups] == [
        date(2026, 2, 28),
        date(2026, 4, 30),
        date(2026, 7, 31),
        date(2027, 1, 31),
    ]
    assert [f.months for f in placement.follow_ups] == [1, 3, 6, 12]
    intro = db.get(Introduction, ready.introduction.id)
    assert intro is not None and intro.status == "placed"
    assert placement.introduction_id == intro.id
    assert placement.wage_cents == 285000 and placement.wage_period == "month"
    events = db.scalars(
        select(TrajectoryEvent.kind).where(TrajectoryEvent.trajectory_id == ready.trajectory.id)
    ).all()
    assert "placed" in events


def test_the_schedule_follows_the_settings(db: Session, at_noon: Any) -> None:
    ready = ready_to_place(db)
    rules = PlacementRules.from_settings(Settings(follow_up_months=[2, 24]))

    placement = place_candidate(
        db,
        actor=actor_of(ready.coach),
        data=placement_data(ready, date(2026, 3, 1)),
        rules=rules,
    )

    assert [f.due_date for f in placement.follow_ups] == [date(2026, 5, 1), date(2028, 3, 1)]


def test_a_trial_placement_records_the_intention(db: Session, at_noon: Any) -> None:
    ready = ready_to_place(db)
    data = placement_data(
        ready,
        date(2026, 6, 1),
        paid=False,
        contractMonths=None,
        wageCents=None,
        wagePeriod=None,
        intendedContractMonths=12,
    )

    placement = place_candidate(db, actor=actor_of(ready.coach), data=data)

    assert placement.paid is False and placement.intended_contract_months == 12
    assert placement.trial_end_date == date(2026, 8, 1)


def test_without_a_live_proposal_it_is_refused_and_changes_nothing(
    db: Session, at_noon: Any
) -> None:
    ready = ready_to_place(db)
    from ontschot.people.pipeline import advance_introduction

    advance_introduction(
        db,
        actor=actor_of(ready.coach),
        introduction_id=ready.introduction.id,
        status="declined",
        reason="Past niet",
    )

    why = _refused(
        db,
        errors.Conflict,
        lambda: place_candidate(
            db, actor=actor_of(ready.coach), data=placement_data(ready, date(2026, 6, 1))
        ),
    )
    assert "geen lopend voorstel" in why


def test_a_proposal_before_offer_is_refused_and_changes_nothing(db: Session, at_noon: Any) -> None:
    ready = ready_to_place(db, status="interview")

    why = _refused(
        db,
        errors.Conflict,
        lambda: place_candidate(
            db, actor=actor_of(ready.coach), data=placement_data(ready, date(2026, 6, 1))
        ),
    )
    assert "aanbod" in why


def test_a_trial_longer_than_two_months_is_refused_and_changes_nothing(
    db: Session, at_noon: Any
) -> None:
    ready = ready_to_place(db)
    data = placement_data(
        ready,
        date(2026, 6, 1),
        paid=False,
        wageCents=None,
        contractMonths=None,
        trialEndDate="2026-08-02",
        intendedContractMonths=12,
    )

    why = _refused(
        db, errors.Invalid, lambda: place_candidate(db, actor=actor_of(ready.coach), data=data)
    )
    assert "hoogstens 2 maanden" in why


def test_a_trial_without_the_intention_of_six_months_is_refused(db: Session, at_noon: Any) -> None:
    ready = ready_to_place(db)
    data = placement_data(
        ready, date(2026, 6, 1), paid=False, wageCents=None, intendedContractMonths=3
    )

    why = _refused(
        db, errors.Invalid, lambda: place_candidate(db, actor=actor_of(ready.coach), data=data)
    )
    assert "minstens 6 maanden" in why and "hoogstens 2 maanden" in why


def test_a_paid_placement_outside_phase_two_is_refused_and_changes_nothing(
    db: Session, at_noon: Any
) -> None:
    ready = ready_to_place(db, phase_two=False)

    why = _refused(
        db,
        errors.Conflict,
        lambda: place_candidate(
            db, actor=actor_of(ready.coach), data=placement_data(ready, date(2026, 6, 1))
        ),
    )
    assert "fase 2" in why


def test_another_coach_cannot_place_and_nothing_changes(db: Session, at_noon: Any) -> None:
    ready = ready_to_place(db)
    other = make_user(db, Role.COACH)

    _refused(
        db,
        errors.NotFound,
        lambda: place_candidate(
            db, actor=actor_of(other), data=placement_data(ready, date(2026, 6, 1))
        ),
    )


def _placed(db: Session, start: date = date(2026, 1, 31)) -> Any:
    ready = ready_to_place(db)
    placement = place_candidate(db, actor=actor_of(ready.coach), data=placement_data(ready, start))
    return ready, placement


def test_a_follow_up_before_the_start_is_refused_and_changes_nothing(
    db: Session, at_noon: Any
) -> None:
    ready, placement = _placed(db)
    data = FollowUpCreate(contact_date=date(2026, 1, 30), still_working=True)

    why = _refused(
        db,
        errors.Invalid,
        lambda: record_follow_up(
            db, actor=actor_of(ready.coach), placement_id=placement.id, data=data
        ),
    )
    assert "vóór de start" in why


def test_recording_on_an_ended_placement_is_refused_and_changes_nothing(
    db: Session, at_noon: Any
) -> None:
    ready, placement = _placed(db)
    actor = actor_of(ready.coach)
    end_placement(
        db,
        actor=actor,
        placement_id=placement.id,
        data=PlacementEnd(end_date=date(2026, 3, 1), reason="resigned"),
    )
    follow_up = FollowUpCreate(contact_date=date(2026, 3, 2), still_working=False)

    why = _refused(
        db,
        errors.Conflict,
        lambda: record_follow_up(db, actor=actor, placement_id=placement.id, data=follow_up),
    )
    assert "beëindigd" in why
    again = PlacementEnd(end_date=date(2026, 3, 5), reason="other", reason_text="x")
    _refused(
        db,
        errors.Conflict,
        lambda: end_placement(db, actor=actor, placement_id=placement.id, data=again),
    )


def test_follow_ups_and_durable(db: Session, at_noon: Any) -> None:
    ready, placement = _placed(db)
    actor = actor_of(ready.coach)
    for contact in (date(2026, 2, 27), date(2026, 5, 2)):
        record_follow_up(
            db,
            actor=actor,
            placement_id=placement.id,
            data=FollowUpCreate(contact_date=contact, still_working=True, same_hours=True),
        )
    assert durability.durable(placement, DEFAULT_RULES) is None
    record_follow_up(
        db,
        actor=actor,
        placement_id=placement.id,
        data=FollowUpCreate(
            contact_date=date(2026, 6, 1),
            still_working=True,
            same_hours=False,
            hours_now=16,
            risk_signals="Zorgen om vervoer",
            actions_taken="Fietsregeling besproken",
        ),
    )
    # six months after 31 January is 31 July: the June contact is too early to decide
    assert durability.durable(placement, DEFAULT_RULES) is None
    db.refresh(placement)
    done = [f for f in placement.follow_ups if f.done_at is not None]
    assert [durability.outcome(f) for f in done] == ["working", "working", "hours_changed"]


def test_a_follow_up_after_six_months_with_enough_hours_is_durable(db: Session) -> None:
    with clock.frozen(datetime(2026, 9, 1, 9, tzinfo=UTC)):
        ready, placement = _placed(db, start=date(2026, 1, 31))
        actor = actor_of(ready.coach)
        placement_id = placement.id
        for contact, hours in ((date(2026, 3, 1), 32), (date(2026, 8, 3), 12)):
            record_follow_up(
                db,
                actor=actor,
                placement_id=placement_id,
                data=FollowUpCreate(contact_date=contact, still_working=True, hours_now=hours),
            )
        db.refresh(placement)
        assert durability.durable(placement, DEFAULT_RULES) is True
        assert durability.durable(placement, PlacementRules(durable_min_hours=13)) is False


def test_ending_before_six_months_is_not_durable(db: Session, at_noon: Any) -> None:
    ready, placement = _placed(db)
    end_placement(
        db,
        actor=actor_of(ready.coach),
        placement_id=placement.id,
        data=PlacementEnd(end_date=date(2026, 4, 1), reason="dismissed"),
    )
    assert durability.durable(placement, DEFAULT_RULES) is False
    assert {durability.state(f, placement, clock.today()) for f in placement.follow_ups} == {
        "lapsed"
    }


def test_the_job_surfaces_due_follow_ups_once(db: Session, settings: Settings) -> None:
    with clock.frozen(datetime(2026, 3, 2, 9, tzinfo=UTC)) as advance:
        ready, placement = _placed(db, start=date(2026, 1, 31))

        first = run_jobs(db, settings=settings, name=JOB_NAME)
        trajectory = db.get(Trajectory, ready.trajectory.id)
        assert trajectory is not None
        assert first[0].counts["follow_ups"] == 1
        assert trajectory.next_action is not None and "1 maand" in trajectory.next_action
        assert trajectory.next_action_due == date(2026, 2, 28)

        second = run_jobs(db, settings=settings, name=JOB_NAME)
        assert second[0].counts["follow_ups"] == 0

        record_follow_up(
            db,
            actor=actor_of(ready.coach),
            placement_id=placement.id,
            data=FollowUpCreate(contact_date=date(2026, 3, 2), still_working=True),
        )
        db.refresh(trajectory)
        assert trajectory.next_action is None
        advance(timedelta(days=60))
        third = run_jobs(db, settings=settings, name=JOB_NAME)
        db.refresh(trajectory)
        assert third[0].counts["follow_ups"] == 1
        assert trajectory.next_action is not None and "3 maanden" in trajectory.next_action


def test_placements_are_exported_and_erasure_keeps_the_facts(db: Session, at_noon: Any) -> None:
    from ontschot.access.models import Organisation
    from ontschot.cases.placements.models import Placement
    from ontschot.people.rights import erase_candidate, export_candidate_data

    ready, placement = _placed(db)
    actor = actor_of(ready.coach)
    record_follow_up(
        db,
        actor=actor,
        placement_id=placement.id,
        data=FollowUpCreate(
            contact_date=date(2026, 3, 1), still_working=True, risk_signals="Schulden"
        ),
    )
    candidate_id = placement.candidate_id
    exported = export_candidate_data(db, actor=actor, candidate_id=candidate_id)
    assert exported["placements"][0]["followUps"][0]["riskSignals"] == "Schulden"
    assert exported["placements"][0]["hoursPerWeek"] == 32

    org = db.get(Organisation, ready.coach.organisation_id)
    admin = make_user(db, Role.PARTNER_ADMIN, organisation=org)
    erase_candidate(db, actor=actor_of(admin), candidate_id=candidate_id, reason="verzoek")
    db.expire_all()
    kept = db.scalar(select(Placement).where(Placement.candidate_id == candidate_id))
    assert kept is not None and kept.wage_cents is None
    assert kept.start_date == date(2026, 1, 31) and kept.hours_per_week == 32
    assert kept.contract_type == "fixed_term"
    first = kept.follow_ups[0]
    assert first.risk_signals is None and first.still_working is True
    assert first.contact_date == date(2026, 3, 1)


def test_a_due_follow_up_stands_in_the_coachs_day(db: Session) -> None:
    from ontschot.cases.trajectories.reads import TrajectoryFilter, coach_day, list_trajectories

    with clock.frozen(datetime(2026, 3, 2, 9, tzinfo=UTC)):
        ready, placement = _placed(db, start=date(2026, 1, 31))
        actor = actor_of(ready.coach)

        day = coach_day(db, actor=actor)
        rows, _ = list_trajectories(db, actor=actor, flt=TrajectoryFilter(attention="follow_ups"))

        assert [r.trajectory.id for r in day.follow_ups_due] == [ready.trajectory.id]
        assert [r.trajectory.id for r in rows] == [ready.trajectory.id]
        record_follow_up(
            db,
            actor=actor,
            placement_id=placement.id,
            data=FollowUpCreate(contact_date=date(2026, 3, 2), still_working=True),
        )
        assert coach_day(db, actor=actor).follow_ups_due == []
