"""API shapes of contact moments."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import Field

from ontschot.people.fields import Text
from ontschot.schemas import ApiModel


class ContactKind(StrEnum):
    CONVERSATION = "conversation"
    PHONE = "phone"
    VISIT = "visit"
    EMAIL = "email"


KIND_LABELS_NL: dict[str, str] = {
    "conversation": "Gesprek",
    "phone": "Telefoon",
    "visit": "Bezoek",
    "email": "E-mail",
}


class ContactMomentIn(ApiModel):
    kind: ContactKind
    occurred_on: date = Field(description="The day of the contact (not in the future).")
    summary: Text = Field(min_length=2, max_length=4000)
    next_action: str | None = Field(default=None, max_length=300)
    next_action_due: date | None = Field(default=None, description="Due date of the next action.")


class ContactMomentRead(ApiModel):
    id: int
    candidate_id: int | None
    employer_id: int | None
    kind: str
    occurred_on: date
    summary: str
    next_action: str | None
    next_action_due: date | None
    created_by_name: str
    created_at: datetime
