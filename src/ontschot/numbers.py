"""Numbers written the Dutch way, for pages, charts and reports alike."""

from __future__ import annotations


def nl_number(value: float | int | None, decimals: int = 0) -> str:
    """Dutch notation: a comma for decimals, a dot between thousands (`1.158`, `84,1`)."""
    if value is None:
        return ""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
