"""The follow-up schedule and the definition of "durable", from the settings.

Month arithmetic clamps to the month's end: 31 January + 1 month is 28 (or 29) February,
31 March + 6 months is 30 September, so a follow-up never skips a month.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from ontschot.config import Settings


@dataclass(frozen=True)
class PlacementRules:
    follow_up_months: tuple[int, ...] = (1, 3, 6, 12)
    durable_months: int = 6
    durable_min_hours: int = 12
    trial_max_months: int = 2  # the law on trial placements, not a setting
    trial_min_intended_months: int = 6

    @classmethod
    def from_settings(cls, settings: Settings) -> PlacementRules:
        return cls(
            follow_up_months=tuple(settings.follow_up_months),
            durable_months=settings.durable_months,
            durable_min_hours=settings.durable_min_hours,
        )

    def durable_definition(self) -> str:
        return (
            f"Duurzaam betekent: de werkzoekende werkt {self.durable_months} maanden na de "
            f"start nog, minstens {self.durable_min_hours} uur per week."
        )


DEFAULT_RULES = PlacementRules()


def add_months(start: date, months: int) -> date:
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)
