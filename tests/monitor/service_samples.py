"""Samples of the monitor's services for tests/platform/test_transactions.py."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from ontschot import clock
from ontschot.access.actor import Actor
from ontschot.access.roles import Role
from ontschot.config import Settings
from ontschot.monitor.selection import MonitorFilter
from tests.cases.placement_helpers import placement_data, ready_to_place
from tests.factories import actor_of, make_user

M = "ontschot.monitor."


def _sample(kwargs: dict[str, Any], entries: int = 1) -> Any:
    from tests.platform.service_samples import Sample

    return Sample(kwargs, entries)


def _settings() -> Settings:
    return Settings(
        database_url="sqlite:///unused-in-tests.db",
        environment="test",
        secret_key="test-secret-key-0123456789abcdef",
    )


def _placed(db: Session) -> Any:
    from ontschot.cases.flows import place_candidate

    ready = ready_to_place(db)
    data = placement_data(ready, clock.today() - timedelta(days=40))
    return ready.coach, place_candidate(db, actor=actor_of(ready.coach), data=data)


def _refresh(db: Session) -> Any:
    _placed(db)
    return _sample({"actor": Actor.cli()})


def _export(db: Session) -> Any:
    _placed(db)
    manager = make_user(db, Role.PROGRAMME_MANAGER)
    return _sample({"actor": actor_of(manager), "fmt": "csv", "settings": _settings()})


def _drill(db: Session) -> Any:
    _placed(db)
    manager = make_user(db, Role.PROGRAMME_MANAGER)
    return _sample({"actor": actor_of(manager), "flt": MonitorFilter()})


MONITOR_SAMPLES = {
    M + "snapshot.refresh_facts": _refresh,
    M + "service.export_report": _export,
    M + "service.drill_down": _drill,
}
