"""Changes to an employer: its details, its fixed contact person (vast contactpersoon, a
user of a partner organisation) and the contact persons at the employer itself.

Scope: a regional role may change any employer; a partner administrator (organisation
scope) only employers not linked to another organisation (the same rule as registering
vacancies for them, `service._employer_within`).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot import errors
from ontschot.access.actor import Actor
from ontschot.access.models import AppUser, Organisation
from ontschot.access.roles import Role, Scope
from ontschot.audit import service as audit
from ontschot.employers.models import Employer, EmployerContactPerson
from ontschot.employers.schemas import ContactPersonIn, EmployerUpdate
from ontschot.employers.service import PURPOSE_VACANCIES, employer_key
from ontschot.tx import transactional

# Roles that can be a fixed contact person: people of partner organisations who work with
# employers (not the employer's own users, not analysts).
CONTACT_ROLES = frozenset(
    {Role.EMPLOYER_ADVISER, Role.COACH, Role.PROGRAMME_MANAGER, Role.PARTNER_ADMIN}
)


def changeable_employer(
    db: Session, *, actor: Actor, employer_id: int, action: str = "employer.update"
) -> Employer:
    """The employer, when the actor may change it; `NotFound` / `Forbidden` otherwise."""
    scope = actor.require(action)
    employer = db.get(Employer, employer_id)
    if employer is None:
        raise errors.NotFound("Deze werkgever")
    if scope == Scope.ORGANISATION and employer.organisation_id not in (
        None,
        actor.organisation_id,
    ):
        raise errors.Forbidden("Deze werkgever hoort bij een andere organisatie.")
    if scope == Scope.OWN and employer.organisation_id != actor.organisation_id:
        raise errors.NotFound("Deze werkgever")
    return employer


def check_contact_user(db: Session, user_id: int) -> AppUser:
    user = db.get(AppUser, user_id)
    org = db.get(Organisation, user.organisation_id) if user and user.organisation_id else None
    if (
        user is None
        or not user.is_active
        or Role(user.role) not in CONTACT_ROLES
        or org is None
        or org.kind == "werkgever"
    ):
        raise errors.invalid(
            "contact_user_id",
            "geen actieve medewerker van een partnerorganisatie",
            "Kies als vaste contactpersoon een medewerker van een partnerorganisatie "
            "(meestal een werkgeversadviseur).",
        )
    return user


def contact_candidates(db: Session) -> list[AppUser]:
    """Users who can be a fixed contact person, for the choice on the employer's page."""
    return list(
        db.scalars(
            select(AppUser)
            .join(Organisation, Organisation.id == AppUser.organisation_id)
            .where(
                AppUser.is_active.is_(True),
                AppUser.role.in_([r.value for r in CONTACT_ROLES]),
                Organisation.kind != "werkgever",
            )
            .order_by(AppUser.role, AppUser.display_name)
            .limit(300)
        )
    )


def _record(db: Session, actor: Actor, action: str, employer: Employer) -> None:
    audit.record(
        db,
        actor=actor,
        action=action,
        object_type="employer",
        object_id=employer.id,
        subject_key=None,
        purpose=PURPOSE_VACANCIES,
    )


@transactional
def update_employer(
    db: Session, *, actor: Actor, employer_id: int, data: EmployerUpdate
) -> Employer:
    """Change the fields sent (name, KvK number, sector, municipality, fixed contact)."""
    employer = changeable_employer(db, actor=actor, employer_id=employer_id)
    sent = data.model_fields_set
    if "name" in sent and not data.name:
        raise errors.invalid("name", "mag niet leeg zijn")
    if "kvk_number" in sent and data.kvk_number:
        other = db.scalar(select(Employer.id).where(Employer.kvk_number == data.kvk_number))
        if other is not None and other != employer.id:
            raise errors.Conflict(
                "Er is al een werkgever met dit KvK-nummer.",
                fields={"kvk_number": "al geregistreerd"},
            )
    if "contact_user_id" in sent and data.contact_user_id is not None:
        check_contact_user(db, data.contact_user_id)
    for name in ("name", "kvk_number", "sector", "municipality", "contact_user_id"):
        if name in sent:
            setattr(employer, name, getattr(data, name))
    if "name" in sent and data.name:
        employer.name_norm = employer_key(data.name)
    db.flush()
    _record(db, actor, "employer.update", employer)
    return employer


@transactional
def add_contact_person(
    db: Session, *, actor: Actor, employer_id: int, data: ContactPersonIn
) -> EmployerContactPerson:
    employer = changeable_employer(db, actor=actor, employer_id=employer_id)
    row = EmployerContactPerson(**data.model_dump())
    employer.contact_persons.append(row)
    db.flush()
    _record(db, actor, "employer.contact_person.add", employer)
    return row


@transactional
def remove_contact_person(
    db: Session, *, actor: Actor, employer_id: int, contact_person_id: int
) -> None:
    employer = changeable_employer(db, actor=actor, employer_id=employer_id)
    row = next((p for p in employer.contact_persons if p.id == contact_person_id), None)
    if row is None:
        raise errors.NotFound("Deze contactpersoon")
    employer.contact_persons.remove(row)
    db.flush()
    _record(db, actor, "employer.contact_person.remove", employer)
