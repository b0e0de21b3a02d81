"""Base for every API schema: lowerCamelCase JSON (NL API Design Rules), snake_case Python."""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel


class ApiModel(BaseModel):
    model_config = ConfigDict(
        alias_generator=to_camel, populate_by_name=True, from_attributes=True, extra="forbid"
    )


T = TypeVar("T")


class Page(ApiModel, Generic[T]):
    """A page of results with the total, for server-side pagination."""

    items: list[T]
    total: int = Field(description="Number of matching items over all pages.")
    page: int
    page_size: int
