"""API shapes of employers and vacancies."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import Field, model_validator

from ontschot.money import MAX_CENTS
from ontschot.people.fields import EscoUri, KvkNumber, MunicipalityName, OtherUri, Postcode, Text
from ontschot.people.schemas import EMAIL_PATTERN
from ontschot.people.vum import ContractForm
from ontschot.schemas import ApiModel


class VacancyStatus(StrEnum):
    OPEN = "open"
    FILLED = "filled"
    CLOSED = "closed"


class SkillRelation(StrEnum):
    ESSENTIAL = "essential"
    OPTIONAL = "optional"


class RequirementKind(StrEnum):
    DIPLOMA = "diploma"
    CERTIFICATE = "certificate"
    LICENCE = "licence"
    LANGUAGE = "language"


class SalaryPeriod(StrEnum):
    HOUR = "hour"
    MONTH = "month"
    YEAR = "year"


class LocationIn(ApiModel):
    name: str | None = Field(default=None, max_length=200)
    municipality: MunicipalityName
    postcode: Postcode | None = None


class LocationOut(ApiModel):
    name: str | None
    municipality: str
    postcode: str | None


class EmployerCreate(ApiModel):
    name: Text = Field(max_length=200)
    kvk_number: KvkNumber | None = None
    sector: str | None = Field(default=None, max_length=100)
    municipality: MunicipalityName | None = None
    organisation_id: int | None = Field(
        default=None, description="Organisation of this employer's own users, if any."
    )
    contact_user_id: int | None = Field(
        default=None, description="Fixed contact person (vast contactpersoon) at a partner."
    )
    locations: list[LocationIn] = Field(default_factory=list, max_length=50)


class EmployerUpdate(ApiModel):
    name: Text | None = Field(default=None, max_length=200)
    kvk_number: KvkNumber | None = None
    sector: str | None = Field(default=None, max_length=100)
    municipality: MunicipalityName | None = None
    contact_user_id: int | None = Field(
        default=None,
        ge=1,
        le=2**31 - 1,
        description="Fixed contact person (vast contactpersoon): a user of a partner "
        "organisation, usually an employer adviser; null removes it.",
    )


class ContactPersonIn(ApiModel):
    name: Text = Field(max_length=200)
    role: str | None = Field(default=None, max_length=100)
    phone: str | None = Field(default=None, max_length=30, pattern=r"^[0-9+() -]{6,30}$")
    email: str | None = Field(default=None, max_length=254, pattern=EMAIL_PATTERN)


class ContactPersonRead(ApiModel):
    id: int
    name: str
    role: str | None
    phone: str | None
    email: str | None


class EmployerRead(ApiModel):
    id: int
    name: str
    kvk_number: str | None
    sector: str | None
    municipality: str | None
    organisation_id: int | None
    contact_user_id: int | None
    locations: list[LocationOut]
    contact_persons: list[ContactPersonRead] = Field(default_factory=list)
    created_at: datetime


class RequirementIn(ApiModel):
    kind: RequirementKind
    value: Text = Field(max_length=100, description="e.g. mbo, VCA, CE, nld")
    level: str | None = Field(
        default=None, max_length=12, description="level for diploma or language (e.g. goed)"
    )


class RequirementOut(ApiModel):
    kind: str
    value: str
    level: str | None


class VacancyFields(ApiModel):
    title: Text = Field(max_length=200)
    occupation_uri: EscoUri | None = None
    competentnl_uri: OtherUri | None = None
    essential_skills: list[EscoUri] = Field(default_factory=list, max_length=200)
    optional_skills: list[EscoUri] = Field(default_factory=list, max_length=200)
    requirements: list[RequirementIn] = Field(default_factory=list, max_length=30)
    hours_min: int | None = Field(default=None, ge=0, le=60)
    hours_max: int | None = Field(default=None, ge=0, le=60)
    contract_form: ContractForm | None = None
    salary_min_cents: int | None = Field(default=None, ge=0, le=MAX_CENTS)
    salary_max_cents: int | None = Field(default=None, ge=0, le=MAX_CENTS)
    salary_period: SalaryPeriod = SalaryPeriod.MONTH
    municipality: MunicipalityName
    start_date: date | None = None
    closing_date: date | None = None
    status: VacancyStatus = VacancyStatus.OPEN
    positions: int = Field(
        default=1, ge=1, le=500, description="People wanted; filled when as many are placed."
    )
    description: str | None = Field(default=None, max_length=20_000)

    @model_validator(mode="after")
    def _ranges(self) -> VacancyFields:
        # Hours are checked by the service (`rules.hours_problems`), like a candidate's.
        if (
            self.salary_min_cents is not None
            and self.salary_max_cents is not None
            and (self.salary_min_cents > self.salary_max_cents)
        ):
            raise ValueError("minimumsalaris is hoger dan maximumsalaris")
        return self


class VacancyCreate(VacancyFields):
    employer_id: int
    source: str | None = Field(
        default=None, max_length=60, description="Partner or feed that supplied the vacancy."
    )
    external_id: str | None = Field(default=None, max_length=100)


class VacancyUpdate(ApiModel):
    status: VacancyStatus | None = None
    closing_date: date | None = None
    description: str | None = Field(default=None, max_length=20_000)
    title: Text | None = Field(default=None, max_length=200)
    occupation_uri: EscoUri | None = None
    municipality: MunicipalityName | None = None
    hours_min: int | None = Field(default=None, ge=0, le=60)
    hours_max: int | None = Field(default=None, ge=0, le=60)
    contract_form: ContractForm | None = None
    salary_min_cents: int | None = Field(default=None, ge=0, le=MAX_CENTS)
    salary_max_cents: int | None = Field(default=None, ge=0, le=MAX_CENTS)
    start_date: date | None = None
    positions: int | None = Field(default=None, ge=1, le=500)
    essential_skills: list[EscoUri] | None = None
    optional_skills: list[EscoUri] | None = None


# Fields a PATCH may change one by one; those in VACANCY_REQUIRED may not be emptied.
VACANCY_REQUIRED = frozenset({"status", "title", "municipality", "positions"})
VACANCY_UPDATABLE = (
    "status",
    "closing_date",
    "description",
    "title",
    "occupation_uri",
    "municipality",
    "hours_min",
    "hours_max",
    "contract_form",
    "salary_min_cents",
    "salary_max_cents",
    "start_date",
    "positions",
)


class VacancyRead(ApiModel):
    id: int
    employer_id: int
    employer_name: str
    title: str
    occupation_uri: str | None
    competentnl_uri: str | None
    essential_skills: list[str]
    optional_skills: list[str]
    requirements: list[RequirementOut]
    hours_min: int | None
    hours_max: int | None
    contract_form: str | None
    salary_min_cents: int | None
    salary_max_cents: int | None
    salary_period: str
    municipality: str
    start_date: date | None
    closing_date: date | None
    status: str
    positions: int
    description: str | None
    source: str
    external_id: str | None
    canonical_id: int | None = Field(description="Set when this is a duplicate of another.")
    created_at: datetime


class VacancyListItem(ApiModel):
    id: int
    title: str
    employer_id: int
    employer_name: str
    municipality: str
    status: str
    closing_date: date | None
    canonical_id: int | None
