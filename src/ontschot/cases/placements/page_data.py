"""Dutch words for placements, and what the placement forms offer to choose from."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot.cases.placements.models import Placement
from ontschot.cases.placements.service import PLACEABLE
from ontschot.cases.trajectories.models import Trajectory
from ontschot.chains.models import ChainPhase
from ontschot.employers.models import Employer, Vacancy
from ontschot.people.models import Introduction

CONTRACT_NAMES = {
    "permanent": "Vast contract",
    "fixed_term": "Tijdelijk contract",
    "agency": "Uitzendcontract",
    "on_call": "Oproepcontract",
}
WAGE_PERIOD_NAMES = {"hour": "per uur", "month": "per maand"}
END_REASON_NAMES = {
    "contract_ended": "Contract afgelopen of niet verlengd",
    "dismissed": "Ontslagen door de werkgever",
    "resigned": "Zelf gestopt",
    "health": "Gezondheid",
    "trial_converted": "Proefplaatsing omgezet in een contract",
    "trial_not_converted": "Proefplaatsing niet omgezet in een contract",
    "other": "Andere reden",
}
FOLLOW_UP_STATE_NAMES = {
    "scheduled": "gepland",
    "due": "nu aan de beurt",
    "overdue": "te laat",
    "done": "gedaan",
    "lapsed": "vervallen (werk beëindigd)",
}
OUTCOME_NAMES = {
    "working": "werkt nog, zelfde uren",
    "hours_changed": "werkt nog, andere uren",
    "stopped": "werkt niet meer",
}


@dataclass(frozen=True)
class Placeable:
    """A proposal a placement can come from, as the trajectory page offers it."""

    introduction_id: int
    employer_id: int
    vacancy_id: int | None
    label: str


def in_phase_two(db: Session, trajectory: Trajectory) -> bool:
    phase = db.get(ChainPhase, trajectory.phase_id)
    return bool(phase and phase.needs_employer)


def placeable(db: Session, trajectory: Trajectory) -> list[Placeable]:
    """The candidate's proposals at 'offer' (or placed, without a running placement)."""
    running = select(Placement.introduction_id).where(
        Placement.ended_on.is_(None), Placement.introduction_id.is_not(None)
    )
    rows = db.execute(
        select(Introduction, Employer.name, Vacancy.title)
        .join(Employer, Employer.id == Introduction.employer_id)
        .outerjoin(Vacancy, Vacancy.id == Introduction.vacancy_id)
        .where(
            Introduction.candidate_id == trajectory.candidate_id,
            Introduction.withdrawn_at.is_(None),
            Introduction.status.in_(PLACEABLE),
            Introduction.id.not_in(running),
        )
        .order_by(Introduction.id.desc())
        .limit(50)
    ).all()
    out = []
    for intro, employer_name, title in rows:
        what = f"{employer_name}" + (f", vacature {title}" if title else "")
        status = "aanbod" if intro.status == "offer" else "geplaatst (na proefplaatsing)"
        out.append(Placeable(intro.id, intro.employer_id, intro.vacancy_id, f"{what} ({status})"))
    return out


def placements_of(db: Session, trajectory_id: int) -> list[Placement]:
    return list(
        db.scalars(
            select(Placement)
            .where(Placement.trajectory_id == trajectory_id)
            .order_by(Placement.start_date.desc())
        )
    )


def months_text(months: tuple[int, ...] = (1, 3, 6, 12)) -> str:
    parts = [str(m) for m in months]
    return (", ".join(parts[:-1]) + " en " + parts[-1] if len(parts) > 1 else parts[0]) + " maanden"
