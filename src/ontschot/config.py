"""Settings: one class, read once by the app factory or the CLI and passed on.

Every field documents itself; `ontschot config docs` writes docs/configuration.md from
these descriptions, so the documentation cannot drift from the code.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ENV_PREFIX = "ONTSCHOT_"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="ignore")

    database_url: str = Field(
        "sqlite:///./var/ontschot.db",
        description="SQLAlchemy URL of the database. SQLite for a laptop, "
        "`postgresql+psycopg://user@host/db` for a region.",
    )
    data_dir: Path = Field(
        Path("./var"),
        description="Folder for the SQLite file, on-disk caches (embeddings, matching index).",
    )
    secret_key: str = Field(
        "dev-only-change-me-0123456789abcdef",
        min_length=16,
        description="Secret for signing CSRF tokens. Must be set to a long random value in "
        "production; the default is refused when `environment` is `production`.",
    )
    environment: str = Field(
        "development",
        pattern="^(development|test|production)$",
        description="`development`, `test` or `production`. Production refuses the default "
        "secret and marks cookies Secure.",
    )
    session_hours: int = Field(8, ge=1, le=24, description="Idle hours before a login expires.")
    session_max_hours: int = Field(
        12,
        ge=1,
        le=72,
        description="Hours after which a login ends however active it is (absolute lifetime).",
    )
    login_max_failures: int = Field(
        5, ge=1, le=100, description="Failed logins in a row before an account is locked."
    )
    login_lock_minutes: int = Field(
        15, ge=1, le=1440, description="Minutes an account stays locked after too many failures."
    )
    rate_limit_per_minute: int = Field(
        60,
        ge=1,
        le=100_000,
        description="Login attempts or API-token requests per client address per minute.",
    )
    argon2_time_cost: int = Field(
        3,
        ge=1,
        le=20,
        description="Argon2id iterations for password hashes. Lower only in tests (1) to keep "
        "the suite fast; existing hashes are upgraded at the next login.",
    )
    argon2_memory_kib: int = Field(
        65536,
        ge=8,
        le=1_048_576,
        description="Argon2id memory per password hash in KiB. Lower only in tests (e.g. 64).",
    )
    behind_tls: bool = Field(
        False, description="True when served behind TLS: sends HSTS and Secure cookies."
    )
    host: str = Field("127.0.0.1", description="Address `ontschot serve` listens on.")
    port: int = Field(8000, ge=1, le=65535, description="Port `ontschot serve` listens on.")
    log_level: str = Field(
        "info",
        pattern="^(debug|info|warning|error)$",
        description="Application log level: debug, info, warning or error.",
    )
    tightness_promising: float = Field(
        1.5,
        gt=0,
        description="Vacancies per available candidate from which an occupation counts as "
        "a kansberoep (promising occupation).",
    )
    worker_threads: int = Field(
        20,
        ge=2,
        le=200,
        description="Requests handled at once per process (threads); the database pool has "
        "as many connections, so no request waits for a connection another one holds.",
    )
    forwarded_allow_ips: str = Field(
        "",
        description="Comma-separated addresses of reverse proxies whose X-Forwarded-For "
        "header is believed; empty (the default) believes none, so a client cannot pick "
        "the address that login throttling counts.",
    )
    retention_days: int = Field(
        730,
        ge=30,
        le=36500,
        description="Retention period: the `erase-expired` job erases placed or inactive "
        "candidates unchanged for this many days.",
    )

    follow_up_months: list[int] = Field(
        [1, 3, 6, 12],
        min_length=1,
        max_length=12,
        description="Months after a placement's start at which follow-up contacts (nazorg) "
        "are scheduled, as a JSON list, e.g. `[1,3,6,12]`.",
    )
    durable_months: int = Field(
        6,
        ge=1,
        le=60,
        description="A placement counts as durable (duurzaam) when the person still works "
        "this many months after the start ...",
    )
    durable_min_hours: int = Field(
        12,
        ge=1,
        le=40,
        description="... with at least this many hours a week.",
    )
    four_eyes_above_cents: int = Field(
        100_000,
        ge=0,
        le=10**12,
        description="Intervention requests costing more than this many euro cents need the "
        "approval of a programme manager other than the requester (four eyes); at or below "
        "it a request is approved and reserved when it is made. 0: every request needs one.",
    )

    @field_validator("follow_up_months")
    @classmethod
    def _months_ascending(cls, value: list[int]) -> list[int]:
        if any(m < 1 or m > 60 for m in value):
            raise ValueError("every month must be between 1 and 60")
        return sorted(set(value))

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, value: str) -> str:
        if not value.startswith(("sqlite:", "postgresql")):
            raise ValueError("must be a sqlite:/// or postgresql+psycopg:// URL")
        return value

    def model_post_init(self, __context: object) -> None:
        if self.environment == "production" and not secret_is_strong(self.secret_key):
            raise ValueError(
                f"{ENV_PREFIX}SECRET_KEY must be a random value of at least 32 characters "
                "(at least 16 different ones) in production, e.g. `openssl rand -hex 32`"
            )

    @property
    def uses_default_secret(self) -> bool:
        return self.secret_key.startswith("dev-only")

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


def secret_is_strong(secret: str) -> bool:
    """Long and varied enough that the log's pseudonyms cannot be recomputed by guessing."""
    return len(secret) >= 32 and len(set(secret)) >= 16 and not secret.startswith("dev-only")


class SettingsError(Exception):
    """Configuration is unusable; the message names the environment variable."""


def load_settings(**overrides: object) -> Settings:
    """Read settings from the environment, turning validation errors into one clear message."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            field = str(err["loc"][0]) if err["loc"] else "?"
            lines.append(f"{ENV_PREFIX}{field.upper()}: {err['msg']}")
        raise SettingsError("Invalid configuration:\n  " + "\n  ".join(lines)) from None
    except ValueError as exc:
        raise SettingsError(f"Invalid configuration: {exc}") from None


def settings_markdown() -> str:
    """docs/configuration.md, generated from the field descriptions."""
    rows = ["# Configuration", "", "Generated by `ontschot config docs`; do not edit by hand.", ""]
    rows += ["| variable | default | meaning |", "| --- | --- | --- |"]
    for name, field in Settings.model_fields.items():
        default = field.default
        rows.append(f"| `{ENV_PREFIX}{name.upper()}` | `{default}` | {field.description} |")
    return "\n".join(rows) + "\n"
