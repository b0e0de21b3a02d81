"""Access tests: cheap argon2 and no rate limit unless a test asks for one."""

from __future__ import annotations

import pytest

from ontschot.config import Settings


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(
        update={"argon2_time_cost": 1, "argon2_memory_kib": 64, "rate_limit_per_minute": 100_000}
    )
