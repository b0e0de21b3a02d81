"""Imports checked whole, then written in bounded batches, so nobody waits behind them.

SQLite lets one writer in at a time. Written in one transaction, a 20,000-row import held
that lock for minutes (a row costs tens of milliseconds: duplicate checks, history, log)
and every other user's save queued behind it until the busy timeout. Now the whole file is
checked first without writing; then the valid rows go in, `BATCH_ROWS` per transaction,
and other users' writes take their turn between batches.

An import is still all or nothing by default: when a batch is refused while writing
(something the checks could not see, such as an ESCO URI that is well formed but not in
the taxonomy, or a row another user registered meanwhile), the batches already written
are removed again in one transaction that says so in the log, and the report says what
was refused. Called inside a caller's own `atomic` block the batches join it, and the
import is one transaction again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from ontschot.access.actor import Actor
from ontschot.interop import csvformat, importer
from ontschot.interop.importer import ImportResult
from ontschot.tx import in_atomic

BATCH_ROWS = 100


def import_vacancy_fields(
    db: Session,
    *,
    actor: Actor,
    lines: list[tuple[int, dict[str, Any]]],
    source: str,
    partial: bool,
) -> ImportResult:
    """Import vacancies given as API-named field dicts per line (CSV or JSON-LD)."""
    checked = importer.check_vacancy_lines(db, actor=actor, lines=lines, source=source)
    if checked.rejected and not partial:
        return checked
    valid = set(checked.valid_lines)
    todo = [(n, fields) for n, fields in lines if n in valid]

    def write(batch: list[tuple[int, dict[str, Any]]]) -> ImportResult:
        return importer.write_vacancy_batch(
            db, actor=actor, lines=batch, source=source, partial=partial
        )

    return _in_batches(db, actor, checked, todo, write)


def import_vacancies_csv(
    db: Session, *, actor: Actor, text: str, source: str, partial: bool = False
) -> ImportResult:
    actor.require("import.run")
    lines = [
        (n, csvformat.vacancy_row_fields(r) if "__extra__" not in r else r)
        for n, r in csvformat.csv_rows(text, csvformat.VACANCY_COLUMNS, csvformat.VACANCY_REQUIRED)
    ]
    return import_vacancy_fields(db, actor=actor, lines=lines, source=source, partial=partial)


def import_candidate_rows(
    db: Session,
    *,
    actor: Actor,
    rows: list[tuple[int, dict[str, str]]],
    source: str,
    partial: bool = False,
    organisation_id: int | None = None,
) -> ImportResult:
    """Import candidates given as rows keyed by the CSV column names (CSV or JSON)."""
    checked = importer.check_candidate_rows(
        db,
        actor=actor,
        rows=[(n, dict(r)) for n, r in rows],
        source=source,
        organisation_id=organisation_id,
    )
    if checked.rejected and not partial:
        return checked
    valid = set(checked.valid_lines)
    todo = [(n, row) for n, row in rows if n in valid]

    def write(batch: list[tuple[int, dict[str, str]]]) -> ImportResult:
        return importer.write_candidate_batch(
            db,
            actor=actor,
            rows=batch,
            source=source,
            partial=partial,
            organisation_id=organisation_id,
        )

    return _in_batches(db, actor, checked, todo, write)


def import_candidates_csv(
    db: Session,
    *,
    actor: Actor,
    text: str,
    source: str,
    partial: bool = False,
    organisation_id: int | None = None,
) -> ImportResult:
    """Import candidates into the actor's organisation (or `organisation_id` for the CLI)."""
    actor.require("import.run")
    rows = csvformat.csv_rows(text, csvformat.CANDIDATE_COLUMNS, csvformat.CANDIDATE_REQUIRED)
    return import_candidate_rows(
        db, actor=actor, rows=rows, source=source, partial=partial, organisation_id=organisation_id
    )


def _in_batches(
    db: Session,
    actor: Actor,
    checked: ImportResult,
    todo: list[Any],
    write: Callable[[list[Any]], ImportResult],
) -> ImportResult:
    """Write `todo` batch by batch into `checked`; undo earlier batches when one is refused
    in all-or-nothing mode or fails."""
    result = checked
    ids: list[int] = []
    employer_ids: list[int] = []
    # an import with nothing new still writes its log entry (and says it was done)
    batches = [todo[i : i + BATCH_ROWS] for i in range(0, len(todo), BATCH_ROWS)] or [[]]
    for batch in batches:
        try:
            part = write(batch)
        except Exception:
            if not in_atomic(db):  # inside a caller's block the caller's rollback undoes all
                _undo(db, actor, result, ids, employer_ids, "een fout tijdens het schrijven")
            raise
        result.rejected.extend(part.rejected)
        result.already_present += part.already_present
        if not part.committed:
            _undo(db, actor, result, ids, employer_ids, "een regel werd geweigerd")
            result.created = result.duplicates_linked = 0
            result.rejected.sort(key=lambda e: (e.line, e.field))
            return result
        result.created += part.created
        result.duplicates_linked += part.duplicates_linked
        ids += part.created_ids
        employer_ids += part.created_employer_ids
    result.rejected.sort(key=lambda e: (e.line, e.field))
    result.committed = True
    return result


def _undo(
    db: Session,
    actor: Actor,
    result: ImportResult,
    ids: list[int],
    employer_ids: list[int],
    reason: str,
) -> None:
    if ids or employer_ids:
        importer.undo_batches(
            db,
            actor=actor,
            kind=result.kind,
            source=result.source,
            ids=ids,
            employer_ids=employer_ids,
            reason=reason,
        )
