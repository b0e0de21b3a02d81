"""Hand-built monitor facts for the pure tests."""

from __future__ import annotations

from datetime import date, timedelta

from ontschot.monitor.facts import MoneyFact, Observation, PlacementFact


def placement(
    n: int,
    *,
    start: date,
    ended_on: date | None = None,
    intake_days: int = 0,
    chain: tuple[int, str] = (1, "Zorg & Welzijn"),
    follow_ups: tuple[Observation, ...] = (),
    municipality: str = "Enschede",
    hours: int = 24,
) -> PlacementFact:
    return PlacementFact(
        placement_id=n,
        person_key=f"p{n}",
        trajectory_id=n,
        chain_id=chain[0],
        chain_name=chain[1],
        sector=chain[1],
        organisation_id=1,
        organisation_name="Werkplein",
        coach_user_id=7,
        municipality=municipality,
        target_group="bijstand",
        occupation_uri=None,
        occupation_label="",
        intake_on=start - timedelta(days=intake_days),
        start_date=start,
        ended_on=ended_on,
        end_reason="dismissed" if ended_on else None,
        hours_per_week=hours,
        paid=True,
        work_to_work=False,
        follow_ups=follow_ups,
    )


def working(on: date, hours: int | None = None) -> Observation:
    return Observation(6, on, True, hours is None, hours)


def money(
    trajectory_id: int, committed: int, realised: int, *, financier: tuple[int, str], fund: str
) -> MoneyFact:
    return MoneyFact(
        trajectory_id=trajectory_id,
        placement_id=None,
        financier_id=financier[0],
        financier_name=financier[1],
        fund_id=hash(fund) % 1000,
        fund_name=fund,
        instrument="loonkostensubsidie",
        chain_id=1,
        municipality="Enschede",
        period=date(2026, 1, 1),
        committed_cents=committed,
        realised_cents=realised,
    )
