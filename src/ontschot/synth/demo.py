"""The demo database: a populated Twente, created once and reused while it is current.

Which database: `settings.data_dir / "demo.db"` (SQLite), unless `ONTSCHOT_DATABASE_URL`
is set explicitly in the environment; then that database is used. A stamp file next to it
(`demo.stamp.json` in `data_dir`) records the alembic head, the generator version, the
seed, the region, the reference date and the demo logins. The database is rebuilt when it
is missing, when the schema head or the generator version changed, or when the reference
date is more than `MAX_AGE_DAYS` old (so closing dates and "recent contact" stay current).
An explicitly configured database that holds data the demo did not make is never wiped.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import MetaData, func, inspect, select
from sqlalchemy.engine import Engine, make_url

from ontschot.config import ENV_PREFIX, Settings
from ontschot.db import make_engine, make_sessionmaker
from ontschot.migrate import head_revision

MAX_AGE_DAYS = 14
# None: the regional default size (3,000 candidates); tests set a smaller Size here
DEMO_SIZE: Any = None
STAMP_NAME = "demo.stamp.json"


class DemoError(Exception):
    """The demo cannot be prepared; the message says why and what to do."""


@dataclass(frozen=True)
class DemoLogin:
    role: str
    email: str
    organisation: str


@dataclass(frozen=True)
class DemoResult:
    settings: Settings
    rebuilt: bool
    summary: str
    logins: list[DemoLogin]


def demo_settings(settings: Settings) -> Settings:
    """The settings with the demo database: data_dir/demo.db unless a URL was set."""
    if os.environ.get(f"{ENV_PREFIX}DATABASE_URL"):
        return settings
    path = (settings.data_dir / "demo.db").resolve()
    return settings.model_copy(update={"database_url": f"sqlite:///{path}"})


def _stamp_path(settings: Settings) -> Path:
    return settings.data_dir / STAMP_NAME


def safe_url(url: str) -> str:
    """The URL with any password masked, for printing."""
    return make_url(url).render_as_string(hide_password=True)


def wanted_stamp(settings: Settings, *, region: str, seed: int) -> dict[str, Any]:
    from ontschot.synth.generate import GENERATOR_VERSION

    return {
        "database": safe_url(settings.database_url),
        "schema": head_revision(),
        "generator": GENERATOR_VERSION,
        "region": region,
        "seed": seed,
    }


def _read_stamp(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _is_current(stamp: dict[str, Any] | None, wanted: dict[str, Any], today: date) -> bool:
    if stamp is None or any(stamp.get(k) != v for k, v in wanted.items()):
        return False
    try:
        made = date.fromisoformat(str(stamp.get("today")))
    except ValueError:
        return False
    return 0 <= (today - made).days <= MAX_AGE_DAYS


def _sqlite_file(settings: Settings) -> Path | None:
    if not settings.is_sqlite:
        return None
    database = make_url(settings.database_url).database
    return Path(database) if database and database != ":memory:" else None


def _has_data(engine: Engine) -> bool:
    if "organisation" not in inspect(engine).get_table_names():
        return False
    from ontschot.access.models import Organisation

    with engine.connect() as conn:
        return bool(conn.scalar(select(func.count()).select_from(Organisation)))


def _downgrade_to_empty(engine: Engine) -> None:
    """Run every migration's downgrade (they also drop triggers and functions), then drop
    whatever tables are left."""
    from alembic import command

    from ontschot.migrate import alembic_config

    cfg = alembic_config()
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, "base")
    metadata = MetaData()
    metadata.reflect(engine)
    metadata.drop_all(engine)


def _wipe(settings: Settings, stamp: dict[str, Any] | None) -> None:
    """Remove the old demo: delete the SQLite file, or drop every table of a configured
    database that the stamp says holds the demo."""
    path = _sqlite_file(settings)
    if path is not None and path.name == "demo.db":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    engine = make_engine(settings.database_url)
    try:
        if not _has_data(engine):
            return
        if stamp is None or stamp.get("database") != safe_url(settings.database_url):
            raise DemoError(
                "De ingestelde database bevat al gegevens die niet door `ontschot demo` zijn "
                "gemaakt; die worden niet gewist. Gebruik een lege database of laat "
                f"{ENV_PREFIX}DATABASE_URL weg voor {settings.data_dir / 'demo.db'}."
            )
        _downgrade_to_empty(engine)
    finally:
        engine.dispose()


def prepare_demo(
    settings: Settings,
    *,
    region: str = "twente",
    seed: int | None = None,
    force: bool = False,
    today: date | None = None,
) -> DemoResult:
    """Create the demo database when needed and return its settings and logins."""
    from ontschot.synth.generate import DEFAULT_SEED

    if settings.environment == "production":
        raise DemoError("De demo draait niet met environment=production.")
    from ontschot.synth.regions import find_region

    find_region(region)  # an unknown region fails before anything is removed
    settings = demo_settings(settings)
    seed = DEFAULT_SEED if seed is None else seed
    today = today or date.today()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    stamp_path = _stamp_path(settings)
    stamp = _read_stamp(stamp_path)
    wanted = wanted_stamp(settings, region=region, seed=seed)
    sqlite_file = _sqlite_file(settings)
    present = sqlite_file.exists() if sqlite_file is not None else True
    if not force and present and stamp is not None and _is_current(stamp, wanted, today):
        logins = [DemoLogin(**login) for login in stamp.get("logins", [])]
        return DemoResult(settings, False, str(stamp.get("summary", "")), logins)
    _wipe(settings, stamp)
    stamp_path.unlink(missing_ok=True)
    summary, logins = _build(settings, region=region, seed=seed, today=today)
    stamp_path.write_text(
        json.dumps(
            {
                **wanted,
                "today": today.isoformat(),
                "summary": summary,
                "logins": [login.__dict__ for login in logins],
            },
            indent=2,
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    return DemoResult(settings, True, summary, logins)


def _build(
    settings: Settings, *, region: str, seed: int, today: date
) -> tuple[str, list[DemoLogin]]:
    from ontschot.setup import prepare_database
    from ontschot.synth.generate import REGION_SIZE, generate_region
    from ontschot.synth.profiles import load_profiles
    from ontschot.synth.regions import find_region
    from ontschot.synth.write_db import write_region

    prepare_database(settings)
    engine = make_engine(settings.database_url)
    try:
        if _has_data(engine):
            raise DemoError("De demodatabase is niet leeg; verwijder hem of gebruik --rebuild.")
        with make_sessionmaker(engine)() as db:
            profiles = load_profiles(db)
            size = DEMO_SIZE or REGION_SIZE
            data = generate_region(profiles, find_region(region), size, seed=seed, today=today)
            written = write_region(db, data, settings)
    finally:
        engine.dispose()
    orgs = {o.key: o.name for o in data.plan.organisations}
    logins = [
        DemoLogin(u.role.value, u.email, orgs[u.org_key])
        for u in data.plan.users
        if u.is_demo_login
    ]
    return f"{data.plan.region.name}: {written.line()}", logins
