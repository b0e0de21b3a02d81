"""Steps of the coach's work that cross contexts, each one transaction.

`register_employees_at_risk`: work-to-work — candidates (people), trajectories
(cases.trajectories) and the employer's registration (cases.work_to_work), per list.

`place_candidate`: the introduction moves to "placed" through the introductions pipeline
(people), the placement is written with its follow-ups (cases.placements) and the
trajectory records it (cases.trajectories), and the vacancy is marked filled when the
placement takes its last position (employers) — all or nothing. Every check runs before the
first write, so a refusal changes nothing.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session

from ontschot import clock, errors
from ontschot.access.actor import Actor
from ontschot.audit import service as audit
from ontschot.cases.placements import service as placements
from ontschot.cases.placements.models import Placement
from ontschot.cases.placements.rules import DEFAULT_RULES, PlacementRules
from ontschot.cases.placements.schemas import PlacementCreate
from ontschot.cases.trajectories.models import PlanItem
from ontschot.cases.trajectories.service import open_trajectory, record_placement_on_trajectory
from ontschot.cases.work_to_work.checks import Checked, check_registration
from ontschot.cases.work_to_work.models import AtRiskEmployee
from ontschot.cases.work_to_work.schemas import (
    AtRiskEmployeeIn,
    AtRiskRegistration,
    AtRiskReport,
    RefusedEmployee,
    RegisteredEmployee,
    RegistrationMode,
)
from ontschot.employers.service import fill_when_complete
from ontschot.people.pipeline import IntroStatus, advance_introduction, placed_on
from ontschot.people.schemas import CandidateCreate, SkillIn, WorkIn
from ontschot.people.service import register_candidate
from ontschot.people.vum import CandidateStatus, LegalBasis
from ontschot.tx import atomic, transactional

PURPOSE_WORK_TO_WORK = "van werk naar werk"
WORK_TO_WORK_SOURCE = "werk-naar-werk"


@transactional
def place_candidate(
    db: Session, *, actor: Actor, data: PlacementCreate, rules: PlacementRules = DEFAULT_RULES
) -> Placement:
    new = placements.check_new_placement(db, actor=actor, data=data, rules=rules)
    if new.introduction.status != IntroStatus.PLACED:
        advance_introduction(
            db, actor=actor, introduction_id=new.introduction.id, status=IntroStatus.PLACED
        )
    placement = placements.write_placement(db, actor=actor, new=new, rules=rules)
    if new.vacancy is not None:
        fill_when_complete(
            db, actor=actor, vacancy=new.vacancy, placed=placed_on(db, new.vacancy.id)
        )
    kind = "Betaalde plaatsing" if placement.paid else "Proefplaatsing"
    record_placement_on_trajectory(
        db,
        actor=actor,
        trajectory=new.trajectory,
        employer_id=new.employer.id,
        summary=f"{kind} bij {new.employer.name} vanaf {placement.start_date:%d-%m-%Y}",
    )
    return placement


@transactional
def register_employees_at_risk(
    db: Session, *, actor: Actor, data: AtRiskRegistration
) -> AtRiskReport:
    """Work-to-work: register employees at risk of losing their job. Each becomes a
    candidate with status `employed_at_risk` in the coaching organisation (people), with a
    trajectory in the chain, a plan to find new work before the job ends and a first next
    action (cases.trajectories), and a row that ties them to the employer (work_to_work).

    All or nothing (the default): any wrong row refuses the whole list, naming every wrong
    field as `employees.<row>.<field>`, and nothing is written. Per row: each good row is
    registered in its own savepoint; the report names each refused row and why."""
    checked = check_registration(db, actor, data)
    if data.mode == RegistrationMode.ALL_OR_NOTHING and checked.problems:
        fields = {
            f"employees.{row}.{name}": why
            for row, problems in checked.problems.items()
            for name, why in problems.items()
        }
        rows = ", ".join(str(r) for r in checked.problems)
        raise errors.Invalid(
            f"Niemand is aangemeld: de lijst heeft fouten in regel {rows}. Verbeter die "
            "regels (of meld per regel aan) en stuur de lijst opnieuw.",
            fields=fields,
        )
    registered: list[RegisteredEmployee] = []
    refused: list[RefusedEmployee] = []
    for number, row in enumerate(data.employees, start=1):
        if number in checked.problems:
            problems = checked.problems[number]
            refused.append(RefusedEmployee(row=number, detail=_sentence(problems), fields=problems))
            continue
        if data.mode == RegistrationMode.ALL_OR_NOTHING:
            registered.append(_register_one(db, actor, checked, data, row, number))
            continue
        try:
            with atomic(db, savepoint=True):
                registered.append(_register_one(db, actor, checked, data, row, number))
        except errors.DomainError as exc:
            refused.append(RefusedEmployee(row=number, detail=exc.detail, fields=exc.fields))
    return AtRiskReport(registered=registered, refused=refused)


def _sentence(problems: dict[str, str]) -> str:
    return "; ".join(problems.values()).capitalize() + "."


def _register_one(
    db: Session,
    actor: Actor,
    checked: Checked,
    data: AtRiskRegistration,
    row: AtRiskEmployeeIn,
    number: int,
) -> RegisteredEmployee:
    employer, coach, today = checked.employer, checked.coach, clock.today()
    person = CandidateCreate(
        first_name=row.first_name,
        last_name=row.last_name,
        email=row.email,
        phone=row.phone,
        birth_date=row.birth_date,
        municipality=row.municipality,
        status=CandidateStatus.EMPLOYED_AT_RISK,
        legal_basis=LegalBasis.CONSENT,
        available_from=row.job_ends_on,
        hours_min=row.hours_per_week,
        hours_max=row.hours_per_week,
        coach_user_id=coach.id,
        work_history=[
            WorkIn(
                employer_name=employer.name,
                job_title=row.job_title,
                occupation_uri=row.occupation_uri,
                end_date=row.job_ends_on,
            )
        ],
        skills=[SkillIn(skill_uri=uri) for uri in dict.fromkeys(row.skills)],
        source=WORK_TO_WORK_SOURCE,
    )
    candidate = register_candidate(
        db, actor=actor, data=person, organisation_id=coach.organisation_id
    )
    candidate.current_employer_id = employer.id
    trajectory = open_trajectory(
        db, actor=actor, candidate=candidate, chain=checked.chain, coach=coach,
        goal=f"Van werk naar werk, vanuit {row.job_title}"[:300],
    )  # fmt: skip
    # Career routes are chosen with the person before the job ends: the plan says so, and
    # the intake is the first next action (never after the last working day).
    trajectory.next_action = "Intakegesprek: loopbaanroutes vanuit het huidige werk bespreken"
    trajectory.next_action_due = min(today + timedelta(days=7), row.job_ends_on)
    explore_by = max(today, min(today + timedelta(days=28), row.job_ends_on - timedelta(days=14)))
    trajectory.plan_items.extend(
        [
            PlanItem(
                kind="goal",
                text=f"Nieuw werk vóór {row.job_ends_on:%d-%m-%Y}, als het werk bij "
                f"{employer.name} stopt"[:300],
                due_date=row.job_ends_on,
                created_at=clock.now(),
            ),
            PlanItem(
                kind="action",
                text="Loopbaanroutes verkennen en er een of twee kiezen (met opleiding)",
                due_date=explore_by,
                created_at=clock.now(),
            ),
        ]
    )
    at_risk = AtRiskEmployee(
        employer_id=employer.id,
        candidate_id=candidate.id,
        trajectory_id=trajectory.id,
        job_title=row.job_title,
        occupation_uri=row.occupation_uri,
        hours_per_week=row.hours_per_week,
        job_ends_on=row.job_ends_on,
        fund_name=(data.fund_name or "").strip() or None,
        organisation_id=coach.organisation_id,
        registered_by_user_id=actor.user_id,
        registered_at=clock.now(),
    )
    db.add(at_risk)
    db.flush()
    audit.record(
        db,
        actor=actor,
        action="work_to_work.register",
        object_type="at_risk_employee",
        object_id=at_risk.id,
        subject_key=candidate.subject_key,
        purpose=PURPOSE_WORK_TO_WORK,
    )
    return RegisteredEmployee(
        row=number, id=at_risk.id, candidate_id=candidate.id, trajectory_id=trajectory.id
    )
