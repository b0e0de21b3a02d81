"""`ontschot synth --out DIR`: gzipped CSV files with consistent ids, reproducible."""

from __future__ import annotations

import csv
import gzip
import json
from datetime import date
from pathlib import Path

from ontschot.synth.profiles import OccupationProfile
from ontschot.synth.write_files import TABLES, write_files

TODAY = date(2026, 11, 23)


def _read(folder: Path, name: str) -> list[dict[str, str]]:
    with gzip.open(folder / f"{name}.csv.gz", "rt", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_region_files_are_consistent_and_reproducible(
    tmp_path: Path, profiles: tuple[OccupationProfile, ...]
) -> None:
    # given a tenth of the default Twente
    # when it is written twice with the same seed
    first = write_files(profiles, tmp_path / "a", region="twente", scale=0.1, seed=5, today=TODAY)
    write_files(profiles, tmp_path / "b", region="twente", scale=0.1, seed=5, today=TODAY)
    # then the counts are right and the contents identical
    assert first["counts"]["candidates"] == 300 and first["counts"]["vacancies"] == 150
    for name in TABLES:
        assert _read(tmp_path / "a", name) == _read(tmp_path / "b", name), name
    manifest = json.loads((tmp_path / "a" / "manifest.json").read_text())
    assert manifest["seed"] == 5 and manifest["counts"] == first["counts"]
    # and every reference points at a written row; no BSN column is written
    candidates = _read(tmp_path / "a", "candidates")
    assert "bsn" not in candidates[0]
    ids = {row["id"] for row in candidates}
    assert {row["candidate_id"] for row in _read(tmp_path / "a", "candidate_skills")} <= ids
    employers = {row["id"] for row in _read(tmp_path / "a", "employers")}
    vacancies = _read(tmp_path / "a", "vacancies")
    assert {row["employer_id"] for row in vacancies} <= employers
    users = {row["id"] for row in _read(tmp_path / "a", "users")}
    assert {row["coach_user_id"] for row in candidates if row["coach_user_id"]} <= users


def test_national_files_cover_all_35_regions(
    tmp_path: Path, profiles: tuple[OccupationProfile, ...]
) -> None:
    manifest = write_files(profiles, tmp_path, region="nederland", scale=0.002, seed=1, today=TODAY)
    assert manifest["counts"]["candidates"] == 2_000
    assert manifest["counts"]["vacancies"] == 800
    regions = {row["region"] for row in _read(tmp_path, "candidates")}
    assert len(regions) == 35
    ids = [int(row["id"]) for row in _read(tmp_path, "candidates")]
    assert ids == list(range(1, 2_001))


def test_parallel_workers_write_the_same_files(
    tmp_path: Path, profiles: tuple[OccupationProfile, ...]
) -> None:
    write_files(
        profiles, tmp_path / "one", region="nederland", scale=0.001, seed=2, today=TODAY, workers=1
    )
    write_files(
        profiles, tmp_path / "two", region="nederland", scale=0.001, seed=2, today=TODAY, workers=2
    )
    for name in TABLES:
        assert _read(tmp_path / "one", name) == _read(tmp_path / "two", name), name
    assert not (tmp_path / "two" / ".parts").exists()
