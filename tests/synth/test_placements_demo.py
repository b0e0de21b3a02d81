"""The demo region has placements with follow-ups recorded and drop-out by chain: care
loses people faster than logistics."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot.cases.placements.models import FollowUp, Placement
from ontschot.cases.trajectories.models import Trajectory
from ontschot.config import Settings
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


def test_care_drops_out_faster_than_logistics() -> None:
    import random

    def still_at_six_months(rate: float) -> float:
        rng = random.Random(7)
        runs = [_months_worked(rng, rate) for _ in range(4000)]
        return sum(1 for m in runs if m is None or m > 6) / len(runs)

    care, logistics = still_at_six_months(0.34), still_at_six_months(0.18)
    assert care < logistics - 0.1
