"""The monitor's API shapes."""

from __future__ import annotations

from ontschot.schemas import ApiModel


class IndicatorRead(ApiModel):
    """One figure with its definition. `value` is null while it cannot be known yet, while
    the budget has no ledger entries (money figures), or when it is suppressed because it
    is about fewer than 10 people."""

    key: str
    label: str
    definition: str
    value: int | float | None
