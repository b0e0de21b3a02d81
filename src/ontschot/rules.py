"""Rules that more than one context applies, written once.

Each returns the wrong fields with a Dutch reason (empty when all is well), so that a
service can raise `errors.Invalid` naming every field at once.
"""

from __future__ import annotations


def hours_problems(hours_min: int | None, hours_max: int | None) -> dict[str, str]:
    """Hours per week: the minimum may not exceed the maximum (candidates and vacancies)."""
    if hours_min is not None and hours_max is not None and hours_min > hours_max:
        return {
            "hours_min": f"minimum ({hours_min}) is groter dan maximum ({hours_max})",
            "hours_max": f"maximum ({hours_max}) is kleiner dan minimum ({hours_min})",
        }
    return {}


def hours_detail(hours_min: int | None, hours_max: int | None) -> str:
    return (
        f"Het minimum aantal uren per week ({hours_min}) is groter dan het maximum ({hours_max})."
    )
