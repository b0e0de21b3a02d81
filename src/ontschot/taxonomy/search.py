"""Text search over every label of occupations or skills, in Dutch and English.

Candidates come from the database (`norm LIKE '%token%'` for every token, so `heftruck`
finds *heftruckchauffeur*); ranking happens here: an exact label beats a label that starts
with the query, which beats a word that starts with it, which beats a match inside a word.
Preferred labels and labels in the asked language win ties.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from ontschot.taxonomy.models import ConceptLabel
from ontschot.taxonomy.text import normalise

CANDIDATE_ROWS = 4_000


@dataclass(frozen=True)
class LabelHit:
    uri: str
    matched_label: str
    matched_lang: str
    score: float


def _label_score(norm: str, query: str, tokens: list[str]) -> float:
    if norm == query:
        return 100.0
    if norm.startswith(query):
        return 80.0 - min(len(norm) - len(query), 30) * 0.2
    words = norm.split()
    if all(any(w.startswith(t) for w in words) for t in tokens):
        return 60.0 - min(len(norm) - len(query), 40) * 0.2
    return 40.0 - min(len(norm) - len(query), 40) * 0.2


def search_concepts(
    db: Session,
    concept_type: str,
    text: str,
    *,
    lang: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> tuple[list[LabelHit], int]:
    """Ranked concepts whose labels contain every word of `text`; returns (page, total)."""
    query = normalise(text)
    tokens = query.split()
    if not tokens:
        return [], 0
    conditions = [ConceptLabel.concept_type == concept_type]
    conditions += [ConceptLabel.norm.like(f"%{t}%") for t in tokens]
    rows = db.execute(
        select(
            ConceptLabel.concept_uri,
            ConceptLabel.text,
            ConceptLabel.norm,
            ConceptLabel.lang,
            ConceptLabel.kind,
        )
        .where(and_(*conditions))
        .limit(CANDIDATE_ROWS)
    ).all()
    best: dict[str, LabelHit] = {}
    for uri, label, norm, label_lang, kind in rows:
        score = _label_score(norm, query, tokens)
        score += 5.0 if kind == "preferred" else (0.0 if kind == "alt" else -5.0)
        if lang and label_lang == lang:
            score += 3.0
        current = best.get(uri)
        if current is None or score > current.score:
            best[uri] = LabelHit(uri, label, label_lang, round(score, 2))
    ranked = sorted(best.values(), key=lambda h: (-h.score, len(h.matched_label), h.uri))
    return ranked[offset : offset + limit], len(ranked)
