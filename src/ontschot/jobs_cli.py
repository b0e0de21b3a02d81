"""`ontschot jobs list` and `ontschot jobs run [NAME] [--dry-run]`."""

from __future__ import annotations

import typer

from ontschot.cli_support import command_session, fail, settings_or_exit

jobs_app = typer.Typer(help="Scheduled jobs of every context.", no_args_is_help=True)


@jobs_app.command("list")
def list_jobs() -> None:
    """The registered jobs with what they do."""
    from ontschot.jobs import registered

    for name, job in registered().items():
        typer.echo(f"{name}\t{job.description}")


@jobs_app.command("run")
def run_jobs_command(
    name: str | None = typer.Argument(
        None, help="One job (see `ontschot jobs list`); all if left out."
    ),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Report what would change; change nothing."
    ),
) -> None:
    """Run one job or all; each reports what it did. Running again changes nothing new."""
    from ontschot.jobs import UnknownJobError, registered, run_jobs

    settings = settings_or_exit()
    with command_session(settings) as db:
        try:
            reports = run_jobs(db, settings=settings, name=name, dry_run=dry_run)
        except UnknownJobError:
            fail(f"onbekende taak {name!r}; bekend: {', '.join(registered())}")
    for report in reports:
        prefix = "[proef] " if report.dry_run else ""
        typer.echo(f"{report.name}: {prefix}{report.summary}")
