"""One user action is one transaction: `with atomic(db):` around every state change.

The outermost block commits (or rolls back on any exception); a nested block joins the
outer one, so a flow can combine several services and they succeed or fail together.
`atomic(db, savepoint=True)` nested inside another block rolls back only its own part when
it fails (bulk imports wrap each row in one, to report the row and go on).

After a successful outermost commit the hooks registered with `on_commit` run, in order;
a rollback drops them. This is the one place in the product that calls `Session.commit()`.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Concatenate, ParamSpec, TypeVar, overload

from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ontschot.db import IMMEDIATE
from ontschot.errors import StaleVersion

log = logging.getLogger("ontschot")
P = ParamSpec("P")
R = TypeVar("R")

_DEPTH = "ontschot.atomic.depth"
_HOOKS = "ontschot.atomic.on_commit"


def in_atomic(db: Session) -> bool:
    """True while `db` is inside an `atomic` block."""
    return bool(db.info.get(_DEPTH, 0))


@contextmanager
def atomic(db: Session, *, savepoint: bool = False) -> Iterator[Session]:
    depth: int = db.info.get(_DEPTH, 0)
    db.info[_DEPTH] = depth + 1
    try:
        if depth:
            if savepoint:
                with db.begin_nested():
                    yield db
            else:
                yield db
            return
        _begin_for_writing(db)
        try:
            yield db
            db.commit()
        except StaleDataError:
            db.info.pop(_HOOKS, None)
            db.rollback()
            raise StaleVersion() from None
        except BaseException:
            db.info.pop(_HOOKS, None)
            db.rollback()
            raise
    finally:
        db.info[_DEPTH] = depth
    _run_hooks(db)


def _begin_for_writing(db: Session) -> None:
    """On SQLite, start the outermost block as a write transaction (see `db.IMMEDIATE`).

    A read-only transaction still open from before (a permission check read the session
    row) is ended first: its snapshot could not be turned into a write later.
    """
    bind = db.get_bind()
    if bind.dialect.name != "sqlite" or isinstance(bind, Connection):
        return
    if db.in_transaction():
        if db.new or db.dirty or db.deleted:
            return
        db.commit()
    db.connection(execution_options={IMMEDIATE: True})


def on_commit(db: Session, hook: Callable[[], None]) -> None:
    """Run `hook` after the outermost `atomic` block around this call has committed."""
    if not in_atomic(db):
        raise RuntimeError("on_commit() must be called inside atomic()")
    db.info.setdefault(_HOOKS, []).append(hook)


def _run_hooks(db: Session) -> None:
    hooks: list[Callable[[], None]] = db.info.pop(_HOOKS, [])
    for hook in hooks:
        try:
            hook()
        except Exception:  # a hook must never undo or hide a committed change
            log.exception("on-commit hook failed")


@dataclass(frozen=True)
class ServiceInfo:
    """A registered state-changing service function, for the tests that check them all."""

    name: str
    function: Callable[..., Any]
    audited: bool


# Every public function that changes state (or logs a read) registers here through
# `transactional`, so a test can check each one and a new one cannot be forgotten.
SERVICES: dict[str, ServiceInfo] = {}


@overload
def transactional(
    fn: Callable[Concatenate[Session, P], R], /
) -> Callable[Concatenate[Session, P], R]: ...


@overload
def transactional(
    *, audited: bool = True
) -> Callable[[Callable[Concatenate[Session, P], R]], Callable[Concatenate[Session, P], R]]: ...


def transactional(
    fn: Callable[Concatenate[Session, P], R] | None = None, /, *, audited: bool = True
) -> Any:
    """Decorator: the function runs inside `atomic(db)` (its first argument is the session).

    Called alone it commits once; called inside another `atomic` it joins. `audited=False`
    marks the few infrastructure writes (login, session expiry, token last-use) that log
    nothing.
    """

    def wrap(func: Callable[Concatenate[Session, P], R]) -> Callable[Concatenate[Session, P], R]:
        @functools.wraps(func)
        def run(db: Session, /, *args: P.args, **kwargs: P.kwargs) -> R:
            with atomic(db):
                return func(db, *args, **kwargs)

        name = f"{func.__module__}.{func.__qualname__}"
        SERVICES[name] = ServiceInfo(name=name, function=run, audited=audited)
        return run

    return wrap(fn) if fn is not None else wrap
