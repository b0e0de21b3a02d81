"""The follow-up job: follow-ups that fell due become the coach's next action."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ontschot.access.actor import Actor
from ontschot.cases.placements.reads import surface_due_follow_ups
from ontschot.jobs import JobReport, JobRun, job

NAME = "cases.follow-ups-due"


@job(
    NAME,
    "Zet nazorgcontacten die aan de beurt zijn (ONTSCHOT_FOLLOW_UP_MONTHS na de start van "
    "een plaatsing) als volgende actie op het traject, zodat ze in 'Mijn trajecten' staan.",
)
def follow_ups_due_job(db: Session, run: JobRun) -> JobReport:
    count = surface_due_follow_ups(db, actor=Actor.cli("ontschot-jobs"), dry_run=run.dry_run)
    verb = "zouden worden" if run.dry_run else "zijn"
    summary = f"{count} nazorgcontacten {verb} als volgende actie gezet"
    return JobReport(NAME, summary, run.dry_run, {"follow_ups": count})
