"""Writing a generated region into the database through the contexts' models."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from stdnum.nl import bsn as stdnum_bsn

from ontschot.access.models import AppUser, Organisation
from ontschot.access.passwords import verify_password
from ontschot.careers.models import TrainingOffer, TrainingOfferSkill
from ontschot.config import Settings
from ontschot.employers.models import Employer, Vacancy, VacancySkill
from ontschot.employers.service import vacancy_fingerprint
from ontschot.people.models import Candidate, CandidateSkill, Consent
from ontschot.synth.generate import Size, generate_region
from ontschot.synth.plan import DEMO_PASSWORD
from ontschot.synth.profiles import OccupationProfile
from ontschot.synth.regions import find_region
from ontschot.synth.write_db import write_region

TODAY = date(2026, 11, 23)


def test_region_is_written_with_consistent_links(
    db: Session, profiles: tuple[OccupationProfile, ...], settings: Settings
) -> None:
    # given a small generated Twente
    data = generate_region(profiles, find_region("twente"), Size(300, 150, 8), seed=4, today=TODAY)
    # when it is written
    summary = write_region(db, data, settings)
    # then the counts match and every link points at a row of the region
    assert summary.candidates == 300 and summary.vacancies == 150
    org_ids = set(db.scalars(select(Organisation.id).where(Organisation.region_code == "twente")))
    candidates = db.scalars(select(Candidate).where(Candidate.source == "synth")).all()
    assert len(candidates) == 300
    coach_orgs = dict(db.execute(select(AppUser.id, AppUser.organisation_id)).all())
    for c in candidates:
        assert c.organisation_id in org_ids
        assert c.name_search == f"{c.first_name} {c.last_name}".casefold()
        if c.coach_user_id is not None:
            assert coach_orgs[c.coach_user_id] == c.organisation_id
        if c.bsn:
            assert stdnum_bsn.is_valid(c.bsn)
    vacancies = db.scalars(select(Vacancy).where(Vacancy.source == "synth")).all()
    assert len(vacancies) == 150
    # distinct jobs never look like one job sent twice (the employers' de-duplication)
    assert len({v.fingerprint for v in vacancies}) == 150
    for v in vacancies[:20]:
        assert v.fingerprint == vacancy_fingerprint(v.employer.name, v.title, v.municipality)
        assert v.skills and all(s.relation in ("essential", "optional") for s in v.skills)
    assert db.scalar(select(func.count()).select_from(VacancySkill)) > 150 * 4
    assert db.scalar(select(func.count()).select_from(CandidateSkill)) > 300 * 3
    assert db.scalar(select(func.count()).select_from(Consent)) > 100
    assert db.scalar(
        select(func.count()).select_from(Employer).where(Employer.kvk_number.like("9%"))
    ) == len(data.plan.employers)


def test_demo_users_log_in_with_the_documented_password(
    db: Session, profiles: tuple[OccupationProfile, ...], settings: Settings
) -> None:
    data = generate_region(profiles, find_region("twente"), Size(20, 10, 4), seed=4, today=TODAY)
    write_region(db, data, settings)
    users = db.scalars(select(AppUser).where(AppUser.email.like("%.example"))).all()
    assert {u.role for u in users} == {
        "coach",
        "employer_adviser",
        "programme_manager",
        "partner_admin",
        "employer",
        "analyst",
        "system_admin",
    }
    assert verify_password(users[0].password_hash, DEMO_PASSWORD, settings)


def test_training_catalogue_teaches_skills_of_the_region_occupations(
    db: Session, profiles: tuple[OccupationProfile, ...], settings: Settings
) -> None:
    data = generate_region(profiles, find_region("twente"), Size(20, 10, 4), seed=4, today=TODAY)
    summary = write_region(db, data, settings)
    offers = db.scalars(select(TrainingOffer).where(TrainingOffer.source == "synth")).all()
    assert len(offers) == summary.trainings > len(profiles)
    assert all(offer.skills and offer.starts for offer in offers)
    assert all(start > TODAY for offer in offers for start in offer.start_dates)
    occupation_skills = {s.uri for p in profiles for s in p.essential}
    taught = set(db.scalars(select(TrainingOfferSkill.skill_uri)))
    assert taught <= occupation_skills
    assert any(o.title.startswith("Mbo-opleiding") for o in offers)
