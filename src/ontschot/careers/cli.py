"""`ontschot training import FILE` and `ontschot routes ...`."""

from __future__ import annotations

from pathlib import Path

import typer

training_app = typer.Typer(help="Training catalogue (opleidingsaanbod).", no_args_is_help=True)


@training_app.command("import")
def training_import(
    file: Path = typer.Argument(..., help="CSV file with training offers."),
    partial: bool = typer.Option(
        False, "--partial", help="Write the valid rows and report the rejected ones."
    ),
    report: Path | None = typer.Option(
        None, "--report", help="Write rejected rows (line, field, reason) here."
    ),
    source: str = typer.Option("csv", help="Name of the source, stored with each offer."),
) -> None:
    """Import training offers; all or nothing unless --partial."""
    from ontschot.access.actor import Actor
    from ontschot.careers.training import import_training_offers
    from ontschot.cli_support import command_session, fail, read_text_file
    from ontschot.interop.cli import report_rejections

    text = read_text_file(file)
    with command_session() as db:
        result = import_training_offers(
            db, actor=Actor.cli(), text=text, partial=partial, source=source
        )
    report_rejections(result.rejected, report)
    if not result.committed:
        fail(
            f"import geweigerd: {result.summary_nl()} (gebruik --partial om de goede regels "
            "te importeren)."
        )
    typer.echo(result.summary_nl())
