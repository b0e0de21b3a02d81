"""What every bulk import reports about a rejected row, and the report file's layout."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass

from ontschot.csvsafe import safe_cell


@dataclass(frozen=True)
class RowError:
    line: int
    field: str
    reason: str


def rejection_report_csv(errors: Iterable[RowError]) -> str:
    """The `--report` file of an import: one row per rejected row, by line, field, reason."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["line", "field", "reason"])
    for err in errors:
        writer.writerow([err.line, safe_cell(err.field), safe_cell(err.reason)])
    return out.getvalue()
