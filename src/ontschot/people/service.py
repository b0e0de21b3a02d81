"""State changes and reads of candidates. Every function checks, logs and commits.

The page, the API, the CLI import and other contexts all call these functions, so the
permission check, the version history and the processing-log entry cannot be skipped.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot.access.actor import Actor
from ontschot.access.roles import Role, Scope
from ontschot.audit import service as audit
from ontschot.db import utcnow
from ontschot.employers.models import Employer
from ontschot.people.models import (
    Candidate,
    CandidateEducation,
    CandidateLanguage,
    CandidateSkill,
    CandidateVersion,
    CandidateWish,
    CandidateWork,
)
from ontschot.people.schemas import CandidateCreate, CandidateUpdate, SkillIn
from ontschot.people.visibility import View, view_for
from ontschot.people.vum import CandidateStatus, SkillSource
from ontschot.web.problems import NotFoundError, ProblemError

PURPOSE_GUIDANCE = "begeleiding naar werk"
_SCALARS = (
    "first_name",
    "last_name",
    "email",
    "phone",
    "birth_date",
    "municipality",
    "postcode",
    "benefit",
    "status",
    "legal_basis",
    "available_from",
    "hours_min",
    "hours_max",
    "contract_forms",
    "max_travel_km",
    "max_travel_minutes",
    "transport",
    "driving_licences",
    "notes",
    "coach_user_id",
)
_CHILDREN: dict[str, type[Any]] = {
    "languages": CandidateLanguage,
    "educations": CandidateEducation,
    "work_history": CandidateWork,
    "wishes": CandidateWish,
}


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "value"):
        return value.value
    return value


def _stored(value: Any) -> Any:
    """A value as its column takes it: like `_plain`, but a date stays a date (the Date
    column refuses strings on SQLite; only the JSON of a version wants ISO text)."""
    return value if isinstance(value, date) else _plain(value)


def _child_rows(kind: str, items: list[Any]) -> list[Any]:
    model = _CHILDREN[kind]
    return [model(**item.model_dump()) for item in items]


def _child_dump(rows: list[Any]) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        cols = {c.key: getattr(row, c.key) for c in row.__table__.columns}
        out.append({k: _plain(v) for k, v in cols.items() if k not in ("id", "candidate_id")})
    return out


def _add_version(
    db: Session, candidate: Candidate, actor: Actor, summary: str, changes: dict[str, Any]
) -> None:
    db.add(
        CandidateVersion(
            candidate_id=candidate.id,
            version=candidate.version,
            changed_at=utcnow(),
            changed_by_user_id=actor.user_id,
            changed_by_name=actor.display_name[:200],
            summary=summary[:200],
            changes=changes,
        )
    )


def _skill_rows(skills: list[SkillIn], actor: Actor) -> list[CandidateSkill]:
    seen: set[tuple[str, str]] = set()
    rows = []
    for skill in skills:
        key = (skill.skill_uri, skill.source.value)
        if key not in seen:
            seen.add(key)
            rows.append(
                CandidateSkill(
                    skill_uri=skill.skill_uri,
                    competentnl_uri=skill.competentnl_uri,
                    source=skill.source.value,
                    level=skill.level.value if skill.level else None,
                    added_by_user_id=actor.user_id,
                )
            )
    return rows


def find_by_bsn(db: Session, bsn: str) -> Candidate | None:
    """Match on BSN (for partner exchanges); the caller must not show the BSN."""
    return db.scalar(select(Candidate).where(Candidate.bsn == bsn, Candidate.erased_at.is_(None)))


def build_candidate(
    db: Session, *, actor: Actor, data: CandidateCreate, organisation_id: int | None = None
) -> Candidate:
    """Check and add a new candidate to the session (no commit; the import batches these)."""
    actor.require("candidate.create")
    if data.bsn and find_by_bsn(db, data.bsn) is not None:
        raise ProblemError(
            409,
            "Deze persoon is al ingeschreven in de regio.",
            errors=[{"name": "bsn", "in": "body", "reason": "al ingeschreven"}],
        )
    values = data.model_dump(include=set(_SCALARS) | {"bsn", "source", "external_id"})
    candidate = Candidate(**{k: _stored(v) for k, v in values.items()})
    candidate.name_search = f"{data.first_name} {data.last_name}".casefold()
    candidate.organisation_id = organisation_id if organisation_id else actor.organisation_id
    if candidate.coach_user_id is None and actor.role == Role.COACH:
        candidate.coach_user_id = actor.user_id
    if actor.role == Role.EMPLOYER:
        candidate.status = CandidateStatus.EMPLOYED_AT_RISK.value
        candidate.current_employer_id = db.scalar(
            select(Employer.id).where(Employer.organisation_id == actor.organisation_id).limit(1)
        )
    candidate.version = 1
    for kind in _CHILDREN:
        setattr(candidate, kind, _child_rows(kind, getattr(data, kind)))
    candidate.skills = _skill_rows(data.skills, actor)
    db.add(candidate)
    db.flush()
    _add_version(db, candidate, actor, "ingeschreven", {"registered": True})
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


def register_candidate(
    db: Session, *, actor: Actor, data: CandidateCreate, organisation_id: int | None = None
) -> Candidate:
    """Register a person once for the whole region; 409 when the BSN is already known."""
    candidate = build_candidate(db, actor=actor, data=data, organisation_id=organisation_id)
    db.commit()
    return candidate


def _get(db: Session, candidate_id: int) -> Candidate:
    candidate = db.get(Candidate, candidate_id)
    if candidate is None or candidate.erased_at is not None:
        raise NotFoundError("Deze werkzoekende")
    return candidate


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
    actor.require(action)
    candidate = _get(db, candidate_id)
    view = view_for(actor, candidate, db)
    if view == View.NONE:
        raise NotFoundError("Deze werkzoekende")
    audit.record(
        db,
        actor=actor,
        action=f"{action}.{view.value}",
        object_type="candidate",
        object_id=candidate.id,
        subject_key=candidate.subject_key,
        purpose=purpose,
    )
    db.commit()
    return candidate, view


def editable_candidate(
    db: Session, *, actor: Actor, candidate_id: int, action: str = "candidate.update"
) -> Candidate:
    """A candidate the actor may change: in the own organisation (or region-wide scope)."""
    scope = actor.require(action)
    candidate = _get(db, candidate_id)
    if scope != Scope.REGION:
        actor.require_within(
            action, organisation_id=candidate.organisation_id, owner_user_id=candidate.coach_user_id
        )
    return candidate


def update_candidate(
    db: Session, *, actor: Actor, candidate_id: int, data: CandidateUpdate
) -> Candidate:
    """Change the fields sent; records a version with old and new values (not the BSN's)."""
    candidate = editable_candidate(db, actor=actor, candidate_id=candidate_id)
    sent = data.model_fields_set
    changes: dict[str, Any] = {}
    for name in sorted(sent & set(_SCALARS)):
        new = _plain(getattr(data, name))
        old = _plain(getattr(candidate, name))
        if new != old:
            changes[name] = {"old": old, "new": new}
            setattr(candidate, name, _stored(getattr(data, name)))
    if "bsn" in sent and data.bsn != candidate.bsn:
        if data.bsn and (other := find_by_bsn(db, data.bsn)) and other.id != candidate.id:
            raise ProblemError(409, "Dit BSN hoort bij een andere ingeschreven persoon.")
        candidate.bsn = data.bsn
        changes["bsn"] = {"old": "•••", "new": "•••"}
    for kind in _CHILDREN:
        if kind in sent and getattr(data, kind) is not None:
            old_rows = _child_dump(getattr(candidate, kind))
            new_rows = [_plain_dict(item.model_dump()) for item in getattr(data, kind)]
            if old_rows != new_rows:
                changes[kind] = {"old": old_rows, "new": new_rows}
                setattr(candidate, kind, _child_rows(kind, getattr(data, kind)))
    if not changes:
        return candidate
    candidate.name_search = f"{candidate.first_name} {candidate.last_name}".casefold()
    candidate.version += 1
    candidate.updated_at = utcnow()
    _add_version(db, candidate, actor, "gewijzigd: " + ", ".join(sorted(changes)), changes)
    audit.record(
        db,
        actor=actor,
        action="candidate.update",
        object_type="candidate",
        object_id=candidate.id,
        subject_key=candidate.subject_key,
        purpose=PURPOSE_GUIDANCE,
    )
    db.commit()
    return candidate


def _plain_dict(values: dict[str, Any]) -> dict[str, Any]:
    return {k: _plain(v) for k, v in values.items()}


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
    candidate.version += 1
    candidate.updated_at = utcnow()
    _add_version(
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
    db.commit()
    return added


def remove_candidate_skill(db: Session, *, actor: Actor, candidate_id: int, skill_id: int) -> None:
    candidate = editable_candidate(db, actor=actor, candidate_id=candidate_id)
    row = next((s for s in candidate.skills if s.id == skill_id), None)
    if row is None:
        raise NotFoundError("Deze vaardigheid")
    candidate.skills.remove(row)
    candidate.version += 1
    candidate.updated_at = utcnow()
    _add_version(
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
    db.commit()
