"""Employers and vacancies: registration, reads within scope, and duplicate detection.

Employer users (role `employer`) act for the employers whose `organisation_id` is their own
organisation: they see and change only those employers' vacancies.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Collection

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ontschot import clock, errors
from ontschot.access.actor import Actor
from ontschot.access.roles import Scope
from ontschot.audit import service as audit
from ontschot.db import utcnow
from ontschot.employers.models import (
    Employer,
    EmployerLocation,
    Vacancy,
    VacancyRequirement,
    VacancySkill,
)
from ontschot.employers.queries import open_vacancy
from ontschot.employers.schemas import (
    VACANCY_REQUIRED,
    VACANCY_UPDATABLE,
    EmployerCreate,
    SkillRelation,
    VacancyCreate,
    VacancyUpdate,
)
from ontschot.employers.vacancy_reads import (
    VacancyFilter,
    list_vacancies,
    load_vacancies,
    vacancies_query,
    vacancy_read,
)
from ontschot.rules import hours_detail, hours_problems
from ontschot.signals import changed_on_commit
from ontschot.tx import transactional

# Reads live in `vacancy_reads`; they are re-exported here for the callers of this module.
__all__ = [
    "VacancyFilter",
    "list_vacancies",
    "load_vacancies",
    "vacancies_query",
    "vacancy_read",
]
PURPOSE_VACANCIES = "vacatureregistratie"
_LEGAL_FORMS = re.compile(r"\b(b\.?v\.?|n\.?v\.?|v\.?o\.?f\.?|c\.?v\.?|holding|groep)\b")
_GENDER = re.compile(r"\(?\b[mvx](\s*/\s*[mvx])+\b\)?")


def normalise(text: str) -> str:
    """Lower case, no accents, punctuation or extra spaces: 'Bakkerij Jansen B.V.' ->
    'bakkerij jansen bv' before legal forms are dropped."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.casefold()).split())


def employer_key(name: str) -> str:
    return normalise(_LEGAL_FORMS.sub(" ", name.casefold()))


def vacancy_fingerprint(employer_name: str, title: str, municipality: str) -> str:
    """Same employer, same title, same municipality: the same job, whoever sent it."""
    title_key = normalise(_GENDER.sub(" ", title.casefold()))
    raw = "|".join((employer_key(employer_name), title_key, normalise(municipality)))
    return hashlib.sha256(raw.encode()).hexdigest()


def _may_link(actor: Actor, scope: Scope, organisation_id: int) -> bool:
    return scope == Scope.REGION or organisation_id == actor.organisation_id


def _employer_within(actor: Actor, scope: Scope, employer: Employer) -> bool:
    """May the actor register vacancies for this employer? OWN: only their own employers;
    ORGANISATION: not an employer that belongs to another organisation."""
    if scope == Scope.OWN:
        return employer.organisation_id == actor.organisation_id
    if scope == Scope.ORGANISATION:
        return employer.organisation_id in (None, actor.organisation_id)
    return True


def _employer_condition(actor: Actor, scope: Scope) -> ColumnElement[bool] | None:
    if scope == Scope.OWN:
        return Employer.organisation_id == actor.organisation_id
    return None


@transactional
def register_employer(db: Session, *, actor: Actor, data: EmployerCreate) -> Employer:
    scope = actor.require("employer.create")
    if data.organisation_id is not None and not _may_link(actor, scope, data.organisation_id):
        # Linking an employer to an (employer) organisation makes its users see it as
        # their own: only within one's own organisation, or with a regional scope.
        raise errors.Forbidden(
            "U kunt een werkgever alleen aan uw eigen organisatie koppelen.",
            fields={"organisation_id": "buiten uw bereik"},
        )
    if data.kvk_number and db.scalar(
        select(Employer.id).where(Employer.kvk_number == data.kvk_number)
    ):
        raise errors.Conflict(
            "Er is al een werkgever met dit KvK-nummer.", fields={"kvk_number": "al geregistreerd"}
        )
    employer = Employer(
        name=data.name,
        name_norm=employer_key(data.name),
        kvk_number=data.kvk_number,
        sector=data.sector,
        municipality=data.municipality,
        organisation_id=data.organisation_id,
        contact_user_id=data.contact_user_id,
        locations=[EmployerLocation(**loc.model_dump()) for loc in data.locations],
    )
    db.add(employer)
    db.flush()
    audit.record(
        db,
        actor=actor,
        action="employer.create",
        object_type="employer",
        object_id=employer.id,
        subject_key=None,
        purpose=PURPOSE_VACANCIES,
    )
    return employer


def find_or_create_employer(
    db: Session, *, actor: Actor, name: str, kvk_number: str | None = None
) -> tuple[Employer, bool]:
    """The employer by KvK number or normalised name, or a new one when none matches;
    True when it is new."""
    if kvk_number:
        found = db.scalar(select(Employer).where(Employer.kvk_number == kvk_number))
        if found:
            return found, False
    found = db.scalar(
        select(Employer)
        .where(Employer.name_norm == employer_key(name))
        .order_by(Employer.id)
        .limit(1)
    )
    if found:
        return found, False
    actor.require("employer.create")
    employer = Employer(
        name=" ".join(name.split()), name_norm=employer_key(name), kvk_number=kvk_number
    )
    db.add(employer)
    db.flush()
    return employer, True


def readable_employer(db: Session, *, actor: Actor, employer_id: int) -> Employer:
    scope = actor.require("employer.read")
    employer = db.get(Employer, employer_id)
    if employer is None or (
        scope == Scope.OWN and employer.organisation_id != actor.organisation_id
    ):
        raise errors.NotFound("Deze werkgever")
    return employer


def list_employers(
    db: Session, *, actor: Actor, name: str | None = None, page: int = 1, page_size: int = 25
) -> tuple[list[Employer], int]:
    scope = actor.require("employer.read")
    query = select(Employer)
    if (cond := _employer_condition(actor, scope)) is not None:
        query = query.where(cond)
    if name:
        query = query.where(Employer.name_norm.contains(employer_key(name)))
    total = db.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = db.scalars(
        query.order_by(Employer.name_norm, Employer.id)
        .limit(page_size)
        .offset((page - 1) * page_size)
    ).all()
    return list(rows), total


def _skills(essential: list[str], optional: list[str]) -> list[VacancySkill]:
    rows: dict[str, VacancySkill] = {}
    for uri in essential:
        rows.setdefault(uri, VacancySkill(skill_uri=uri, relation=SkillRelation.ESSENTIAL.value))
    for uri in optional:
        rows.setdefault(uri, VacancySkill(skill_uri=uri, relation=SkillRelation.OPTIONAL.value))
    return list(rows.values())


def existing_by_external_id(db: Session, source: str, external_id: str | None) -> Vacancy | None:
    if not external_id:
        return None
    return db.scalar(
        select(Vacancy).where(Vacancy.source == source, Vacancy.external_id == external_id)
    )


@transactional
def register_vacancy(
    db: Session, *, actor: Actor, data: VacancyCreate, external_id_checked: bool = False
) -> Vacancy:
    """Register a vacancy, linked to an earlier copy of the same job (`canonical_id`) when
    its fingerprint matches. A bulk import that already filtered known external ids passes
    `external_id_checked=True`."""
    scope = actor.require("vacancy.create")
    if problems := hours_problems(data.hours_min, data.hours_max):
        raise errors.Invalid(hours_detail(data.hours_min, data.hours_max), fields=problems)
    if data.status == "open" and data.closing_date and data.closing_date < clock.today():
        # An open vacancy that already closed would be matched and proposed for nothing.
        raise errors.invalid(
            "closing_date", "De sluitingsdatum ligt in het verleden; kies vandaag of later."
        )
    employer = db.get(Employer, data.employer_id)
    if employer is None or not _employer_within(actor, scope, employer):
        raise errors.Invalid(
            "Onbekende werkgever.", fields={"employer_id": "bestaat niet of niet de uwe"}
        )
    source = data.source or actor.organisation_name or "ontschot"
    if not external_id_checked and existing_by_external_id(db, source, data.external_id):
        raise errors.Conflict(
            "Deze vacature is al geregistreerd voor deze bron.",
            fields={"external_id": "al aanwezig voor deze bron"},
        )
    fingerprint = vacancy_fingerprint(employer.name, data.title, data.municipality)
    canonical = db.scalar(
        select(Vacancy.id)
        .where(Vacancy.fingerprint == fingerprint, open_vacancy())
        .order_by(Vacancy.id)
        .limit(1)
    )
    fields = data.model_dump(
        exclude={"essential_skills", "optional_skills", "requirements", "source", "employer_id"}
    )
    vacancy = Vacancy(
        **{k: getattr(v, "value", v) for k, v in fields.items()},
        employer_id=employer.id,
        source=source,
        fingerprint=fingerprint,
        canonical_id=canonical,
        organisation_id=actor.organisation_id,
        created_by_user_id=actor.user_id,
        skills=_skills(data.essential_skills, data.optional_skills),
        requirements=[
            VacancyRequirement(kind=r.kind.value, value=r.value, level=r.level)
            for r in data.requirements
        ],
    )
    vacancy.employer = employer
    db.add(vacancy)
    db.flush()
    changed_on_commit(db, "vacancy", vacancy.id)
    audit.record(
        db,
        actor=actor,
        action="vacancy.create",
        object_type="vacancy",
        object_id=vacancy.id,
        subject_key=None,
        purpose=PURPOSE_VACANCIES,
    )
    return vacancy


def readable_vacancy(
    db: Session, *, actor: Actor, vacancy_id: int, action: str = "vacancy.read"
) -> Vacancy:
    scope = actor.require(action)
    vacancy = db.get(Vacancy, vacancy_id)
    if vacancy is None or (
        scope == Scope.OWN and vacancy.employer.organisation_id != actor.organisation_id
    ):
        raise errors.NotFound("Deze vacature")
    if scope == Scope.ORGANISATION and vacancy.organisation_id != actor.organisation_id:
        # e.g. a municipality's administrator: only vacancies their organisation registered
        if actor.can("vacancy.read"):
            raise errors.Forbidden("Deze vacature is door een andere organisatie geregistreerd.")
        raise errors.NotFound("Deze vacature")
    return vacancy


@transactional
def update_vacancy(
    db: Session,
    *,
    actor: Actor,
    vacancy_id: int,
    data: VacancyUpdate,
    expected_version: int | None = None,
) -> Vacancy:
    """Change the fields sent; `StaleVersion` when the vacancy changed since the caller read
    `expected_version` (and, whatever the caller says, when a concurrent update won)."""
    vacancy = readable_vacancy(db, actor=actor, vacancy_id=vacancy_id, action="vacancy.update")
    if expected_version is not None and expected_version != vacancy.version:
        raise errors.StaleVersion("Deze vacature")
    sent = data.model_fields_set
    for name in sorted(sent & VACANCY_REQUIRED):
        if getattr(data, name) is None:
            raise errors.invalid(name, "mag niet leeg zijn")
    hours = (
        data.hours_min if "hours_min" in sent else vacancy.hours_min,
        data.hours_max if "hours_max" in sent else vacancy.hours_max,
    )
    if problems := hours_problems(*hours):
        raise errors.Invalid(hours_detail(*hours), fields=problems)
    for name in VACANCY_UPDATABLE:
        if name in sent:
            value = getattr(data, name)
            setattr(vacancy, name, getattr(value, "value", value))
    if {"title", "municipality"} & sent:
        vacancy.fingerprint = vacancy_fingerprint(
            vacancy.employer.name, vacancy.title, vacancy.municipality
        )
    if {"essential_skills", "optional_skills"} & sent:
        essential = data.essential_skills
        if essential is None:
            essential = [s.skill_uri for s in vacancy.skills if s.relation == "essential"]
        optional = data.optional_skills
        if optional is None:
            optional = [s.skill_uri for s in vacancy.skills if s.relation == "optional"]
        # Keep the rows of skills sent again (a delete and re-insert of the same skill in one
        # flush would trip the unique constraint).
        kept = {s.skill_uri: s for s in vacancy.skills}
        rows = []
        for row in _skills(essential, optional):
            old = kept.get(row.skill_uri)
            if old is not None:
                old.relation = row.relation
            rows.append(old or row)
        vacancy.skills = rows
    vacancy.updated_at = utcnow()
    vacancy.version += 1
    changed_on_commit(db, "vacancy", vacancy.id)
    try:
        db.flush()
    except StaleDataError:
        raise errors.StaleVersion("Deze vacature") from None
    audit.record(
        db,
        actor=actor,
        action="vacancy.update",
        object_type="vacancy",
        object_id=vacancy.id,
        subject_key=None,
        purpose=PURPOSE_VACANCIES,
    )
    return vacancy


@transactional
def add_vacancy_skills(
    db: Session,
    *,
    actor: Actor,
    vacancy_id: int,
    skill_uris: list[str],
    relation: SkillRelation | str,
    essential_uris: Collection[str] = (),
    occupation_uri: str | None = None,
) -> list[VacancySkill]:
    """Add skills to a vacancy (extraction uses this); known skills keep their relation.

    New skills get `relation`, those in `essential_uris` become essential; `occupation_uri`,
    when given, becomes the vacancy's occupation. One change of the vacancy, one log entry,
    however the confirmed skills are split."""
    vacancy = readable_vacancy(db, actor=actor, vacancy_id=vacancy_id, action="vacancy.update")
    relation_value = SkillRelation(relation).value
    essential = SkillRelation.ESSENTIAL.value
    have = {s.skill_uri for s in vacancy.skills}
    added = [
        VacancySkill(skill_uri=uri, relation=essential if uri in essential_uris else relation_value)
        for uri in dict.fromkeys(skill_uris)
        if uri not in have
    ]
    new_occupation = occupation_uri is not None and occupation_uri != vacancy.occupation_uri
    if new_occupation:
        vacancy.occupation_uri = occupation_uri
    if added or new_occupation:
        vacancy.skills.extend(added)
        vacancy.updated_at = utcnow()
        # a form that read the vacancy before these skills came must not write over them
        vacancy.version += 1
        changed_on_commit(db, "vacancy", vacancy.id)
        audit.record(
            db,
            actor=actor,
            action="vacancy.skills.add" if added else "vacancy.update",
            object_type="vacancy",
            object_id=vacancy.id,
            subject_key=None,
            purpose=PURPOSE_VACANCIES,
        )
    return added


def fill_when_complete(db: Session, *, actor: Actor, vacancy: Vacancy, placed: int) -> bool:
    """Mark an open vacancy filled when `placed` people took up all its positions.

    Part of the placement flow (`cases.flows.place_candidate`), which checked the coach's
    right to place: the coach may not edit the vacancy, but placing someone on its last
    position fills it. Returns whether it did; writes one log entry when it did."""
    if vacancy.status != "open" or placed < (vacancy.positions or 1):
        return False
    vacancy.status = "filled"
    vacancy.updated_at = utcnow()
    vacancy.version += 1
    changed_on_commit(db, "vacancy", vacancy.id)
    db.flush()
    audit.record(
        db,
        actor=actor,
        action="vacancy.fill",
        object_type="vacancy",
        object_id=vacancy.id,
        subject_key=None,
        purpose=PURPOSE_VACANCIES,
    )
    return True
