"""State changes and reads of candidates. Every function checks, logs and commits.

The page, the API, the CLI import and other contexts all call these functions, so the
permission check, the version history and the processing-log entry cannot be skipped.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ontschot import errors
from ontschot.access.actor import Actor
from ontschot.access.models import AppUser, Organisation
from ontschot.access.roles import Role, Scope
from ontschot.audit import service as audit
from ontschot.db import utcnow
from ontschot.employers.models import Employer
from ontschot.people.models import (
    Candidate,
    CandidateSkill,
)
from ontschot.people.schemas import CandidateCreate, CandidateUpdate
from ontschot.people.versioning import (
    CHILDREN,
    SCALARS,
    add_version,
    child_dump,
    child_rows,
    plain,
    plain_dict,
    skill_rows,
    stored,
)
from ontschot.people.visibility import View, view_for
from ontschot.people.vum import CandidateStatus, SkillSource
from ontschot.rules import hours_detail, hours_problems
from ontschot.signals import changed_on_commit
from ontschot.tx import transactional

PURPOSE_GUIDANCE = "begeleiding naar werk"
# Fields a registration must have; an update may change them but not empty them.
REQUIRED_ON_CREATE = frozenset(
    {"first_name", "last_name", "municipality", "benefit", "status", "legal_basis"}
)


def find_by_bsn(db: Session, bsn: str) -> Candidate | None:
    """Match on BSN (for partner exchanges); the caller must not show the BSN."""
    return db.scalar(select(Candidate).where(Candidate.bsn == bsn, Candidate.erased_at.is_(None)))


@transactional
def register_candidate(
    db: Session, *, actor: Actor, data: CandidateCreate, organisation_id: int | None = None
) -> Candidate:
    """Register a person once for the whole region; `Conflict` when the BSN is known."""
    actor.require("candidate.create")
    check_hours(data.hours_min, data.hours_max)
    if data.bsn and (known := find_by_bsn(db, data.bsn)) is not None:
        # Logged against the person (see web/problems.log_refusal): whoever tries a BSN
        # that is registered leaves a trace in that person's log.
        raise errors.Conflict(
            "Deze persoon is al ingeschreven in de regio.", fields={"bsn": "al ingeschreven"}
        ).about(known.subject_key)
    values = data.model_dump(include=set(SCALARS) | {"bsn", "source", "external_id"})
    candidate = Candidate(**{k: stored(v) for k, v in values.items()})
    candidate.name_search = f"{data.first_name} {data.last_name}".casefold()
    candidate.organisation_id = organisation_id if organisation_id else actor.organisation_id
    if candidate.coach_user_id is None and actor.role == Role.COACH:
        candidate.coach_user_id = actor.user_id
    elif candidate.coach_user_id is not None:
        check_coach(db, candidate.coach_user_id, candidate.organisation_id)
    if actor.role == Role.EMPLOYER:
        candidate.status = CandidateStatus.EMPLOYED_AT_RISK.value
        candidate.current_employer_id = db.scalar(
            select(Employer.id).where(Employer.organisation_id == actor.organisation_id).limit(1)
        )
    candidate.version = 1
    for kind in CHILDREN:
        setattr(candidate, kind, child_rows(kind, getattr(data, kind)))
    candidate.skills = skill_rows(data.skills, actor)
    candidate.region_code = _region_of(db, candidate.organisation_id, actor)
    candidate.bsn_digest = bsn_digest(data.bsn) if data.bsn else None
    _insert_once(db, candidate)
    changed_on_commit(db, "candidate", candidate.id)
    add_version(db, candidate, actor, "ingeschreven", {"registered": True})
    audit.record(
        db,
        actor=actor,
        action="candidate.create",
        object_type="candidate",
        object_id=candidate.id,
        subject_key=candidate.subject_key,
        purpose="inschrijving werkzoekende",
    )
    return candidate


def check_coach(db: Session, user_id: int, organisation_id: int | None) -> None:
    """A caseload belongs to an active user of the candidate's own organisation."""
    user = db.get(AppUser, user_id)  # the schemas bound the id to the database's range
    if user is None or not user.is_active or user.organisation_id != organisation_id:
        raise errors.invalid(
            "coach_user_id",
            "geen actieve gebruiker van deze organisatie",
            "Kies als begeleider een gebruiker van de eigen organisatie.",
        )


def check_hours(hours_min: int | None, hours_max: int | None) -> None:
    if problems := hours_problems(hours_min, hours_max):
        raise errors.Invalid(hours_detail(hours_min, hours_max), fields=problems)


def _bump_version(db: Session, candidate: Candidate) -> None:
    """One more version; the UPDATE only matches the version read (else `StaleVersion`).
    The match index hears of the change once it is committed."""
    candidate.version += 1
    candidate.updated_at = utcnow()
    changed_on_commit(db, "candidate", candidate.id)
    try:
        db.flush()
    except StaleDataError:
        raise errors.StaleVersion("Deze werkzoekende") from None


def bsn_digest(bsn: str) -> str:
    """The keyed hash the database keeps unique per region (the BSN itself stays private)."""
    return audit.keyed_digest("bsn", bsn)


def _region_of(db: Session, organisation_id: int | None, actor: Actor) -> str:
    org = db.get(Organisation, organisation_id) if organisation_id else None
    return org.region_code if org is not None else (actor.region_code or "")


def _insert_once(db: Session, candidate: Candidate) -> None:
    """Insert in a savepoint: when a concurrent registration of the same BSN (or the same
    external id) won the race, the database refuses and the caller gets a `Conflict`."""
    try:
        with db.begin_nested():
            db.add(candidate)
            db.flush()
    except IntegrityError:
        raise errors.Conflict(
            "Deze persoon is al ingeschreven in de regio.", fields={"bsn": "al ingeschreven"}
        ) from None


def _get(db: Session, candidate_id: int) -> Candidate:
    candidate = db.get(Candidate, candidate_id)
    if candidate is None or candidate.erased_at is not None:
        raise errors.NotFound("Deze werkzoekende")
    return candidate


def decide_view(
    db: Session, *, actor: Actor, candidate_id: int, action: str = "candidate.read"
) -> tuple[Candidate, View]:
    """The candidate and how much the actor may see, deciding only (nothing is logged, so
    that a caller that refuses afterwards leaves no "success" in the log)."""
    actor.require(action)
    candidate = _get(db, candidate_id)
    view = view_for(actor, candidate, db)
    if view == View.NONE:
        raise errors.NotFound("Deze werkzoekende")
    return candidate, view


@transactional
def read_candidate(
    db: Session,
    *,
    actor: Actor,
    candidate_id: int,
    action: str = "candidate.read",
    purpose: str = PURPOSE_GUIDANCE,
) -> tuple[Candidate, View]:
    """The candidate and how much the actor may see; writes exactly one log entry.

    A candidate the actor may not see at all is reported as not found, so its existence is
    not revealed.
    """
    candidate, view = decide_view(db, actor=actor, candidate_id=candidate_id, action=action)
    audit.record(
        db,
        actor=actor,
        action=f"{action}.{view.value}",
        object_type="candidate",
        object_id=candidate.id,
        subject_key=candidate.subject_key,
        purpose=purpose,
    )
    return candidate, view


def editable_candidate(
    db: Session, *, actor: Actor, candidate_id: int, action: str = "candidate.update"
) -> Candidate:
    """A candidate the actor may change: in the own organisation (or region-wide scope)."""
    scope = actor.require(action)
    candidate = _get(db, candidate_id)
    if scope != Scope.REGION:
        try:
            actor.require_within(
                action,
                organisation_id=candidate.organisation_id,
                owner_user_id=candidate.coach_user_id,
            )
        except errors.Forbidden:
            # Someone who may not even see the person must not learn that they exist.
            if view_for(actor, candidate, db) == View.NONE:
                raise errors.NotFound("Deze werkzoekende") from None
            raise
    return candidate


@transactional
def update_candidate(
    db: Session,
    *,
    actor: Actor,
    candidate_id: int,
    data: CandidateUpdate,
    expected_version: int | None = None,
) -> Candidate:
    """Change the fields sent; records a version with old and new values (not the BSN's).

    `expected_version` is the version the caller read (the API's If-Match, the form's
    hidden field); when someone changed the candidate since, `StaleVersion` is raised and
    nothing changes.
    """
    candidate = editable_candidate(db, actor=actor, candidate_id=candidate_id)
    if expected_version is not None and expected_version != candidate.version:
        raise errors.StaleVersion("Deze werkzoekende")
    sent = data.model_fields_set
    for name in sorted(sent & REQUIRED_ON_CREATE):
        if getattr(data, name) is None:
            raise errors.invalid(name, "mag niet leeg zijn")
    check_hours(
        data.hours_min if "hours_min" in sent else candidate.hours_min,
        data.hours_max if "hours_max" in sent else candidate.hours_max,
    )
    if "coach_user_id" in sent and data.coach_user_id is not None:
        check_coach(db, data.coach_user_id, candidate.organisation_id)
    changes: dict[str, Any] = {}
    for name in sorted(sent & set(SCALARS)):
        new = plain(getattr(data, name))
        old = plain(getattr(candidate, name))
        if new != old:
            changes[name] = {"old": old, "new": new}
            setattr(candidate, name, stored(getattr(data, name)))
    if "bsn" in sent and data.bsn != candidate.bsn:
        if data.bsn and (other := find_by_bsn(db, data.bsn)) and other.id != candidate.id:
            raise errors.Conflict("Dit BSN hoort bij een andere ingeschreven persoon.")
        candidate.bsn = data.bsn
        candidate.bsn_digest = bsn_digest(data.bsn) if data.bsn else None
        changes["bsn"] = {"old": "•••", "new": "•••"}
    for kind in CHILDREN:
        if kind in sent and getattr(data, kind) is not None:
            old_rows = child_dump(getattr(candidate, kind))
            new_rows = [plain_dict(item.model_dump()) for item in getattr(data, kind)]
            if old_rows != new_rows:
                changes[kind] = {"old": old_rows, "new": new_rows}
                setattr(candidate, kind, child_rows(kind, getattr(data, kind)))
    if not changes:
        return candidate
    candidate.name_search = f"{candidate.first_name} {candidate.last_name}".casefold()
    _bump_version(db, candidate)
    add_version(db, candidate, actor, "gewijzigd: " + ", ".join(sorted(changes)), changes)
    audit.record(
        db,
        actor=actor,
        action="candidate.update",
        object_type="candidate",
        object_id=candidate.id,
        subject_key=candidate.subject_key,
        purpose=PURPOSE_GUIDANCE,
    )
    return candidate


@transactional
def add_candidate_skills(
    db: Session,
    *,
    actor: Actor,
    candidate_id: int,
    skill_uris: list[str],
    source: SkillSource | str,
    level: str | None = None,
) -> list[CandidateSkill]:
    """Add skills (ESCO URIs) with their source; skills already known from that source stay.

    Used by the profile page and by the extraction context. Returns the rows added.
    """
    candidate = editable_candidate(db, actor=actor, candidate_id=candidate_id)
    source_value = SkillSource(source).value
    have = {(s.skill_uri, s.source) for s in candidate.skills}
    added = []
    for uri in dict.fromkeys(skill_uris):
        if (uri, source_value) not in have:
            row = CandidateSkill(
                skill_uri=uri, source=source_value, level=level, added_by_user_id=actor.user_id
            )
            candidate.skills.append(row)
            added.append(row)
    if not added:
        return []
    _bump_version(db, candidate)
    add_version(
        db,
        candidate,
        actor,
        f"{len(added)} vaardigheden toegevoegd",
        {"skills": {"added": [r.skill_uri for r in added], "source": source_value}},
    )
    audit.record(
        db,
        actor=actor,
        action="candidate.skills.add",
        object_type="candidate",
        object_id=candidate.id,
        subject_key=candidate.subject_key,
        purpose=PURPOSE_GUIDANCE,
    )
    return added


@transactional
def remove_candidate_skill(db: Session, *, actor: Actor, candidate_id: int, skill_id: int) -> None:
    candidate = editable_candidate(db, actor=actor, candidate_id=candidate_id)
    row = next((s for s in candidate.skills if s.id == skill_id), None)
    if row is None:
        raise errors.NotFound("Deze vaardigheid")
    candidate.skills.remove(row)
    _bump_version(db, candidate)
    add_version(
        db,
        candidate,
        actor,
        "vaardigheid verwijderd",
        {"skills": {"removed": [row.skill_uri], "source": row.source}},
    )
    audit.record(
        db,
        actor=actor,
        action="candidate.skills.remove",
        object_type="candidate",
        object_id=candidate.id,
        subject_key=candidate.subject_key,
        purpose=PURPOSE_GUIDANCE,
    )
