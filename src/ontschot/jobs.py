"""Named, idempotent jobs that contexts register, run by `ontschot jobs run [NAME]`.

A job gets a session and a `JobRun` (settings, whether it is a dry run) and returns a
report of what it did (or, in a dry run, would do). Running a job twice in a row does
nothing the second time. Jobs run as the CLI actor and keep to the same service functions
as everyone else, so they are checked and logged like any other change.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from ontschot.config import Settings

# Modules that register jobs; importing them fills the registry.
JOB_MODULES = (
    "ontschot.people.jobs",
    "ontschot.cases.placements.jobs",
    "ontschot.monitor.jobs",
)


@dataclass(frozen=True)
class JobRun:
    settings: Settings
    dry_run: bool = False


@dataclass
class JobReport:
    name: str
    summary: str
    dry_run: bool = False
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Job:
    name: str
    description: str
    run: Callable[[Session, JobRun], JobReport]


_JOBS: dict[str, Job] = {}


def job(name: str, description: str) -> Callable[[Callable[[Session, JobRun], JobReport]], Job]:
    """Decorator: register a job under a unique `name` (kebab-case, prefixed by context)."""

    def register(fn: Callable[[Session, JobRun], JobReport]) -> Job:
        if name in _JOBS and _JOBS[name].run is not fn:
            raise ValueError(f"job {name!r} is registered twice")
        _JOBS[name] = Job(name, description, fn)
        return _JOBS[name]

    return register


def registered() -> dict[str, Job]:
    for module in JOB_MODULES:
        importlib.import_module(module)
    return dict(sorted(_JOBS.items()))


class UnknownJobError(KeyError):
    pass


def run_jobs(
    db: Session, *, settings: Settings, name: str | None = None, dry_run: bool = False
) -> list[JobReport]:
    """Run one job (by name) or all, in name order; each in its own transaction."""
    jobs = registered()
    if name is not None and name not in jobs:
        raise UnknownJobError(name)
    chosen = [jobs[name]] if name else list(jobs.values())
    return [j.run(db, JobRun(settings=settings, dry_run=dry_run)) for j in chosen]
