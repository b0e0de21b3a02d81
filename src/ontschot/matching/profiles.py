"""What the engine knows about a candidate and a vacancy: plain data, no database.

The registry (people/, employers/) turns its rows into these profiles; the benchmark makes
them synthetically. Skills and occupations are ESCO (or CompetentNL) URIs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# Driving-licence categories as bits of one integer, so "has every required licence" is
# `required & ~held == 0` over whole arrays.
LICENCES: tuple[str, ...] = ("AM", "A", "B", "BE", "C", "CE", "D", "T")
LICENCE_BIT = {name: 1 << i for i, name in enumerate(LICENCES)}

# Certificates that vacancies commonly require; each has a route to get it.
CERTIFICATES: dict[str, tuple[str, str]] = {
    "VCA": ("VCA-basis", "VCA-basiscursus met examen (1–2 dagen)"),
    "BHV": ("BHV", "BHV-basiscursus (2 dagen)"),
    "HEFTRUCK": ("heftruckcertificaat", "Opleiding heftruckchauffeur met examen (1–3 dagen)"),
    "HACCP": ("HACCP", "Cursus hygiënecode / HACCP (1 dag)"),
    "CODE95": ("code 95", "Nascholing code 95 (35 uur)"),
    "SVH": ("SVH Sociale Hygiëne", "Cursus Sociale Hygiëne met SVH-examen"),
}
CERTIFICATE_BIT = {code: 1 << i for i, code in enumerate(CERTIFICATES)}

# Highest completed education, ordinal so that "at least" is a comparison.
EDUCATION_LEVELS: tuple[str, ...] = (
    "geen diploma",
    "basisonderwijs",
    "vmbo",
    "mbo-1",
    "mbo-2",
    "mbo-3",
    "mbo-4",
    "hbo",
    "wo",
)
EDUCATION_ROUTES = {
    3: "Entreeopleiding of vmbo-diploma via de volwasseneneducatie",
    4: "mbo-2 via een BBL-traject (leren en werken) of een EVC-procedure",
    5: "mbo-3 via een BBL-traject of EVC-procedure",
    6: "mbo-4 via een BBL-traject of EVC-procedure",
    7: "hbo (deeltijd of associate degree) of EVC-procedure",
    8: "wo-opleiding; bespreek met de werkgever of ervaring kan gelden",
}

# Languages tracked per profile, each with a CEFR level 0 (none) … 6 (C2).
LANGUAGES: tuple[str, ...] = ("nl", "en", "de")
CEFR: tuple[str, ...] = ("geen", "A1", "A2", "B1", "B2", "C1", "C2")
LANGUAGE_NAMES_NL = {"nl": "Nederlands", "en": "Engels", "de": "Duits"}


def licence_mask(codes: frozenset[str] | set[str] | tuple[str, ...]) -> int:
    return sum(LICENCE_BIT[c] for c in set(codes) if c in LICENCE_BIT)


def certificate_mask(codes: frozenset[str] | set[str] | tuple[str, ...]) -> int:
    return sum(CERTIFICATE_BIT[c] for c in set(codes) if c in CERTIFICATE_BIT)


@dataclass
class CandidateProfile:
    id: int
    skills: list[str] = field(default_factory=list)
    occupation: str | None = None
    municipality: str | None = None
    max_travel_km: float = 25.0
    hours_min: int = 0
    hours_max: int = 40
    available_from: date | None = None
    licences: frozenset[str] = frozenset()
    languages: dict[str, int] = field(default_factory=dict)  # language code -> CEFR 0..6
    education_level: int = 0
    certificates: frozenset[str] = frozenset()


@dataclass
class VacancyProfile:
    id: int
    essential_skills: list[str] = field(default_factory=list)
    optional_skills: list[str] = field(default_factory=list)
    occupation: str | None = None
    municipality: str | None = None
    sector: str | None = None
    hours_min: int = 0
    hours_max: int = 40
    start_date: date | None = None
    licences: frozenset[str] = frozenset()
    languages: dict[str, int] = field(default_factory=dict)
    min_education_level: int = 0
    certificates: frozenset[str] = frozenset()
