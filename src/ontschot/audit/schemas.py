"""API schemas of the processing log."""

from __future__ import annotations

from datetime import datetime

from ontschot.schemas import ApiModel


class AuditEntryRead(ApiModel):
    id: int
    occurred_at: datetime
    actor_user_id: int | None
    actor_display: str
    actor_role: str
    actor_via: str
    token_id: int | None
    organisation_id: int | None
    organisation_name: str
    action: str
    object_type: str
    object_id: str | None
    subject_pseudonym: str | None
    purpose: str
    result: str
