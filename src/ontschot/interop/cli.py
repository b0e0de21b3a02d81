"""`ontschot import ...` and `ontschot export ...`: files in, files out, as the CLI actor."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from ontschot.cli_support import command_session, fail, read_text_file
from ontschot.interop.importer import ImportResult
from ontschot.interop.rows import RowError, rejection_report_csv

import_app = typer.Typer(
    help="Import vacancies and candidates (CSV, JSON-LD).", no_args_is_help=True
)
export_app = typer.Typer(help="Export vacancies (JSON-LD, CSV).", no_args_is_help=True)

PARTIAL = typer.Option(
    False, "--partial", help="Write the valid rows and report the rejected ones."
)
REPORT = typer.Option(None, "--report", help="Write rejected rows (line, field, reason) here.")


def report_rejections(rejected: list[RowError], report: Path | None) -> None:
    """Every import command: write the --report file and show the first rejected rows."""
    if report is not None:
        report.write_text(rejection_report_csv(rejected), encoding="utf-8")
    for err in rejected[:20]:
        typer.echo(f"regel {err.line}, {err.field}: {err.reason}", err=True)
    if len(rejected) > 20:
        typer.echo(f"… en nog {len(rejected) - 20} fouten", err=True)


def _summarise(result: ImportResult, report: Path | None) -> None:

    report_rejections(result.rejected, report)
    if not result.committed:
        fail(
            f"import geweigerd: {len(result.rejected)} fouten in {result.rows} regels; "
            "er is niets opgeslagen (gebruik --partial om de goede regels te importeren)."
        )
    typer.echo(
        f"{result.kind}: {result.rows} regels, {result.created} nieuw, "
        f"{result.already_present} al aanwezig, {result.duplicates_linked} als dubbel "
        f"gekoppeld, {len(result.rejected)} geweigerd"
    )


def _run(
    kind: str,
    file: Path,
    partial: bool,
    source: str,
    report: Path | None,
    organisation: int | None = None,
) -> None:
    from ontschot.access.actor import Actor
    from ontschot.interop import flows
    from ontschot.interop.jsonld import documents_in, jobposting_to_fields

    text = read_text_file(file)
    actor = Actor.cli()
    with command_session() as db:
        try:
            if kind == "candidates":
                result = flows.import_candidates_csv(
                    db,
                    actor=actor,
                    text=text,
                    source=source,
                    partial=partial,
                    organisation_id=organisation,
                )
            elif file.suffix.lower() in (".json", ".jsonld"):
                lines = [
                    (n, jobposting_to_fields(d))
                    for n, d in enumerate(documents_in(json.loads(text)), start=1)
                ]
                result = flows.import_vacancy_fields(
                    db, actor=actor, lines=lines, source=source, partial=partial
                )
            else:
                result = flows.import_vacancies_csv(
                    db, actor=actor, text=text, source=source, partial=partial
                )
        except (ValueError, RecursionError) as exc:
            fail(f"ongeldig bestand: {str(exc)[:300]}")
    _summarise(result, report)


@import_app.command("vacancies")
def import_vacancies(
    file: Path = typer.Argument(..., help="CSV (see docs/import-formats.md) or JSON-LD file."),
    partial: bool = PARTIAL,
    source: str = typer.Option("import", "--source", help="Name of the partner or feed."),
    report: Path | None = REPORT,
) -> None:
    """Import vacancies; by default nothing is written when any row is invalid."""
    _run("vacancies", file, partial, source, report)


@import_app.command("candidates")
def import_candidates(
    file: Path = typer.Argument(..., help="CSV file (see docs/import-formats.md)."),
    partial: bool = PARTIAL,
    source: str = typer.Option("import", "--source", help="Name of the partner system."),
    report: Path | None = REPORT,
    organisation: int | None = typer.Option(
        None, "--organisation", help="Id of the organisation whose caseload they join."
    ),
) -> None:
    """Import candidates; by default nothing is written when any row is invalid."""
    _run("candidates", file, partial, source, report, organisation)


@export_app.command("vacancies")
def export_vacancies(
    fmt: str = typer.Option("jsonld", "--format", help="jsonld or csv."),
    out: Path | None = typer.Option(None, "--out", help="File to write (default: stdout)."),
    include_closed: bool = typer.Option(
        False, "--include-closed", help="Also filled and closed vacancies."
    ),
) -> None:
    """Export vacancies (each job once, duplicates left out)."""
    from ontschot.access.actor import Actor
    from ontschot.interop.export import export_vacancies as run_export

    if fmt not in ("jsonld", "csv"):
        fail("--format moet jsonld of csv zijn")
    with command_session() as db:
        text, count = run_export(
            db,
            actor=Actor.cli(),
            fmt=fmt,  # type: ignore[arg-type]
            include_closed=include_closed,
        )
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
        typer.echo(f"{count} vacatures geschreven naar {out}", err=True)
