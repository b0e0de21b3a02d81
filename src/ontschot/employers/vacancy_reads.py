"""Reads of vacancies: filtered lists within the actor's scope, and the API view."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, selectinload

from ontschot.access.actor import Actor
from ontschot.access.roles import Scope
from ontschot.employers.models import Employer, Vacancy
from ontschot.employers.schemas import RequirementOut, VacancyRead


@dataclass(frozen=True)
class VacancyFilter:
    status: str | None = "open"
    municipality: str | None = None
    employer_id: int | None = None
    occupation_uri: str | None = None
    title: str | None = None
    include_duplicates: bool = False


def vacancies_query(actor: Actor, flt: VacancyFilter, scope: Scope) -> Select[tuple[Vacancy]]:
    query = select(Vacancy)
    if scope == Scope.OWN:
        query = query.join(Employer, Employer.id == Vacancy.employer_id).where(
            Employer.organisation_id == actor.organisation_id
        )
    if not flt.include_duplicates:
        query = query.where(Vacancy.canonical_id.is_(None))
    if flt.status:
        query = query.where(Vacancy.status == flt.status)
    if flt.municipality:
        query = query.where(Vacancy.municipality == flt.municipality)
    if flt.employer_id:
        query = query.where(Vacancy.employer_id == flt.employer_id)
    if flt.occupation_uri:
        query = query.where(Vacancy.occupation_uri == flt.occupation_uri)
    if flt.title:
        needle = flt.title.replace("%", "").replace("_", "")[:100]
        query = query.where(func.lower(Vacancy.title).contains(needle.casefold()))
    return query


def list_vacancies(
    db: Session, *, actor: Actor, flt: VacancyFilter, page: int = 1, page_size: int = 25
) -> tuple[list[Vacancy], int]:
    scope = actor.require("vacancy.read")
    query = vacancies_query(actor, flt, scope)
    total = db.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = db.scalars(
        query.order_by(Vacancy.id.desc()).limit(page_size).offset((page - 1) * page_size)
    ).all()
    return list(rows), total


def load_vacancies(db: Session, ids: list[int]) -> list[Vacancy]:
    return list(
        db.scalars(
            select(Vacancy)
            .where(Vacancy.id.in_(ids))
            .order_by(Vacancy.id)
            .options(selectinload(Vacancy.skills), selectinload(Vacancy.requirements))
        )
    )


def vacancy_read(vacancy: Vacancy) -> VacancyRead:
    return VacancyRead(
        id=vacancy.id,
        employer_id=vacancy.employer_id,
        employer_name=vacancy.employer.name,
        title=vacancy.title,
        occupation_uri=vacancy.occupation_uri,
        competentnl_uri=vacancy.competentnl_uri,
        essential_skills=[s.skill_uri for s in vacancy.skills if s.relation == "essential"],
        optional_skills=[s.skill_uri for s in vacancy.skills if s.relation == "optional"],
        requirements=[RequirementOut.model_validate(r) for r in vacancy.requirements],
        hours_min=vacancy.hours_min,
        hours_max=vacancy.hours_max,
        contract_form=vacancy.contract_form,
        salary_min_cents=vacancy.salary_min_cents,
        salary_max_cents=vacancy.salary_max_cents,
        salary_period=vacancy.salary_period,
        municipality=vacancy.municipality,
        start_date=vacancy.start_date,
        closing_date=vacancy.closing_date,
        status=vacancy.status,
        positions=vacancy.positions or 1,
        description=vacancy.description,
        source=vacancy.source,
        external_id=vacancy.external_id,
        canonical_id=vacancy.canonical_id,
        created_at=vacancy.created_at,
    )
