"""Domain errors: what services raise. Nothing here knows about HTTP, pages or the CLI.

One mapping per outlet turns them into what a person sees: problem+json for the API
(`web/problems.py`), a message beside each field for pages, a message and exit code for the
CLI (`cli_support.py`). Field names are the Python (snake_case) names; the API turns them
into lowerCamelCase.
"""

from __future__ import annotations

from collections.abc import Mapping


class DomainError(Exception):
    """Base class. `fields` maps a field name to the reason that field is wrong."""

    def __init__(
        self, detail: str, *, fields: Mapping[str, str] | None = None, location: str = "body"
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.fields: dict[str, str] = dict(fields or {})
        # Where the fields came from, for the API's invalidParams: body, query or header.
        self.location = location
        # The data subject the refused attempt was about, when there is one: the refusal is
        # then logged against that person too (their "who looked at my data").
        self.subject_key: str | None = None

    def about(self, subject_key: str) -> DomainError:
        self.subject_key = subject_key
        return self


class NotFound(DomainError):
    """The object does not exist, or the actor may not know that it exists."""

    def __init__(self, what: str) -> None:
        super().__init__(f"{what} bestaat niet.")


class Forbidden(DomainError):
    """The actor may not do this."""


class Conflict(DomainError):
    """The request contradicts the current state (already registered, already decided)."""


class StaleVersion(Conflict):
    """Someone else changed the object since the caller read it."""

    def __init__(self, what: str = "Dit gegeven") -> None:
        super().__init__(
            f"{what} is intussen door iemand anders gewijzigd. "
            "Laad de pagina opnieuw en breng uw wijziging dan opnieuw aan."
        )


class Invalid(DomainError):
    """Input that is wrong; `fields` says which field and why."""


class TooLarge(DomainError):
    """Input over a size limit."""


class Unsupported(DomainError):
    """A format or media type the operation does not take."""


class TooManyRequests(DomainError):
    """Over a rate limit; `retry_after_seconds` says when to try again."""

    def __init__(self, detail: str, *, retry_after_seconds: int) -> None:
        super().__init__(detail)
        self.retry_after_seconds = retry_after_seconds


class Unavailable(DomainError):
    """A part the operation needs is not ready (for example an index still loading)."""


def invalid(field: str, reason: str, detail: str | None = None) -> Invalid:
    """Shorthand for one wrong field."""
    return Invalid(detail or f"Ongeldige invoer in: {field}.", fields={field: reason})
