"""Base for every API schema: lowerCamelCase JSON (NL API Design Rules), snake_case Python."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic.alias_generators import to_camel


def _without_nul(value: Any) -> Any:
    """NUL characters are never text a person typed; they break exports and some viewers."""
    if isinstance(value, str) and "\x00" in value:
        raise ValueError("bevat een ongeldig teken (NUL)")
    if isinstance(value, list) and any(isinstance(v, str) and "\x00" in v for v in value):
        raise ValueError("bevat een ongeldig teken (NUL)")
    return value


class ApiModel(BaseModel):
    model_config = ConfigDict(
        alias_generator=to_camel, populate_by_name=True, from_attributes=True, extra="forbid"
    )

    @field_validator("*", mode="before")
    @classmethod
    def _no_nul(cls, value: Any) -> Any:
        return _without_nul(value)


T = TypeVar("T")


class Page(ApiModel, Generic[T]):
    """A page of results with the total, for server-side pagination."""

    items: list[T]
    total: int = Field(description="Number of matching items over all pages.")
    page: int
    page_size: int
