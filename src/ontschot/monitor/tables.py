"""The monitor's result as titled tables and charts (one `Document` for page and exports).

Small numbers are suppressed here for whoever may not see them exactly (`masked`), with
secondary suppression per group that has a total (see `privacy.py`).
"""

from __future__ import annotations

from ontschot.cases.placements.page_data import END_REASON_NAMES
from ontschot.money import format_cents
from ontschot.monitor.definitions import BENEFIT_NAMES, NO_LEDGER, STATUS_NAMES
from ontschot.monitor.indicators import Indicator, MonitorResult
from ontschot.monitor.privacy import Masked, suppress_group
from ontschot.monitor.survival import AT_RISK_MONTHS, Curve, month_day
from ontschot.reports import charts
from ontschot.reports.model import Cell, Chart, Table

MASKED_TEXT = "afgeschermd (< 10)"


def shown(indicator: Indicator) -> str:
    """The value as a person reads it, in Dutch notation."""
    value = indicator.value
    if indicator.pending:
        return NO_LEDGER
    if isinstance(value, Masked):
        return MASKED_TEXT
    if value is None:
        return "nog niet bekend"
    if indicator.unit == "cents":
        return format_cents(int(value))
    if indicator.unit == "percent":
        return f"{value:.1f} %".replace(".", ",")
    if indicator.unit == "days":
        return f"{value:.1f} dagen".replace(".", ",").replace(",0 dagen", " dagen")
    return f"{int(value):,}".replace(",", ".")


def _cell(value: int | Masked | None) -> Cell:
    return MASKED_TEXT if isinstance(value, Masked) else value


def _counts(
    key: str, title: str, head: str, counts: dict[str, int], names: dict[str, str], masked: bool
) -> Table:
    cells: dict[str, int | Masked] = dict(counts)
    total: int | Masked | None = sum(counts.values())
    if masked:
        cells, total = suppress_group(counts)
    rows = tuple((names.get(k, k), _cell(v)) for k, v in cells.items())
    return Table(key, title, (head, "Aantal"), (*rows, ("Totaal", _cell(total))))


def indicator_table(result: MonitorResult) -> Table:
    rows = tuple((i.label, shown(i), i.definition) for i in result.indicators)
    return Table("indicators", "Indicatoren", ("Indicator", "Waarde", "Definitie"), rows)


def chain_table(result: MonitorResult, masked: bool) -> Table:
    rows: list[tuple[Cell, ...]] = []
    for name, o in result.by_chain.items():
        parts: dict[str, int | Masked] = {"d": o.durable, "n": o.not_yet, "e": o.ended}
        total: int | Masked | None = o.total
        if masked:
            parts, total = suppress_group({"d": o.durable, "n": o.not_yet, "e": o.ended})
        rows.append((name, _cell(total), _cell(parts["d"]), _cell(parts["n"]), _cell(parts["e"])))
    return Table(
        "chains",
        "Plaatsingen per keten",
        ("Keten", "Plaatsingen", "Duurzaam", "Nog niet duurzaam", "Beëindigd"),
        tuple(rows),
        "Per keten: plaatsingen = duurzaam + nog niet duurzaam + beëindigd.",
    )


def money_table(result: MonitorResult, by: str) -> Table:
    data = result.money_by_financier if by == "financier" else result.money_by_fund
    head = "Financier" if by == "financier" else "Fonds"
    rows = tuple((name, format_cents(c), format_cents(r)) for name, (c, r) in data.items())
    note = "" if result.has_ledger else f"Nog geen cijfers: {NO_LEDGER}."
    title = "Geld per financier" if by == "financier" else "Geld per fonds"
    return Table(f"money_{by}", title, (head, "Toegezegd", "Gerealiseerd"), rows, note)


def _curve_rows(curve: Curve) -> list[tuple[Cell, ...]]:
    rows: list[tuple[Cell, ...]] = []
    for months in AT_RISK_MONTHS:
        s = curve.survival_at(month_day(months))
        at_risk = dict(curve.at_risk).get(months)
        rows.append(
            (
                curve.label,
                months,
                None if s is None else round(100 * s, 1),
                MASKED_TEXT if at_risk is None else at_risk,
            )
        )
    return rows


def retention_chart(result: MonitorResult, label: str) -> Chart:
    curves = [c for c in (result.curve, result.region_curve) if c is not None]
    lines = []
    for c in curves:
        named = label if c is result.curve else "Regio"
        lines.append(
            charts.Line(
                named,
                [p.day / 30.4375 for p in c.points],
                [100 * p.survival for p in c.points],
                [100 * p.lower for p in c.points],
                [100 * p.upper for p in c.points],
            )
        )
    rows: list[tuple[Cell, ...]] = []
    for c in curves:
        rows.extend(_curve_rows(c if c is not result.curve else _relabel(c, label)))
    parts = []
    for c in curves:
        s6 = c.survival_at(month_day(6))
        named = label if c is result.curve else "de regio"
        parts.append(f"{named}: {'onbekend' if s6 is None else f'{100 * s6:.0f} %'} na 6 maanden")
    alt = "Behoud van plaatsingen (Kaplan–Meier) — " + "; ".join(parts) + "."
    drawing = charts.step_chart(
        "Behoud van plaatsingen",
        alt,
        lines,
        x_label="Maanden na de start",
        y_label="Nog aan het werk (%)",
    )
    table = Table(
        "retention",
        "Behoud en aantal nog in observatie",
        ("Groep", "Maanden", "Nog aan het werk (%)", "In observatie"),
        tuple(rows),
        "Kaplan–Meier met 95 %-betrouwbaarheidsband; lopende plaatsingen gecensureerd op de "
        "peildatum. Een punt met minder dan 10 plaatsingen in observatie wordt niet getoond.",
    )
    return Chart("retention", "Behoud van plaatsingen", drawing, alt, table)


def _relabel(curve: Curve, label: str) -> Curve:
    return Curve(label, curve.size, curve.points, curve.at_risk)


def chain_chart(result: MonitorResult, masked: bool) -> Chart:
    table = chain_table(result, masked)
    names = [str(r[0]) for r in table.rows]

    def num(v: Cell) -> int:
        return v if isinstance(v, int) else 0

    series = [
        ("Duurzaam", [num(r[2]) for r in table.rows]),
        ("Nog niet duurzaam", [num(r[3]) for r in table.rows]),
        ("Beëindigd", [num(r[4]) for r in table.rows]),
    ]
    alt = (
        "Plaatsingen per keten, verdeeld in duurzaam, nog niet duurzaam en beëindigd: "
        + ("; ".join(f"{r[0]} {r[1]} plaatsingen, {r[2]} duurzaam" for r in table.rows) or "geen")
        + "."
    )
    drawing = charts.stacked_bars("Plaatsingen per keten", alt, names, series)
    return Chart("chains", "Plaatsingen per keten", drawing, alt, table)


def tables_for(result: MonitorResult, masked: bool) -> tuple[Table, ...]:
    return (
        indicator_table(result),
        _counts(
            "municipalities",
            "Bediende personen per gemeente",
            "Gemeente",
            result.people_by_municipality,
            {},
            masked,
        ),
        _counts(
            "benefits",
            "Bediende personen per uitkering",
            "Uitkering",
            result.people_by_benefit,
            BENEFIT_NAMES,
            masked,
        ),
        _counts(
            "statuses",
            "Bediende personen per status",
            "Status",
            result.people_by_status,
            STATUS_NAMES,
            masked,
        ),
        _counts(
            "results",
            "Afgesloten trajecten per resultaat",
            "Resultaat",
            result.trajectory_results,
            {},
            masked,
        ),
        _counts(
            "drop_out",
            "Uitval na plaatsing per reden",
            "Reden",
            result.drop_out_reasons,
            END_REASON_NAMES,
            masked,
        ),
        money_table(result, "financier"),
        money_table(result, "fund"),
    )
