"""Import and export endpoints: CSV as text/csv or multipart upload, JSON-LD JobPosting."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response
from pydantic import Field
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from ontschot.access.actor import Actor
from ontschot.access.deps import requires
from ontschot.deps import DbSession
from ontschot.employers.service import readable_vacancy
from ontschot.interop import flows, importer
from ontschot.interop.csvformat import CANDIDATE_COLUMNS
from ontschot.interop.export import export_vacancies
from ontschot.interop.jsonld import documents_in, jobposting_to_fields, vacancy_to_jobposting
from ontschot.schemas import ApiModel
from ontschot.web.problems import ProblemError

router = APIRouter(tags=["interop"])
MAX_BYTES = 20 * 1024 * 1024
JSONLD = "application/ld+json"
Partial = Annotated[bool, Query(description="Write valid rows, report the rejected ones.")]
Source = Annotated[
    str | None,
    Query(max_length=60, description="Partner or feed name; default: the caller's organisation."),
]


class RejectedRow(ApiModel):
    line: int
    field: str
    reason: str


class ImportReport(ApiModel):
    kind: str
    source: str
    rows: int
    created: int
    already_present: int
    duplicates_linked: int
    committed: bool
    rejected: list[RejectedRow] = Field(default_factory=list)


async def _body(request: Request) -> tuple[str, str]:
    """(media type, text) of a text/csv, JSON(-LD) or multipart (field `file`) body."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if int(request.headers.get("content-length") or 0) > MAX_BYTES:
        raise ProblemError(413, "Het bestand is groter dan 20 MB.")
    if media == "multipart/form-data":
        form = await request.form()
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise ProblemError(
                400,
                "Stuur het bestand in het veld 'file'.",
                errors=[{"name": "file", "in": "body", "reason": "ontbreekt"}],
            )
        raw = await upload.read()
        name = (upload.filename or "").lower()
        media = JSONLD if name.endswith((".json", ".jsonld")) else "text/csv"
    elif media in ("text/csv", "application/json", JSONLD):
        raw = await request.body()
    else:
        raise ProblemError(415, "Stuur text/csv, application/ld+json of multipart/form-data.")
    if len(raw) > MAX_BYTES:
        raise ProblemError(413, "Het bestand is groter dan 20 MB.")
    try:
        return media, raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ProblemError(400, "Het bestand is geen UTF-8-tekst.") from None


def _report(result: importer.ImportResult) -> ImportReport:
    if not result.committed:
        raise ProblemError(
            400,
            f"Import geweigerd: {len(result.rejected)} fouten; er is niets opgeslagen.",
            errors=[
                {"name": f"regel {e.line}: {e.field}", "in": "body", "reason": e.reason}
                for e in result.rejected[:500]
            ],
        )
    return ImportReport(
        kind=result.kind,
        source=result.source,
        rows=result.rows,
        created=result.created,
        already_present=result.already_present,
        duplicates_linked=result.duplicates_linked,
        committed=result.committed,
        rejected=[
            RejectedRow(line=e.line, field=e.field, reason=e.reason) for e in result.rejected
        ],
    )


def _json(text: str) -> Any:
    try:
        return json.loads(text)
    except RecursionError:
        raise ProblemError(400, "De JSON is te diep genest.") from None
    except ValueError:
        raise ProblemError(400, "Geen geldige JSON.") from None


def _jsonld_lines(text: str) -> list[tuple[int, dict[str, Any]]]:
    try:
        docs = documents_in(_json(text))
        return [(n, jobposting_to_fields(d)) for n, d in enumerate(docs, start=1)]
    except (ValueError, AttributeError, RecursionError) as exc:
        raise ProblemError(400, f"Geen geldige JobPosting JSON-LD: {exc}") from None


def _vacancy_import(
    db: Session, actor: Actor, media: str, text: str, name: str, partial: bool
) -> importer.ImportResult:
    if media == "text/csv":
        return flows.import_vacancies_csv(db, actor=actor, text=text, source=name, partial=partial)
    return flows.import_vacancy_fields(
        db, actor=actor, lines=_jsonld_lines(text), source=name, partial=partial
    )


def _candidate_import(
    db: Session, actor: Actor, media: str, text: str, name: str, partial: bool
) -> importer.ImportResult:
    if media == "text/csv":
        return flows.import_candidates_csv(db, actor=actor, text=text, source=name, partial=partial)
    rows = importer.json_rows(_json(text), CANDIDATE_COLUMNS)
    return flows.import_candidate_rows(db, actor=actor, rows=rows, source=name, partial=partial)


def _text(description: str) -> dict[str, Any]:
    return {"schema": {"type": "string", "description": description}}


# The import routes read their body themselves (CSV, JSON-LD or a file upload), so the
# document names the media types they take.
IMPORT_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "text/csv": _text("CSV with a header line (docs/import-formats.md)"),
            "application/json": {"schema": {"type": ["array", "object"]}},
            JSONLD: {"schema": {"type": ["array", "object"]}},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {"file": {"type": "string", "format": "binary"}},
                }
            },
        },
    }
}
JSONLD_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"description": "JobPosting JSON-LD", "content": {JSONLD: {"schema": {"type": "object"}}}}
}


@router.post("/vacancy-imports", response_model=ImportReport, openapi_extra=IMPORT_BODY)
async def import_vacancies(
    request: Request,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("import.run"))],
    partial: Partial = False,
    source: Source = None,
) -> ImportReport:
    """Import vacancies from CSV (docs/import-formats.md) or JobPosting JSON-LD.
    All or nothing unless `partial=true`; known external ids are skipped."""
    media, text = await _body(request)
    name = source or actor.organisation_name or "api"
    # Parsing and writing run in the thread pool: the event loop keeps serving others.
    result = await run_in_threadpool(_vacancy_import, db, actor, media, text, name, partial)
    return _report(result)


@router.post("/candidate-imports", response_model=ImportReport, openapi_extra=IMPORT_BODY)
async def import_candidates(
    request: Request,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("import.run"))],
    partial: Partial = False,
    source: Source = None,
) -> ImportReport:
    """Import candidates into the caller's organisation: CSV, or a JSON array of objects
    keyed by the same column names (docs/import-formats.md)."""
    media, text = await _body(request)
    name = source or actor.organisation_name or "api"
    result = await run_in_threadpool(_candidate_import, db, actor, media, text, name, partial)
    return _report(result)


@router.get(
    "/vacancy-exports",
    response_class=Response,
    responses={
        200: {
            "description": "JSON-LD @graph of JobPostings, or CSV (`format=csv`)",
            "content": {
                JSONLD: {"schema": {"type": "object"}},
                "text/csv": _text("one vacancy per line"),
            },
        }
    },
)
def export_all_vacancies(
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("export.run"))],
    format: Literal["jsonld", "csv"] = "jsonld",
    include_closed: bool = Query(False, alias="includeClosed"),
) -> Response:
    """All vacancies (each job once) as a JSON-LD @graph of JobPostings, or as CSV."""
    text, _ = export_vacancies(db, actor=actor, fmt=format, include_closed=include_closed)
    media = JSONLD if format == "jsonld" else "text/csv; charset=utf-8"
    return Response(text, media_type=media)


@router.get(
    "/vacancies/{vacancyId}/job-posting", response_class=Response, responses=JSONLD_RESPONSE
)
def job_posting(
    vacancy_id: Annotated[int, Path(ge=1, le=2**31 - 1, alias="vacancyId")],
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("vacancy.read"))],
) -> Response:
    """One vacancy as schema.org JobPosting JSON-LD."""
    vacancy = readable_vacancy(db, actor=actor, vacancy_id=vacancy_id)
    body = json.dumps(vacancy_to_jobposting(vacancy), ensure_ascii=False)
    return Response(body, media_type=JSONLD)
