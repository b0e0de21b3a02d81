"""CSV cells that a spreadsheet would run as a formula are written with a leading quote.

A cell that starts with =, +, -, @ (or a tab or carriage return followed by one, or by
itself) is a formula to Excel and LibreOffice: a partner's vacancy title "=HYPERLINK(...)"
would run on the coach's machine that opens the export. Such cells get a leading "'",
which spreadsheets show as text; our own imports take that quote off again, so an export
read back is what was exported.
"""

from __future__ import annotations

from typing import Any

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(TRIGGERS):
        return "'" + value
    return value


def unescape_cell(value: str) -> str:
    """The text as exported before `safe_cell` quoted it."""
    if value.startswith("'") and value[1:].startswith(TRIGGERS):
        return value[1:]
    return value
