"""Whether a placement was durable, and what each follow-up found; computed, not stored."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Protocol

from ontschot.cases.placements.models import FollowUp, Placement
from ontschot.cases.placements.rules import PlacementRules, add_months

# Days after its due date in which a follow-up is "due" rather than "overdue".
GRACE_DAYS = 14


class FollowUpLike(Protocol):
    @property
    def contact_date(self) -> date | None: ...
    @property
    def still_working(self) -> bool | None: ...
    @property
    def same_hours(self) -> bool | None: ...
    @property
    def hours_now(self) -> int | None: ...


class PlacementLike(Protocol):
    """A placement row, or the monitor's pseudonymised fact of one: the one definition of
    durable serves both."""

    @property
    def start_date(self) -> date: ...
    @property
    def ended_on(self) -> date | None: ...
    @property
    def hours_per_week(self) -> int: ...
    @property
    def follow_ups(self) -> Sequence[FollowUpLike]: ...


def durable(placement: PlacementLike, rules: PlacementRules) -> bool | None:
    """True when a follow-up at or after `durable_months` found the person still working
    with at least the minimum hours; False when the work ended before then or such a
    follow-up found less; None while nobody knows yet."""
    threshold = add_months(placement.start_date, rules.durable_months)
    if placement.ended_on is not None and placement.ended_on < threshold:
        return False
    for follow_up in sorted(placement.follow_ups, key=lambda f: f.contact_date or date.max):
        if follow_up.contact_date is None or follow_up.contact_date < threshold:
            continue
        if not follow_up.still_working:
            return False
        hours = follow_up.hours_now if follow_up.hours_now is not None else None
        if hours is None:
            hours = placement.hours_per_week if follow_up.same_hours is not False else 0
        return hours >= rules.durable_min_hours
    return None


def outcome(follow_up: FollowUp) -> str | None:
    if follow_up.done_at is None:
        return None
    if not follow_up.still_working:
        return "stopped"
    if follow_up.same_hours is False:
        return "hours_changed"
    return "working"


def state(follow_up: FollowUp, placement: Placement, today: date) -> str:
    """scheduled, due, overdue, done, or lapsed (the work ended before it was done)."""
    if follow_up.done_at is not None:
        return "done"
    if placement.ended_on is not None:
        return "lapsed"
    if follow_up.due_date > today:
        return "scheduled"
    if (today - follow_up.due_date).days <= GRACE_DAYS:
        return "due"
    return "overdue"
