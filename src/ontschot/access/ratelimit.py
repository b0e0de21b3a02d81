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
