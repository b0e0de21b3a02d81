"""FastAPI dependencies shared by every context."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Header, Request
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from ontschot.config import Settings
from ontschot.errors import Invalid


def get_db(request: Request) -> Iterator[Session]:
    db: Session = request.app.state.sessionmaker()
    try:
        yield db
    finally:
        db.rollback()
        db.close()


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


DbSession = Annotated[Session, Depends(get_db)]
AppSettings = Annotated[Settings, Depends(get_settings)]


def expected_version(
    if_match: Annotated[
        str | None,
        Header(
            alias="If-Match",
            description='The ETag of the version read (`"3"`); a stale one gets 412.',
        ),
    ] = None,
) -> int | None:
    """The version an update is based on, from `If-Match: "3"`; None when not sent."""
    if if_match is None or if_match.strip() == "*":
        return None
    raw = if_match.strip().removeprefix("W/").strip('"')
    if not raw.isdigit() or len(raw) > 9:
        raise Invalid(
            'If-Match verwacht de ETag van de gelezen versie, bijvoorbeeld "3".',
            fields={"If-Match": "ongeldige ETag"},
            location="header",
        )
    return int(raw)


def etag(version: int) -> str:
    return f'"{version}"'


IfMatch = Annotated[int | None, Depends(expected_version)]


async def submitted_form(request: Request) -> FormData:
    """The posted form, read on the event loop, so that the page handler itself can be a
    plain function that FastAPI runs in the thread pool (its database work then never
    blocks the loop)."""
    return await request.form()


SubmittedForm = Annotated[FormData, Depends(submitted_form)]
