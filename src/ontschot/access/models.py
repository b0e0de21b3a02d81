"""Organisations, their users, login sessions and API tokens of partner systems.

Secrets are never stored in clear: passwords as argon2 hashes, session ids and API tokens
as SHA-256 hashes (they are long random values, so a fast hash is enough).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ontschot.db import Base, UTCDateTime, utcnow


class OrganisationKind(StrEnum):
    UWV = "uwv"
    GEMEENTE = "gemeente"
    EMPLOYER_ORGANISATION = "werkgeversorganisatie"
    EDUCATION = "onderwijs"
    TEMP_AGENCY = "uitzendbureau"
    REINTEGRATION = "reintegratiebedrijf"
    EMPLOYER = "werkgever"
    OPERATOR = "beheerder"


ORGANISATION_KIND_LABELS_NL: dict[OrganisationKind, str] = {
    OrganisationKind.UWV: "UWV",
    OrganisationKind.GEMEENTE: "Gemeente",
    OrganisationKind.EMPLOYER_ORGANISATION: "Werkgeversorganisatie",
    OrganisationKind.EDUCATION: "Onderwijsinstelling",
    OrganisationKind.TEMP_AGENCY: "Uitzendbureau",
    OrganisationKind.REINTEGRATION: "Re-integratiebedrijf",
    OrganisationKind.EMPLOYER: "Werkgever",
    OrganisationKind.OPERATOR: "Beheerder van het platform",
}


class Organisation(Base):
    """A partner in the arbeidsmarktregio; the region is a code plus its name."""

    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    region_code: Mapped[str] = mapped_column(String(40), index=True)
    region_name: Mapped[str] = mapped_column(String(200))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    @property
    def kind_label(self) -> str:
        return ORGANISATION_KIND_LABELS_NL.get(OrganisationKind(self.kind), self.kind)


class AppUser(Base):
    """A person who logs in. Belongs to exactly one organisation and has one role."""

    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(32))
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    password_hash: Mapped[str | None] = mapped_column(Text, nullable=True)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    organisation: Mapped[Organisation] = relationship(lazy="joined")


class UserSession(Base):
    """A server-side login session; the cookie holds the random id, this row its hash."""

    __tablename__ = "user_session"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())

    user: Mapped[AppUser] = relationship(lazy="joined")


class ApiToken(Base):
    """A bearer token for a partner system: one organisation, one role, a set of actions."""

    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    role: Mapped[str] = mapped_column(String(32))
    actions: Mapped[str] = mapped_column(Text)  # space-separated action names
    created_by_user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    organisation: Mapped[Organisation] = relationship(lazy="joined")

    @property
    def action_set(self) -> frozenset[str]:
        return frozenset(self.actions.split())

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None
