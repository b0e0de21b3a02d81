"""`ontschot candidates ...`: retention housekeeping for the registry."""

from __future__ import annotations

import typer

from ontschot.cli_support import command_session

candidates_app = typer.Typer(help="Candidate registry housekeeping.", no_args_is_help=True)


@candidates_app.command("erase-expired")
def erase_expired_command(
    days: int = typer.Option(
        ...,
        "--days",
        min=30,
        max=36500,
        help="Retention period: erase placed or inactive candidates unchanged for this many days.",
    ),
) -> None:
    """Erase the personal data of candidates past the retention period (statistics stay)."""
    from ontschot.access.actor import Actor
    from ontschot.people.rights import erase_expired

    with command_session() as db:
        count = erase_expired(db, actor=Actor.cli(), retention_days=days)
    typer.echo(f"{count} werkzoekenden geanonimiseerd (bewaartermijn {days} dagen)")
