"""Monitor API: the indicators for a selection (filters as query parameters)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from ontschot.access.actor import Actor
from ontschot.access.deps import requires
from ontschot.deps import AppSettings, DbSession
from ontschot.monitor import service
from ontschot.monitor.privacy import Masked
from ontschot.monitor.schemas import IndicatorRead
from ontschot.monitor.selection import MonitorFilter

router = APIRouter(tags=["monitor"])
Id = Annotated[int | None, Query(ge=1, le=2**31 - 1)]
Text = Annotated[str | None, Query(min_length=1, max_length=200)]


def monitor_filter(
    period_from: Annotated[date | None, Query(alias="periodFrom")] = None,
    period_to: Annotated[date | None, Query(alias="periodTo")] = None,
    chain_id: Annotated[int | None, Query(ge=1, le=2**31 - 1, alias="chainId")] = None,
    organisation_id: Annotated[
        int | None, Query(ge=1, le=2**31 - 1, alias="organisationId")
    ] = None,
    coach_user_id: Annotated[int | None, Query(ge=1, le=2**31 - 1, alias="coachUserId")] = None,
    instrument: Text = None,
    fund_id: Annotated[int | None, Query(ge=1, le=2**31 - 1, alias="fundId")] = None,
    financier_id: Annotated[int | None, Query(ge=1, le=2**31 - 1, alias="financierId")] = None,
    municipality: Text = None,
    target_group: Annotated[
        str | None, Query(min_length=1, max_length=20, alias="targetGroup")
    ] = None,
    sector: Text = None,
    occupation_uri: Annotated[
        str | None, Query(min_length=1, max_length=200, alias="occupationUri")
    ] = None,
) -> MonitorFilter:
    return MonitorFilter(
        period_from=period_from,
        period_to=period_to,
        chain_id=chain_id,
        organisation_id=organisation_id,
        coach_user_id=coach_user_id,
        instrument=instrument,
        fund_id=fund_id,
        financier_id=financier_id,
        municipality=municipality,
        target_group=target_group,
        sector=sector,
        occupation_uri=occupation_uri,
    )


@router.get("/monitor/indicators", response_model=list[IndicatorRead])
def list_indicators(
    db: DbSession,
    settings: AppSettings,
    actor: Annotated[Actor, Depends(requires("monitor.read"))],
    flt: Annotated[MonitorFilter, Depends(monitor_filter)],
) -> list[IndicatorRead]:
    """Every indicator of the results monitor for the selection, each with its Dutch label
    and definition. Filters: `periodFrom`/`periodTo` (start dates), `chainId`,
    `organisationId`, `coachUserId` (programme manager only, else 403), `instrument`,
    `fundId`, `financierId`, `municipality`, `targetGroup` (benefit), `sector`,
    `occupationUri`. Figures about fewer than 10 people are null for everyone but the
    programme manager."""
    view = service.build_view(db, actor=actor, flt=flt, settings=settings, with_insight=False)
    return [
        IndicatorRead(
            key=i.key,
            label=i.label,
            definition=i.definition,
            value=None if isinstance(i.value, Masked) else i.value,
        )
        for i in view.result.indicators
    ]
