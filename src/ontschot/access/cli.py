"""`ontschot orgs ...` and `ontschot users ...`: set up the first administrator of a new
installation and manage accounts from the command line. The operator acts as system
administrator (`Actor.cli()`); every change is written to the processing log."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.orm import Session

from ontschot.access import service
from ontschot.access.actor import Actor
from ontschot.access.models import AppUser, Organisation, OrganisationKind
from ontschot.access.roles import Role
from ontschot.access.schemas import OrganisationCreate, UserCreate
from ontschot.access.text import normalise_email
from ontschot.audit.service import configure_pseudonymisation
from ontschot.config import Settings, SettingsError, load_settings
from ontschot.web.problems import ProblemError

orgs_app = typer.Typer(help="Partner organisations.", no_args_is_help=True)
users_app = typer.Typer(help="User accounts.", no_args_is_help=True)
KINDS = ", ".join(k.value for k in OrganisationKind)
ROLES = ", ".join(r.value for r in Role)


def _fail(message: str) -> None:
    from ontschot.cli import fail

    fail(message)


def _settings() -> Settings:
    try:
        settings = load_settings()
    except SettingsError as exc:
        _fail(str(exc))
        raise
    configure_pseudonymisation(settings.secret_key)
    return settings


def open_session(settings: Settings) -> Session:
    """A database session for one command (tests replace this)."""
    from ontschot.db import make_engine, make_sessionmaker

    return make_sessionmaker(make_engine(settings.database_url))()


@contextmanager
def _session(settings: Settings) -> Iterator[Session]:
    db = open_session(settings)
    try:
        yield db
    except ProblemError as exc:
        db.rollback()
        reasons = "; ".join(f"{e['name']}: {e['reason']}" for e in exc.errors)
        _fail(exc.detail + (f" ({reasons})" if reasons else ""))
    except ValidationError as exc:
        db.rollback()
        reasons = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {str(e['msg']).removeprefix('Value error, ')}"
            for e in exc.errors()
        )
        _fail(f"ongeldige invoer: {reasons}")
    except (OperationalError, ProgrammingError):
        db.rollback()
        _fail(
            "de database is niet bereikbaar of niet bijgewerkt; "
            "voer eerst `ontschot db upgrade` uit"
        )
    finally:
        db.close()


def _find_organisation(db: Session, ref: str) -> Organisation:
    org = db.get(Organisation, int(ref)) if ref.isdigit() and len(ref) < 10 else None
    org = org or db.scalar(select(Organisation).where(Organisation.name == ref))
    if org is None:
        _fail(f"organisatie {ref!r} bestaat niet (gebruik `ontschot orgs list`)")
    assert org is not None
    return org


def _find_user(db: Session, email: str) -> AppUser:
    try:
        address = normalise_email(email)
    except ValueError:
        address = ""
    user = db.scalar(select(AppUser).where(AppUser.email == address)) if address else None
    if user is None:
        _fail(f"gebruiker {email[:100]!r} bestaat niet (gebruik `ontschot users list`)")
    assert user is not None
    return user


@orgs_app.command("create")
def orgs_create(
    name: str = typer.Option(..., help="Unique name of the organisation."),
    kind: str = typer.Option(..., help=f"One of: {KINDS}."),
    region_code: str = typer.Option(..., help="Region code, e.g. twente or an AM number."),
    region_name: str = typer.Option(..., help="Region name, e.g. Twente."),
) -> None:
    """Add a partner organisation."""
    settings = _settings()
    with _session(settings) as db:
        data = OrganisationCreate(
            name=name,
            kind=kind,
            region_code=region_code,
            region_name=region_name,
        )
        org = service.create_organisation(db, actor=Actor.cli(), data=data)
        typer.echo(f"organisatie {org.id} aangemaakt: {org.name}")


@orgs_app.command("list")
def orgs_list() -> None:
    """List every organisation."""
    settings = _settings()
    with _session(settings) as db:
        for org in service.list_organisations(db, actor=Actor.cli()):
            state = "" if org.is_active else " (inactief)"
            typer.echo(f"{org.id}\t{org.name}\t{org.kind}\t{org.region_code}{state}")


@users_app.command("create")
def users_create(
    email: str = typer.Option(..., help="E-mail address, used to log in."),
    name: str = typer.Option(..., help="Display name."),
    role: str = typer.Option(..., help=f"One of: {ROLES}."),
    organisation: str = typer.Option(..., help="Organisation id or exact name."),
    password: str = typer.Option(
        ...,
        prompt=True,
        hide_input=True,
        confirmation_prompt=True,
        help="Initial password, 12 to 256 characters (asked when left out).",
    ),
) -> None:
    """Create a user account."""
    settings = _settings()
    with _session(settings) as db:
        org = _find_organisation(db, organisation)
        data = UserCreate(
            email=email,
            display_name=name,
            role=role,
            organisation_id=org.id,
            password=password,
        )
        user = service.create_user(db, actor=Actor.cli(), data=data, settings=settings)
        typer.echo(f"gebruiker {user.id} aangemaakt: {user.email} ({user.role}, {org.name})")


@users_app.command("list")
def users_list(
    organisation: str = typer.Option(None, help="Only this organisation (id or name)."),
) -> None:
    """List user accounts."""
    settings = _settings()
    with _session(settings) as db:
        org_id = _find_organisation(db, organisation).id if organisation else None
        for user in service.list_users(db, actor=Actor.cli(), organisation_id=org_id):
            state = "actief" if user.is_active else "geblokkeerd"
            typer.echo(
                f"{user.id}\t{user.email}\t{user.display_name}\t{user.role}\t"
                f"{user.organisation.name}\t{state}"
            )


@users_app.command("disable")
def users_disable(email: str = typer.Argument(..., help="E-mail address of the user.")) -> None:
    """Block a user from logging in and end their sessions."""
    settings = _settings()
    with _session(settings) as db:
        user = service.disable_user(db, actor=Actor.cli(), user_id=_find_user(db, email).id)
        typer.echo(f"gebruiker {user.email} geblokkeerd")


@users_app.command("reset-password")
def users_reset_password(
    email: str = typer.Argument(..., help="E-mail address of the user."),
    password: str = typer.Option(
        ...,
        prompt="Nieuw wachtwoord",
        hide_input=True,
        confirmation_prompt=True,
        help="New password, 12 to 256 characters (asked when left out).",
    ),
) -> None:
    """Set a new password; lifts a lock-out and ends the user's sessions."""
    settings = _settings()
    with _session(settings) as db:
        user = _find_user(db, email)
        service.reset_password(
            db, actor=Actor.cli(), user_id=user.id, new_password=password, settings=settings
        )
        typer.echo(f"nieuw wachtwoord ingesteld voor {user.email}")
