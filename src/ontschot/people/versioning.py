"""How a candidate's fields and profile parts are copied, compared and versioned.

The registry service uses these to apply a change and to record it as a new version with
old and new values (never the BSN's).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from ontschot.access.actor import Actor
from ontschot.db import utcnow
from ontschot.people.models import (
    Candidate,
    CandidateEducation,
    CandidateLanguage,
    CandidateSkill,
    CandidateVersion,
    CandidateWish,
    CandidateWork,
)
from ontschot.people.schemas import SkillIn

SCALARS = (
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
CHILDREN: dict[str, type[Any]] = {
    "languages": CandidateLanguage,
    "educations": CandidateEducation,
    "work_history": CandidateWork,
    "wishes": CandidateWish,
}


def plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [plain(v) for v in value]
    if hasattr(value, "value"):
        return value.value
    return value


def stored(value: Any) -> Any:
    """A value as its column takes it: like `plain`, but a date stays a date (the Date
    column refuses strings on SQLite; only the JSON of a version wants ISO text)."""
    return value if isinstance(value, date) else plain(value)


def child_rows(kind: str, items: list[Any]) -> list[Any]:
    model = CHILDREN[kind]
    return [model(**item.model_dump()) for item in items]


def child_dump(rows: list[Any]) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        cols = {c.key: getattr(row, c.key) for c in row.__table__.columns}
        out.append({k: plain(v) for k, v in cols.items() if k not in ("id", "candidate_id")})
    return out


def add_version(
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


def skill_rows(skills: list[SkillIn], actor: Actor) -> list[CandidateSkill]:
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


def plain_dict(values: dict[str, Any]) -> dict[str, Any]:
    return {k: plain(v) for k, v in values.items()}
