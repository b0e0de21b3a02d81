"""Anonymised candidate suggestions for an employer's vacancy.

Until the matching context ranks candidates, a suggestion is a candidate who allows
employer suggestions and shares at least one skill with the vacancy, ordered by the number
of shared skills. Suggestions are always shown anonymised, whoever asks.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ontschot.access.actor import Actor
from ontschot.audit import service as audit
from ontschot.employers.models import VacancySkill
from ontschot.employers.service import readable_vacancy
from ontschot.people.models import Candidate, CandidateSkill
from ontschot.people.queries import load_full
from ontschot.people.schemas import CandidateAnonymised
from ontschot.people.views import anonymised_view
from ontschot.people.visibility import anonymised_view_condition
from ontschot.tx import transactional


@transactional
def suggest_candidates(
    db: Session, *, actor: Actor, vacancy_id: int, limit: int = 20
) -> list[tuple[CandidateAnonymised, int]]:
    """(anonymised profile, number of shared skills), best first; one log entry."""
    actor.require("candidate.suggestions.read")
    vacancy = readable_vacancy(db, actor=actor, vacancy_id=vacancy_id)
    vacancy_skills = select(VacancySkill.skill_uri).where(VacancySkill.vacancy_id == vacancy.id)
    overlap = func.count(func.distinct(CandidateSkill.skill_uri)).label("overlap")
    rows = db.execute(
        select(Candidate.id, overlap)
        .join(CandidateSkill, CandidateSkill.candidate_id == Candidate.id)
        .where(
            Candidate.erased_at.is_(None),
            anonymised_view_condition(actor),
            CandidateSkill.skill_uri.in_(vacancy_skills),
        )
        .group_by(Candidate.id)
        .order_by(overlap.desc(), Candidate.id)
        .limit(limit)
    ).all()
    by_id = {c.id: c for c in load_full(db, [r[0] for r in rows])}
    audit.record(
        db,
        actor=actor,
        action="candidate.suggestions.read",
        object_type="vacancy",
        object_id=vacancy.id,
        subject_key=None,
        purpose="anonieme kandidaten voorstellen aan werkgever",
    )
    return [(anonymised_view(by_id[cid]), int(n)) for cid, n in rows]
