"""Match suggestions for a candidate or a vacancy, and coach feedback on them.

Every function checks permission and candidate visibility (people/visibility.py), and logs
the processing of personal data in the audit log.
"""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot import errors
from ontschot.access.actor import Actor
from ontschot.audit import service as audit
from ontschot.employers.models import Vacancy
from ontschot.matching.explain import explain
from ontschot.matching.models import MatchFeedback
from ontschot.matching.registry import MatchCache
from ontschot.matching.schemas import FeedbackCreate, FeedbackRead, MatchList, MatchOut
from ontschot.people.models import Candidate
from ontschot.people.visibility import View, view_for, visible_candidates_query
from ontschot.tx import transactional

_process_cache = MatchCache()


def visible_candidate(db: Session, actor: Actor, candidate_id: int) -> Candidate:
    candidate = db.get(Candidate, candidate_id)
    if candidate is None or view_for(actor, candidate, db) != View.FULL:
        raise errors.NotFound("Kandidaat")
    return candidate


def _latest_feedback(
    db: Session, pairs: list[tuple[int, int]]
) -> dict[tuple[int, int], FeedbackRead]:
    if not pairs:
        return {}
    rows = db.scalars(
        select(MatchFeedback)
        .where(
            MatchFeedback.candidate_id.in_({c for c, _ in pairs}),
            MatchFeedback.vacancy_id.in_({v for _, v in pairs}),
        )
        .order_by(MatchFeedback.id)
    )
    return {(f.candidate_id, f.vacancy_id): FeedbackRead.model_validate(f) for f in rows}


@transactional
def candidate_matches(
    db: Session,
    *,
    actor: Actor,
    candidate_id: int,
    top: int = 10,
    municipalities: list[str] | None = None,
    sectors: list[str] | None = None,
    hours: tuple[int, int] | None = None,
    cache: MatchCache | None = None,
) -> MatchList:
    """Best open vacancies for a candidate the actor may see in full."""
    actor.require("match.read")
    candidate = visible_candidate(db, actor, candidate_id)
    index = (cache or _process_cache).index_for(db)
    if candidate_id not in index.candidate_profiles:
        return MatchList(
            items=[], notes=["Kandidaat zoekt nu geen werk (status) en wordt niet gematcht."]
        )
    hits = index.top_vacancies(
        candidate_id, top, municipalities=municipalities, sectors=sectors, hours=hours
    )
    vacancies = {
        v.id: v
        for v in db.scalars(select(Vacancy).where(Vacancy.id.in_([h.id for h in hits.hits])))
    }
    feedback = _latest_feedback(db, [(candidate_id, h.id) for h in hits.hits])
    items = []
    for hit in hits.hits:
        vac = vacancies[hit.id]
        items.append(
            _out(
                index,
                candidate_id,
                hit.id,
                vac.title,
                f"{vac.employer.name}, {vac.municipality}",
                feedback.get((candidate_id, hit.id)),
            )
        )
    audit.record(
        db,
        actor=actor,
        action="match.read",
        object_type="candidate",
        object_id=candidate.id,
        subject_key=candidate.subject_key,
        purpose="vacaturesuggesties voor kandidaat",
    )
    return MatchList(items=items, notes=hits.notes)


@transactional
def vacancy_matches(
    db: Session,
    *,
    actor: Actor,
    vacancy_id: int,
    top: int = 10,
    municipalities: list[str] | None = None,
    cache: MatchCache | None = None,
) -> MatchList:
    """Best candidates for a vacancy among those the actor may see (consent filter)."""
    actor.require("match.read")
    vacancy = db.get(Vacancy, vacancy_id)
    if vacancy is None:
        raise errors.NotFound("Vacature")
    index = (cache or _process_cache).index_for(db)
    if vacancy_id not in index.vacancy_profiles:
        return MatchList(items=[], notes=["Vacature staat niet open en wordt niet gematcht."])
    full = set(db.scalars(visible_candidates_query(db, actor).with_only_columns(Candidate.id)))
    allowed = set(
        db.scalars(
            visible_candidates_query(db, actor, include_anonymised=True).with_only_columns(
                Candidate.id
            )
        )
    )
    hits = index.top_candidates(vacancy_id, top, allowed=allowed, municipalities=municipalities)
    people = {
        c.id: c
        for c in db.scalars(select(Candidate).where(Candidate.id.in_([h.id for h in hits.hits])))
    }
    feedback = _latest_feedback(db, [(h.id, vacancy_id) for h in hits.hits])
    items = []
    for hit in hits.hits:
        person = people[hit.id]
        title = person.full_name if hit.id in full else f"Kandidaat {person.reference}"
        items.append(
            _out(
                index,
                hit.id,
                vacancy_id,
                title,
                person.municipality,
                feedback.get((hit.id, vacancy_id)),
            )
        )
        audit.record(
            db,
            actor=actor,
            action="match.read",
            object_type="candidate",
            object_id=person.id,
            subject_key=person.subject_key,
            purpose=f"kandidaatsuggesties voor vacature {vacancy_id}",
        )
    return MatchList(items=items, notes=hits.notes)


def _out(
    index: object,
    candidate_id: int,
    vacancy_id: int,
    title: str,
    subtitle: str,
    feedback: FeedbackRead | None,
) -> MatchOut:
    exp = explain(index, candidate_id, vacancy_id)  # type: ignore[arg-type]
    data = asdict(exp)
    data.pop("candidate_id")
    data.pop("vacancy_id")
    total = data.pop("total")
    return MatchOut(
        candidate_id=candidate_id,
        vacancy_id=vacancy_id,
        title=title,
        subtitle=subtitle,
        score=total,
        feedback=feedback,
        **data,
    )


@transactional
def record_feedback(db: Session, *, actor: Actor, data: FeedbackCreate) -> FeedbackRead:
    """A coach marks a suggestion suitable or not, with a reason; kept and shown later."""
    actor.require("match.feedback")
    candidate = visible_candidate(db, actor, data.candidate_id)
    if db.get(Vacancy, data.vacancy_id) is None:
        raise errors.Invalid("Vacature bestaat niet.", fields={"vacancy_id": "onbekend"})
    row = MatchFeedback(
        candidate_id=candidate.id,
        vacancy_id=data.vacancy_id,
        verdict=data.verdict.value,
        reason=data.reason,
        score=data.score,
        user_id=actor.user_id,
        organisation_id=actor.organisation_id,
    )
    db.add(row)
    db.flush()
    audit.record(
        db,
        actor=actor,
        action="match.feedback",
        object_type="candidate",
        object_id=candidate.id,
        subject_key=candidate.subject_key,
        purpose=f"beoordeling suggestie vacature {data.vacancy_id}: {data.verdict.value}",
    )
    return FeedbackRead.model_validate(row)
