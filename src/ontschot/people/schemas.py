"""API shapes of the registry. Field names map one-to-one onto VUM matchingsgegevens."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import Field, model_validator

from ontschot.people.fields import (
    Bsn,
    EscoUri,
    LanguageCode,
    MunicipalityName,
    OtherUri,
    Postcode,
    Text,
)
from ontschot.people.vum import (
    Benefit,
    CandidateStatus,
    ConsentPurpose,
    ContractForm,
    DrivingLicence,
    EducationLevel,
    EducationStatus,
    LanguageLevel,
    LegalBasis,
    PartnerCategory,
    SkillLevel,
    SkillSource,
    Transport,
)
from ontschot.schemas import ApiModel

EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
Hours = Field(default=None, ge=0, le=60, description="Hours per week.")


class LanguageIn(ApiModel):
    language: LanguageCode = Field(description="ISO 639-3 code, e.g. nld, eng, ara.")
    spoken: LanguageLevel = LanguageLevel.UNKNOWN
    written: LanguageLevel = LanguageLevel.UNKNOWN


class EducationIn(ApiModel):
    level: EducationLevel
    status: EducationStatus
    field: str | None = Field(default=None, max_length=200)
    name: str | None = Field(default=None, max_length=200)


class WorkIn(ApiModel):
    employer_name: str | None = Field(default=None, max_length=200)
    job_title: str | None = Field(default=None, max_length=200)
    occupation_uri: EscoUri | None = None
    competentnl_uri: OtherUri | None = None
    start_date: date | None = None
    end_date: date | None = None

    @model_validator(mode="after")
    def _period(self) -> WorkIn:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValueError("einddatum ligt voor de begindatum")
        if not (self.job_title or self.occupation_uri):
            raise ValueError("geef een functie of een ESCO-beroep")
        return self


class SkillIn(ApiModel):
    skill_uri: EscoUri
    competentnl_uri: OtherUri | None = None
    source: SkillSource = SkillSource.SELF_DECLARED
    level: SkillLevel | None = None


class WishIn(ApiModel):
    occupation_uri: EscoUri | None = None
    competentnl_uri: OtherUri | None = None
    sector: str | None = Field(default=None, max_length=100)

    @model_validator(mode="after")
    def _one(self) -> WishIn:
        if not (self.occupation_uri or self.sector):
            raise ValueError("geef een beroep of een sector")
        return self


class CandidateBase(ApiModel):
    email: str | None = Field(default=None, max_length=254, pattern=EMAIL_PATTERN)
    phone: str | None = Field(default=None, max_length=30, pattern=r"^[0-9+() -]{6,30}$")
    birth_date: date | None = None
    postcode: Postcode | None = None
    benefit: Benefit = Benefit.NONE
    status: CandidateStatus = CandidateStatus.SEEKING
    legal_basis: LegalBasis = LegalBasis.PUBLIC_TASK
    available_from: date | None = None
    hours_min: int | None = Hours
    hours_max: int | None = Hours
    contract_forms: list[ContractForm] = Field(default_factory=list, max_length=6)
    max_travel_km: int | None = Field(default=None, ge=0, le=500)
    max_travel_minutes: int | None = Field(default=None, ge=0, le=600)
    transport: list[Transport] = Field(default_factory=list, max_length=6)
    driving_licences: list[DrivingLicence] = Field(default_factory=list, max_length=16)
    notes: str | None = Field(default=None, max_length=10_000)
    coach_user_id: int | None = Field(default=None, ge=1, le=2**31 - 1)
    languages: list[LanguageIn] = Field(default_factory=list, max_length=20)
    educations: list[EducationIn] = Field(default_factory=list, max_length=20)
    work_history: list[WorkIn] = Field(default_factory=list, max_length=50)
    skills: list[SkillIn] = Field(default_factory=list, max_length=300)
    wishes: list[WishIn] = Field(default_factory=list, max_length=30)
    # The hours range (minimum <= maximum) is checked by the service on create and update
    # alike (`rules.hours_problems`), so that both paths name both fields.


class CandidateCreate(CandidateBase):
    first_name: Text = Field(max_length=100)
    last_name: Text = Field(max_length=150)
    bsn: Bsn | None = Field(default=None, description="Optional; 11-proef; never returned.")
    municipality: MunicipalityName
    source: str | None = Field(default=None, max_length=60)
    external_id: str | None = Field(default=None, max_length=100)


class CandidateUpdate(ApiModel):
    """Partial update: only the fields sent are changed; a list sent replaces the list."""

    first_name: Text | None = Field(default=None, max_length=100)
    last_name: Text | None = Field(default=None, max_length=150)
    email: str | None = Field(default=None, max_length=254, pattern=EMAIL_PATTERN)
    phone: str | None = Field(default=None, max_length=30, pattern=r"^[0-9+() -]{6,30}$")
    birth_date: date | None = None
    bsn: Bsn | None = None
    municipality: MunicipalityName | None = None
    postcode: Postcode | None = None
    benefit: Benefit | None = None
    status: CandidateStatus | None = None
    legal_basis: LegalBasis | None = None
    available_from: date | None = None
    hours_min: int | None = Hours
    hours_max: int | None = Hours
    contract_forms: list[ContractForm] | None = None
    max_travel_km: int | None = Field(default=None, ge=0, le=500)
    max_travel_minutes: int | None = Field(default=None, ge=0, le=600)
    transport: list[Transport] | None = None
    driving_licences: list[DrivingLicence] | None = None
    notes: str | None = Field(default=None, max_length=10_000)
    coach_user_id: int | None = Field(default=None, ge=1, le=2**31 - 1)
    languages: list[LanguageIn] | None = None
    educations: list[EducationIn] | None = None
    work_history: list[WorkIn] | None = None
    wishes: list[WishIn] | None = None


class LanguageOut(ApiModel):
    language: str
    spoken: str
    written: str


class EducationOut(ApiModel):
    level: str
    status: str
    field: str | None
    name: str | None


class WorkOut(ApiModel):
    employer_name: str | None
    job_title: str | None
    occupation_uri: str | None
    competentnl_uri: str | None
    start_date: date | None
    end_date: date | None


class SkillOut(ApiModel):
    skill_uri: str
    competentnl_uri: str | None
    source: str
    level: str | None


class WishOut(ApiModel):
    occupation_uri: str | None
    competentnl_uri: str | None
    sector: str | None


class CandidateRead(ApiModel):
    """The full profile, for organisations allowed to see it. The BSN is never included."""

    view: Literal["full"] = "full"
    id: int
    reference: str
    first_name: str
    last_name: str
    email: str | None
    phone: str | None
    birth_date: date | None
    has_bsn: bool
    municipality: str
    region: str | None
    postcode: str | None
    benefit: str
    status: str
    legal_basis: str
    available_from: date | None
    hours_min: int | None
    hours_max: int | None
    contract_forms: list[str]
    max_travel_km: int | None
    max_travel_minutes: int | None
    transport: list[str]
    driving_licences: list[str]
    notes: str | None
    coach_user_id: int | None
    organisation_id: int | None
    version: int
    created_at: datetime
    updated_at: datetime
    languages: list[LanguageOut]
    educations: list[EducationOut]
    work_history: list[WorkOut]
    skills: list[SkillOut]
    wishes: list[WishOut]


class ExperienceOut(ApiModel):
    occupation_uri: str | None
    job_title: str | None
    months: int | None


class CandidateAnonymised(ApiModel):
    """What an employer sees before an introduction: no name, contact, BSN, age or photo."""

    view: Literal["anonymised"] = "anonymised"
    reference: str
    region: str | None
    available_from: date | None
    hours_min: int | None
    hours_max: int | None
    contract_forms: list[str]
    driving_licences: list[str]
    languages: list[LanguageOut]
    educations: list[EducationOut]
    experience: list[ExperienceOut]
    skills: list[SkillOut]
    wishes: list[WishOut]


class CandidateListItem(ApiModel):
    id: int
    reference: str
    name: str
    municipality: str
    benefit: str
    status: str
    coach_user_id: int | None
    organisation_id: int | None
    updated_at: datetime


class CandidateVersionRead(ApiModel):
    version: int
    changed_at: datetime
    changed_by_name: str
    summary: str
    changes: dict[str, object]


class ConsentIn(ApiModel):
    purpose: ConsentPurpose
    partner_category: PartnerCategory = PartnerCategory.ALL


class ConsentRead(ApiModel):
    id: int
    purpose: str
    partner_category: str
    given_at: datetime
    withdrawn_at: datetime | None
    is_active: bool


class IntroductionIn(ApiModel):
    employer_id: int
    vacancy_id: int | None = None


class IntroductionStepRead(ApiModel):
    status: str
    reached_at: datetime
    party: str
    reason: str | None


class IntroductionRead(ApiModel):
    id: int
    candidate_id: int
    employer_id: int
    vacancy_id: int | None
    consent_given_at: datetime
    withdrawn_at: datetime | None
    status: str = Field(description="proposed, introduced, interview, offer, placed, declined")
    status_at: datetime | None
    employer_answer: str | None = Field(description="interested or not_interested")
    answered_at: datetime | None
    declined_by: str | None = Field(description="employer or coach")
    decline_reason: str | None
    steps: list[IntroductionStepRead]


class ProposalIn(ApiModel):
    candidate_id: int = Field(ge=1, le=2**31 - 1)
    vacancy_id: int = Field(ge=1, le=2**31 - 1)


class TransitionIn(ApiModel):
    status: Literal["introduced", "interview", "offer", "placed", "declined"]
    reason: str | None = Field(default=None, max_length=500)


class AnswerIn(ApiModel):
    interested: bool
    reason: str | None = Field(default=None, max_length=500)


class SkillsAdd(ApiModel):
    skill_uris: list[EscoUri] = Field(min_length=1, max_length=300)
    source: SkillSource = SkillSource.SELF_DECLARED
