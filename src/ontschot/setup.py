"""Bring a database to a usable state: migrations, then the bundled reference data."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ontschot.config import Settings
from ontschot.db import make_engine, make_sessionmaker
from ontschot.migrate import upgrade


def prepare_database(settings: Settings, *, progress: bool = False) -> str:
    """Upgrade the schema and load the bundled ESCO snapshot if no taxonomy is present.

    Returns a one-line summary for the CLI.
    """
    from ontschot.taxonomy.loader import ensure_bundled_taxonomy

    engine = make_engine(settings.database_url)
    try:
        upgrade(engine)
        with make_sessionmaker(engine)() as db:
            loaded = ensure_bundled_taxonomy(db, progress=progress)
        return f"database up to date; taxonomy {loaded}"
    finally:
        engine.dispose()


def open_prepared_session(settings: Settings) -> Session:
    """A session for one CLI command on a database brought up to date first, with the
    processing log's pseudonym key set, so every command logs subjects the same way."""
    from ontschot.audit.service import configure_pseudonymisation

    prepare_database(settings)
    configure_pseudonymisation(settings.secret_key)
    return make_sessionmaker(make_engine(settings.database_url))()
