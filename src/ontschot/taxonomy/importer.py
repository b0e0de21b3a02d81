"""Read and validate an ESCO CSV folder in the official download layout.

Files are recognised by name, `<kind>_<lang>.csv` or `.csv.gz` (e.g. `occupations_nl.csv`,
`skills_en.csv`, `occupationSkillRelations_en.csv`). Every problem is collected with file,
line and reason; nothing is written here, so a broken folder can never touch the database.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from ontschot.taxonomy.text import normalise

csv.field_size_limit(10_000_000)
_FILE = re.compile(r"^(?P<kind>[A-Za-z]+)_(?P<lang>[a-z]{2}(?:-[A-Za-z]+)?)\.csv(?:\.gz)?$")
ESCO_PREFIX = "http://data.europa.eu/esco/"

REQUIRED_COLUMNS: dict[str, tuple[str, ...]] = {
    "occupations": ("conceptUri", "preferredLabel"),
    "skills": ("conceptUri", "preferredLabel"),
    "ISCOGroups": ("conceptUri", "code", "preferredLabel"),
    "skillGroups": ("conceptUri", "preferredLabel"),
    "occupationSkillRelations": ("occupationUri", "relationType", "skillUri"),
    "broaderRelationsSkillPillar": ("conceptUri", "broaderUri"),
    "skillSkillRelations": ("originalSkillUri", "relationType", "relatedSkillUri"),
}
LANGUAGE_INDEPENDENT = {
    "occupationSkillRelations",
    "broaderRelationsSkillPillar",
    "skillSkillRelations",
}
RELATION_TYPES = {"essential", "optional"}


@dataclass(frozen=True)
class ImportProblem:
    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}"


class TaxonomyImportError(Exception):
    def __init__(self, problems: list[ImportProblem]) -> None:
        self.problems = problems
        shown = "\n".join(str(p) for p in problems[:50])
        more = f"\n… and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{len(problems)} problem(s) in the ESCO files:\n{shown}{more}")


@dataclass
class Concept:
    uri: str
    labels: dict[str, str] = field(default_factory=dict)  # lang -> preferred
    alt: dict[str, list[str]] = field(default_factory=dict)
    hidden: dict[str, list[str]] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    code: str | None = None
    isco_code: str | None = None
    skill_type: str | None = None
    reuse_level: str | None = None
    is_group: bool = False


@dataclass
class ParsedTaxonomy:
    esco_version: str
    source: str
    checksum: str
    languages: list[str]
    occupations: dict[str, Concept]
    skills: dict[str, Concept]
    isco_groups: dict[str, Concept]  # by code
    occupation_skills: list[tuple[str, str, str]]
    broader: list[tuple[str, str]]
    skill_relations: list[tuple[str, str, str]]


def _open_rows(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    raw = path.read_bytes()
    if path.suffix == ".gz":
        raw = gzip.decompress(raw)
    text = raw.decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = list(reader.fieldnames or [])
    rows = []
    start = 2
    for row in reader:
        rows.append((start, row))
        start = reader.line_num + 1
    return header, rows


def _labels(cell: str | None) -> list[str]:
    if not cell:
        return []
    parts = re.split(r"\n|\s\|\s", cell)
    return [p.strip() for p in parts if p.strip()]


def read_esco_folder(folder: Path, *, esco_version: str = "", source: str = "") -> ParsedTaxonomy:
    """Parse and validate every recognised file in `folder`; raise with all problems."""
    problems: list[ImportProblem] = []
    if not folder.is_dir():
        raise TaxonomyImportError([ImportProblem(str(folder), 0, "not a folder")])
    files: dict[str, dict[str, Path]] = {}
    for path in sorted(folder.iterdir()):
        match = _FILE.match(path.name)
        if match and match["kind"] in REQUIRED_COLUMNS:
            files.setdefault(match["kind"], {})[match["lang"]] = path
    for needed in ("occupations", "skills", "occupationSkillRelations"):
        if needed not in files:
            problems.append(ImportProblem(str(folder), 0, f"no {needed}_<lang>.csv file found"))
    if problems:
        raise TaxonomyImportError(problems)

    digest = hashlib.sha256()
    tables: dict[tuple[str, str], list[tuple[int, dict[str, str]]]] = {}
    for kind, by_lang in sorted(files.items()):
        langs = sorted(by_lang)[:1] if kind in LANGUAGE_INDEPENDENT else sorted(by_lang)
        for lang in langs:
            path = by_lang[lang]
            try:
                header, rows = _open_rows(path)
            except (UnicodeDecodeError, OSError, csv.Error, EOFError) as exc:
                problems.append(ImportProblem(path.name, 0, f"unreadable: {exc}"))
                continue
            missing = [c for c in REQUIRED_COLUMNS[kind] if c not in header]
            if missing:
                problems.append(
                    ImportProblem(path.name, 1, f"missing column(s): {', '.join(missing)}")
                )
                continue
            digest.update(f"{kind}_{lang}".encode())
            for _, row in rows:
                digest.update(repr(sorted((k, v) for k, v in row.items() if k)).encode())
            tables[(kind, lang)] = [(n, r) for n, r in rows]
            tables[(kind, lang)].insert(0, (0, {"__file__": path.name}))
    if problems:
        raise TaxonomyImportError(problems)
    parsed = _build(tables, problems)
    if problems:
        raise TaxonomyImportError(problems)
    languages = sorted({lang for (kind, lang) in tables if kind in ("occupations", "skills")})
    parsed.esco_version = esco_version or "unknown"
    parsed.source = source or str(folder)
    parsed.checksum = digest.hexdigest()
    parsed.languages = languages
    return parsed


def _rows(
    tables: dict[tuple[str, str], list[tuple[int, dict[str, str]]]], kind: str
) -> list[tuple[str, str, list[tuple[int, dict[str, str]]]]]:
    out = []
    for (k, lang), rows in sorted(tables.items()):
        if k == kind:
            out.append((lang, rows[0][1]["__file__"], rows[1:]))
    return out


def _uri_problem(uri: str) -> str | None:
    if not uri:
        return "empty URI"
    if not uri.startswith(("http://", "https://")) or " " in uri:
        return f"not a URI: {uri[:80]!r}"
    return None


def _concepts(
    tables: dict[tuple[str, str], list[tuple[int, dict[str, str]]]],
    kind: str,
    problems: list[ImportProblem],
    *,
    group: bool = False,
) -> dict[str, Concept]:
    concepts: dict[str, Concept] = {}
    for lang, name, rows in _rows(tables, kind):
        for line, row in rows:
            uri = (row.get("conceptUri") or "").strip()
            label = (row.get("preferredLabel") or "").strip()
            reason = _uri_problem(uri) or (None if label else "empty preferredLabel")
            if reason:
                problems.append(ImportProblem(name, line, reason))
                continue
            concept = concepts.setdefault(uri, Concept(uri=uri, is_group=group))
            concept.labels[lang] = label
            concept.alt[lang] = [a for a in _labels(row.get("altLabels")) if a != label]
            concept.hidden[lang] = _labels(row.get("hiddenLabels"))
            if (row.get("description") or "").strip():
                concept.descriptions[lang] = row["description"].strip()
            concept.code = (row.get("code") or "").strip() or concept.code
            concept.isco_code = (row.get("iscoGroup") or "").strip() or concept.isco_code
            concept.skill_type = (row.get("skillType") or "").strip() or concept.skill_type
            concept.reuse_level = (row.get("reuseLevel") or "").strip() or concept.reuse_level
    return concepts


def _build(
    tables: dict[tuple[str, str], list[tuple[int, dict[str, str]]]], problems: list[ImportProblem]
) -> ParsedTaxonomy:
    occupations = _concepts(tables, "occupations", problems)
    skills = _concepts(tables, "skills", problems)
    for uri, concept in _concepts(tables, "skillGroups", problems, group=True).items():
        skills.setdefault(uri, concept)
    isco: dict[str, Concept] = {}
    for code_concept in _concepts(tables, "ISCOGroups", problems).values():
        if code_concept.code:
            isco[code_concept.code] = code_concept

    relations: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    for _, name, rows in _rows(tables, "occupationSkillRelations"):
        for line, row in rows:
            occ, rel, skill = (
                row.get(k, "").strip() for k in REQUIRED_COLUMNS["occupationSkillRelations"]
            )
            if occ not in occupations:
                problems.append(ImportProblem(name, line, f"unknown occupation {occ[:80]!r}"))
            elif skill not in skills:
                problems.append(ImportProblem(name, line, f"unknown skill {skill[:80]!r}"))
            elif rel not in RELATION_TYPES:
                problems.append(
                    ImportProblem(
                        name, line, f"relationType must be essential or optional, not {rel[:20]!r}"
                    )
                )
            elif (occ, skill) not in seen:
                seen.add((occ, skill))
                relations.append((occ, skill, rel))

    broader: list[tuple[str, str]] = []
    for _, name, rows in _rows(tables, "broaderRelationsSkillPillar"):
        for line, row in rows:
            child, parent = row.get("conceptUri", "").strip(), row.get("broaderUri", "").strip()
            reason = _uri_problem(child) or _uri_problem(parent)
            if reason:
                problems.append(ImportProblem(name, line, reason))
            elif child in skills and parent in skills:
                broader.append((child, parent))

    skill_relations: list[tuple[str, str, str]] = []
    for _, name, rows in _rows(tables, "skillSkillRelations"):
        for line, row in rows:
            a, rel, b = (row.get(k, "").strip() for k in REQUIRED_COLUMNS["skillSkillRelations"])
            if rel not in RELATION_TYPES:
                problems.append(
                    ImportProblem(
                        name, line, f"relationType must be essential or optional, not {rel[:20]!r}"
                    )
                )
            elif a in skills and b in skills:
                skill_relations.append((a, b, rel))

    return ParsedTaxonomy(
        esco_version="",
        source="",
        checksum="",
        languages=[],
        occupations=occupations,
        skills=skills,
        isco_groups=isco,
        occupation_skills=relations,
        broader=sorted(set(broader)),
        skill_relations=sorted({(a, b): (a, b, r) for a, b, r in skill_relations}.values()),
    )


def search_rows(concept: Concept, concept_type: str) -> list[dict[str, str]]:
    """Label rows for the concept_label table."""
    rows = []
    for lang, label in concept.labels.items():
        rows.append(
            {
                "concept_uri": concept.uri,
                "concept_type": concept_type,
                "lang": lang,
                "kind": "preferred",
                "text": label[:500],
                "norm": normalise(label)[:500],
            }
        )
        for kind, values in (
            ("alt", concept.alt.get(lang, [])),
            ("hidden", concept.hidden.get(lang, [])),
        ):
            for value in dict.fromkeys(values):
                rows.append(
                    {
                        "concept_uri": concept.uri,
                        "concept_type": concept_type,
                        "lang": lang,
                        "kind": kind,
                        "text": value[:500],
                        "norm": normalise(value)[:500],
                    }
                )
    return rows
