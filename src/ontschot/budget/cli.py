"""`ontschot budget reconcile`, `ontschot budget funds` and `ontschot budget invoices FILE`."""

from __future__ import annotations

from pathlib import Path

import typer

budget_app = typer.Typer(help="The pooled budget (funds, ledger).", no_args_is_help=True)


@budget_app.command("reconcile")
def reconcile() -> None:
    """Recompute every balance from the ledger's entries; prints `balanced` (exit 0), or
    each difference (exit 1)."""
    from ontschot.budget.ledger.reconcile import differences
    from ontschot.cli_support import command_session

    with command_session() as db:
        found = differences(db)
    if not found:
        typer.echo("balanced")
        return
    for difference in found:
        typer.echo(str(difference))
    raise typer.Exit(1)


@budget_app.command("funds")
def funds() -> None:
    """Every fund with its balances in euros (available, reserved, spent)."""
    from ontschot.access.actor import Actor
    from ontschot.budget.reads import list_funds
    from ontschot.cli_support import command_session
    from ontschot.money import format_cents

    with command_session() as db:
        shown = list_funds(db, actor=Actor.cli())
    for f in shown:
        money = (
            f"beschikbaar {format_cents(f.available_cents)}\t"
            f"gereserveerd {format_cents(f.reserved_cents)}\tbesteed {format_cents(f.spent_cents)}"
        )
        typer.echo(f"{f.id}\t{f.name}\t{f.financier_name}\t{money}")


@budget_app.command("invoices")
def invoices(
    file: Path = typer.Argument(..., help="CSV file with invoices."),
    partial: bool = typer.Option(False, "--partial", help="Book valid rows, report the rest."),
    report: Path | None = typer.Option(None, "--report", help="Write rejected rows here."),
) -> None:
    """Book invoices from a CSV file; all or nothing unless --partial."""
    from ontschot.access.actor import Actor
    from ontschot.budget.invoices import import_invoices
    from ontschot.cli_support import command_session, fail, read_text_file
    from ontschot.interop.cli import report_rejections

    text = read_text_file(file)
    with command_session() as db:
        result = import_invoices(db, actor=Actor.cli(), text=text, partial=partial)
    report_rejections(result.rejected, report)
    summary = (
        f"{result.booked} geboekt, {result.replayed} al eerder geboekt, "
        f"{len(result.rejected)} geweigerd"
    )
    if not result.committed:
        fail(f"import geweigerd: {summary}")
    typer.echo(summary)
