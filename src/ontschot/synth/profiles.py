"""Skill profiles of the curated occupations, read from the taxonomy tables once.

The generator needs, per occupation, its Dutch label and its essential and optional skills
with Dutch labels where the taxonomy has them. Everything is sorted by URI so that the same
taxonomy always gives the same profiles (and the same seed the same region).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot.synth.occupations import OCCUPATIONS, CuratedOccupation
from ontschot.taxonomy.models import Occupation, OccupationSkill, Skill


@dataclass(frozen=True)
class SkillInfo:
    uri: str
    label_nl: str | None
    is_knowledge: bool = False  # ESCO skill type "knowledge" (a noun phrase, not an action)


@dataclass(frozen=True)
class OccupationProfile:
    curated: CuratedOccupation
    label: str  # Dutch label of the taxonomy (English when it has none)
    essential: tuple[SkillInfo, ...]
    optional: tuple[SkillInfo, ...]

    @property
    def uri(self) -> str:
        return self.curated.uri

    @property
    def title(self) -> str:
        """The job title used in texts: the curated short title or the ESCO label."""
        return self.curated.title or self.label.split("/")[0]

    @property
    def dutch_skills(self) -> tuple[SkillInfo, ...]:
        return tuple(s for s in self.essential + self.optional if s.label_nl)


class TaxonomyMissingError(Exception):
    """The database has no taxonomy, or none of the curated occupations."""


def load_profiles(db: Session) -> tuple[OccupationProfile, ...]:
    """Profiles of the curated occupations present in the taxonomy, in curated order.

    Occupations missing from an imported taxonomy are left out; with none present this
    raises TaxonomyMissingError (run `ontschot db upgrade` first).
    """
    uris = [o.uri for o in OCCUPATIONS]
    labels: dict[str, str | None] = dict(
        db.execute(select(Occupation.uri, Occupation.label_nl).where(Occupation.uri.in_(uris)))
        .tuples()
        .all()
    )
    english: dict[str, str] = dict(
        db.execute(select(Occupation.uri, Occupation.label_en).where(Occupation.uri.in_(uris)))
        .tuples()
        .all()
    )
    rows = db.execute(
        select(
            OccupationSkill.occupation_uri,
            OccupationSkill.relation,
            Skill.uri,
            Skill.label_nl,
            Skill.skill_type,
        )
        .join(Skill, Skill.uri == OccupationSkill.skill_uri)
        .where(OccupationSkill.occupation_uri.in_(uris))
        .order_by(OccupationSkill.occupation_uri, Skill.uri)
    ).all()
    skills: dict[str, dict[str, list[SkillInfo]]] = {}
    for occ_uri, relation, skill_uri, label_nl, skill_type in rows:
        per = skills.setdefault(occ_uri, {"essential": [], "optional": []})
        per["essential" if relation == "essential" else "optional"].append(
            SkillInfo(skill_uri, label_nl, skill_type == "knowledge")
        )
    profiles = []
    for curated in OCCUPATIONS:
        if curated.uri not in english:
            continue
        per = skills.get(curated.uri, {"essential": [], "optional": []})
        profiles.append(
            OccupationProfile(
                curated,
                labels.get(curated.uri) or english[curated.uri],
                tuple(per["essential"]),
                tuple(per["optional"]),
            )
        )
    if not profiles:
        raise TaxonomyMissingError(
            "De taxonomie ontbreekt of bevat geen van de gebruikte beroepen; "
            "voer eerst `ontschot db upgrade` uit."
        )
    return tuple(profiles)
