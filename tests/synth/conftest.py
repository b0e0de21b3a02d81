"""Synth tests: the taxonomy profiles from the test database, cheap argon2."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from ontschot.config import Settings
from ontschot.synth.profiles import OccupationProfile, load_profiles


@pytest.fixture
def profiles(db: Session) -> tuple[OccupationProfile, ...]:
    return load_profiles(db)


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(
        update={"argon2_time_cost": 1, "argon2_memory_kib": 64, "rate_limit_per_minute": 100_000}
    )
