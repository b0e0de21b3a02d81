"""Base for every API schema: lowerCamelCase JSON (NL API Design Rules), snake_case Python."""

from __future__ import annotations

import re
import types
from datetime import date, datetime
from typing import Annotated, Any, Generic, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, field_validator
from pydantic.alias_generators import to_camel

_ISO_DATE_START = re.compile(r"^\d{4}-\d{2}-\d{2}")
ISO_DATE_REASON = "een datum volgens ISO 8601, bijvoorbeeld 2026-12-01"


def _plain_kind(annotation: Any) -> Any:
    """int, float, bool, date or datetime when the field holds one of them (or None)."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _plain_kind(get_args(annotation)[0])
    if origin is Union or origin is types.UnionType:
        kinds = {_plain_kind(arg) for arg in get_args(annotation) if arg is not type(None)}
        return kinds.pop() if len(kinds) == 1 else None
    return annotation if annotation in (int, float, bool, date, datetime) else None


def lax_coercion_refused(kind: Any, value: Any) -> str | None:
    """Why `value` may not stand for a `kind`, where pydantic's lax mode would take it.

    Lax mode turns `false` into 0.0, `1` into True and the string "0.5" into a time in
    1970: input the API's document calls invalid. Strings for numbers and booleans stay
    allowed, because forms and CSV rows are text.
    """
    if value is None:
        return None
    if kind in (int, float) and isinstance(value, bool):
        return "moet een getal zijn"
    if kind is bool and isinstance(value, int | float) and not isinstance(value, bool):
        return "moet true of false zijn"
    if kind in (date, datetime):
        if isinstance(value, int | float):
            return ISO_DATE_REASON
        if isinstance(value, str) and not _ISO_DATE_START.match(value.strip()):
            return ISO_DATE_REASON
    return None


def _iso_only(value: Any) -> Any:
    reason = lax_coercion_refused(datetime, value)
    if reason:
        raise ValueError(reason)
    return value


# For query parameters: a time written as ISO 8601, not a number of seconds since 1970.
IsoDateTime = Annotated[datetime, BeforeValidator(_iso_only)]


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
    def _no_nul(cls, value: Any, info: ValidationInfo) -> Any:
        field = cls.model_fields.get(info.field_name or "")
        if field is not None:
            reason = lax_coercion_refused(_plain_kind(field.annotation), value)
            if reason:
                raise ValueError(reason)
        return _without_nul(value)


T = TypeVar("T")


class Page(ApiModel, Generic[T]):
    """A page of results with the total, for server-side pagination."""

    items: list[T]
    total: int = Field(description="Number of matching items over all pages.")
    page: int
    page_size: int
