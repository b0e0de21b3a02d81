"""Small-number suppression: nobody outside the programme management sees a figure about
fewer than 10 people, and no total gives a hidden cell away.

Primary suppression hides every count from 1 to `threshold - 1` (a 0 reveals nothing about
a person). Secondary suppression: a group whose total is shown must not have exactly one
hidden cell, or total minus the rest gives it back, so then the smallest shown cell (above
0) is hidden too; when nothing is left to hide but the total, the total goes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

THRESHOLD = 10


@dataclass(frozen=True)
class Masked:
    """A suppressed value: shown as 'afgeschermd', never as a number."""

    reason: str = "minder dan 10 personen"

    def __str__(self) -> str:
        return "afgeschermd"


MASKED = Masked()


def is_small(count: int, threshold: int = THRESHOLD) -> bool:
    return 0 < count < threshold


def suppress_group(
    cells: Mapping[str, int], *, threshold: int = THRESHOLD, with_total: bool = True
) -> tuple[dict[str, int | Masked], int | Masked | None]:
    """Suppress one group of counts that adds up to a total (shown when `with_total`).

    Returns the cells (a hidden one as `MASKED`) and the total (None when not shown)."""
    hidden = {k for k, v in cells.items() if is_small(v, threshold)}
    total: int | Masked | None = sum(cells.values()) if with_total else None
    if with_total and len(hidden) == 1:
        candidates = sorted((v, k) for k, v in cells.items() if k not in hidden and v > 0)
        if candidates:
            hidden.add(candidates[0][1])
        else:
            total = MASKED
    if with_total and isinstance(total, int) and is_small(total, threshold):
        total = MASKED
    out: dict[str, int | Masked] = {k: (MASKED if k in hidden else v) for k, v in cells.items()}
    return out, total


def suppress_value(
    value: float | int | None, base: int, threshold: int = THRESHOLD
) -> float | int | Masked | None:
    """A figure computed over `base` people (a share, a median, a cost): hidden below 10."""
    if value is None:
        return None
    return MASKED if base < threshold else value
