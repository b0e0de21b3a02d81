"""The API shapes of a work-to-work registration: a list of employees at risk, registered at
once, and the report of what was registered."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import Field

from ontschot.people.fields import EscoUri, MunicipalityName, Text
from ontschot.people.schemas import EMAIL_PATTERN
from ontschot.schemas import ApiModel

Id = Field(ge=1, le=2**31 - 1)


class RegistrationMode(StrEnum):
    # every row is registered or none is (a list that must go in as one)
    ALL_OR_NOTHING = "all_or_nothing"
    # every good row is registered; the report names each refused row and why
    PER_ROW = "per_row"


class AtRiskEmployeeIn(ApiModel):
    first_name: Text = Field(max_length=100)
    last_name: Text = Field(max_length=150)
    email: str | None = Field(default=None, max_length=254, pattern=EMAIL_PATTERN)
    phone: str | None = Field(default=None, max_length=30, pattern=r"^[0-9+() -]{6,30}$")
    birth_date: date | None = None
    municipality: MunicipalityName
    job_title: Text = Field(max_length=200)
    occupation_uri: EscoUri | None = None
    skills: list[EscoUri] = Field(default_factory=list, max_length=100)
    hours_per_week: int | None = Field(default=None, ge=1, le=60)
    job_ends_on: date = Field(description="The last day of the job that is at risk.")
    agreed: bool = Field(
        description="The employee agreed to be registered (the legal basis is consent)."
    )


class AtRiskRegistration(ApiModel):
    employer_id: int = Id
    chain_id: int = Id
    coach_user_id: int | None = Field(
        default=None,
        ge=1,
        le=2**31 - 1,
        description="The coach who takes the trajectories; by default the employer's fixed "
        "contact person (when a coach) or a coach of that person's organisation.",
    )
    fund_name: str | None = Field(
        default=None, max_length=200, description="The sector fund that registers, if any."
    )
    mode: RegistrationMode = RegistrationMode.ALL_OR_NOTHING
    employees: list[AtRiskEmployeeIn] = Field(min_length=1, max_length=200)


class RegisteredEmployee(ApiModel):
    row: int = Field(description="Position in the list sent, from 1.")
    id: int
    candidate_id: int
    trajectory_id: int


class RefusedEmployee(ApiModel):
    row: int
    detail: str
    fields: dict[str, str]


class AtRiskReport(ApiModel):
    registered: list[RegisteredEmployee]
    refused: list[RefusedEmployee]


class AtRiskRead(ApiModel):
    id: int
    employer_id: int
    employer_name: str
    candidate_id: int
    name: str
    job_title: str
    occupation_uri: str | None
    hours_per_week: int | None
    job_ends_on: date
    fund_name: str | None
    trajectory_id: int | None
    trajectory_status: str | None
    trajectory_state: str | None
    coach_name: str | None
    candidate_status: str
