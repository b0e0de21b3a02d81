"""Display labels for ESCO URIs held by the registry (Dutch where ESCO has one)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot.taxonomy.models import Occupation, Skill


def concept_labels(db: Session, uris: Iterable[str | None]) -> dict[str, str]:
    """URI -> label for every known occupation or skill; unknown URIs are left out."""
    wanted = sorted({u for u in uris if u})
    if not wanted:
        return {}
    labels: dict[str, str] = {}
    for model in (Occupation, Skill):
        rows = db.execute(
            select(model.uri, model.label_nl, model.label_en).where(model.uri.in_(wanted))
        ).all()
        labels.update({uri: nl or en for uri, nl, en in rows})
    return labels
