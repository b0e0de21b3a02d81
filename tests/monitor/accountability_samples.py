"""Sample of the accountability export for tests/platform/test_transactions.py."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from tests.budget.helpers import budget_world
from tests.factories import actor_of
from tests.monitor.service_samples import _sample, _settings


def _export(db: Session) -> Any:
    world = budget_world(db)
    return _sample(
        {
            "actor": actor_of(world.manager),
            "financier_id": world.pooled_fund.financier_id,
            "fmt": "csv",
            "settings": _settings(),
        }
    )


ACCOUNTABILITY_SAMPLES = {"ontschot.monitor.accountability.export": _export}
