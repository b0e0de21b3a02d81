"""Server-side login sessions and CSRF tokens.

The cookie holds a random 256-bit id; the database holds only its SHA-256. A session ends
after `session_hours` without activity, at logout, or when the user is disabled. The CSRF
token is an HMAC of the session hash with the secret key, so it is tied to one session and
needs no storage. Before login, a separate random cookie plays the session's part.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ontschot.access.models import AppUser, UserSession
from ontschot.clock import now as utcnow
from ontschot.config import Settings
from ontschot.tx import transactional

SESSION_COOKIE = "ontschot_session"
PRE_SESSION_COOKIE = "ontschot_presession"
TOUCH_EVERY = timedelta(minutes=1)


def sha256(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def start_session(db: Session, user: AppUser, settings: Settings) -> str:
    """Create a session row (no commit) and return the raw id for the cookie."""
    raw = secrets.token_urlsafe(32)
    now = utcnow()
    db.add(
        UserSession(
            token_hash=sha256(raw),
            user_id=user.id,
            created_at=now,
            last_seen_at=now,
            expires_at=now + timedelta(hours=settings.session_hours),
        )
    )
    return raw


@transactional(audited=False)
def resolve_session(db: Session, raw: str | None, settings: Settings) -> UserSession | None:
    """The live session for a cookie value, sliding its expiry; None when absent or expired."""
    if not raw or len(raw) > 100:
        return None
    row = db.scalar(select(UserSession).where(UserSession.token_hash == sha256(raw)))
    if row is None:
        return None
    now = utcnow()
    too_old = now - row.created_at >= timedelta(hours=settings.session_max_hours)
    if (
        too_old
        or row.expires_at <= now
        or not row.user.is_active
        or not row.user.organisation.is_active
    ):
        db.delete(row)
        return None
    if now - row.last_seen_at >= TOUCH_EVERY:
        row.last_seen_at = now
        row.expires_at = now + timedelta(hours=settings.session_hours)
    return row


def end_session(db: Session, raw: str | None) -> None:
    """Delete the session row of this cookie value (no commit)."""
    if raw and len(raw) <= 100:
        db.execute(delete(UserSession).where(UserSession.token_hash == sha256(raw)))


def end_sessions_of(db: Session, user_id: int) -> None:
    """Log a user out everywhere (disable, password reset). No commit."""
    db.execute(delete(UserSession).where(UserSession.user_id == user_id))


def csrf_token(binding: str, settings: Settings) -> str:
    """CSRF token tied to a session hash (or a pre-login cookie value)."""
    mac = hmac.new(settings.secret_key.encode(), b"csrf:" + binding.encode(), hashlib.sha256)
    return mac.hexdigest()


def csrf_matches(binding: str, token: str | None, settings: Settings) -> bool:
    if not token or len(token) > 200:
        return False
    return hmac.compare_digest(csrf_token(binding, settings), token)
