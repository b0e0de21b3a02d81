"""Checks of a work-to-work registration, all before anything is written: the employer the
actor may register for, the chain, the coach who takes the trajectories, and each row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ontschot import clock, errors
from ontschot.access.actor import Actor
from ontschot.access.models import AppUser, Organisation
from ontschot.access.roles import Role, Scope
from ontschot.cases.trajectories.models import Trajectory
from ontschot.cases.trajectories.service import active_coach
from ontschot.cases.work_to_work.models import AtRiskEmployee
from ontschot.cases.work_to_work.schemas import AtRiskEmployeeIn, AtRiskRegistration
from ontschot.chains.models import Chain
from ontschot.employers.models import Employer
from ontschot.people.models import Candidate

# How far ahead a job end may lie: work-to-work starts when the loss of the job is in sight.
MAX_LEAD = timedelta(days=730)


@dataclass(frozen=True)
class Checked:
    employer: Employer
    chain: Chain
    coach: AppUser
    problems: dict[int, dict[str, str]]  # row (from 1) -> field -> reason


def registering_employer(db: Session, actor: Actor, employer_id: int) -> Employer:
    """An employer user registers for their own employer; an employer adviser (also for a
    sector fund) for any employer of the region."""
    scope = actor.require("work_to_work.register")
    employer = db.get(Employer, employer_id)
    if employer is None:
        raise errors.NotFound("Deze werkgever")
    if scope == Scope.OWN and employer.organisation_id != actor.organisation_id:
        raise errors.NotFound("Deze werkgever")
    return employer


def _region_of(db: Session, user: AppUser) -> str | None:
    return db.scalar(
        select(Organisation.region_code).where(Organisation.id == user.organisation_id)
    )


def coach_for(db: Session, actor: Actor, employer: Employer, coach_user_id: int | None) -> AppUser:
    """The coach named, or the employer's fixed contact person when a coach, or the coach
    with the fewest open trajectories in that contact person's organisation."""
    if coach_user_id is not None:
        coach = active_coach(db, coach_user_id)
        if coach is None or (
            actor.region_code is not None and _region_of(db, coach) != actor.region_code
        ):
            raise errors.invalid("coach_user_id", "geen actieve arbeidsmarktcoach in de regio")
        return coach
    contact = db.get(AppUser, employer.contact_user_id) if employer.contact_user_id else None
    if contact is not None and contact.is_active:
        if contact.role == Role.COACH.value:
            return contact
        open_count = (
            select(func.count(Trajectory.id))
            .where(Trajectory.coach_user_id == AppUser.id, Trajectory.state != "closed")
            .scalar_subquery()
        )
        least_busy = db.scalar(
            select(AppUser)
            .where(
                AppUser.organisation_id == contact.organisation_id,
                AppUser.role == Role.COACH.value,
                AppUser.is_active.is_(True),
            )
            .order_by(open_count, AppUser.id)
            .limit(1)
        )
        if least_busy is not None:
            return least_busy
    raise errors.Conflict(
        "Er is geen coach om de trajecten te begeleiden: deze werkgever heeft geen vaste "
        "contactpersoon bij een partnerorganisatie met coaches. Vraag de werkgeversadviseur "
        "een vaste contactpersoon vast te leggen, of kies een coach.",
        fields={"coach_user_id": "geen coach voor deze werkgever"},
    )


def _chain(db: Session, actor: Actor, chain_id: int) -> Chain:
    chain = db.get(Chain, chain_id)
    if chain is None or (actor.region_code and chain.region_code != actor.region_code):
        raise errors.invalid("chain_id", "onbekende keten")
    if not chain.is_active:
        raise errors.Conflict(
            "Deze keten neemt geen nieuwe trajecten aan.", fields={"chain_id": "niet actief"}
        )
    return chain


def _person_key(row: AtRiskEmployeeIn) -> tuple[str, str]:
    name = f"{row.first_name} {row.last_name}".casefold()
    return name, row.birth_date.isoformat() if row.birth_date else ""


def row_problems(
    db: Session, employer: Employer, rows: list[AtRiskEmployeeIn]
) -> dict[int, dict[str, str]]:
    today = clock.today()
    registered = {
        (name, born.isoformat() if born else "")
        for name, born in db.execute(
            select(Candidate.name_search, Candidate.birth_date)
            .join(AtRiskEmployee, AtRiskEmployee.candidate_id == Candidate.id)
            .where(
                AtRiskEmployee.employer_id == employer.id,
                AtRiskEmployee.job_ends_on >= today,
                Candidate.erased_at.is_(None),
            )
        ).tuples()
    }
    seen: set[tuple[str, str]] = set()
    found: dict[int, dict[str, str]] = {}
    for number, row in enumerate(rows, start=1):
        problems: dict[str, str] = {}
        if not row.agreed:
            problems["agreed"] = "de werknemer moet ermee instemmen aangemeld te worden"
        if row.job_ends_on <= today:
            problems["job_ends_on"] = (
                "ligt niet in de toekomst: van werk naar werk begint vóór het einde van de baan"
            )
        elif row.job_ends_on > today + MAX_LEAD:
            problems["job_ends_on"] = "ligt meer dan twee jaar vooruit"
        key = _person_key(row)
        if key in registered:
            problems["last_name"] = "is al aangemeld bij deze werkgever"
        elif key in seen:
            problems["last_name"] = "staat al eerder in deze lijst"
        seen.add(key)
        if problems:
            found[number] = problems
    return found


def check_registration(db: Session, actor: Actor, data: AtRiskRegistration) -> Checked:
    employer = registering_employer(db, actor, data.employer_id)
    if data.fund_name and actor.role == Role.EMPLOYER:
        raise errors.invalid("fund_name", "een sectorfonds meldt aan via een werkgeversadviseur")
    chain = _chain(db, actor, data.chain_id)
    coach = coach_for(db, actor, employer, data.coach_user_id)
    return Checked(employer, chain, coach, row_problems(db, employer, data.employees))
