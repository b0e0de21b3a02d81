"""THE rule for who sees which candidate, and how much. Every context reuses it.

- The owning organisation (caseload) sees the full profile; the system administrator sees
  every profile in the region.
- Everyone else sees what a live access grant (`grants.py`) allows: consent to share the
  profile with a kind of partner (full), consent to employer suggestions (anonymised), an
  introduction to an employer (full, for that employer's users), a hand-over to an
  organisation (full). An employer that registered its own employee at risk owns that
  record.
- Analysts see no personal data. Erased candidates are visible to nobody.

The rule is written once, as SQL conditions; `view_for` evaluates the same conditions for a
single candidate, so a list and a profile page can never disagree. Withdrawing a consent
revokes its grant, which ends the visibility with the next query: nothing is cached.
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import ColumnElement, Select, and_, false, or_, select, true
from sqlalchemy.orm import Session, object_session

from ontschot.access.actor import Actor
from ontschot.access.roles import Role, Scope
from ontschot.employers.models import Employer
from ontschot.people.grants import GrantView, grant_exists
from ontschot.people.models import AccessGrant, Candidate
from ontschot.people.vum import PartnerCategory


class View(StrEnum):
    FULL = "full"
    ANONYMISED = "anonymised"
    NONE = "none"


def _granted_to_categories(view: GrantView, categories: list[str]) -> ColumnElement[bool]:
    return grant_exists(view, AccessGrant.partner_category.in_(categories))


def _granted_to_organisation(actor: Actor) -> ColumnElement[bool]:
    return grant_exists(GrantView.FULL, AccessGrant.organisation_id == actor.organisation_id)


def _granted_to_actor_employer(actor: Actor) -> ColumnElement[bool]:
    own_employers = select(Employer.id).where(Employer.organisation_id == actor.organisation_id)
    return grant_exists(GrantView.FULL, AccessGrant.employer_id.in_(own_employers))


def full_view_condition(actor: Actor) -> ColumnElement[bool]:
    """SQL condition: the actor may see this candidate's full profile."""
    if not actor.is_authenticated:
        return false()
    if actor.role == Role.EMPLOYER:
        if actor.organisation_id is None:
            return false()
        return or_(
            Candidate.organisation_id == actor.organisation_id,
            _granted_to_actor_employer(actor),
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
    return or_(
        own,
        _granted_to_categories(GrantView.FULL, categories),
        _granted_to_organisation(actor),
    )


def anonymised_view_condition(actor: Actor) -> ColumnElement[bool]:
    """SQL condition: the actor may see at least the anonymised profile."""
    if not actor.is_authenticated:
        return false()
    if actor.role != Role.EMPLOYER and actor.scope("candidate.read") is None:
        return false()
    return _granted_to_categories(GrantView.ANONYMISED, [PartnerCategory.ALL.value])


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
