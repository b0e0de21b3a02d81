"""Consents per purpose and partner category, and introductions to employers.

Withdrawal takes effect at once: visibility (people/visibility.py) reads the consent rows
on every query, so the next page or API call of another organisation no longer shows the
candidate.
"""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from ontschot import clock, errors
from ontschot.access.actor import Actor
from ontschot.access.roles import Role
from ontschot.audit import service as audit
from ontschot.employers.models import Employer, Vacancy
from ontschot.people import grants
from ontschot.people.grants import Basis, GrantView
from ontschot.people.models import Candidate, Consent, Introduction, IntroductionStep
from ontschot.people.service import editable_candidate
from ontschot.people.visibility import full_view_condition
from ontschot.people.vum import ConsentPurpose, PartnerCategory
from ontschot.tx import transactional

PURPOSE_CONSENT = "vastleggen toestemming"


@transactional
def give_consent(
    db: Session,
    *,
    actor: Actor,
    candidate_id: int,
    purpose: ConsentPurpose,
    partner_category: PartnerCategory = PartnerCategory.ALL,
) -> Consent:
    """Record consent; an active consent for the same purpose and category is kept."""
    candidate = editable_candidate(
        db, actor=actor, candidate_id=candidate_id, action="consent.manage"
    )
    for consent in candidate.consents:
        if (
            consent.is_active
            and consent.purpose == purpose.value
            and consent.partner_category == partner_category.value
        ):
            return consent
    consent = Consent(
        purpose=purpose.value,
        partner_category=partner_category.value,
        given_at=clock.now(),
        recorded_by_user_id=actor.user_id,
    )
    candidate.consents.append(consent)
    db.flush()
    _grant_for_consent(db, actor, candidate.id, consent)
    audit.record(
        db,
        actor=actor,
        action="consent.give",
        object_type="candidate_consent",
        object_id=consent.id,
        subject_key=candidate.subject_key,
        purpose=PURPOSE_CONSENT,
    )
    return consent


@transactional
def withdraw_consent(db: Session, *, actor: Actor, candidate_id: int, consent_id: int) -> Consent:
    candidate = editable_candidate(
        db, actor=actor, candidate_id=candidate_id, action="consent.manage"
    )
    consent = next((c for c in candidate.consents if c.id == consent_id), None)
    if consent is None:
        raise errors.NotFound("Deze toestemming")
    if consent.withdrawn_at is None:
        consent.withdrawn_at = clock.now()
        grants.revoke_for(db, source_type="consent", source_id=consent.id)
        audit.record(
            db,
            actor=actor,
            action="consent.withdraw",
            object_type="candidate_consent",
            object_id=consent.id,
            subject_key=candidate.subject_key,
            purpose=PURPOSE_CONSENT,
        )
    return consent


@transactional
def record_introduction(
    db: Session, *, actor: Actor, candidate_id: int, employer_id: int, vacancy_id: int | None = None
) -> Introduction:
    """Propose the candidate by name to this employer (and vacancy): the first status of the
    pipeline (`pipeline.py`). Needs the candidate's consent for sharing with employers; a
    live proposal for the same vacancy is returned as it is."""
    actor.require("introduction.create")
    candidate = editable_candidate(
        db, actor=actor, candidate_id=candidate_id, action="introduction.create"
    )
    if db.get(Employer, employer_id) is None:
        raise errors.Invalid("Onbekende werkgever.", fields={"employer_id": "bestaat niet"})
    if vacancy_id is not None:
        vacancy = db.get(Vacancy, vacancy_id)
        if vacancy is None or vacancy.employer_id != employer_id:
            raise errors.Invalid(
                "Deze vacature hoort niet bij deze werkgever.",
                fields={"vacancy_id": "onbekend bij deze werkgever"},
            )
    if not _allows_employers(candidate):
        raise errors.Conflict(
            "Deze werkzoekende heeft geen toestemming gegeven om aan werkgevers te worden "
            "voorgesteld, dus u kunt haar of hem niet met naam voorstellen. Vraag het eerst "
            "na en leg de toestemming 'Anoniem voorstellen aan werkgevers' vast "
            "(tab Toestemmingen).",
            fields={"candidate_id": "geen toestemming voor delen met werkgevers"},
        )
    live = db.scalar(
        select(Introduction).where(
            Introduction.candidate_id == candidate.id,
            Introduction.employer_id == employer_id,
            Introduction.vacancy_id == vacancy_id
            if vacancy_id is not None
            else Introduction.vacancy_id.is_(None),
            Introduction.withdrawn_at.is_(None),
            Introduction.status != "declined",
        )
    )
    if live is not None:
        # A second click on "Voorstellen" changes nothing: the proposal already runs.
        return live
    now = clock.now()
    intro = Introduction(
        candidate_id=candidate.id,
        employer_id=employer_id,
        vacancy_id=vacancy_id,
        consent_given_at=now,
        created_by_user_id=actor.user_id,
        status="proposed",
        status_at=now,
    )
    intro.steps.append(
        IntroductionStep(status="proposed", reached_at=now, by_user_id=actor.user_id)
    )
    db.add(intro)
    db.flush()
    grants.grant(
        db,
        candidate_id=candidate.id,
        employer_id=employer_id,
        view=GrantView.FULL,
        purpose="introduction",
        basis=Basis.INTRODUCTION,
        source_type="introduction",
        source_id=intro.id,
        granted_by_user_id=actor.user_id,
    )
    audit.record(
        db,
        actor=actor,
        action="introduction.create",
        object_type="introduction",
        object_id=intro.id,
        subject_key=candidate.subject_key,
        purpose="voorstellen aan werkgever",
    )
    return intro


@transactional
def withdraw_introduction(
    db: Session, *, actor: Actor, candidate_id: int, introduction_id: int
) -> Introduction:
    candidate = editable_candidate(
        db, actor=actor, candidate_id=candidate_id, action="consent.manage"
    )
    intro = db.get(Introduction, introduction_id)
    if intro is None or intro.candidate_id != candidate.id:
        raise errors.NotFound("Deze voorstelling")
    if intro.withdrawn_at is None:
        intro.withdrawn_at = clock.now()
        grants.revoke_for(db, source_type="introduction", source_id=intro.id)
        audit.record(
            db,
            actor=actor,
            action="introduction.withdraw",
            object_type="introduction",
            object_id=intro.id,
            subject_key=candidate.subject_key,
            purpose=PURPOSE_CONSENT,
        )
    return intro


@transactional
def read_consents(db: Session, *, actor: Actor, candidate_id: int) -> list[Consent]:
    """The person's consents (a read of personal data: one log entry)."""
    candidate = editable_candidate(
        db, actor=actor, candidate_id=candidate_id, action="consent.manage"
    )
    audit.record(
        db,
        actor=actor,
        action="consent.read",
        object_type="candidate_consent",
        object_id=None,
        subject_key=candidate.subject_key,
        purpose=PURPOSE_CONSENT,
    )
    return list(candidate.consents)


def introductions_for(db: Session, *, actor: Actor, candidate_id: int) -> list[Introduction]:
    candidate = editable_candidate(
        db, actor=actor, candidate_id=candidate_id, action="consent.manage"
    )
    return list(
        db.scalars(
            select(Introduction)
            .where(Introduction.candidate_id == candidate.id)
            .order_by(Introduction.id)
        )
    )


def introductions_query(actor: Actor) -> Select[tuple[Introduction]]:
    """Live introductions of candidates the actor sees in full (the one visibility rule);
    employer users see only those to their own employers."""
    actor.require("introduction.read")
    query = (
        select(Introduction)
        .join(Candidate, Candidate.id == Introduction.candidate_id)
        .where(
            Introduction.withdrawn_at.is_(None),
            Candidate.erased_at.is_(None),
            full_view_condition(actor),
        )
    )
    if actor.role == Role.EMPLOYER:
        query = query.join(Employer, Employer.id == Introduction.employer_id).where(
            Employer.organisation_id == actor.organisation_id
        )
    return query


def visible_introductions(
    db: Session, *, actor: Actor, page: int = 1, page_size: int = 100
) -> list[Introduction]:
    """A page of the live introductions the actor may see, newest first."""
    query = introductions_query(actor).order_by(Introduction.id.desc())
    return list(db.scalars(query.limit(page_size).offset((page - 1) * page_size)))


@transactional
def read_introduction(
    db: Session, *, actor: Actor, introduction_id: int
) -> tuple[Introduction, Candidate]:
    """One introduction with the candidate's full profile; one processing-log entry."""
    intro = db.scalar(introductions_query(actor).where(Introduction.id == introduction_id))
    if intro is None:
        raise errors.NotFound("Dit voorstel")
    candidate = db.get(Candidate, intro.candidate_id)
    assert candidate is not None  # the query joined it
    audit.record(
        db,
        actor=actor,
        action="introduction.read",
        object_type="introduction",
        object_id=intro.id,
        subject_key=candidate.subject_key,
        purpose="kennismaking na voorstel",
    )
    return intro, candidate


def _allows_employers(candidate: Candidate) -> bool:
    return any(
        c.is_active and c.purpose == ConsentPurpose.EMPLOYER_SUGGESTIONS.value
        for c in candidate.consents
    )


def _grant_for_consent(db: Session, actor: Actor, candidate_id: int, consent: Consent) -> None:
    full = consent.purpose == ConsentPurpose.SHARE_PROFILE.value
    grants.grant(
        db,
        candidate_id=candidate_id,
        partner_category=consent.partner_category if full else PartnerCategory.ALL.value,
        view=GrantView.FULL if full else GrantView.ANONYMISED,
        purpose=consent.purpose,
        basis=Basis.CONSENT,
        source_type="consent",
        source_id=consent.id,
        valid_from=consent.given_at,
        granted_by_user_id=actor.user_id,
    )
