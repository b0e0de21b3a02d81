"""Real ESCO concepts from the live server's bundled taxonomy, for journey data."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot.taxonomy.models import Occupation, OccupationSkill


def occupation_with_skills(db: Session, label_nl: str) -> tuple[str, list[str], list[str]]:
    """(occupation URI, essential skill URIs, optional skill URIs) of the occupation with this
    exact Dutch label; fails loudly when the bundled taxonomy lacks it."""
    uri = db.scalar(select(Occupation.uri).where(Occupation.label_nl == label_nl))
    assert uri is not None, f"bundled taxonomy has no occupation {label_nl!r}"
    rows = db.execute(
        select(OccupationSkill.skill_uri, OccupationSkill.relation)
        .where(OccupationSkill.occupation_uri == uri)
        .order_by(OccupationSkill.skill_uri)
    ).all()
    essential = [s for s, rel in rows if rel == "essential"]
    optional = [s for s, rel in rows if rel == "optional"]
    assert len(essential) >= 4, f"{label_nl!r} has too few essential skills for a journey"
    return uri, essential, optional
