"""Placements: checking a new one, writing it with its follow-ups, recording follow-ups and
the end of the employment.

Creating a placement is a cross-context step (the introduction becomes "placed", the
trajectory records it), so it runs through `cases.flows.place_candidate`, which calls
`check_new_placement` (refuses before anything is written) and then `write_placement`
inside one transaction. Who may do what follows the trajectory: a placement is read by
whoever reads its trajectory and changed by whoever may change it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot import clock, errors
from ontschot.access.actor import Actor
from ontschot.audit import service as audit
from ontschot.cases.placements.models import FollowUp, Placement
from ontschot.cases.placements.rules import DEFAULT_RULES, PlacementRules, add_months
from ontschot.cases.placements.schemas import FollowUpCreate, PlacementCreate, PlacementEnd
from ontschot.cases.trajectories import history
from ontschot.cases.trajectories.models import Trajectory
from ontschot.cases.trajectories.visibility import trajectory_for
from ontschot.chains.models import ChainPhase
from ontschot.employers.models import Employer, Vacancy
from ontschot.people.models import Introduction
from ontschot.tx import transactional

PURPOSE = "nazorg na plaatsing"
FOLLOW_UP_ACTION = "Nazorgcontact"
# an introduction at one of these may become a placement ("placed" again: after a trial)
PLACEABLE = ("offer", "placed")


def log(db: Session, actor: Actor, action: str, placement: Placement) -> None:
    audit.record(
        db,
        actor=actor,
        action=action,
        object_type="placement",
        object_id=placement.id,
        subject_key=f"candidate:{placement.candidate_id}",
        purpose=PURPOSE,
    )


@dataclass(frozen=True)
class NewPlacement:
    """A placement that passed every check, with what it was checked against."""

    data: PlacementCreate
    trajectory: Trajectory
    employer: Employer
    vacancy: Vacancy | None
    introduction: Introduction


def _trial_problems(data: PlacementCreate, rules: PlacementRules) -> dict[str, str]:
    problems: dict[str, str] = {}
    if data.paid:
        if data.trial_end_date is not None:
            problems["trial_end_date"] = "alleen bij een proefplaatsing (onbetaald)"
        return problems
    latest = add_months(data.start_date, rules.trial_max_months)
    if data.trial_end_date is not None and data.trial_end_date > latest:
        problems["trial_end_date"] = (
            f"een proefplaatsing duurt hoogstens {rules.trial_max_months} maanden "
            f"(uiterlijk {latest:%d-%m-%Y})"
        )
    if data.trial_end_date is not None and data.trial_end_date <= data.start_date:
        problems["trial_end_date"] = "ligt niet na de startdatum"
    if data.contract_months is not None and data.contract_months > rules.trial_max_months:
        problems["contract_months"] = (
            f"een proefplaatsing duurt hoogstens {rules.trial_max_months} maanden"
        )
    intended = data.intended_contract_months
    if intended is None or intended < rules.trial_min_intended_months:
        problems["intended_contract_months"] = (
            "bij een proefplaatsing is de werkgever van plan daarna een contract van minstens "
            f"{rules.trial_min_intended_months} maanden te geven; vul die duur in"
        )
    if data.wage_cents:
        problems["wage_cents"] = "een proefplaatsing is onbetaald"
    return problems


def _field_problems(data: PlacementCreate, rules: PlacementRules) -> dict[str, str]:
    problems = _trial_problems(data, rules)
    if data.paid and data.contract_type == "permanent" and data.contract_months is not None:
        problems["contract_months"] = "een vast contract heeft geen looptijd"
    if data.wage_cents is not None and data.wage_period is None and data.wage_cents > 0:
        problems["wage_period"] = "kies of het loon per uur of per maand is"
    return problems


def _introduction(
    db: Session, data: PlacementCreate, trajectory: Trajectory, vacancy: Vacancy | None
) -> Introduction:
    query = select(Introduction).where(
        Introduction.candidate_id == trajectory.candidate_id,
        Introduction.employer_id == data.employer_id,
        Introduction.withdrawn_at.is_(None),
        Introduction.status != "declined",
    )
    if data.introduction_id is not None:
        query = query.where(Introduction.id == data.introduction_id)
    if vacancy is not None:
        query = query.where(Introduction.vacancy_id == vacancy.id)
    found = list(db.scalars(query.order_by(Introduction.id.desc())))
    if not found:
        raise errors.Conflict(
            "Er is geen lopend voorstel van deze werkzoekende aan deze werkgever"
            + (" voor deze vacature" if vacancy else "")
            + ". Een plaatsing komt voort uit een voorstel: stel de werkzoekende eerst voor.",
            fields={"introduction_id": "geen lopend voorstel aan deze werkgever"},
        )
    placeable = [i for i in found if i.status in PLACEABLE]
    if not placeable:
        status = found[0].status
        raise errors.Conflict(
            f"Het voorstel aan deze werkgever staat op '{status}'. Een plaatsing kan pas als "
            "de werkgever een aanbod heeft gedaan (status 'aanbod').",
            fields={"introduction_id": "het voorstel is nog niet bij 'aanbod'"},
        )
    return placeable[0]


def check_new_placement(
    db: Session, *, actor: Actor, data: PlacementCreate, rules: PlacementRules = DEFAULT_RULES
) -> NewPlacement:
    """Every check of a new placement, before anything is written; raises the refusal."""
    actor.require("placement.create")
    trajectory = trajectory_for(db, actor, data.trajectory_id, "trajectory.update")
    problems = _field_problems(data, rules)
    employer = db.get(Employer, data.employer_id)
    if employer is None:
        problems["employer_id"] = "onbekende werkgever"
    vacancy = db.get(Vacancy, data.vacancy_id) if data.vacancy_id is not None else None
    if data.vacancy_id is not None and (vacancy is None or vacancy.employer_id != data.employer_id):
        problems["vacancy_id"] = "geen vacature van deze werkgever"
    if problems:
        raise errors.Invalid(
            "De plaatsing klopt niet: " + "; ".join(problems.values()) + ".", fields=problems
        )
    assert employer is not None
    if trajectory.state != "open":
        raise errors.Conflict(
            "Dit traject is opgeschort of afgesloten; hervat het eerst om een plaatsing vast "
            "te leggen."
        )
    phase = db.get(ChainPhase, trajectory.phase_id)
    if phase is None or not phase.needs_employer:
        kind = "betaalde plaatsing" if data.paid else "proefplaatsing"
        raise errors.Conflict(
            f"Een {kind} hoort bij fase 2 (werken bij een werkgever). Dit traject staat in "
            f"'{phase.name if phase else '?'}': zet het eerst in fase 2, met deze werkgever.",
            fields={"trajectory_id": "traject staat niet in fase 2"},
        )
    introduction = _introduction(db, data, trajectory, vacancy)
    running = db.scalar(
        select(Placement.id).where(
            Placement.introduction_id == introduction.id, Placement.ended_on.is_(None)
        )
    )
    if running:
        raise errors.Conflict(
            "Uit dit voorstel loopt al een plaatsing. Beëindig die eerst (bijvoorbeeld: "
            "proefplaatsing omgezet in een contract).",
            fields={"introduction_id": "er loopt al een plaatsing"},
        )
    return NewPlacement(data, trajectory, employer, vacancy, introduction)


def write_placement(
    db: Session, *, actor: Actor, new: NewPlacement, rules: PlacementRules = DEFAULT_RULES
) -> Placement:
    """Write a checked placement with its scheduled follow-ups (inside the flow's atomic)."""
    data, trajectory = new.data, new.trajectory
    placement = Placement(
        trajectory_id=trajectory.id,
        candidate_id=trajectory.candidate_id,
        employer_id=new.employer.id,
        vacancy_id=new.vacancy.id if new.vacancy else None,
        introduction_id=new.introduction.id,
        occupation_uri=data.occupation_uri or (new.vacancy.occupation_uri if new.vacancy else None),
        contract_type=data.contract_type.value,
        contract_months=data.contract_months,
        hours_per_week=data.hours_per_week,
        wage_cents=data.wage_cents if data.paid else None,
        wage_period=data.wage_period.value if data.wage_period and data.paid else None,
        start_date=data.start_date,
        paid=data.paid,
        trial_end_date=(data.trial_end_date or add_months(data.start_date, rules.trial_max_months))
        if not data.paid
        else None,
        intended_contract_months=data.intended_contract_months if not data.paid else None,
        organisation_id=trajectory.organisation_id,
        created_by_user_id=actor.user_id,
        created_at=clock.now(),
    )
    placement.follow_ups = [
        FollowUp(months=m, due_date=add_months(data.start_date, m)) for m in rules.follow_up_months
    ]
    db.add(placement)
    db.flush()
    log(db, actor, "placement.create", placement)
    return placement


def placement_for(db: Session, actor: Actor, placement_id: int, action: str) -> Placement:
    """The placement when the actor may do `action` on its trajectory (404 / 403 as there)."""
    placement = db.get(Placement, placement_id)
    if placement is None:
        actor.require(action)
        raise errors.NotFound("Deze plaatsing")
    try:
        trajectory_for(db, actor, placement.trajectory_id, action)
    except errors.NotFound:
        raise errors.NotFound("Deze plaatsing") from None
    return placement


def _must_run(placement: Placement) -> None:
    if placement.ended_on is not None:
        raise errors.Conflict(
            f"Deze plaatsing is beëindigd op {placement.ended_on:%d-%m-%Y}; er kan niets meer "
            "bij worden vastgelegd.",
        )


def _open_follow_up(placement: Placement, follow_up_id: int | None) -> FollowUp:
    if follow_up_id is not None:
        chosen = next((f for f in placement.follow_ups if f.id == follow_up_id), None)
        if chosen is None:
            raise errors.invalid("follow_up_id", "geen nazorgcontact van deze plaatsing")
        if chosen.done_at is not None:
            raise errors.Conflict(
                "Dit nazorgcontact is al vastgelegd.", fields={"follow_up_id": "al vastgelegd"}
            )
        return chosen
    open_ones = [f for f in placement.follow_ups if f.done_at is None]
    if not open_ones:
        raise errors.Conflict("Alle geplande nazorgcontacten zijn al vastgelegd.")
    return min(open_ones, key=lambda f: f.due_date)


def _clear_surfaced_action(db: Session, placement: Placement, follow_up: FollowUp) -> None:
    """The job made this follow-up the trajectory's next action; done, it is no longer one."""
    trajectory = db.get(Trajectory, placement.trajectory_id)
    if (
        trajectory is not None
        and trajectory.next_action is not None
        and trajectory.next_action.startswith(FOLLOW_UP_ACTION)
        and trajectory.next_action_due == follow_up.due_date
    ):
        trajectory.next_action = None
        trajectory.next_action_due = None
        trajectory.updated_at = clock.now()


@transactional
def record_follow_up(
    db: Session, *, actor: Actor, placement_id: int, data: FollowUpCreate
) -> FollowUp:
    """Record a follow-up contact: still working? same hours? risk signals, what was done."""
    actor.require("placement.update")
    placement = placement_for(db, actor, placement_id, "trajectory.update")
    _must_run(placement)
    problems: dict[str, str] = {}
    if data.contact_date < placement.start_date:
        problems["contact_date"] = (
            f"ligt vóór de start van de plaatsing ({placement.start_date:%d-%m-%Y})"
        )
    elif data.contact_date > clock.today():
        problems["contact_date"] = "ligt in de toekomst"
    if data.same_hours is False and data.hours_now is None and data.still_working:
        problems["hours_now"] = "vul in hoeveel uur per week de werkzoekende nu werkt"
    if problems:
        raise errors.Invalid(
            "Het nazorgcontact klopt niet: " + "; ".join(problems.values()) + ".", fields=problems
        )
    follow_up = _open_follow_up(placement, data.follow_up_id)
    follow_up.done_at = clock.now()
    follow_up.contact_date = data.contact_date
    follow_up.still_working = data.still_working
    if data.still_working:
        follow_up.same_hours = data.same_hours
        follow_up.hours_now = (
            data.hours_now if data.hours_now is not None else placement.hours_per_week
        )
    else:
        follow_up.same_hours, follow_up.hours_now = None, 0
    follow_up.risk_signals = (data.risk_signals or "").strip() or None
    follow_up.actions_taken = (data.actions_taken or "").strip() or None
    follow_up.by_user_id = actor.user_id
    _clear_surfaced_action(db, placement, follow_up)
    db.flush()
    log(db, actor, "placement.follow_up.record", placement)
    return follow_up


@transactional
def end_placement(db: Session, *, actor: Actor, placement_id: int, data: PlacementEnd) -> Placement:
    """The employment (or trial placement) ended: its date and reason."""
    actor.require("placement.update")
    placement = placement_for(db, actor, placement_id, "trajectory.update")
    _must_run(placement)
    if data.end_date < placement.start_date:
        raise errors.invalid(
            "end_date", f"ligt vóór de start van de plaatsing ({placement.start_date:%d-%m-%Y})"
        )
    if data.end_date > clock.today():
        raise errors.invalid("end_date", "ligt in de toekomst; leg het einde vast als het zover is")
    text = (data.reason_text or "").strip() or None
    if data.reason == "other" and text is None:
        raise errors.invalid("reason_text", "beschrijf de reden")
    placement.ended_on = data.end_date
    placement.end_reason = data.reason.value
    placement.end_reason_text = text
    trajectory = db.get(Trajectory, placement.trajectory_id)
    assert trajectory is not None
    history.event(
        db, actor, trajectory, "placement_ended", f"Plaatsing beëindigd op {data.end_date:%d-%m-%Y}"
    )
    db.flush()
    log(db, actor, "placement.end", placement)
    return placement


def months_label(months: int) -> str:
    return "1 maand" if months == 1 else f"{months} maanden"


def due_follow_up_text(follow_up: FollowUp) -> str:
    return f"{FOLLOW_UP_ACTION} {months_label(follow_up.months)} na de start van de plaatsing"
