"""Employers and vacancies API."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response

from ontschot.access.actor import Actor
from ontschot.access.deps import requires
from ontschot.deps import DbSession, IfMatch, etag
from ontschot.employers import relations, service
from ontschot.employers.models import Employer, Vacancy
from ontschot.employers.schemas import (
    ContactPersonIn,
    ContactPersonRead,
    EmployerCreate,
    EmployerRead,
    EmployerUpdate,
    LocationOut,
    VacancyCreate,
    VacancyListItem,
    VacancyRead,
    VacancyStatus,
    VacancyUpdate,
)
from ontschot.schemas import Page

router = APIRouter(tags=["employers"])
PageNo = Annotated[int, Query(ge=1, le=100_000)]
PageSize = Annotated[int, Query(ge=1, le=100, alias="pageSize")]
EmployerId = Annotated[int, Path(ge=1, le=2**31 - 1, alias="employerId")]
VacancyId = Annotated[int, Path(ge=1, le=2**31 - 1, alias="vacancyId")]


def employer_read(employer: Employer) -> EmployerRead:
    return EmployerRead(
        id=employer.id,
        name=employer.name,
        kvk_number=employer.kvk_number,
        sector=employer.sector,
        municipality=employer.municipality,
        organisation_id=employer.organisation_id,
        contact_user_id=employer.contact_user_id,
        locations=[LocationOut.model_validate(loc) for loc in employer.locations],
        contact_persons=[ContactPersonRead.model_validate(p) for p in employer.contact_persons],
        created_at=employer.created_at,
    )


def vacancy_item(vacancy: Vacancy) -> VacancyListItem:
    return VacancyListItem(
        id=vacancy.id,
        title=vacancy.title,
        employer_id=vacancy.employer_id,
        employer_name=vacancy.employer.name,
        municipality=vacancy.municipality,
        status=vacancy.status,
        closing_date=vacancy.closing_date,
        canonical_id=vacancy.canonical_id,
    )


@router.get("/employers", response_model=Page[EmployerRead])
def list_employers(
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("employer.read"))],
    q: str | None = Query(None, max_length=100),
    page: PageNo = 1,
    page_size: PageSize = 25,
) -> Page[EmployerRead]:
    rows, total = service.list_employers(db, actor=actor, name=q, page=page, page_size=page_size)
    return Page(items=[employer_read(e) for e in rows], total=total, page=page, page_size=page_size)


@router.post("/employers", status_code=201, response_model=EmployerRead)
def create_employer(
    body: EmployerCreate,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("employer.create"))],
) -> EmployerRead:
    """Register an employer; 409 when the KvK number is already known."""
    return employer_read(service.register_employer(db, actor=actor, data=body))


@router.get("/employers/{employerId}", response_model=EmployerRead)
def get_employer(
    employer_id: EmployerId,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("employer.read"))],
) -> EmployerRead:
    return employer_read(service.readable_employer(db, actor=actor, employer_id=employer_id))


@router.get("/vacancies", response_model=Page[VacancyListItem])
def list_vacancies(
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("vacancy.read"))],
    status: VacancyStatus | None = VacancyStatus.OPEN,
    municipality: str | None = Query(None, max_length=80),
    employer_id: int | None = Query(None, ge=1, alias="employerId"),
    occupation_uri: str | None = Query(None, max_length=200, alias="occupationUri"),
    q: str | None = Query(None, max_length=100, description="Part of the title."),
    include_duplicates: bool = Query(False, alias="includeDuplicates"),
    page: PageNo = 1,
    page_size: PageSize = 25,
) -> Page[VacancyListItem]:
    """Vacancies; a job that arrived twice is listed once unless duplicates are asked for."""
    flt = service.VacancyFilter(
        status=status.value if status else None,
        municipality=municipality,
        employer_id=employer_id,
        occupation_uri=occupation_uri,
        title=q,
        include_duplicates=include_duplicates,
    )
    rows, total = service.list_vacancies(db, actor=actor, flt=flt, page=page, page_size=page_size)
    return Page(items=[vacancy_item(v) for v in rows], total=total, page=page, page_size=page_size)


@router.post("/vacancies", status_code=201, response_model=VacancyRead)
def create_vacancy(
    body: VacancyCreate, db: DbSession, actor: Annotated[Actor, Depends(requires("vacancy.create"))]
) -> VacancyRead:
    """Register a vacancy; a copy of a known job is stored with `canonicalId` set."""
    return service.vacancy_read(service.register_vacancy(db, actor=actor, data=body))


@router.get("/vacancies/{vacancyId}", response_model=VacancyRead)
def get_vacancy(
    vacancy_id: VacancyId,
    db: DbSession,
    response: Response,
    actor: Annotated[Actor, Depends(requires("vacancy.read"))],
) -> VacancyRead:
    """One vacancy; the `ETag` header carries its version for `If-Match` on a PATCH."""
    vacancy = service.readable_vacancy(db, actor=actor, vacancy_id=vacancy_id)
    response.headers["ETag"] = etag(vacancy.version)
    return service.vacancy_read(vacancy)


@router.patch("/vacancies/{vacancyId}", response_model=VacancyRead)
def update_vacancy(
    vacancy_id: VacancyId,
    body: VacancyUpdate,
    db: DbSession,
    response: Response,
    if_match: IfMatch,
    actor: Annotated[Actor, Depends(requires("vacancy.update"))],
) -> VacancyRead:
    """Change the fields sent (title, hours, status: `closed` or `filled`, ...); with
    `If-Match` a stale change is refused (412)."""
    vacancy = service.update_vacancy(
        db, actor=actor, vacancy_id=vacancy_id, data=body, expected_version=if_match
    )
    response.headers["ETag"] = etag(vacancy.version)
    return service.vacancy_read(vacancy)


@router.patch("/employers/{employerId}", response_model=EmployerRead)
def update_employer(
    employer_id: EmployerId,
    body: EmployerUpdate,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("employer.update"))],
) -> EmployerRead:
    """Change the employer's details or its fixed contact person (`contactUserId`)."""
    return employer_read(
        relations.update_employer(db, actor=actor, employer_id=employer_id, data=body)
    )


@router.get("/employers/{employerId}/contact-persons", response_model=list[ContactPersonRead])
def list_contact_persons(
    employer_id: EmployerId,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("employer.read"))],
) -> list[ContactPersonRead]:
    employer = service.readable_employer(db, actor=actor, employer_id=employer_id)
    return [ContactPersonRead.model_validate(p) for p in employer.contact_persons]


@router.post(
    "/employers/{employerId}/contact-persons", status_code=201, response_model=ContactPersonRead
)
def add_contact_person(
    employer_id: EmployerId,
    body: ContactPersonIn,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("employer.update"))],
) -> ContactPersonRead:
    """A contact person at the employer (name, role, phone, e-mail)."""
    row = relations.add_contact_person(db, actor=actor, employer_id=employer_id, data=body)
    return ContactPersonRead.model_validate(row)


@router.delete("/employers/{employerId}/contact-persons/{contactPersonId}", status_code=204)
def remove_contact_person(
    employer_id: EmployerId,
    contact_person_id: Annotated[int, Path(ge=1, le=2**31 - 1, alias="contactPersonId")],
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("employer.update"))],
) -> None:
    relations.remove_contact_person(
        db, actor=actor, employer_id=employer_id, contact_person_id=contact_person_id
    )
