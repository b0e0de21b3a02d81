"""Write a synthetic region, or all 35 regions, as gzipped CSV files for batch benchmarks.

One file per table, with integer ids that are consistent across the files (a candidate's
skills refer to `candidates.csv.gz` by `candidate_id`), plus `manifest.json` with the seed,
the generator version, the reference date and the row counts. Rows are produced and
written in chunks, so memory stays flat whatever the size. Files never contain BSNs or
password hashes; the demo password of the users is documented in docs/demo.md.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import shutil
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

from ontschot.synth.generate import (
    GENERATOR_VERSION,
    NATIONAL_SIZE,
    REGION_SIZE,
    Size,
    iter_rows,
)
from ontschot.synth.plan import RegionPlan, plan_region
from ontschot.synth.profiles import OccupationProfile
from ontschot.synth.regions import (
    NATIONAL,
    Region,
    all_regions,
    find_region,
    slugify,
    split_by_population,
)

TABLES: dict[str, tuple[str, ...]] = {
    "organisations": ("id", "name", "kind", "region"),
    "users": ("id", "email", "display_name", "role", "organisation_id"),
    "employers": (
        "id",
        "name",
        "sector",
        "municipality",
        "kvk_number",
        "organisation_id",
        "contact_user_id",
        "region",
    ),
    "candidates": (
        "id",
        "reference",
        "first_name",
        "last_name",
        "email",
        "birth_date",
        "municipality",
        "postcode",
        "region",
        "benefit",
        "status",
        "available_from",
        "hours_min",
        "hours_max",
        "contract_forms",
        "max_travel_km",
        "driving_licences",
        "organisation_id",
        "coach_user_id",
        "created_at",
        "updated_at",
    ),
    "candidate_work": (
        "candidate_id",
        "employer_name",
        "job_title",
        "occupation_uri",
        "start_date",
        "end_date",
    ),
    "candidate_skills": ("candidate_id", "skill_uri", "source"),
    "candidate_wishes": ("candidate_id", "occupation_uri"),
    "candidate_consents": ("candidate_id", "purpose"),
    "vacancies": (
        "id",
        "employer_id",
        "title",
        "occupation_uri",
        "municipality",
        "region",
        "hours_min",
        "hours_max",
        "contract_form",
        "salary_min_cents",
        "salary_max_cents",
        "start_date",
        "closing_date",
        "status",
        "created_at",
        "description",
    ),
    "vacancy_skills": ("vacancy_id", "skill_uri", "relation"),
    "vacancy_requirements": ("vacancy_id", "kind", "value", "level"),
}


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return "" if value is None else value


class _Writers:
    """One gzipped CSV part per table, without a header (parts are concatenated later)."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.stack = ExitStack()
        self.writers: dict[str, Any] = {}
        self.counts = dict.fromkeys(TABLES, 0)
        for name in TABLES:
            handle: IO[str] = self.stack.enter_context(
                gzip.open(  # noqa: SIM115 - closed by the ExitStack in close()
                    folder / f"{name}.csv.gz",
                    "wt",
                    encoding="utf-8",
                    newline="",
                    compresslevel=3,
                )
            )
            self.writers[name] = csv.writer(handle)

    def rows(self, name: str, rows: list[tuple[Any, ...]]) -> None:
        self.writers[name].writerows([tuple(_cell(v) for v in row) for row in rows])
        self.counts[name] += len(rows)

    def close(self) -> None:
        self.stack.close()


@dataclass(frozen=True)
class _Job:
    """One region's rows, written by one worker process into its own part folder."""

    region: Region
    size: Size
    plan: RegionPlan
    first_ids: dict[str, int]  # the last id used before this region, per kind
    folder: Path
    profiles: tuple[OccupationProfile, ...]
    seed: int
    today: date
    with_texts: bool


def _run_job(job: _Job) -> dict[str, int]:
    writers = _Writers(job.folder)
    ids = dict(job.first_ids)
    try:
        org_ids, user_ids = _write_plan(writers, job.plan, ids)
        rows_of = iter_rows(
            job.profiles,
            job.plan,
            job.size,
            seed=job.seed,
            today=job.today,
            with_bsn=False,
            first_number=ids["candidate"] + 1,
        )
        for kind, rows in rows_of:
            if kind == "candidate":
                _write_candidates(writers, rows, job.region, ids, org_ids, user_ids)
            else:
                _write_vacancies(writers, rows, job.region, ids, job.with_texts)
    finally:
        writers.close()
    return writers.counts


def _merge(out: Path, folders: list[Path]) -> None:
    """Concatenate the parts behind a header: concatenated gzip members are one gzip file."""
    for name, columns in TABLES.items():
        header = io.StringIO()
        csv.writer(header).writerow(columns)
        with (out / f"{name}.csv.gz").open("wb") as target:
            target.write(gzip.compress(header.getvalue().encode("utf-8"), mtime=0))
            for folder in folders:
                with (folder / f"{name}.csv.gz").open("rb") as part:
                    shutil.copyfileobj(part, target)


def write_files(
    profiles: tuple[OccupationProfile, ...],
    out: Path,
    *,
    region: str,
    scale: float,
    seed: int,
    today: date | None = None,
    with_texts: bool = True,
    workers: int = 1,
) -> dict[str, Any]:
    """Generate and write; returns the manifest (also written as manifest.json).

    With `workers` above 1 the regions are generated in that many processes; the output is
    the same whatever the number of workers.
    """
    today = today or date.today()
    if slugify(region) == NATIONAL:
        regions, total = all_regions(), NATIONAL_SIZE.scaled(scale)
        parts = list(
            zip(
                split_by_population(regions, total.candidates),
                split_by_population(regions, total.vacancies),
                split_by_population(regions, total.coaches),
                strict=True,
            )
        )
        sizes = [Size(c, v, max(3, k)) for c, v, k in parts]
    else:
        regions, sizes = (find_region(region),), [REGION_SIZE.scaled(scale)]
    out.mkdir(parents=True, exist_ok=True)
    part_root = out / ".parts"
    ids = {"org": 0, "user": 0, "employer": 0, "candidate": 0, "vacancy": 0}
    jobs = []
    for n, (reg, size) in enumerate(zip(regions, sizes, strict=True)):
        plan = plan_region(
            reg,
            coaches=size.coaches,
            employers=size.employers,
            seed=seed,
            employer_start=ids["employer"] + 1,
        )
        jobs.append(
            _Job(
                reg,
                size,
                plan,
                dict(ids),
                part_root / f"{n:02d}",
                profiles,
                seed,
                today,
                with_texts,
            )
        )
        ids["org"] += len(plan.organisations)
        ids["user"] += len(plan.users)
        ids["employer"] += len(plan.employers)
        ids["candidate"] += size.candidates
        ids["vacancy"] += size.vacancies
    try:
        if workers > 1 and len(jobs) > 1:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                results = list(pool.map(_run_job, jobs))
        else:
            results = [_run_job(job) for job in jobs]
        _merge(out, [job.folder for job in jobs])
    finally:
        shutil.rmtree(part_root, ignore_errors=True)
    counts = {name: sum(r[name] for r in results) for name in TABLES}
    manifest = {
        "generator": GENERATOR_VERSION,
        "seed": seed,
        "today": today.isoformat(),
        "region": region,
        "scale": scale,
        "format": "csv.gz (utf-8, header row)",
        "counts": counts,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return manifest


def _write_plan(
    w: _Writers, plan: RegionPlan, ids: dict[str, int]
) -> tuple[dict[str, int], dict[str, int]]:
    org_ids: dict[str, int] = {}
    for org in plan.organisations:
        ids["org"] += 1
        org_ids[org.key] = ids["org"]
    w.rows(
        "organisations",
        [(org_ids[o.key], o.name, o.kind, plan.region.slug) for o in plan.organisations],
    )
    user_ids: dict[str, int] = {}
    for user in plan.users:
        ids["user"] += 1
        user_ids[user.email] = ids["user"]
    w.rows(
        "users",
        [
            (user_ids[u.email], u.email, u.display_name, u.role.value, org_ids[u.org_key])
            for u in plan.users
        ],
    )
    w.rows(
        "employers",
        [
            (
                e.index,
                e.name,
                e.sector,
                e.municipality,
                e.kvk_number,
                org_ids.get(e.org_key or ""),
                user_ids.get(e.contact_email or ""),
                plan.region.slug,
            )
            for e in plan.employers
        ],
    )
    ids["employer"] = max([ids["employer"], *(e.index for e in plan.employers)])
    return org_ids, user_ids


def _write_candidates(
    w: _Writers,
    rows: list[dict[str, Any]],
    region: Region,
    ids: dict[str, int],
    org_ids: dict[str, int],
    user_ids: dict[str, int],
) -> None:
    main, work, skills, wishes, consents = [], [], [], [], []
    for c in rows:
        ids["candidate"] += 1
        cid = ids["candidate"]
        main.append(
            (
                cid,
                c["reference"],
                c["first_name"],
                c["last_name"],
                c["email"],
                c["birth_date"],
                c["municipality"],
                c["postcode"],
                region.slug,
                c["benefit"],
                c["status"],
                c["available_from"],
                c["hours_min"],
                c["hours_max"],
                c["contract_forms"],
                c["max_travel_km"],
                c["driving_licences"],
                org_ids.get(c["org_key"]),
                user_ids.get(c["coach_email"] or ""),
                c["created_at"],
                c["updated_at"],
            )
        )
        work += [(cid, *job) for job in c["work"]]
        skills += [(cid, uri, source) for uri, source in c["skills"]]
        wishes += [(cid, uri) for uri in c["wishes"]]
        consents += [(cid, purpose) for purpose in c["consents"]]
    w.rows("candidates", main)
    w.rows("candidate_work", work)
    w.rows("candidate_skills", skills)
    w.rows("candidate_wishes", wishes)
    w.rows("candidate_consents", consents)


def _write_vacancies(
    w: _Writers, rows: list[dict[str, Any]], region: Region, ids: dict[str, int], with_texts: bool
) -> None:
    main, skills, reqs = [], [], []
    for v in rows:
        ids["vacancy"] += 1
        vid = ids["vacancy"]
        main.append(
            (
                vid,
                v["employer_index"],
                v["title"],
                v["occupation_uri"],
                v["municipality"],
                region.slug,
                v["hours_min"],
                v["hours_max"],
                v["contract_form"],
                v["salary_min_cents"],
                v["salary_max_cents"],
                v["start_date"],
                v["closing_date"],
                v["status"],
                v["created_at"],
                v["description"] if with_texts else "",
            )
        )
        skills += [(vid, uri, relation) for uri, relation in v["skills"]]
        reqs += [(vid, *req) for req in v["requirements"]]
    w.rows("vacancies", main)
    w.rows("vacancy_skills", skills)
    w.rows("vacancy_requirements", reqs)
