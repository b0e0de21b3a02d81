"""Which interventions the demo's trajectories ask for, when, and what becomes of each
(decided, cancelled, invoiced in full or in part, reversed): the plan that
`write_budget.py` then books, event by event, through the budget's services."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot.budget.models import Instrument
from ontschot.cases.placements.models import Placement
from ontschot.cases.trajectories.models import Trajectory
from ontschot.people.models import Candidate
from ontschot.synth.budget_specs import BudgetSpec


@dataclass
class Plan:
    """One request's life: asked on `asked`, decided, invoiced or cancelled, reversed."""

    trajectory: Trajectory
    instrument: Instrument
    cost_cents: int
    need: str
    asked: datetime
    decided: datetime | None = None
    rejected: bool = False
    invoiced: datetime | None = None
    invoice_share: float = 1.0
    cancelled: datetime | None = None
    reversed: datetime | None = None
    request_id: int | None = None


def _at(day: date, rng: random.Random) -> datetime:
    return datetime.combine(day, time(8 + rng.randrange(9), rng.randrange(60)), UTC)


class Planner:
    """Which instruments each trajectory asks for, when, and what happens to each."""

    def __init__(
        self,
        db: Session,
        spec: BudgetSpec,
        rng: random.Random,
        today: date,
        first_day: date,
        four_eyes_above_cents: int,
    ) -> None:
        self.rng, self.today, self.first_day = rng, today, first_day
        self.four_eyes_above_cents = four_eyes_above_cents
        by_kind: dict[str, list[Instrument]] = {}
        for instrument in db.scalars(select(Instrument).order_by(Instrument.id)):
            by_kind.setdefault(instrument.kind, []).append(instrument)
        self.by_kind = by_kind
        self.trainings = [
            i for i in by_kind.get("training", []) if (i.unit_price_cents or 0) <= 400_000
        ]
        self.quotes = {i.kind: i.quote_euros for i in spec.instruments if i.euros is None}

    def _cost(self, instrument: Instrument, spec_range: tuple[int, int]) -> int:
        if instrument.unit_price_cents:
            return instrument.unit_price_cents
        low, high = spec_range
        return self.rng.randrange(low, high + 1) * 100

    def plans(
        self,
        trajectory: Trajectory,
        candidate: Candidate,
        placements: list[Placement],
    ) -> list[Plan]:
        rng = self.rng
        opened = max(trajectory.started_on, self.first_day)
        ended = trajectory.closed_at.date() if trajectory.closed_at else self.today
        wanted: list[tuple[str, date, str]] = []

        def day_after(start: date, low: int, high: int) -> date:
            return start + timedelta(days=rng.randrange(low, high + 1))

        if self.trainings and rng.random() < 0.45:
            wanted.append(
                ("training", day_after(opened, 5, 45), "Vakopleiding voor het doelberoep")
            )
        advice = 0.55 if candidate.status == "employed_at_risk" else 0.08
        if rng.random() < advice:
            wanted.append(
                ("career_advice", day_after(opened, 0, 20), "Loopbaanadvies: welke route")
            )
        if rng.random() < 0.07:
            wanted.append(
                ("language_course", day_after(opened, 0, 30), "Nederlands voor op de werkvloer")
            )
        if candidate.benefit == "bijstand" and rng.random() < 0.08:
            wanted.append(("work_fit", day_after(opened, 0, 30), "Ritme opbouwen voor werk"))
        if candidate.benefit == "bijstand" and rng.random() < 0.05:
            wanted.append(("debt_counselling", day_after(opened, 0, 60), "Rust in de financiën"))
        if rng.random() < 0.10:
            wanted.append(
                ("travel_costs", day_after(opened, 10, 60), "Reiskosten tot het eerste loon")
            )
        for placement in placements:
            if placement.trial_end_date is not None and not placement.paid:
                wanted.append(
                    ("trial_placement", placement.start_date, "Proefplaatsing met begeleiding")
                )
            elif placement.paid:
                if rng.random() < 0.3:
                    wanted.append(
                        ("job_coaching", placement.start_date, "Jobcoach in de eerste maanden")
                    )
                if candidate.benefit == "bijstand" and rng.random() < 0.55:
                    wanted.append(
                        (
                            "wage_cost_subsidy",
                            placement.start_date,
                            "Loonwaarde onder het minimumloon",
                        )
                    )
        out: list[Plan] = []
        for kind, day, need in wanted:
            if not (self.first_day <= day <= min(ended, self.today)):
                continue
            options = self.trainings if kind == "training" else self.by_kind.get(kind, [])
            if not options:
                continue
            instrument = rng.choice(options)
            cost = self._cost(instrument, self.quotes.get(kind, (100, 1_000)))
            out.append(self._life(trajectory, instrument, cost, need, _at(day, rng)))
        return out

    def _life(
        self, trajectory: Trajectory, instrument: Instrument, cost: int, need: str, asked: datetime
    ) -> Plan:
        rng, now = self.rng, datetime.combine(self.today, time(7), UTC)
        plan = Plan(trajectory, instrument, cost, need, asked)
        four_eyes = cost > self.four_eyes_above_cents
        decided = asked + timedelta(days=rng.randrange(1, 7), hours=2) if four_eyes else asked
        if decided > now:
            return plan  # still waiting for a programme manager
        plan.decided = decided + timedelta(minutes=1)
        plan.rejected = four_eyes and rng.random() < 0.07
        if plan.rejected:
            return plan
        if rng.random() < 0.06:
            cancelled = plan.decided + timedelta(days=rng.randrange(3, 30))
            plan.cancelled = cancelled if cancelled <= now else None
            return plan
        weeks = instrument.duration_weeks or 8
        invoiced = plan.decided + timedelta(days=weeks * 7 + rng.randrange(0, 21))
        if invoiced > now:
            return plan  # approved, reserved, not invoiced yet
        plan.invoiced = invoiced
        plan.invoice_share = rng.uniform(0.8, 0.95) if rng.random() < 0.14 else 1.0
        if rng.random() < 0.03:
            reversed_at = invoiced + timedelta(days=rng.randrange(10, 40))
            plan.reversed = reversed_at if reversed_at <= now else None
        return plan
