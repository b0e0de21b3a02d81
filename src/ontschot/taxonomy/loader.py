"""Write a parsed ESCO taxonomy into the database in one transaction.

An import replaces occupations, skills and relations with the new version. Labels in a
language the import does not carry are kept for concepts that still exist, so importing
only the official Dutch files keeps the English labels, and vice versa.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from ontschot.db import utcnow
from ontschot.taxonomy.importer import ParsedTaxonomy, read_esco_folder, search_rows
from ontschot.taxonomy.models import (
    ConceptLabel,
    IscoGroup,
    Occupation,
    OccupationSkill,
    Skill,
    SkillBroader,
    SkillRelation,
    TaxonomyVersion,
)
from ontschot.tx import atomic

SNAPSHOT_DIR = Path(__file__).resolve().parent / "snapshot"
CHUNK = 5_000
Progress = Callable[[str, int], None]


def current_version(db: Session) -> TaxonomyVersion | None:
    return db.scalars(select(TaxonomyVersion).order_by(TaxonomyVersion.id.desc()).limit(1)).first()


def snapshot_version() -> str:
    manifest = json.loads((SNAPSHOT_DIR / "manifest.json").read_text(encoding="utf-8"))
    return str(manifest["escoVersion"])


def ensure_bundled_taxonomy(db: Session, *, progress: bool = False) -> str:
    """Load the bundled snapshot when the database has no taxonomy yet."""
    version = current_version(db)
    if version is not None:
        return f"ESCO v{version.esco_version} present ({version.occupations} occupations)"
    parsed = read_esco_folder(
        SNAPSHOT_DIR, esco_version=snapshot_version(), source="bundled snapshot"
    )
    result = apply_taxonomy(db, parsed, progress=_rich_progress() if progress else None)
    return f"ESCO v{parsed.esco_version} loaded from the bundled snapshot ({result})"


def import_folder(
    db: Session, folder: Path, *, esco_version: str = "", progress: Progress | None = None
) -> str:
    """Validate an official ESCO CSV folder and import it; unchanged data is not rewritten."""
    parsed = read_esco_folder(folder, esco_version=esco_version, source=str(folder))
    version = current_version(db)
    if version is not None and version.checksum == parsed.checksum:
        return f"unchanged: this taxonomy (checksum {parsed.checksum[:12]}) is already loaded"
    return apply_taxonomy(db, parsed, progress=progress)


def _keep_missing_languages(db: Session, parsed: ParsedTaxonomy) -> None:
    """Carry over labels of languages the import lacks, for concepts that persist."""
    for model, concepts in ((Occupation, parsed.occupations), (Skill, parsed.skills)):
        for uri, nl, en in db.execute(select(model.uri, model.label_nl, model.label_en)):
            concept = concepts.get(uri)
            if concept is None:
                continue
            if nl and "nl" not in concept.labels:
                concept.labels["nl"] = nl
            if en and "en" not in concept.labels:
                concept.labels["en"] = en


def apply_taxonomy(db: Session, parsed: ParsedTaxonomy, *, progress: Progress | None = None) -> str:
    with atomic(db):
        _keep_missing_languages(db, parsed)
        for model in (
            ConceptLabel,
            OccupationSkill,
            SkillRelation,
            SkillBroader,
            Occupation,
            Skill,
            IscoGroup,
        ):
            db.execute(delete(model))

        def occupation_row(c: Any) -> dict[str, Any]:
            return {
                "uri": c.uri,
                "code": c.code,
                "isco_code": c.isco_code,
                "label_nl": c.labels.get("nl"),
                "label_en": c.labels.get("en") or next(iter(c.labels.values())),
                "description_nl": c.descriptions.get("nl"),
                "description_en": c.descriptions.get("en"),
            }

        def skill_row(c: Any) -> dict[str, Any]:
            return {
                "uri": c.uri,
                "label_nl": c.labels.get("nl"),
                "label_en": c.labels.get("en") or next(iter(c.labels.values())),
                "skill_type": c.skill_type,
                "reuse_level": c.reuse_level,
                "description_nl": c.descriptions.get("nl"),
                "description_en": c.descriptions.get("en"),
                "is_group": c.is_group,
                "code": c.code,
            }

        isco_rows = [
            {
                "code": code,
                "uri": c.uri,
                "parent_code": code[:-1] or None,
                "label_nl": c.labels.get("nl"),
                "label_en": c.labels.get("en") or next(iter(c.labels.values())),
            }
            for code, c in parsed.isco_groups.items()
        ]
        steps: Sequence[tuple[str, Any, Iterable[dict[str, Any]]]] = (
            ("ISCO groups", IscoGroup, isco_rows),
            ("occupations", Occupation, (occupation_row(c) for c in parsed.occupations.values())),
            ("skills", Skill, (skill_row(c) for c in parsed.skills.values())),
            (
                "occupation-skill relations",
                OccupationSkill,
                (
                    {"occupation_uri": o, "skill_uri": s, "relation": r}
                    for o, s, r in parsed.occupation_skills
                ),
            ),
            (
                "skill hierarchy",
                SkillBroader,
                ({"skill_uri": c, "broader_uri": p} for c, p in parsed.broader),
            ),
            (
                "skill relations",
                SkillRelation,
                (
                    {"skill_uri": a, "related_uri": b, "relation": r}
                    for a, b, r in parsed.skill_relations
                ),
            ),
            ("labels", ConceptLabel, _label_rows(parsed)),
        )
        for name, model, rows in steps:
            _bulk_insert(db, model, rows, name, progress)
        db.add(
            TaxonomyVersion(
                esco_version=parsed.esco_version,
                source=parsed.source[:200],
                checksum=parsed.checksum,
                languages=",".join(parsed.languages),
                imported_at=utcnow(),
                occupations=len(parsed.occupations),
                skills=len(parsed.skills),
                relations=len(parsed.occupation_skills),
            )
        )
        return (
            f"{len(parsed.occupations)} occupations, {len(parsed.skills)} skills, "
            f"{len(parsed.occupation_skills)} relations, languages {', '.join(parsed.languages)}"
        )


def _label_rows(parsed: ParsedTaxonomy) -> Iterable[dict[str, Any]]:
    for concept in parsed.occupations.values():
        yield from search_rows(concept, "occupation")
    for concept in parsed.skills.values():
        yield from search_rows(concept, "skill")


def _bulk_insert(
    db: Session, model: Any, rows: Iterable[dict[str, Any]], name: str, progress: Progress | None
) -> None:
    chunk: list[dict[str, Any]] = []
    done = 0
    for row in rows:
        chunk.append(row)
        if len(chunk) >= CHUNK:
            db.execute(insert(model), chunk)
            done += len(chunk)
            chunk = []
            if progress:
                progress(name, done)
    if chunk:
        db.execute(insert(model), chunk)
        done += len(chunk)
    if progress:
        progress(name, done)


def _rich_progress() -> Progress:
    from rich.console import Console

    console = Console(stderr=True)

    def report(name: str, done: int) -> None:
        console.print(f"  taxonomy: {name}: {done:,} rows", highlight=False)

    return report
