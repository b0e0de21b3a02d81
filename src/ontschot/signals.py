"""After-commit notices that a row changed, for in-memory caches (the match index).

A service calls `changed_on_commit(db, "candidate", id)` inside its transaction; after the
commit every subscriber hears it, so a cache refreshes exactly those rows instead of
waiting for a poll. A rollback drops the notice: nobody hears of changes that never were.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from sqlalchemy.orm import Session

from ontschot.tx import on_commit

Listener = Callable[[str, int], None]
_listeners: list[weakref.WeakMethod[Listener] | Callable[[], Listener | None]] = []


def subscribe(listener: Listener) -> None:
    """Hear every committed change; a bound method is held weakly (caches may go away)."""
    if hasattr(listener, "__self__"):
        _listeners.append(weakref.WeakMethod(listener))
    else:
        _listeners.append(lambda: listener)


def _announce(kind: str, row_id: int) -> None:
    for ref in list(_listeners):
        listener = ref()
        if listener is None:
            _listeners.remove(ref)
        else:
            listener(kind, row_id)


def changed_on_commit(db: Session, kind: str, row_id: int) -> None:
    on_commit(db, lambda: _announce(kind, row_id))
