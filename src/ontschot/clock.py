"""The one clock: services ask here for "now" and "today", so tests can move time.

Times are timezone-aware UTC; "today" is the date in Europe/Amsterdam, the date a person
in the region sees on the wall.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def _system_now() -> datetime:
    return datetime.now(UTC)


_source: Callable[[], datetime] = _system_now


def now() -> datetime:
    return _source()


def today() -> date:
    return now().astimezone(AMSTERDAM).date()


@contextmanager
def frozen(at: datetime) -> Iterator[Callable[[timedelta], None]]:
    """Time stands at `at` inside the block; the yielded function moves it on. For tests, and
    for the demo writer, which books two years of history on the days they happened."""
    global _source
    if at.tzinfo is None:
        raise ValueError("frozen() needs a timezone-aware datetime")
    current = [at.astimezone(UTC)]
    previous = _source

    def advance(delta: timedelta) -> None:
        current[0] += delta

    _source = lambda: current[0]  # noqa: E731
    try:
        yield advance
    finally:
        _source = previous
