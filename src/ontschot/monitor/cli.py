"""`ontschot monitor export --format xlsx|pdf|csv --out FILE [--financier ID]`."""

from __future__ import annotations

from pathlib import Path

import typer

from ontschot.cli_support import command_session, fail, settings_or_exit

monitor_app = typer.Typer(help="Resultatenmonitor: rapportages.", no_args_is_help=True)


@monitor_app.command("export")
def export_command(
    fmt: str = typer.Option(..., "--format", help="xlsx, pdf of csv"),
    out: Path = typer.Option(..., "--out", help="Het bestand dat geschreven wordt."),
    financier: int | None = typer.Option(
        None, "--financier", help="Alleen de verantwoording aan deze financier (id)."
    ),
) -> None:
    """Write the regional board's quarterly report, or one financier's, with small numbers
    suppressed."""
    from ontschot.access.actor import Actor
    from ontschot.monitor.service import FORMATS, export_report

    chosen = fmt.strip().lower()
    if chosen not in FORMATS:
        fail(f"onbekend formaat {fmt!r}; kies xlsx, pdf of csv")
    if financier is not None and not 0 < financier < 2**31:
        fail("het financiernummer moet een positief geheel getal zijn")
    if not out.parent.is_dir():
        fail(f"de map {str(out.parent)!r} bestaat niet")
    settings = settings_or_exit()
    with command_session(settings) as db:
        content = export_report(
            db, actor=Actor.cli(), fmt=chosen, settings=settings, financier_id=financier
        )
    try:
        out.write_bytes(content)
    except OSError as exc:
        fail(f"kan {str(out)!r} niet schrijven: {exc.strerror or exc.__class__.__name__}")
    typer.echo(f"Rapportage geschreven: {out} ({len(content):,} bytes)".replace(",", "."))
