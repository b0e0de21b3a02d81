"""In-process sliding-window rate limit per client address (one per app instance).

Good enough for one process; with several processes each counts on its own, which only
makes the limit looser by the number of processes. A shared store can replace it later.
"""

from __future__ import annotations

import time
from collections import deque
from threading import Lock

from ontschot.errors import TooManyRequests

WINDOW_SECONDS = 60.0
_MAX_KEYS = 50_000


class RateLimiter:
    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._hits: dict[tuple[str, str], deque[float]] = {}
        self._lock = Lock()

    def hit(self, bucket: str, address: str) -> None:
        """Count one request; raise `TooManyRequests` when the address is over its limit."""
        now = time.monotonic()
        with self._lock:
            if len(self._hits) > _MAX_KEYS:
                self._hits.clear()
            hits = self._hits.setdefault((bucket, address), deque())
            while hits and now - hits[0] >= WINDOW_SECONDS:
                hits.popleft()
            if len(hits) >= self.per_minute:
                retry = max(1, int(WINDOW_SECONDS - (now - hits[0])) + 1)
                raise TooManyRequests(
                    "Te veel verzoeken vanaf dit adres. Probeer het zo dadelijk opnieuw.",
                    retry_after_seconds=retry,
                )
            hits.append(now)


class LoginGuard:
    """Failed logins per (e-mail address, client address): after `max_failures` in a row
    that pair is locked for `lock_minutes`.

    Locking the pair, not the account, means nobody can lock another person out from
    their own address; unknown e-mail addresses are counted and locked exactly like known
    ones, so the answer never tells whether an account exists. An administrator's password
    reset forgets the account's failures.
    """

    def __init__(self, max_failures: int, lock_minutes: int) -> None:
        self.max_failures = max_failures
        self.lock_seconds = lock_minutes * 60.0
        self._failures: dict[tuple[str, str], int] = {}
        self._locked_until: dict[tuple[str, str], float] = {}
        self._lock = Lock()

    def locked_minutes(self, email: str, address: str) -> int:
        now = time.monotonic()
        with self._lock:
            until = self._locked_until.get((email, address))
            if until is None or until <= now:
                self._locked_until.pop((email, address), None)
                return 0
            return max(1, int((until - now) // 60) + 1)

    def failed(self, email: str, address: str) -> int:
        """Count a failure; the minutes of the lock when this one locked the pair, else 0."""
        with self._lock:
            if len(self._failures) > _MAX_KEYS:
                self._failures.clear()
            key = (email, address)
            count = self._failures.get(key, 0) + 1
            if count < self.max_failures:
                self._failures[key] = count
                return 0
            self._failures.pop(key, None)
            self._locked_until[key] = time.monotonic() + self.lock_seconds
            return max(1, int(self.lock_seconds // 60))

    def succeeded(self, email: str, address: str) -> None:
        with self._lock:
            self._failures.pop((email, address), None)

    def forget(self, email: str) -> None:
        with self._lock:
            for store in (self._failures, self._locked_until):
                for key in [k for k in store if k[0] == email]:
                    del store[key]
