"""`ontschot taxonomy ...`: status, search and import of an official ESCO CSV download."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn
from rich.table import Table

from ontschot.cli_support import command_session, fail

taxonomy_app = typer.Typer(help="ESCO taxonomy: status, search, import.", no_args_is_help=True)
out = Console()


@taxonomy_app.command("import")
def import_command(
    folder: Path = typer.Argument(
        ...,
        help="Folder with official ESCO CSV files (occupations_<lang>.csv, skills_<lang>.csv, …).",
    ),
    esco_version: str = typer.Option("", "--esco-version", help="Version label, e.g. 1.2.1."),
) -> None:
    """Validate and import an ESCO CSV download. Nothing changes if any row is invalid."""
    from ontschot.taxonomy.importer import TaxonomyImportError
    from ontschot.taxonomy.loader import import_folder

    with (
        command_session() as db,
        Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            console=Console(stderr=True),
            transient=True,
        ) as bar,
    ):
        task = bar.add_task("validating ESCO files…")

        def report(name: str, done: int) -> None:
            bar.update(task, description=f"importing {name}: {done:,} rows")

        try:
            summary = import_folder(db, folder, esco_version=esco_version, progress=report)
        except TaxonomyImportError as exc:
            db.rollback()
            fail(f"import refused, the taxonomy is unchanged.\n{exc}")
    typer.echo(summary)


@taxonomy_app.command("status")
def status_command() -> None:
    """Show the taxonomy version in force."""
    from ontschot.taxonomy.loader import current_version

    with command_session() as db:
        version = current_version(db)
        if version is None:
            typer.echo("no taxonomy loaded; run `ontschot db upgrade`")
            raise typer.Exit(1)
        typer.echo(
            f"ESCO v{version.esco_version} from {version.source}: {version.occupations} "
            f"occupations, {version.skills} skills, {version.relations} relations; "
            f"languages {version.languages}; checksum {version.checksum[:12]}"
        )


@taxonomy_app.command("search")
def search_command(
    text: str = typer.Argument(..., help="Words to look for."),
    skills: bool = typer.Option(False, "--skills", help="Search skills instead of occupations."),
    top: int = typer.Option(10, "--top", min=1, max=100),
) -> None:
    """Search occupation (or skill) labels in Dutch and English."""
    from ontschot.taxonomy.service import search

    with command_session() as db:
        page = search(
            db, "skill" if skills else "occupation", text, lang="nl", page=1, page_size=top
        )
    table = Table("label", "found via", "score", "uri")
    for hit in page.items:
        table.add_row(hit.label, hit.matched_label, f"{hit.score:.1f}", hit.uri)
    out.print(table)
