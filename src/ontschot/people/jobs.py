"""The registry's scheduled jobs."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ontschot.access.actor import Actor
from ontschot.jobs import JobReport, JobRun, job
from ontschot.people.rights import erase_expired, expired_candidates


@job(
    "people.erase-expired",
    "Anonimiseert werkzoekenden die geplaatst of inactief zijn en langer dan de "
    "bewaartermijn (ONTSCHOT_RETENTION_DAYS) niet zijn gewijzigd.",
)
def erase_expired_job(db: Session, run: JobRun) -> JobReport:
    days = run.settings.retention_days
    if run.dry_run:
        count = len(expired_candidates(db, retention_days=days))
        summary = f"{count} werkzoekenden zouden worden geanonimiseerd (bewaartermijn {days} dagen)"
    else:
        count = erase_expired(db, actor=Actor.cli("ontschot-jobs"), retention_days=days)
        summary = f"{count} werkzoekenden geanonimiseerd (bewaartermijn {days} dagen)"
    return JobReport("people.erase-expired", summary, run.dry_run, {"candidates": count})
