"""At most `limit` requests at a time inside the app; the rest wait their turn outside.

A request holds a database connection from its first query to its end, while it moves
between threads; the thread pool bounds the threads, not the requests in flight. Without
this gate, a burst of 50 requests checked out more connections than the pool had and waited
30 s for one (then failed). Waiting here costs nothing: the event loop keeps answering,
and the health check and static files never wait.
"""

from __future__ import annotations

import asyncio

from starlette.types import ASGIApp, Receive, Scope, Send


class ConcurrencyGate:
    def __init__(self, app: ASGIApp, *, limit: int, exempt: tuple[str, ...] = ()) -> None:
        self.app = app
        self.limit = limit
        self.exempt = exempt
        self._gate: asyncio.Semaphore | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(self.exempt):
            await self.app(scope, receive, send)
            return
        if self._gate is None:  # made on the running loop
            self._gate = asyncio.Semaphore(self.limit)
        async with self._gate:
            await self.app(scope, receive, send)
