"""The refresh job: the monitor's facts snapshot, taken anew from the rows erasure keeps."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ontschot.access.actor import Actor
from ontschot.jobs import JobReport, JobRun, job
from ontschot.monitor.snapshot import refresh_facts

NAME = "monitor.refresh-facts"


@job(
    NAME,
    "Ververst de feiten van de resultatenmonitor (plaatsingen, nazorg, trajecten, "
    "personen en boekingen), gepseudonimiseerd, voor dashboards en rapportages.",
)
def refresh_facts_job(db: Session, run: JobRun) -> JobReport:
    facts = refresh_facts(db, actor=Actor.cli("ontschot-jobs"), dry_run=run.dry_run)
    verb = "zouden worden" if run.dry_run else "zijn"
    summary = f"{len(facts.placements)} plaatsingen en {len(facts.people)} personen {verb} ververst"
    return JobReport(
        NAME,
        summary,
        run.dry_run,
        {"placements": len(facts.placements), "people": len(facts.people)},
    )
