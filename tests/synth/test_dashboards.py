"""'Mijn dag' shows each role its day, from the synthetic region's real data."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot.access.models import AppUser
from ontschot.config import Settings
from ontschot.db import utcnow
from ontschot.employers.models import Employer, Vacancy
from ontschot.people.models import Candidate, CandidateSkill
from ontschot.synth.generate import Size, generate_region
from ontschot.synth.profiles import OccupationProfile
from ontschot.synth.regions import find_region
from ontschot.synth.write_db import write_region
from tests.factories import login_as


@pytest.fixture
def region(db: Session, profiles: tuple[OccupationProfile, ...], settings: Settings) -> Any:
    data = generate_region(
        profiles, find_region("twente"), Size(400, 300, 6), seed=8, today=date.today()
    )
    write_region(db, data, settings)
    return data


def _user(db: Session, email: str) -> AppUser:
    user = db.scalar(select(AppUser).where(AppUser.email == email))
    assert user is not None
    return user


def test_coach_sees_caseload_and_next_actions(db: Session, client: Any, region: Any) -> None:
    # given a coach with a candidate without skills in the caseload
    coach = _user(db, "coach@gemeente-enschede.example")
    mine = db.scalars(
        select(Candidate).where(Candidate.coach_user_id == coach.id, Candidate.status == "seeking")
    ).all()
    assert mine
    target = mine[0]
    db.query(CandidateSkill).filter(CandidateSkill.candidate_id == target.id).delete()
    db.commit()
    login_as(client, db, coach)
    # when the coach opens the landing page
    page = client.get("/")
    # then the caseload count and the candidate without skills are shown
    assert page.status_code == 200, page.text
    assert "Mijn caseload" in page.text
    assert "nog geen vaardigheden" in page.text
    assert target.reference in page.text


def test_employer_adviser_sees_vacancies_closing_soon(
    db: Session, client: Any, region: Any
) -> None:
    adviser = _user(db, "werkgeversadviseur@gemeente-enschede.example")
    employer = db.scalar(select(Employer).where(Employer.contact_user_id == adviser.id))
    assert employer is not None
    vacancy = Vacancy(
        employer_id=employer.id,
        title="Heftruckchauffeur nachtploeg",
        municipality="Enschede",
        status="open",
        fingerprint="x",
        closing_date=utcnow().date() + timedelta(days=3),
    )
    db.add(vacancy)
    db.commit()
    login_as(client, db, adviser)
    page = client.get("/")
    assert page.status_code == 200, page.text
    assert "Mijn werkgevers" in page.text
    assert "Heftruckchauffeur nachtploeg" in page.text


def test_programme_manager_sees_region_totals_and_tightness(
    db: Session, client: Any, region: Any
) -> None:
    manager = _user(db, "programmamanager@gemeente-enschede.example")
    login_as(client, db, manager)
    page = client.get("/")
    assert page.status_code == 200, page.text
    assert "Werkzoekenden per gemeente" in page.text
    assert "Enschede" in page.text and "Tubbergen" in page.text
    assert "Open vacatures per sector" in page.text
    assert "Krapste beroepen" in page.text


@pytest.mark.parametrize(
    "email, heading",
    [
        ("analist@uwv-twente.example", "Krapste beroepen"),
        ("beheerder@gemeente-enschede.example", "Gebruikers van mijn organisatie"),
        ("systeembeheer@ontschot-beheer-twente.example", "Organisaties op het platform"),
    ],
)
def test_other_roles_see_their_panel(
    db: Session, client: Any, region: Any, email: str, heading: str
) -> None:
    login_as(client, db, _user(db, email))
    page = client.get("/")
    assert page.status_code == 200, page.text
    assert heading in page.text


def test_employer_sees_only_own_vacancies(db: Session, client: Any, region: Any) -> None:
    user = db.scalar(select(AppUser).where(AppUser.role == "employer").order_by(AppUser.id))
    assert user is not None
    own = db.scalar(select(Employer).where(Employer.organisation_id == user.organisation_id))
    other = db.scalar(select(Employer).where(Employer.organisation_id.is_(None)))
    assert own is not None and other is not None
    db.add_all(
        [
            Vacancy(
                employer_id=own.id,
                title="Eigen vacature test",
                municipality="Almelo",
                status="open",
                fingerprint="a",
            ),
            Vacancy(
                employer_id=other.id,
                title="Vreemde vacature test",
                municipality="Almelo",
                status="open",
                fingerprint="b",
            ),
        ]
    )
    db.commit()
    login_as(client, db, user)
    page = client.get("/")
    assert "Mijn vacatures" in page.text
    assert "Eigen vacature test" in page.text
    assert "Vreemde vacature test" not in page.text
