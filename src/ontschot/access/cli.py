"""`ontschot orgs ...` and `ontschot users ...`: set up the first administrator of a new
installation and manage accounts from the command line. The operator acts as system
administrator (`Actor.cli()`); every change is written to the processing log."""

from __future__ import annotations

import typer
from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot.access import service
from ontschot.access.actor import Actor
from ontschot.access.models import AppUser, Organisation, OrganisationKind
from ontschot.access.roles import Role
from ontschot.access.schemas import OrganisationCreate, UserCreate
from ontschot.access.text import normalise_email
from ontschot.cli_support import command_session, fail, settings_or_exit

orgs_app = typer.Typer(help="Partner organisations.", no_args_is_help=True)
users_app = typer.Typer(help="User accounts.", no_args_is_help=True)
KINDS = ", ".join(k.value for k in OrganisationKind)
ROLES = ", ".join(r.value for r in Role)


def _find_organisation(db: Session, ref: str) -> Organisation:
    org = db.get(Organisation, int(ref)) if ref.isdigit() and len(ref) < 10 else None
    org = org or db.scalar(select(Organisation).where(Organisation.name == ref))
    if org is None:
        fail(f"organisatie {ref!r} bestaat niet (gebruik `ontschot orgs list`)")
    assert org is not None
    return org


def _find_user(db: Session, email: str) -> AppUser:
    try:
        address = normalise_email(email)
    except ValueError:
        address = ""
    user = db.scalar(select(AppUser).where(AppUser.email == address)) if address else None
    if user is None:
        fail(f"gebruiker {email[:100]!r} bestaat niet (gebruik `ontschot users list`)")
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
    settings = settings_or_exit()
    with command_session(settings) as db:
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
    settings = settings_or_exit()
    with command_session(settings) as db:
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
    settings = settings_or_exit()
    with command_session(settings) as db:
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
    settings = settings_or_exit()
    with command_session(settings) as db:
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
    settings = settings_or_exit()
    with command_session(settings) as db:
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
    settings = settings_or_exit()
    with command_session(settings) as db:
        user = _find_user(db, email)
        service.reset_password(
            db, actor=Actor.cli(), user_id=user.id, new_password=password, settings=settings
        )
        typer.echo(f"nieuw wachtwoord ingesteld voor {user.email}")
