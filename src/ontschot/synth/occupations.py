"""The curated occupations of a synthetic Dutch region, with their weights and traits.

The table is `data/occupations.csv`: about seventy ESCO occupations that make up most
vacancies and job seekers of a Dutch arbeidsmarktregio: logistics, care, technical and
retail work come first, rare occupations are left out (provenance: `data/SOURCE.md`).
URIs were looked up in the ESCO v1.2.0 Dutch occupation file (`occupations_nl.csv`,
preferred labels). Weights are relative shares of vacancies; the
`supply` factor says how many candidates there are per vacancy compared to the average,
so that some occupations are in shortage (below 1) and others in surplus (above 1). The
figures are invented to look plausible, not measured.

The skill profiles themselves are read from the taxonomy tables (`occupation_skill`), see
`profiles.py`, so a newer ESCO import changes the generated skills without code changes.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

ESCO_OCCUPATION = "http://data.europa.eu/esco/occupation/"


@dataclass(frozen=True)
class CuratedOccupation:
    uri: str
    label: str  # Dutch ESCO preferred label, for reading this file; the DB label is used
    sector: str
    weight: float  # relative share of vacancies
    supply: float  # candidates per vacancy relative to the regional average
    education: str  # typical EducationLevel code
    salary: tuple[int, int]  # typical gross monthly salary range in euros (full time)
    requirements: tuple[tuple[str, str], ...] = ()  # (kind, value) hard requirements
    title: str | None = None  # a shorter job title used in vacancy texts


OCCUPATIONS_FILE = Path(__file__).resolve().parent / "data" / "occupations.csv"


def _requirements(cell: str) -> tuple[tuple[str, str], ...]:
    pairs = (item.split(":", 1) for item in cell.split("|") if item)
    return tuple((kind, value) for kind, value in pairs)


def _load() -> tuple[CuratedOccupation, ...]:
    with OCCUPATIONS_FILE.open(encoding="utf-8", newline="") as handle:
        return tuple(
            CuratedOccupation(
                uri=ESCO_OCCUPATION + row["esco_id"],
                label=row["label_nl"],
                sector=row["sector"],
                weight=float(row["vacancy_weight"]),
                supply=float(row["supply_factor"]),
                education=row["education"],
                salary=(int(row["salary_min_eur"]), int(row["salary_max_eur"])),
                requirements=_requirements(row["requirements"]),
                title=row["title"] or None,
            )
            for row in csv.DictReader(handle)
        )


OCCUPATIONS: tuple[CuratedOccupation, ...] = _load()
SECTORS: tuple[str, ...] = tuple(dict.fromkeys(o.sector for o in OCCUPATIONS))
