"""Password hashing with argon2id (argon2-cffi). Cost comes from the settings."""

from __future__ import annotations

from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ontschot.config import Settings

MIN_LENGTH = 12
MAX_LENGTH = 256


@lru_cache(maxsize=8)
def _hasher(time_cost: int, memory_kib: int) -> PasswordHasher:
    return PasswordHasher(time_cost=time_cost, memory_cost=memory_kib, parallelism=1)


def hasher(settings: Settings) -> PasswordHasher:
    return _hasher(settings.argon2_time_cost, settings.argon2_memory_kib)


def hash_password(password: str, settings: Settings) -> str:
    return hasher(settings).hash(password)


def verify_password(stored_hash: str | None, password: str, settings: Settings) -> bool:
    """True when `password` matches; a missing hash still costs one hash (no timing hint)."""
    ph = hasher(settings)
    if stored_hash is None:
        ph.hash(password)
        return False
    try:
        return ph.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str, settings: Settings) -> bool:
    try:
        return hasher(settings).check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True


def password_problems(password: str) -> list[str]:
    """Dutch reasons a new password is refused; empty when it is acceptable."""
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(f"Kies een wachtwoord van minstens {MIN_LENGTH} tekens.")
    if len(password) > MAX_LENGTH:
        problems.append(f"Een wachtwoord mag hoogstens {MAX_LENGTH} tekens hebben.")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in password):
        problems.append("Een wachtwoord mag geen stuurtekens bevatten.")
    return problems
