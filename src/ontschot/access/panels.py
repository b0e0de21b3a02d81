"""Landing-page panels of the access context itself."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ontschot.access.actor import Actor
from ontschot.access.dashboard import register_dashboard_panel
from ontschot.access.models import ApiToken, AppUser
from ontschot.access.roles import Role


def organisation_panel(db: Session, actor: Actor) -> tuple[str, dict[str, Any]] | None:
    """For an administrator: how many active accounts and API tokens the organisation has."""
    if actor.organisation_id is None:
        return None
    users = db.scalar(
        select(func.count())
        .select_from(AppUser)
        .where(AppUser.organisation_id == actor.organisation_id, AppUser.is_active.is_(True))
    )
    tokens = db.scalar(
        select(func.count())
        .select_from(ApiToken)
        .where(ApiToken.organisation_id == actor.organisation_id, ApiToken.revoked_at.is_(None))
    )
    return "access/_panel_organisation.html", {"users": users or 0, "tokens": tokens or 0}


register_dashboard_panel(
    (Role.PARTNER_ADMIN, Role.SYSTEM_ADMIN),
    organisation_panel,
    name="access.organisation",
    order=900,
)
