"""THE rule for who sees which candidate, and how much. Every context reuses it.

- The owning organisation (caseload) sees the full profile; the system administrator sees
  every profile in the region.
- Staff of another partner organisation see the full profile only while the candidate has an
  active `share_profile` consent for that organisation's kind (or for all partners); with an
  active `employer_suggestions` consent they see the anonymised profile.
- An employer user sees the anonymised profile while the candidate allows employer
  suggestions, and the full profile once the candidate agreed to an introduction to that
  employer. An employer that registered its own employee at risk owns that record.
- Analysts see no personal data. Erased candidates are visible to nobody.

The rule is written once, as SQL conditions; `view_for` evaluates the same conditions for a
single candidate, so a list and a profile page can never disagree. Withdrawing a consent
ends the visibility with the next query: nothing is cached.
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import ColumnElement, Select, and_, exists, false, or_, select, true
from sqlalchemy.orm import Session, object_session

from ontschot.access.actor import Actor
from ontschot.access.roles import Role, Scope
from ontschot.employers.models import Employer
from ontschot.people.models import Candidate, Consent, Introduction
from ontschot.people.vum import ConsentPurpose, PartnerCategory


class View(StrEnum):
    FULL = "full"
    ANONYMISED = "anonymised"
    NONE = "none"


def _has_consent(purpose: ConsentPurpose, categories: list[str]) -> ColumnElement[bool]:
    return exists().where(
        Consent.candidate_id == Candidate.id,
        Consent.purpose == purpose.value,
        Consent.withdrawn_at.is_(None),
        Consent.partner_category.in_(categories),
    )


def _introduced_to_actor_employer(actor: Actor) -> ColumnElement[bool]:
    return exists().where(
        Introduction.candidate_id == Candidate.id,
        Introduction.withdrawn_at.is_(None),
        Introduction.employer_id == Employer.id,
        Employer.organisation_id == actor.organisation_id,
    )


def full_view_condition(actor: Actor) -> ColumnElement[bool]:
    """SQL condition: the actor may see this candidate's full profile."""
    if not actor.is_authenticated:
        return false()
    if actor.role == Role.EMPLOYER:
        if actor.organisation_id is None:
            return false()
        return or_(
            Candidate.organisation_id == actor.organisation_id,
            _introduced_to_actor_employer(actor),
        )
    scope = actor.scope("candidate.read")
    if scope is None:
        return false()
    if scope == Scope.REGION:
        return true()
    own = Candidate.organisation_id == actor.organisation_id
    if scope == Scope.OWN:
        own = and_(own, Candidate.coach_user_id == actor.user_id)
    categories = [PartnerCategory.ALL.value]
    if actor.organisation_kind:
        categories.append(actor.organisation_kind)
    return or_(own, _has_consent(ConsentPurpose.SHARE_PROFILE, categories))


def anonymised_view_condition(actor: Actor) -> ColumnElement[bool]:
    """SQL condition: the actor may see at least the anonymised profile."""
    if not actor.is_authenticated:
        return false()
    if actor.role != Role.EMPLOYER and actor.scope("candidate.read") is None:
        return false()
    return _has_consent(ConsentPurpose.EMPLOYER_SUGGESTIONS, [PartnerCategory.ALL.value])


def visible_candidates_query(
    db: Session, actor: Actor, *, include_anonymised: bool = False
) -> Select[tuple[Candidate]]:
    """Candidates the actor may see in full (and, if asked, also those seen anonymised)."""
    condition = full_view_condition(actor)
    if include_anonymised:
        condition = or_(condition, anonymised_view_condition(actor))
    return select(Candidate).where(Candidate.erased_at.is_(None), condition)


def view_for(actor: Actor, candidate: Candidate, db: Session | None = None) -> View:
    """How much of this candidate the actor may see: full, anonymised or none."""
    session = db or object_session(candidate)
    if session is None or candidate.erased_at is not None:
        return View.NONE
    row = session.execute(
        select(full_view_condition(actor), anonymised_view_condition(actor)).where(
            Candidate.id == candidate.id
        )
    ).one_or_none()
    if row is None:
        return View.NONE
    if row[0]:
        return View.FULL
    return View.ANONYMISED if row[1] else View.NONE
