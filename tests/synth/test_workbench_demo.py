"""The demo region shows the workbench: proposals in every pipeline status, each with its
steps in order, only for consenting candidates, and contact moments."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ontschot.config import Settings
from ontschot.contacts.models import ContactMoment
from ontschot.people.models import AccessGrant, Consent, Introduction, IntroductionStep
from ontschot.people.pipeline import NEXT, PIPELINE_ORDER
from ontschot.synth.generate import Size, generate_region
from ontschot.synth.profiles import OccupationProfile
from ontschot.synth.regions import find_region
from ontschot.synth.write_db import write_region


def test_demo_has_proposals_in_every_status_with_valid_steps(
    db: Session, profiles: tuple[OccupationProfile, ...], settings: Settings
) -> None:
    data = generate_region(
        profiles, find_region("twente"), Size(300, 150, 8), seed=4, today=date(2026, 11, 23)
    )
    summary = write_region(db, data, settings)
    intros = db.scalars(select(Introduction)).all()
    assert summary.proposals == len(intros) > 0
    assert {i.status for i in intros} == set(PIPELINE_ORDER)
    consenting = set(
        db.scalars(select(Consent.candidate_id).where(Consent.purpose == "employer_suggestions"))
    )
    for intro in intros:
        assert intro.candidate_id in consenting
        steps = db.scalars(
            select(IntroductionStep)
            .where(IntroductionStep.introduction_id == intro.id)
            .order_by(IntroductionStep.id)
        ).all()
        assert steps[0].status == "proposed" and steps[-1].status == intro.status
        for before, after in pairwise(steps):
            assert after.status in NEXT[before.status]
            assert after.reached_at >= before.reached_at
        if intro.status == "declined":
            assert intro.decline_reason and intro.declined_by in ("employer", "coach")
    grants = db.scalar(
        select(func.count()).select_from(AccessGrant).where(AccessGrant.basis == "introduction")
    )
    assert grants == len(intros)
    moments = db.scalar(select(func.count()).select_from(ContactMoment))
    assert moments == summary.contact_moments > len(intros)
