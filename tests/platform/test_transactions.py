"""Every state-changing service function keeps the joints (issue 10, ADR 0014):

- called alone it commits exactly once and writes the processing-log entries it should;
- called inside another `atomic` it commits nothing itself (the outer block decides);
- failing halfway (here: when the log entry is written, its last step) leaves nothing;
- refused (a visitor acting) it writes nothing and logs no success.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

import ontschot
from ontschot import errors
from ontschot.access.actor import Actor
from ontschot.all_models import access_models  # noqa: F401 - fills Base.metadata
from ontschot.audit.models import AuditEntry
from ontschot.db import Base
from ontschot.tx import SERVICES, atomic
from tests.platform.service_samples import SAMPLES


def _import_every_module() -> None:
    for info in pkgutil.walk_packages(ontschot.__path__, "ontschot."):
        if ".migrations" not in info.name:
            importlib.import_module(info.name)


_import_every_module()
NAMES = sorted(SERVICES)
AUDITED = [n for n in NAMES if SERVICES[n].audited]
REFUSABLE = AUDITED


def test_every_service_function_has_a_sample() -> None:
    missing = sorted(set(SERVICES) - set(SAMPLES))
    assert not missing, f"add a sample to tests/platform/service_samples.py for: {missing}"
    assert len(SERVICES) >= 40


@contextmanager
def _counting_commits(db: Session) -> Iterator[list[int]]:
    commits: list[int] = []

    def count(session: Session) -> None:
        if not session.in_nested_transaction():  # a savepoint released is no commit
            commits.append(1)

    event.listen(db, "after_commit", count)
    try:
        yield commits
    finally:
        event.remove(db, "after_commit", count)


def _entries(db: Session) -> int:
    return db.scalar(select(func.count()).select_from(AuditEntry)) or 0


def _row_counts(db: Session) -> dict[str, int]:
    return {
        table.name: db.scalar(select(func.count()).select_from(table)) or 0
        for table in Base.metadata.sorted_tables
    }


def _call(db: Session, service: str, kwargs: dict[str, Any]) -> Any:
    return SERVICES[service].function(db, **kwargs)


@pytest.mark.parametrize("name", NAMES)
def test_called_alone_it_commits_once_and_logs_what_it_did(db: Session, name: str) -> None:
    given = SAMPLES[name](db)
    before = _entries(db)

    with _counting_commits(db) as commits:
        _call(db, name, given.kwargs)

    assert len(commits) == 1
    assert _entries(db) - before == given.entries


@pytest.mark.parametrize("name", NAMES)
def test_inside_another_atomic_it_joins_and_does_not_commit(db: Session, name: str) -> None:
    given = SAMPLES[name](db)

    with _counting_commits(db) as commits:
        with atomic(db):
            _call(db, name, given.kwargs)
            assert commits == []
        assert len(commits) == 1


class _HalfwayError(Exception):
    pass


@pytest.mark.parametrize("name", AUDITED)
def test_failing_halfway_leaves_nothing_behind(
    db: Session, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    given = SAMPLES[name](db)
    if given.entries == 0:
        pytest.skip("this sample writes no log entry to fail on")
    before = _row_counts(db)

    def fail(*args: Any, **kwargs: Any) -> None:
        raise _HalfwayError

    monkeypatch.setattr("ontschot.audit.service.record", fail)
    with pytest.raises(_HalfwayError):
        _call(db, name, given.kwargs)

    assert _row_counts(db) == before


@pytest.mark.parametrize("name", REFUSABLE)
def test_refused_it_writes_nothing_and_logs_no_success(db: Session, name: str) -> None:
    given = SAMPLES[name](db)
    if not given.refusable:
        pytest.skip("this function takes no actor, or shows a visitor nothing instead")
    before = _row_counts(db)

    with pytest.raises((errors.Forbidden, errors.NotFound)):
        _call(db, name, given.kwargs | {"actor": Actor.visitor()})

    assert _row_counts(db) == before


def test_two_services_in_one_atomic_fail_together(db: Session) -> None:
    from ontschot.people.schemas import CandidateCreate, CandidateUpdate
    from ontschot.people.service import register_candidate, update_candidate
    from tests.factories import actor_of, candidate_payload, make_user

    coach = actor_of(make_user(db))
    before = _row_counts(db)

    with pytest.raises(errors.Invalid), atomic(db):
        candidate = register_candidate(
            db, actor=coach, data=CandidateCreate.model_validate(candidate_payload())
        )
        update_candidate(
            db,
            actor=coach,
            candidate_id=candidate.id,
            data=CandidateUpdate.model_validate({"hoursMin": 40, "hoursMax": 20}),
        )

    assert _row_counts(db) == before


def test_on_commit_hooks_run_after_commit_and_not_after_rollback(db: Session) -> None:
    from ontschot.tx import on_commit

    heard: list[str] = []
    with atomic(db):
        on_commit(db, lambda: heard.append("committed"))
        assert heard == []
    assert heard == ["committed"]

    with pytest.raises(_HalfwayError), atomic(db):
        on_commit(db, lambda: heard.append("rolled back"))
        raise _HalfwayError
    assert heard == ["committed"]
