"""Processing-log API: entries of your organisation, filterable; read-only by design."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from ontschot.access.actor import Actor
from ontschot.access.deps import requires
from ontschot.audit import service
from ontschot.audit.schemas import AuditEntryRead
from ontschot.deps import DbSession
from ontschot.schemas import IsoDateTime, Page
from ontschot.web.problems import ProblemError

router = APIRouter(tags=["audit"])
Word = Annotated[str | None, Query(max_length=64, pattern=r"^[a-z_.]+$")]


def _aware(value: datetime | None, name: str) -> datetime | None:
    if value is not None and value.tzinfo is None:
        raise ProblemError(
            400,
            f"Ongeldige invoer in: {name}.",
            errors=[
                {"name": name, "in": "query", "reason": "tijd met tijdzone verwacht (ISO 8601)"}
            ],
        )
    return value


@router.get("/audit-entries", response_model=Page[AuditEntryRead])
def list_audit_entries(
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("audit.read"))],
    date_from: Annotated[IsoDateTime | None, Query(alias="dateFrom")] = None,
    date_to: Annotated[IsoDateTime | None, Query(alias="dateTo")] = None,
    action: Word = None,
    object_type: Annotated[
        str | None, Query(alias="objectType", max_length=64, pattern=r"^[a-z_]+$")
    ] = None,
    user_id: Annotated[int | None, Query(alias="userId", ge=1, le=2**31 - 1)] = None,
    subject_key: Annotated[
        str | None,
        Query(
            alias="subjectKey",
            max_length=100,
            pattern=r"^[a-z_]+:[A-Za-z0-9_-]{1,64}$",
            description="Stable key of a data subject, e.g. `candidate:42` (never a BSN).",
        ),
    ] = None,
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
    page_size: Annotated[int, Query(alias="pageSize", ge=1, le=200)] = 50,
) -> Page[AuditEntryRead]:
    """Processing-log entries of your organisation, newest first."""
    flt = service.AuditFilter(
        date_from=_aware(date_from, "dateFrom"),
        date_to=_aware(date_to, "dateTo"),
        action=action,
        object_type=object_type,
        user_id=user_id,
        subject_key=subject_key,
    )
    rows, total = service.list_entries(db, actor=actor, flt=flt, page=page, page_size=page_size)
    return Page[AuditEntryRead](
        items=[AuditEntryRead.model_validate(row) for row in rows],
        total=total,
        page=page,
        page_size=page_size,
    )
