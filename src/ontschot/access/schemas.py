"""API schemas of the access context (lowerCamelCase JSON, unknown fields refused)."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field, field_validator

from ontschot.access.models import OrganisationKind
from ontschot.access.roles import Role
from ontschot.access.text import clean_display_text, normalise_email
from ontschot.schemas import ApiModel


class OrganisationCreate(ApiModel):
    name: str = Field(max_length=400, description="Unique name of the organisation.")
    kind: OrganisationKind
    region_code: str = Field(
        pattern=r"^[A-Za-z0-9-]{2,40}$", description="Region code, e.g. `twente` or an AM number."
    )
    region_name: str = Field(max_length=400)

    @field_validator("name", "region_name")
    @classmethod
    def _clean(cls, value: str) -> str:
        return clean_display_text(value, max_length=200)


class OrganisationRead(ApiModel):
    id: int
    name: str
    kind: OrganisationKind
    region_code: str
    region_name: str
    is_active: bool


class UserCreate(ApiModel):
    email: str = Field(max_length=400)
    display_name: str = Field(max_length=400)
    role: Role
    organisation_id: int | None = Field(
        None,
        ge=1,
        le=2**31 - 1,
        description="Defaults to the organisation of the administrator creating the user.",
    )
    password: str | None = Field(
        None,
        max_length=400,
        description="Initial password (12 to 256 characters); without "
        "one the user cannot log in until an administrator sets a password.",
    )

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        return normalise_email(value)

    @field_validator("display_name")
    @classmethod
    def _name(cls, value: str) -> str:
        return clean_display_text(value, max_length=200)


class UserRead(ApiModel):
    id: int
    email: str
    display_name: str
    role: Role
    organisation_id: int
    is_active: bool
    is_locked: bool
    last_login_at: datetime | None
    created_at: datetime


class PasswordReset(ApiModel):
    new_password: str = Field(max_length=400)


class MeRead(ApiModel):
    user_id: int | None
    display_name: str
    role: Role
    role_label: str
    organisation_id: int | None
    organisation_name: str
    via: str


class ApiTokenCreate(ApiModel):
    name: str = Field(max_length=400)
    role: str = Field(max_length=64, description="Role whose permissions the token narrows.")
    actions: list[str] = Field(max_length=200, description="Actions the token may perform.")
    organisation_id: int | None = Field(None, ge=1, le=2**31 - 1)


class ApiTokenRead(ApiModel):
    id: int
    name: str
    prefix: str
    organisation_id: int
    role: str
    actions: list[str]
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class ApiTokenCreated(ApiTokenRead):
    token: str = Field(description="The bearer token. Shown only in this response.")
