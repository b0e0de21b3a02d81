"""Setting the login cookies on a response (the HTTP side of `sessions.py`)."""

from __future__ import annotations

from fastapi import Response

from ontschot.config import Settings


def cookie_is_secure(settings: Settings) -> bool:
    return settings.behind_tls or settings.environment == "production"


def set_cookie(
    response: Response, name: str, value: str, settings: Settings, max_age: int | None = None
) -> None:
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        httponly=True,
        samesite="lax",
        path="/",
        secure=cookie_is_secure(settings),
    )
