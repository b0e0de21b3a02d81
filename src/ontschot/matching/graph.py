"""The part of the taxonomy the engine needs, as plain Python data, independent of the database.

`TaxonomyGraph` holds occupations (with ISCO code and essential/optional skills), the skill
hierarchy (skill → broader skill or group) and ESCO skill–skill relations. It is built from
the database (`from_db`) or straight from the bundled snapshot files (`from_snapshot`, used by
the benchmark and by tests that do not need a database). URIs are the identities; the engine
gives every skill and occupation a dense integer index.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SNAPSHOT_DIR = Path(__file__).resolve().parent.parent / "taxonomy" / "snapshot"


@dataclass
class OccupationInfo:
    uri: str
    isco_code: str
    label: str
    essential: list[str] = field(default_factory=list)
    optional: list[str] = field(default_factory=list)


@dataclass
class TaxonomyGraph:
    occupations: dict[str, OccupationInfo]
    skill_labels: dict[str, str]
    broader: list[tuple[str, str]]  # (narrower uri, broader uri): skills and skill groups
    skill_relations: list[tuple[str, str]]  # (skill uri, related skill uri), ESCO relations
    group_labels: dict[str, str] = field(default_factory=dict)

    def skill_label(self, uri: str) -> str:
        return self.skill_labels.get(uri) or self.group_labels.get(uri) or uri.rsplit("/", 1)[-1]

    def occupation_label(self, uri: str | None) -> str:
        if uri is None:
            return "onbekend beroep"
        info = self.occupations.get(uri)
        return info.label if info else uri.rsplit("/", 1)[-1]

    @classmethod
    def from_rows(
        cls,
        *,
        occupations: Iterable[tuple[str, str | None, str]],
        occupation_skills: Iterable[tuple[str, str, str]],
        skills: Iterable[tuple[str, str]],
        broader: Iterable[tuple[str, str]] = (),
        skill_relations: Iterable[tuple[str, str]] = (),
        groups: Iterable[tuple[str, str]] = (),
    ) -> TaxonomyGraph:
        """occupations: (uri, isco, label); occupation_skills: (occ, relation, skill)."""
        occ = {u: OccupationInfo(u, isco or "", label) for u, isco, label in occupations}
        for occ_uri, relation, skill_uri in occupation_skills:
            info = occ.get(occ_uri)
            if info is None:
                continue
            (info.essential if relation == "essential" else info.optional).append(skill_uri)
        return cls(
            occupations=occ,
            skill_labels=dict(skills),
            broader=list(broader),
            skill_relations=list(skill_relations),
            group_labels=dict(groups),
        )

    @classmethod
    def from_snapshot(cls, folder: Path = SNAPSHOT_DIR) -> TaxonomyGraph:
        """Read the bundled ESCO snapshot (Dutch labels where present, else English)."""
        occ_nl = {r["conceptUri"]: r["preferredLabel"] for r in _rows(folder, "occupations_nl")}
        skills_nl = {r["conceptUri"]: r["preferredLabel"] for r in _rows(folder, "skills_nl")}
        groups_nl = {r["conceptUri"]: r["preferredLabel"] for r in _rows(folder, "skillGroups_nl")}
        occupations = [
            (r["conceptUri"], r["iscoGroup"], occ_nl.get(r["conceptUri"]) or r["preferredLabel"])
            for r in _rows(folder, "occupations_en")
        ]
        skills = [
            (r["conceptUri"], skills_nl.get(r["conceptUri"]) or r["preferredLabel"])
            for r in _rows(folder, "skills_en")
        ]
        groups = [
            (r["conceptUri"], groups_nl.get(r["conceptUri"]) or r["preferredLabel"])
            for r in _rows(folder, "skillGroups_en")
        ]
        return cls.from_rows(
            occupations=occupations,
            occupation_skills=(
                (r["occupationUri"], r["relationType"], r["skillUri"])
                for r in _rows(folder, "occupationSkillRelations_en")
            ),
            skills=skills,
            broader=(
                (r["conceptUri"], r["broaderUri"])
                for r in _rows(folder, "broaderRelationsSkillPillar_en")
            ),
            skill_relations=(
                (r["originalSkillUri"], r["relatedSkillUri"])
                for r in _rows(folder, "skillSkillRelations_en")
            ),
            groups=groups,
        )

    @classmethod
    def from_db(cls, db: Any) -> TaxonomyGraph:
        """Read the taxonomy in force from the database (taxonomy context tables)."""
        from sqlalchemy import select

        from ontschot.taxonomy.models import (
            Occupation,
            OccupationSkill,
            Skill,
            SkillBroader,
            SkillRelation,
        )

        occupations = [
            (o.uri, o.isco_code, o.label_nl or o.label_en)
            for o in db.execute(
                select(
                    Occupation.uri, Occupation.isco_code, Occupation.label_nl, Occupation.label_en
                )
            )
        ]
        rows = db.execute(select(Skill.uri, Skill.label_nl, Skill.label_en, Skill.is_group))
        skills: list[tuple[str, str]] = []
        groups: list[tuple[str, str]] = []
        for uri, nl, en, is_group in rows:
            (groups if is_group else skills).append((uri, nl or en))
        return cls.from_rows(
            occupations=occupations,
            occupation_skills=db.execute(
                select(
                    OccupationSkill.occupation_uri,
                    OccupationSkill.relation,
                    OccupationSkill.skill_uri,
                )
            ).tuples(),
            skills=skills,
            broader=db.execute(select(SkillBroader.skill_uri, SkillBroader.broader_uri)).tuples(),
            skill_relations=db.execute(
                select(SkillRelation.skill_uri, SkillRelation.related_uri)
            ).tuples(),
            groups=groups,
        )


def _rows(folder: Path, stem: str) -> list[dict[str, str]]:
    for name in (f"{stem}.csv.gz", f"{stem}.csv"):
        path = folder / name
        if path.exists():
            raw = path.read_bytes()
            if name.endswith(".gz"):
                raw = gzip.decompress(raw)
            return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    return []
