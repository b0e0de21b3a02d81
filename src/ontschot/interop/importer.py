"""Bulk import of vacancies and candidates: validate every row first, then write.

This module holds the checks and the write of one bounded batch (`write_vacancy_batch`,
`write_candidate_batch`, each one transaction) and the undo of batches already written;
`interop/flows.py` checks a whole file and writes it batch by batch.

By default an import is all or nothing: one invalid row refuses the whole file and nothing
is written. With `partial=True` the valid rows are written and every rejected row is
reported with its line, field and reason. A row whose external id is already known for the
same source is skipped, so importing a file twice adds nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import Field, ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot import errors
from ontschot.access.actor import Actor
from ontschot.access.models import Organisation
from ontschot.audit import service as audit
from ontschot.employers.models import Employer, Vacancy
from ontschot.employers.schemas import VacancyCreate, VacancyFields
from ontschot.employers.service import employer_key, find_or_create_employer, register_vacancy
from ontschot.interop import csvformat
from ontschot.interop.rows import RowError, rejection_report_csv
from ontschot.people.fields import KvkNumber, Text
from ontschot.people.models import Candidate
from ontschot.people.schemas import CandidateCreate
from ontschot.people.service import register_candidate
from ontschot.tx import atomic, transactional

MAX_ROWS = 100_000


class VacancyImportRow(VacancyFields):
    external_id: Text = Field(max_length=100)
    employer_name: Text = Field(max_length=200)
    employer_kvk: KvkNumber | None = None


@dataclass
class ImportResult:
    kind: str
    source: str
    rows: int = 0
    created: int = 0
    already_present: int = 0
    duplicates_linked: int = 0
    rejected: list[RowError] = field(default_factory=list)
    committed: bool = False
    # what a batch wrote, so that an all-or-nothing import can undo earlier batches
    created_ids: list[int] = field(default_factory=list)
    created_employer_ids: list[int] = field(default_factory=list)
    valid_lines: list[int] = field(default_factory=list)

    def report_csv(self) -> str:
        return rejection_report_csv(self.rejected)


@dataclass
class _Row:
    line: int
    model: Any


def _errors(line: int, exc: ValidationError, columns: tuple[str, ...]) -> list[RowError]:
    out = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err.get("loc", ()))
        column = csvformat.field_to_column(loc, columns) if loc else "rij"
        out.append(RowError(line, column, str(err.get("msg", "ongeldig"))))
    return out


def _validate(
    lines: list[tuple[int, dict[str, Any]]],
    model: type[Any],
    columns: tuple[str, ...],
    result: ImportResult,
    known: Callable[[str], bool],
) -> list[_Row]:
    valid, seen = [], set()
    for line, fields in lines:
        if "__extra__" in fields:
            result.rejected.append(RowError(line, "rij", "te veel kolommen"))
            continue
        try:
            parsed = model.model_validate(fields)
        except ValidationError as exc:
            result.rejected.extend(_errors(line, exc, columns))
            continue
        if not parsed.external_id:
            result.rejected.append(RowError(line, "external_id", "verplicht bij import"))
            continue
        if parsed.external_id in seen:
            result.rejected.append(RowError(line, "external_id", "komt eerder in het bestand voor"))
            continue
        seen.add(parsed.external_id)
        if known(parsed.external_id):
            result.already_present += 1
            continue
        valid.append(_Row(line, parsed))
    return valid


class _BatchRefusedError(Exception):
    """An all-or-nothing import met a bad row: undo every row written so far."""


def _write(
    db: Session,
    rows: list[_Row],
    result: ImportResult,
    partial: bool,
    write_one: Callable[[Any], Any],
) -> None:
    """Each row in its own savepoint: a refused row is reported and undone on its own; in
    all-or-nothing mode the first refusal undoes the whole batch."""
    try:
        with atomic(db, savepoint=True):
            for row in rows:
                try:
                    with atomic(db, savepoint=True):
                        write_one(row.model)
                except errors.DomainError as exc:
                    reasons = exc.fields or {"rij": exc.detail}
                    for name, reason in reasons.items():
                        result.rejected.append(RowError(row.line, name, reason))
                    if not partial:
                        raise _BatchRefusedError from None
                else:
                    result.created += 1
    except _BatchRefusedError:
        result.created = result.duplicates_linked = 0


def _finish(db: Session, *, actor: Actor, result: ImportResult, partial: bool) -> ImportResult:
    result.rejected.sort(key=lambda e: (e.line, e.field))
    if result.rejected and not partial:
        result.created = result.duplicates_linked = 0
        return result
    audit.record(
        db,
        actor=actor,
        action=f"import.{result.kind}",
        object_type="import",
        object_id=None,
        subject_key=None,
        purpose=f"import {result.source}: {result.created} nieuw, {len(result.rejected)} geweigerd",
    )
    result.committed = True
    return result


def _known_vacancy(db: Session, source: str) -> Callable[[str], bool]:
    ids = set(db.scalars(select(Vacancy.external_id).where(Vacancy.source == source)))
    return lambda external_id: external_id in ids


VACANCY_ACTIONS = ("import.run", "vacancy.create", "employer.create")


def check_vacancy_lines(
    db: Session, *, actor: Actor, lines: list[tuple[int, dict[str, Any]]], source: str
) -> ImportResult:
    """Every line checked, nothing written: the rejections and the lines that may go in."""
    for action in VACANCY_ACTIONS:
        actor.require(action)  # rows may name employers not yet registered
    _check_size(lines)
    result = ImportResult(kind="vacancies", source=source, rows=len(lines))
    rows = _validate(
        lines, VacancyImportRow, csvformat.VACANCY_COLUMNS, result, _known_vacancy(db, source)
    )
    result.valid_lines = [row.line for row in rows]
    result.rejected.sort(key=lambda e: (e.line, e.field))
    return result


@transactional
def write_vacancy_batch(
    db: Session,
    *,
    actor: Actor,
    lines: list[tuple[int, dict[str, Any]]],
    source: str,
    partial: bool,
) -> ImportResult:
    """Write one batch of vacancies given as API-named field dicts per line (CSV or
    JSON-LD), in one transaction."""
    for action in VACANCY_ACTIONS:
        actor.require(action)
    result = ImportResult(kind="vacancies", source=source, rows=len(lines))
    rows = _validate(
        lines, VacancyImportRow, csvformat.VACANCY_COLUMNS, result, _known_vacancy(db, source)
    )
    if result.rejected and not partial:
        return _finish(db, actor=actor, result=result, partial=partial)

    employers: dict[tuple[str, str | None], int] = {}  # filled only by rows that succeeded

    def write_one(row: VacancyImportRow) -> None:
        key = (employer_key(row.employer_name), row.employer_kvk)
        employer_id = employers.get(key)
        if employer_id is None:
            employer, created = find_or_create_employer(
                db, actor=actor, name=row.employer_name, kvk_number=row.employer_kvk
            )
            employer_id = employer.id
            if created:
                new_employers.append(employer_id)
        data = VacancyCreate(
            employer_id=employer_id,
            source=source,
            **row.model_dump(exclude={"employer_name", "employer_kvk"}),
        )
        vacancy = register_vacancy(db, actor=actor, data=data, external_id_checked=True)
        employers[key] = employer_id
        result.created_ids.append(vacancy.id)
        if vacancy.canonical_id is not None:
            result.duplicates_linked += 1

    new_employers: list[int] = []
    _write(db, rows, result, partial, write_one)
    # ids of rows undone by their savepoint are not in the database: keep what stayed
    result.created_employer_ids = _still_there(db, Employer, new_employers)
    result.created_ids = _still_there(db, Vacancy, result.created_ids)
    return _finish(db, actor=actor, result=result, partial=partial)


def _candidate_lines(
    db: Session,
    actor: Actor,
    rows: list[tuple[int, dict[str, str]]],
    source: str,
    organisation_id: int | None,
) -> tuple[ImportResult, list[_Row]]:
    actor.require("import.run")
    actor.require("candidate.create")
    _check_organisation(db, actor, organisation_id)
    lines = [(n, csvformat.candidate_row_fields(r) if "__extra__" not in r else r) for n, r in rows]
    _check_size(lines)
    result = ImportResult(kind="candidates", source=source, rows=len(lines))
    known = set(db.scalars(select(Candidate.external_id).where(Candidate.source == source)))
    for _, fields in lines:
        fields["source"] = source
    valid = _validate(
        lines,
        CandidateCreate,
        csvformat.CANDIDATE_COLUMNS,
        result,
        lambda external_id: external_id in known,
    )
    return result, valid


def check_candidate_rows(
    db: Session,
    *,
    actor: Actor,
    rows: list[tuple[int, dict[str, str]]],
    source: str,
    organisation_id: int | None = None,
) -> ImportResult:
    """Every row checked, nothing written: the rejections and the lines that may go in."""
    result, valid = _candidate_lines(db, actor, rows, source, organisation_id)
    result.valid_lines = [row.line for row in valid]
    result.rejected.sort(key=lambda e: (e.line, e.field))
    return result


@transactional
def write_candidate_batch(
    db: Session,
    *,
    actor: Actor,
    rows: list[tuple[int, dict[str, str]]],
    source: str,
    partial: bool = False,
    organisation_id: int | None = None,
) -> ImportResult:
    """Write one batch of candidates given as rows keyed by the CSV column names (CSV or
    JSON), in one transaction."""
    result, valid = _candidate_lines(db, actor, rows, source, organisation_id)
    if result.rejected and not partial:
        return _finish(db, actor=actor, result=result, partial=partial)

    def write_one(row: CandidateCreate) -> None:
        candidate = register_candidate(db, actor=actor, data=row, organisation_id=organisation_id)
        result.created_ids.append(candidate.id)

    _write(db, valid, result, partial, write_one)
    result.created_ids = _still_there(db, Candidate, result.created_ids)
    return _finish(db, actor=actor, result=result, partial=partial)


def _still_there(db: Session, model: Any, ids: list[int]) -> list[int]:
    if not ids:
        return []
    return list(db.scalars(select(model.id).where(model.id.in_(ids)).order_by(model.id)))


@transactional
def undo_batches(
    db: Session,
    *,
    actor: Actor,
    kind: str,
    source: str,
    ids: list[int],
    employer_ids: list[int],
    reason: str,
) -> int:
    """Remove what earlier batches of a refused all-or-nothing import wrote (vacancies and
    the employers they brought, or candidates); the log keeps that they were written and
    says why they were removed. Returns the number of rows removed."""
    actor.require("import.run")
    model = Vacancy if kind == "vacancies" else Candidate
    removed = 0
    for row_id in ids:
        row = db.get(model, row_id)
        if row is not None:
            db.delete(row)  # the ORM removes its skills, wishes, history with it
            removed += 1
    db.flush()
    for employer_id in employer_ids:
        employer = db.get(Employer, employer_id)
        still_used = db.scalar(select(Vacancy.id).where(Vacancy.employer_id == employer_id))
        if employer is not None and still_used is None:
            db.delete(employer)
    audit.record(
        db,
        actor=actor,
        action="import.undone",
        object_type="import",
        object_id=None,
        subject_key=None,
        purpose=f"import {source} teruggedraaid: {removed} {kind} verwijderd; {reason}"[:200],
    )
    return removed


def json_rows(payload: object, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """Rows of a JSON array of objects keyed by CSV column names; row n is 'line' n."""
    if not isinstance(payload, list) or not all(isinstance(r, dict) for r in payload):
        raise errors.Invalid("Verwacht een JSON-lijst van objecten met de CSV-kolomnamen.")
    unknown = sorted({k for r in payload for k in r if k not in columns})
    if unknown:
        raise errors.Invalid(
            "Onbekende velden: " + ", ".join(unknown[:20]),
            fields={k: "onbekende kolom" for k in unknown[:20]},
        )
    # A nested object or list has no column to go in; str() of it would be stored as a name.
    nested = [
        f"regel {n}: {k}"
        for n, r in enumerate(payload, start=1)
        for k, v in r.items()
        if isinstance(v, dict | list)
    ]
    if nested:
        raise errors.Invalid(
            f"{len(nested)} waarden zijn geen tekst of getal (een object of lijst); "
            "er is niets opgeslagen.",
            fields=dict.fromkeys(nested[:500], "moet tekst, een getal of leeg zijn"),
        )
    return [
        (n, {k: "" if v is None else str(v) for k, v in r.items()})
        for n, r in enumerate(payload, start=1)
    ]


def _check_organisation(db: Session, actor: Actor, organisation_id: int | None) -> None:
    """Candidates join a caseload: the organisation must be named (the CLI has none of its
    own) and must exist."""
    target = organisation_id or actor.organisation_id
    if target is None:
        raise errors.invalid(
            "organisation_id",
            "verplicht",
            "Geef de organisatie op bij wie de werkzoekenden ingeschreven worden.",
        )
    if db.get(Organisation, target) is None:
        raise errors.invalid("organisation_id", "bestaat niet", "Deze organisatie bestaat niet.")


def _check_size(lines: list[Any]) -> None:
    if len(lines) > MAX_ROWS:
        raise errors.TooLarge(f"Een import mag hoogstens {MAX_ROWS} regels hebben.")
