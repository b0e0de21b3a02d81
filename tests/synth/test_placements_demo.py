"""The demo region has placements with follow-ups recorded and drop-out by chain: care
loses people faster than logistics."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot.cases.placements.models import FollowUp, Placement
from ontschot.cases.trajectories.models import Trajectory
from ontschot.cases.work_to_work.models import AtRiskEmployee
from ontschot.config import Settings
from ontschot.people.models import Candidate, Introduction
from ontschot.synth.generate import Size, generate_region
from ontschot.synth.profiles import OccupationProfile
from ontschot.synth.regions import find_region
from ontschot.synth.write_db import write_region
from ontschot.synth.write_placements import _months_worked

TODAY = date(2026, 11, 23)


def test_demo_placements_have_follow_ups_and_history(
    db: Session, profiles: tuple[OccupationProfile, ...], settings: Settings
) -> None:
    data = generate_region(profiles, find_region("twente"), Size(600, 200, 8), seed=4, today=TODAY)
    write_region(db, data, settings)

    placements = db.scalars(select(Placement)).all()
    assert placements
    assert any(not p.paid for p in placements) and any(p.ended_on for p in placements)
    for p in placements:
        trajectory = db.get(Trajectory, p.trajectory_id)
        assert trajectory is not None and p.start_date >= trajectory.started_on
        assert p.candidate_id == trajectory.candidate_id
        assert [f.months for f in p.follow_ups] == [1, 3, 6, 12]
        if not p.paid:
            assert p.trial_end_date is not None and p.intended_contract_months == 12
    done = db.scalars(select(FollowUp).where(FollowUp.done_at.is_not(None))).all()
    assert done and all(f.contact_date and f.contact_date <= TODAY for f in done)
    # every placement comes from a placed proposal of that candidate to that employer,
    # placed before the work started
    for p in placements:
        intro = db.get(Introduction, p.introduction_id)
        assert intro is not None and intro.status == "placed"
        assert (intro.candidate_id, intro.employer_id) == (p.candidate_id, p.employer_id)
        assert intro.status_at.date() <= p.start_date
        assert [s.status for s in intro.steps][-1] == "placed"
    # the history reaches back well over a year (two years at demo size)
    starts = sorted(p.start_date for p in placements)
    assert (TODAY - starts[0]).days > 400
    # the proposals of the workbench are there in every other status too
    statuses = set(db.scalars(select(Introduction.status)))
    assert statuses >= {"proposed", "introduced", "interview", "offer", "placed", "declined"}


def test_demo_has_work_to_work_cases_with_trajectories_before_the_job_ends(
    db: Session, profiles: tuple[OccupationProfile, ...], settings: Settings
) -> None:
    data = generate_region(profiles, find_region("twente"), Size(600, 200, 8), seed=4, today=TODAY)
    write_region(db, data, settings)

    rows = db.scalars(select(AtRiskEmployee)).all()
    assert rows and len({r.employer_id for r in rows}) > 1
    for row in rows:
        person = db.get(Candidate, row.candidate_id)
        trajectory = db.get(Trajectory, row.trajectory_id)
        assert person is not None and person.status == "employed_at_risk"
        assert person.current_employer_id == row.employer_id
        assert trajectory is not None and trajectory.state == "open"
        assert trajectory.started_on <= TODAY < row.job_ends_on
        assert any(p.due_date == row.job_ends_on for p in trajectory.plan_items)


def test_care_drops_out_faster_than_logistics() -> None:
    import random

    def still_at_six_months(rate: float) -> float:
        rng = random.Random(7)
        runs = [_months_worked(rng, rate) for _ in range(4000)]
        return sum(1 for m in runs if m is None or m > 6) / len(runs)

    care, logistics = still_at_six_months(0.34), still_at_six_months(0.18)
    assert care < logistics - 0.1
