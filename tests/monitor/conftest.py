"""A demo region built once per database for a whole module (the build takes seconds);
each test runs in a savepoint of that world that is rolled back afterwards."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session

from ontschot import clock
from ontschot.config import Settings

DEMO_SECRET = "test-secret-key-0123456789abcdef"


@pytest.fixture(scope="module")
def demo_world(db_engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Connection]:
    from ontschot.synth.generate import Size, generate_region
    from ontschot.synth.profiles import load_profiles
    from ontschot.synth.regions import find_region
    from ontschot.synth.write_db import write_region

    settings = Settings(
        database_url="sqlite:///unused-in-tests.db",
        data_dir=tmp_path_factory.mktemp("demo"),
        environment="test",
        secret_key=DEMO_SECRET,
        argon2_time_cost=1,
        argon2_memory_kib=64,
    )
    connection = db_engine.connect()
    outer = connection.begin()
    db = Session(bind=connection, join_transaction_mode="create_savepoint", autoflush=False)
    data = generate_region(
        load_profiles(db), find_region("twente"), Size(600, 200, 8), seed=16, today=clock.today()
    )
    write_region(db, data, settings)
    db.close()
    try:
        yield connection
    finally:
        outer.rollback()
        connection.close()
