"""Builders for work-to-work tests: an employer with a fixed contact person who coaches,
a chain, and the body of a registration."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from ontschot import clock
from ontschot.access.models import AppUser
from ontschot.access.roles import Role
from ontschot.cases.work_to_work.schemas import AtRiskRegistration
from ontschot.chains.models import Chain
from tests.cases.helpers import make_chain
from tests.factories import (
    ESCO_OCCUPATION_CHEF,
    ESCO_SKILL_A,
    make_employer,
    make_organisation,
    make_user,
)

_n = iter(range(1, 10**6))


@dataclass
class Setting:
    employer: Any
    employer_user: AppUser
    coach: AppUser
    adviser: AppUser
    chain: Chain


def setting(db: Session, *, coach: AppUser | None = None, chain: Chain | None = None) -> Setting:
    """An employer (with its own user) whose fixed contact person is a coach."""
    coach = coach or make_user(db, Role.COACH)
    company = make_organisation(db, kind="werkgever", name=f"Bedrijf {next(_n)}")
    employer = make_employer(db, organisation=company)
    employer.contact_user_id = coach.id
    db.commit()
    return Setting(
        employer=employer,
        employer_user=make_user(db, Role.EMPLOYER, organisation=company),
        coach=coach,
        adviser=make_user(db, Role.EMPLOYER_ADVISER),
        chain=chain or make_chain(db),
    )


def employee(**overrides: Any) -> dict[str, Any]:
    number = next(_n)
    row: dict[str, Any] = {
        "firstName": "Fenna",
        "lastName": f"Kuipers-{number}",
        "birthDate": "1979-04-12",
        "municipality": "Hengelo",
        "jobTitle": "Kok in de bedrijfskantine",
        "occupationUri": ESCO_OCCUPATION_CHEF,
        "skills": [ESCO_SKILL_A],
        "hoursPerWeek": 32,
        "jobEndsOn": (clock.today() + timedelta(days=90)).isoformat(),
        "agreed": True,
    }
    row.update(overrides)
    return row


def registration(s: Setting, *rows: dict[str, Any], **overrides: Any) -> AtRiskRegistration:
    body: dict[str, Any] = {
        "employerId": s.employer.id,
        "chainId": s.chain.id,
        "employees": list(rows) or [employee()],
    }
    body.update(overrides)
    return AtRiskRegistration.model_validate(body)
