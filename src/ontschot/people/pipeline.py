"""The introductions pipeline: a proposal of a candidate to an employer, step by step.

proposed -> introduced -> interview -> offer -> placed, or declined (with a reason, by the
employer or the coach) from any open status. `consent.record_introduction` makes the
proposal; the coach (or employer adviser) moves it on with `advance_introduction`; the
employer answers a proposal with `answer_introduction` (interested: introduced; not
interested: declined). Every status reached is a row in `introduction_step` with its time,
so durations can be measured later. A move the pipeline does not allow raises `Conflict`
and changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ontschot import clock, errors
from ontschot.access.actor import Actor
from ontschot.access.roles import Scope
from ontschot.audit import service as audit
from ontschot.employers.models import Employer, Vacancy
from ontschot.employers.service import readable_vacancy
from ontschot.people import grants
from ontschot.people.consent import introductions_query, record_introduction
from ontschot.people.models import Candidate, Introduction, IntroductionStep
from ontschot.people.service import editable_candidate
from ontschot.tx import transactional

PURPOSE_PIPELINE = "bemiddeling naar een vacature"


class IntroStatus(StrEnum):
    PROPOSED = "proposed"
    INTRODUCED = "introduced"
    INTERVIEW = "interview"
    OFFER = "offer"
    PLACED = "placed"
    DECLINED = "declined"


STATUS_LABELS_NL: dict[str, str] = {
    "proposed": "Voorgesteld",
    "introduced": "Kennismaking",
    "interview": "Sollicitatiegesprek",
    "offer": "Aanbod",
    "placed": "Geplaatst",
    "declined": "Afgewezen",
}
# What each status means, for the people who move it on.
STATUS_HINTS_NL: dict[str, str] = {
    "proposed": "de coach heeft de werkzoekende voorgesteld; de werkgever moet nog antwoorden",
    "introduced": "de werkgever wil kennismaken (of de coach heeft het kennismaken geregeld)",
    "interview": "er is een sollicitatiegesprek gepland of gehouden",
    "offer": "de werkgever heeft een aanbod gedaan",
    "placed": "de werkzoekende is aangenomen",
    "declined": "het voorstel is afgewezen, door de werkgever of de coach",
}
NEXT: dict[str, tuple[str, ...]] = {
    "proposed": ("introduced", "declined"),
    "introduced": ("interview", "declined"),
    "interview": ("offer", "declined"),
    "offer": ("placed", "declined"),
    "placed": (),
    "declined": (),
}
PIPELINE_ORDER: tuple[str, ...] = tuple(s.value for s in IntroStatus)


def _label(status: str) -> str:
    return STATUS_LABELS_NL.get(status, status)


def _reason(reason: str | None) -> str | None:
    text = " ".join((reason or "").split())
    return text[:500] or None


def check_transition(intro: Introduction, target: str, reason: str | None) -> None:
    """Refuse a move the pipeline does not allow, saying why (before anything changes)."""
    if intro.withdrawn_at is not None:
        raise errors.Conflict(
            "Dit voorstel is ingetrokken; de status kan niet meer veranderen.",
            fields={"status": "voorstel ingetrokken"},
        )
    allowed = NEXT.get(intro.status, ())
    if target not in allowed:
        if not allowed:
            why = f"Dit voorstel is al afgerond ({_label(intro.status).lower()})."
        else:
            options = " of ".join(f"'{_label(s).lower()}'" for s in allowed)
            why = (
                f"Een voorstel met status '{_label(intro.status).lower()}' kan niet naar "
                f"'{_label(target).lower()}'; de volgende stap is {options}."
            )
        raise errors.Conflict(why, fields={"status": "deze stap kan nu niet"})
    if target == IntroStatus.DECLINED and not _reason(reason):
        raise errors.invalid(
            "reason", "geef een reden bij een afwijzing", "Geef een reden bij een afwijzing."
        )


def _move(
    intro: Introduction, target: str, *, actor: Actor, party: str, reason: str | None
) -> None:
    now = clock.now()
    intro.status = target
    intro.status_at = now
    if target == IntroStatus.DECLINED:
        intro.declined_by = party
        intro.decline_reason = _reason(reason)
    intro.steps.append(
        IntroductionStep(
            status=target,
            reached_at=now,
            by_user_id=actor.user_id,
            party=party,
            reason=_reason(reason),
        )
    )


def _record(db: Session, actor: Actor, action: str, intro: Introduction) -> None:
    candidate = db.get(Candidate, intro.candidate_id)
    audit.record(
        db,
        actor=actor,
        action=action,
        object_type="introduction",
        object_id=intro.id,
        subject_key=candidate.subject_key if candidate else None,
        purpose=PURPOSE_PIPELINE,
    )


def _live(db: Session, introduction_id: int) -> Introduction:
    intro = db.get(Introduction, introduction_id)
    if intro is None:
        raise errors.NotFound("Dit voorstel")
    return intro


def _check_mover(db: Session, actor: Actor, intro: Introduction) -> None:
    """The candidate's own organisation moves its proposals on; so does the organisation a
    trajectory of the candidate was handed over to (it carries on with the sender's
    proposals: nothing is proposed anew after a warm hand-over)."""
    try:
        editable_candidate(
            db, actor=actor, candidate_id=intro.candidate_id, action="introduction.advance"
        )
    except (errors.NotFound, errors.Forbidden) as exc:
        if grants.handed_over_to(
            db, candidate_id=intro.candidate_id, organisation_id=actor.organisation_id
        ):
            return
        if isinstance(exc, errors.NotFound):
            raise errors.NotFound("Dit voorstel") from None
        raise


@transactional
def propose_for_vacancy(
    db: Session, *, actor: Actor, candidate_id: int, vacancy_id: int
) -> Introduction:
    """One click on a suggestion: propose the candidate for this open vacancy (with the
    consent check of `consent.record_introduction`)."""
    actor.require("introduction.create")
    vacancy = db.get(Vacancy, vacancy_id)
    if vacancy is None:
        raise errors.invalid("vacancy_id", "bestaat niet", "Deze vacature bestaat niet.")
    if vacancy.status != "open":
        raise errors.Conflict(
            "Deze vacature is niet meer open (gesloten of vervuld); stel de werkzoekende "
            "voor een andere vacature voor.",
            fields={"vacancy_id": "niet meer open"},
        )
    return record_introduction(
        db,
        actor=actor,
        candidate_id=candidate_id,
        employer_id=vacancy.employer_id,
        vacancy_id=vacancy.id,
    )


@transactional
def advance_introduction(
    db: Session,
    *,
    actor: Actor,
    introduction_id: int,
    status: IntroStatus | str,
    reason: str | None = None,
) -> Introduction:
    """The coach (or employer adviser) of the candidate's organisation moves a proposal to
    its next status, or declines it with a reason."""
    actor.require("introduction.advance")
    intro = _live(db, introduction_id)
    _check_mover(db, actor, intro)
    target = IntroStatus(status).value
    check_transition(intro, target, reason)
    _move(intro, target, actor=actor, party="coach", reason=reason)
    db.flush()
    _record(db, actor, "introduction.advance", intro)
    return intro


@transactional
def answer_introduction(
    db: Session, *, actor: Actor, introduction_id: int, interested: bool, reason: str | None = None
) -> Introduction:
    """The employer answers a proposal for one of their own vacancies: interested (the
    candidate and employer get to know each other) or not, with a reason."""
    actor.require("introduction.answer")
    intro = _live(db, introduction_id)
    employer = db.get(Employer, intro.employer_id)
    if employer is None or employer.organisation_id != actor.organisation_id:
        raise errors.NotFound("Dit voorstel")
    if intro.status != IntroStatus.PROPOSED or intro.employer_answer is not None:
        raise errors.Conflict(
            "Op dit voorstel is al geantwoord "
            f"(status nu: {_label(intro.status).lower()}). Neem contact op met de coach "
            "als uw antwoord verandert.",
            fields={"interested": "al geantwoord"},
        )
    target = IntroStatus.INTRODUCED if interested else IntroStatus.DECLINED
    check_transition(intro, target, reason)
    intro.employer_answer = "interested" if interested else "not_interested"
    intro.answered_at = clock.now()
    _move(intro, target, actor=actor, party="employer", reason=reason)
    db.flush()
    _record(db, actor, "introduction.answer", intro)
    return intro


@dataclass(frozen=True)
class IntroductionFilter:
    vacancy_id: int | None = None
    candidate_id: int | None = None
    status: str | None = None


def list_introductions(
    db: Session,
    *,
    actor: Actor,
    flt: IntroductionFilter = IntroductionFilter(),
    page: int = 1,
    page_size: int = 100,
) -> list[Introduction]:
    """The live proposals the actor may see (the one visibility rule), newest first."""
    query = introductions_query(actor)
    if flt.vacancy_id is not None:
        query = query.where(Introduction.vacancy_id == flt.vacancy_id)
    if flt.candidate_id is not None:
        query = query.where(Introduction.candidate_id == flt.candidate_id)
    if flt.status is not None:
        query = query.where(Introduction.status == flt.status)
    query = query.order_by(Introduction.id.desc()).limit(page_size).offset((page - 1) * page_size)
    return list(db.scalars(query.options(selectinload(Introduction.steps))))


@dataclass(frozen=True)
class PipelineColumn:
    status: str
    label: str
    hint: str
    rows: Sequence[tuple[Introduction, Candidate]]


def vacancy_pipeline(db: Session, *, actor: Actor, vacancy_id: int) -> list[PipelineColumn]:
    """The proposals for one vacancy, one column per status (in pipeline order)."""
    readable_vacancy(db, actor=actor, vacancy_id=vacancy_id)
    query = (
        introductions_query(actor)
        .add_columns(Candidate)
        .where(Introduction.vacancy_id == vacancy_id)
        .order_by(Introduction.status_at.desc(), Introduction.id.desc())
        .limit(500)
    )
    found: dict[str, list[tuple[Introduction, Candidate]]] = {s: [] for s in PIPELINE_ORDER}
    for intro, candidate in db.execute(query).tuples():
        found.setdefault(intro.status, []).append((intro, candidate))
    return [PipelineColumn(s, _label(s), STATUS_HINTS_NL[s], found[s]) for s in PIPELINE_ORDER]


def placed_on(db: Session, vacancy_id: int) -> int:
    """How many live proposals for this vacancy reached "placed" (its positions taken)."""
    return int(
        db.scalar(
            select(func.count(Introduction.id)).where(
                Introduction.vacancy_id == vacancy_id,
                Introduction.status == IntroStatus.PLACED.value,
                Introduction.withdrawn_at.is_(None),
            )
        )
        or 0
    )


def steps_of(db: Session, introduction_id: int) -> list[IntroductionStep]:
    return list(
        db.scalars(
            select(IntroductionStep)
            .where(IntroductionStep.introduction_id == introduction_id)
            .order_by(IntroductionStep.id)
        )
    )


def proposal_states(
    db: Session, *, actor: Actor, candidate_id: int | None = None, vacancy_id: int | None = None
) -> dict[tuple[int, int], Introduction]:
    """The live proposals per (candidate, vacancy), for the suggestion pages' buttons."""
    if not actor.can("introduction.read"):
        return {}
    flt = IntroductionFilter(vacancy_id=vacancy_id, candidate_id=candidate_id)
    rows = list_introductions(db, actor=actor, flt=flt, page_size=500)
    return {(i.candidate_id, i.vacancy_id): i for i in reversed(rows) if i.vacancy_id}


def proposable(db: Session, *, actor: Actor, candidate_ids: Sequence[int]) -> set[int]:
    """Which of these candidates the actor may propose (their own organisation's)."""
    scope = actor.scope("introduction.create")
    if scope is None or not candidate_ids:
        return set()
    query = select(Candidate.id).where(
        Candidate.id.in_(list(candidate_ids)), Candidate.erased_at.is_(None)
    )
    if scope != Scope.REGION:
        query = query.where(Candidate.organisation_id == actor.organisation_id)
    return set(db.scalars(query))
