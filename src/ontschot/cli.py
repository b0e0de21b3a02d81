"""The `ontschot` command. Each context adds its own sub-commands from `<context>/cli.py`."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from ontschot.cli_support import err, fail, settings_or_exit
from ontschot.config import settings_markdown

app = typer.Typer(
    help="Ontschot: shared labour-market infrastructure for a region.",
    no_args_is_help=True,
    add_completion=False,
)
db_app = typer.Typer(help="Database schema and reference data.", no_args_is_help=True)
config_app = typer.Typer(help="Configuration.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(config_app, name="config")
__all__ = ["app", "err", "fail", "main", "settings_or_exit"]


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply migrations and load the bundled ESCO taxonomy when the database has none."""
    from ontschot.setup import prepare_database

    settings = settings_or_exit()
    summary = prepare_database(settings, progress=sys.stderr.isatty())
    typer.echo(summary)


@config_app.command("docs")
def config_docs(
    out: Path = typer.Option(Path("docs/configuration.md"), help="File to write."),
) -> None:
    """Write the configuration reference generated from the settings class."""
    out.write_text(settings_markdown(), encoding="utf-8")
    typer.echo(f"wrote {out}")


@config_app.command("check")
def config_check() -> None:
    """Validate the ONTSCHOT_* environment and print the effective settings (no secrets)."""
    settings = settings_or_exit()
    for name, value in settings.model_dump().items():
        shown = "***" if "secret" in name else value
        typer.echo(f"{name} = {shown}")


@app.command("serve")
def serve(
    host: str = typer.Option(None, help="Address to listen on (default from ONTSCHOT_HOST)."),
    port: int = typer.Option(None, help="Port to listen on (default from ONTSCHOT_PORT)."),
) -> None:
    """Serve the web app and API."""
    import uvicorn

    from ontschot.app import create_app
    from ontschot.setup import prepare_database

    settings = settings_or_exit()
    prepare_database(settings, progress=sys.stderr.isatty())
    from ontschot.app import warm_up_in_background

    web_app = create_app(settings)
    warm_up_in_background(web_app)
    if settings.uses_default_secret:
        err.print(
            "[bold yellow]Let op:[/] ONTSCHOT_SECRET_KEY is de openbare standaardwaarde; "
            "zet een eigen geheime waarde voordat er echte gegevens in komen.",
            highlight=False,
        )
    uvicorn.run(
        web_app,
        host=host or settings.host,
        port=port or settings.port,
        log_level=settings.log_level,
        proxy_headers=bool(settings.forwarded_allow_ips),
        forwarded_allow_ips=settings.forwarded_allow_ips or None,
    )


def _register_context_commands() -> None:
    from ontschot.access.cli import orgs_app, users_app
    from ontschot.budget.cli import budget_app
    from ontschot.careers.cli import training_app
    from ontschot.extraction.cli import occupations_app, skills_app
    from ontschot.interop.cli import export_app, import_app
    from ontschot.jobs_cli import jobs_app
    from ontschot.matching.cli import match_app, routes_app
    from ontschot.monitor.cli import monitor_app
    from ontschot.synth.cli import demo, synth
    from ontschot.taxonomy.cli import taxonomy_app

    app.add_typer(taxonomy_app, name="taxonomy")
    app.add_typer(training_app, name="training")
    app.add_typer(match_app, name="match")
    app.add_typer(routes_app, name="routes")
    app.add_typer(occupations_app, name="occupations")
    app.add_typer(skills_app, name="skills")
    app.command("demo")(demo)
    app.command("synth")(synth)
    app.add_typer(orgs_app, name="orgs")
    app.add_typer(users_app, name="users")
    app.add_typer(import_app, name="import")
    app.add_typer(export_app, name="export")
    app.add_typer(jobs_app, name="jobs")
    app.add_typer(budget_app, name="budget")
    app.add_typer(monitor_app, name="monitor")


_register_context_commands()


def main() -> None:
    app()
