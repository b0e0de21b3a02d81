"""Contact moments API: with a candidate (personal data, logged) and with an employer."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path

from ontschot.access.actor import Actor
from ontschot.access.deps import requires
from ontschot.contacts import service
from ontschot.contacts.schemas import ContactMomentIn, ContactMomentRead
from ontschot.deps import DbSession

router = APIRouter(tags=["contact moments"])
CandidateId = Annotated[int, Path(ge=1, le=2**31 - 1, alias="candidateId")]
EmployerId = Annotated[int, Path(ge=1, le=2**31 - 1, alias="employerId")]


@router.get("/candidates/{candidateId}/contact-moments", response_model=list[ContactMomentRead])
def list_candidate_contacts(
    candidate_id: CandidateId,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("contact_moment.read"))],
) -> list[ContactMomentRead]:
    """The candidate's contact moments, newest first (a logged read of personal data)."""
    _, rows = service.read_candidate_contacts(db, actor=actor, candidate_id=candidate_id)
    return [ContactMomentRead.model_validate(r) for r in rows]


@router.post(
    "/candidates/{candidateId}/contact-moments",
    status_code=201,
    response_model=ContactMomentRead,
)
def record_candidate_contact(
    candidate_id: CandidateId,
    body: ContactMomentIn,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("contact_moment.create"))],
) -> ContactMomentRead:
    """Record a conversation, call, visit or e-mail, with an optional next action."""
    row = service.record_candidate_contact(db, actor=actor, candidate_id=candidate_id, data=body)
    return ContactMomentRead.model_validate(row)


@router.get("/employers/{employerId}/contact-moments", response_model=list[ContactMomentRead])
def list_employer_contacts(
    employer_id: EmployerId,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("employer_contact.read"))],
) -> list[ContactMomentRead]:
    _, rows = service.employer_contacts(db, actor=actor, employer_id=employer_id)
    return [ContactMomentRead.model_validate(r) for r in rows]


@router.post(
    "/employers/{employerId}/contact-moments", status_code=201, response_model=ContactMomentRead
)
def record_employer_contact(
    employer_id: EmployerId,
    body: ContactMomentIn,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("employer_contact.create"))],
) -> ContactMomentRead:
    row = service.record_employer_contact(db, actor=actor, employer_id=employer_id, data=body)
    return ContactMomentRead.model_validate(row)
