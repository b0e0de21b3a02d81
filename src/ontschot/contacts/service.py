"""Recording and reading contact moments with candidates and employers.

A contact moment with a candidate is written by someone who may change the candidate (the
own organisation) and read by anyone who sees the candidate in full (the one visibility
rule); each read of a candidate's contact moments is one processing-log entry. Contact
moments with an employer carry no candidate data and follow the employer's scope.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot import clock, errors
from ontschot.access.actor import Actor
from ontschot.audit import service as audit
from ontschot.contacts.models import ContactMoment
from ontschot.contacts.schemas import ContactMomentIn
from ontschot.employers.models import Employer
from ontschot.employers.relations import changeable_employer
from ontschot.employers.service import PURPOSE_VACANCIES, readable_employer
from ontschot.people.models import Candidate
from ontschot.people.service import PURPOSE_GUIDANCE, decide_view, editable_candidate
from ontschot.people.visibility import View
from ontschot.tx import transactional


def _check(data: ContactMomentIn) -> None:
    problems: dict[str, str] = {}
    if data.occurred_on > clock.today():
        problems["occurred_on"] = "ligt in de toekomst; leg een contact vast dat er was"
    if data.next_action_due is not None:
        if not (data.next_action or "").strip():
            problems["next_action"] = "zeg welke actie er op die datum moet gebeuren"
        if data.next_action_due < data.occurred_on:
            problems["next_action_due"] = "ligt vóór de datum van het contact"
    if problems:
        raise errors.Invalid("Controleer het contactmoment.", fields=problems)


def _row(actor: Actor, data: ContactMomentIn) -> ContactMoment:
    return ContactMoment(
        kind=data.kind.value,
        occurred_on=data.occurred_on,
        summary=data.summary.strip(),
        next_action=(data.next_action or "").strip() or None,
        next_action_due=data.next_action_due,
        organisation_id=actor.organisation_id,
        created_by_user_id=actor.user_id,
        created_by_name=actor.display_name or "",
        created_at=clock.now(),
    )


@transactional
def record_candidate_contact(
    db: Session, *, actor: Actor, candidate_id: int, data: ContactMomentIn
) -> ContactMoment:
    candidate = editable_candidate(
        db, actor=actor, candidate_id=candidate_id, action="contact_moment.create"
    )
    _check(data)
    row = _row(actor, data)
    row.candidate_id = candidate.id
    db.add(row)
    db.flush()
    audit.record(
        db,
        actor=actor,
        action="contact_moment.create",
        object_type="contact_moment",
        object_id=row.id,
        subject_key=candidate.subject_key,
        purpose=PURPOSE_GUIDANCE,
    )
    return row


@transactional
def read_candidate_contacts(
    db: Session, *, actor: Actor, candidate_id: int
) -> tuple[Candidate, list[ContactMoment]]:
    """The candidate's contact moments, newest first; one log entry. Someone who sees the
    candidate only anonymised sees none of them (they are notes about a person)."""
    candidate, view = decide_view(
        db, actor=actor, candidate_id=candidate_id, action="contact_moment.read"
    )
    if view != View.FULL:
        raise errors.NotFound("Deze werkzoekende")
    rows = list(
        db.scalars(
            select(ContactMoment)
            .where(ContactMoment.candidate_id == candidate.id)
            .order_by(ContactMoment.occurred_on.desc(), ContactMoment.id.desc())
            .limit(500)
        )
    )
    audit.record(
        db,
        actor=actor,
        action="contact_moment.read",
        object_type="contact_moment",
        object_id=None,
        subject_key=candidate.subject_key,
        purpose=PURPOSE_GUIDANCE,
    )
    return candidate, rows


@transactional
def record_employer_contact(
    db: Session, *, actor: Actor, employer_id: int, data: ContactMomentIn
) -> ContactMoment:
    employer = changeable_employer(
        db, actor=actor, employer_id=employer_id, action="employer_contact.create"
    )
    _check(data)
    row = _row(actor, data)
    row.employer_id = employer.id
    db.add(row)
    db.flush()
    audit.record(
        db,
        actor=actor,
        action="employer_contact.create",
        object_type="contact_moment",
        object_id=row.id,
        subject_key=None,
        purpose=PURPOSE_VACANCIES,
    )
    return row


def employer_contacts(
    db: Session, *, actor: Actor, employer_id: int
) -> tuple[Employer, list[ContactMoment]]:
    actor.require("employer_contact.read")
    employer = readable_employer(db, actor=actor, employer_id=employer_id)
    rows = list(
        db.scalars(
            select(ContactMoment)
            .where(ContactMoment.employer_id == employer.id)
            .order_by(ContactMoment.occurred_on.desc(), ContactMoment.id.desc())
            .limit(500)
        )
    )
    return employer, rows
