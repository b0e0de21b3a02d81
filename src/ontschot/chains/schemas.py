"""API shapes of chains and chain types (lowerCamelCase JSON).

`ChainRead.phases` is a contract other contexts rely on: ordered phases, each with its
ordered statuses, of the chain type version new trajectories start under.
"""

from __future__ import annotations

from pydantic import Field, field_validator, model_validator

from ontschot.schemas import ApiModel

Name = Field(min_length=1, max_length=120)


class StatusRead(ApiModel):
    id: int
    position: int
    name: str


class PhaseRead(ApiModel):
    id: int
    position: int
    name: str
    needs_employer: bool = Field(description="Entering this phase needs an employer.")
    statuses: list[StatusRead]


class ResultRead(ApiModel):
    id: int
    name: str
    is_work: bool


class ChainTypeRead(ApiModel):
    id: int
    key: str
    version: int
    name: str
    is_current: bool
    phases: list[PhaseRead]
    results: list[ResultRead]


class PartnerRead(ApiModel):
    kind: str = Field(description="employer or educator")
    employer_id: int | None
    organisation_id: int | None
    name: str


class FunctionProfileRead(ApiModel):
    id: int
    title: str
    occupation_uri: str
    skill_uris: list[str]
    learnable_skill_uris: list[str]
    learn_on_job: str | None
    entry_route: str | None
    agreed_with: str | None


class ChainRead(ApiModel):
    id: int
    name: str
    sector: str
    region_code: str
    coordinator_user_id: int | None
    capacity: int | None
    intake_criteria: str | None
    description: str | None
    is_active: bool
    chain_type: ChainTypeRead
    phases: list[PhaseRead] = Field(description="Ordered phases of the current chain type.")
    partners: list[PartnerRead]
    function_profiles: list[FunctionProfileRead]


class PhaseIn(ApiModel):
    name: str = Name
    needs_employer: bool = False
    statuses: list[str] = Field(min_length=1, max_length=20)

    @field_validator("statuses")
    @classmethod
    def _names(cls, value: list[str]) -> list[str]:
        cleaned = [v.strip() for v in value]
        if any(not v or len(v) > 120 for v in cleaned):
            raise ValueError("elke status heeft een naam van 1 tot 120 tekens")
        if len(set(cleaned)) != len(cleaned):
            raise ValueError("een status komt twee keer voor")
        return cleaned


class ResultIn(ApiModel):
    name: str = Name
    is_work: bool = False


class ChainTypeVersionCreate(ApiModel):
    """A new version of a chain type: the whole structure, in order."""

    name: str = Name
    phases: list[PhaseIn] = Field(min_length=1, max_length=10)
    results: list[ResultIn] = Field(min_length=1, max_length=20)

    @model_validator(mode="after")
    def _unique(self) -> ChainTypeVersionCreate:
        phases = [p.name.strip() for p in self.phases]
        if len(set(phases)) != len(phases):
            raise ValueError("twee fasen hebben dezelfde naam")
        results = [r.name.strip() for r in self.results]
        if len(set(results)) != len(results):
            raise ValueError("twee resultaten hebben dezelfde naam")
        if self.phases[0].needs_employer:
            # a trajectory starts in the first phase, before anyone found an employer
            raise ValueError("de eerste fase kan niet om een werkgever vragen")
        return self


class ChainCreate(ApiModel):
    name: str = Name
    sector: str = Field(min_length=1, max_length=100)
    chain_type_key: str = Field("standaard", min_length=1, max_length=40)
    coordinator_user_id: int | None = Field(None, ge=1, le=2**31 - 1)
    capacity: int | None = Field(None, ge=0, le=100_000)
    intake_criteria: str | None = Field(None, max_length=4000)
    description: str | None = Field(None, max_length=4000)
    partner_employer_ids: list[int] = Field(default_factory=list, max_length=200)
    educator_organisation_ids: list[int] = Field(default_factory=list, max_length=100)


class ChainUpdate(ApiModel):
    """Only the fields sent change; partner lists, when sent, replace the old ones."""

    name: str | None = Field(None, min_length=1, max_length=120)
    sector: str | None = Field(None, min_length=1, max_length=100)
    coordinator_user_id: int | None = Field(None, ge=1, le=2**31 - 1)
    capacity: int | None = Field(None, ge=0, le=100_000)
    intake_criteria: str | None = Field(None, max_length=4000)
    description: str | None = Field(None, max_length=4000)
    is_active: bool | None = None
    partner_employer_ids: list[int] | None = Field(None, max_length=200)
    educator_organisation_ids: list[int] | None = Field(None, max_length=100)


class FunctionProfileCreate(ApiModel):
    title: str = Field(min_length=1, max_length=200)
    occupation_uri: str = Field(min_length=1, max_length=200)
    skill_uris: list[str] = Field(default_factory=list, max_length=60)
    learnable_skill_uris: list[str] = Field(default_factory=list, max_length=60)
    learn_on_job: str | None = Field(None, max_length=4000)
    entry_route: str | None = Field(None, max_length=4000)
    agreed_with: str | None = Field(None, max_length=300)
