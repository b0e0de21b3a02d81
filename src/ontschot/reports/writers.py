"""CSV, XLSX and PDF of a `Document`: the same cells in every format.

CSV: every table after its title row, cells made safe against formula injection
(`csvsafe`). XLSX (xlsxwriter): one sheet per table with its note under it. PDF (fpdf2):
title, the charts as vector SVG with their text alternative and their table, then the
tables; the font is matplotlib's DejaVu Sans, so € and ë print without a system font.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from ontschot.csvsafe import safe_cell
from ontschot.reports.model import Cell, Document, Table


def cell_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


def write_csv(document: Document) -> bytes:
    buffer = io.StringIO()
    out = csv.writer(buffer, delimiter=";")
    out.writerow([document.title])
    out.writerow([document.subtitle])
    for table in document.all_tables():
        out.writerow([])
        out.writerow([safe_cell(table.title)])
        out.writerow([safe_cell(c) for c in table.columns])
        for row in table.rows:
            out.writerow([safe_cell(cell_text(c)) for c in row])
        if table.note:
            out.writerow([safe_cell(table.note)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _sheet_name(title: str, taken: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", " ", title)[:28].strip() or "Tabel"
    name, n = base, 2
    while name.lower() in taken:
        name, n = f"{base[:25]} {n}", n + 1
    taken.add(name.lower())
    return name


def write_xlsx(document: Document) -> bytes:
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
    bold = book.add_format({"bold": True})
    wrap = book.add_format({"text_wrap": True, "italic": True})
    taken: set[str] = set()
    for table in document.all_tables():
        sheet = book.add_worksheet(_sheet_name(table.title, taken))
        sheet.write_string(0, 0, table.title, bold)
        for col, name in enumerate(table.columns):
            sheet.write_string(2, col, name, bold)
            sheet.set_column(col, col, 28 if col == 0 else 16)
        for r, row in enumerate(table.rows, start=3):
            for col, value in enumerate(row):
                if isinstance(value, bool) or value is None or isinstance(value, str):
                    sheet.write_string(r, col, cell_text(value))
                else:
                    sheet.write_number(r, col, value)
        if table.note:
            sheet.write_string(len(table.rows) + 4, 0, table.note, wrap)
    book.close()
    return buffer.getvalue()


def _font_path(name: str = "DejaVuSans.ttf") -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf" / name


def _pdf_table(pdf: object, table: Table) -> None:
    from fpdf import FPDF

    assert isinstance(pdf, FPDF)
    pdf.set_font("DejaVu", size=11)
    pdf.multi_cell(0, 6, table.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", size=8)
    widths = _widths(len(table.columns), pdf.epw)
    with pdf.table(col_widths=widths, text_align="LEFT", line_height=4.5) as grid:
        grid.row([str(c) for c in table.columns])
        for row in table.rows:
            grid.row([cell_text(c) for c in row])
    if table.note:
        pdf.set_font("DejaVu", size=7)
        pdf.multi_cell(0, 4, table.note, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)


def _widths(n: int, total: float) -> tuple[float, ...]:
    if n == 1:
        return (total,)
    first = total * (0.4 if n > 2 else 0.6)
    return (first, *((total - first) / (n - 1) for _ in range(n - 1)))


def write_pdf(document: Document) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_title(document.title)
    pdf.set_lang("nl")
    pdf.add_font("DejaVu", fname=str(_font_path()))
    pdf.add_font("DejaVu", style="B", fname=str(_font_path("DejaVuSans-Bold.ttf")))
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font("DejaVu", size=16)
    pdf.multi_cell(0, 8, document.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", size=9)
    pdf.multi_cell(0, 5, document.subtitle, new_x="LMARGIN", new_y="NEXT")
    for note in document.notes:
        pdf.multi_cell(0, 5, note, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    for table in document.tables:
        _pdf_table(pdf, table)
    for chart in document.charts:
        pdf.add_page()
        pdf.set_font("DejaVu", size=12)
        pdf.multi_cell(0, 6, chart.title, new_x="LMARGIN", new_y="NEXT")
        if chart.is_empty:
            pdf.set_font("DejaVu", size=9)
            pdf.multi_cell(0, 5, "Geen gegevens voor deze selectie, dus geen grafiek.")
        else:
            pdf.image(io.BytesIO(chart.drawing.png()), w=pdf.epw, alt_text=chart.alt)
        pdf.set_font("DejaVu", size=8)
        pdf.multi_cell(0, 4, chart.alt, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        _pdf_table(pdf, chart.table)
    return bytes(pdf.output())
