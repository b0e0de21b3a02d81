"""Export vacancies as JSON-LD (schema.org JobPosting) or CSV in the import layout."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot.access.actor import Actor
from ontschot.audit import service as audit
from ontschot.csvsafe import safe_cell
from ontschot.employers.models import Vacancy
from ontschot.employers.service import load_vacancies
from ontschot.interop import csvformat
from ontschot.interop.jsonld import graph, vacancy_to_jobposting
from ontschot.tx import transactional

Format = Literal["jsonld", "csv"]
_BATCH = 1000


def _vacancies(db: Session, include_closed: bool) -> Iterator[Vacancy]:
    query = select(Vacancy.id).where(Vacancy.canonical_id.is_(None)).order_by(Vacancy.id)
    if not include_closed:
        query = query.where(Vacancy.status == "open")
    ids = list(db.scalars(query))
    for start in range(0, len(ids), _BATCH):
        yield from load_vacancies(db, ids[start : start + _BATCH])


@transactional
def export_vacancies(
    db: Session, *, actor: Actor, fmt: Format, include_closed: bool = False
) -> tuple[str, int]:
    """(document text, number of vacancies). Duplicates are exported once (the canonical)."""
    actor.require("export.run")
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=csvformat.VACANCY_COLUMNS, lineterminator="\n")
        writer.writeheader()
        rows = [
            {k: safe_cell(v) for k, v in csvformat.vacancy_csv_row(vac).items()}
            for vac in _vacancies(db, include_closed)
        ]
        writer.writerows(rows)
        count = len(rows)
        text = out.getvalue()
    else:
        docs = [
            vacancy_to_jobposting(v, with_context=False) for v in _vacancies(db, include_closed)
        ]
        count = len(docs)
        text = json.dumps(graph(docs), ensure_ascii=False, indent=1)
    audit.record(
        db,
        actor=actor,
        action="export.vacancies",
        object_type="vacancy",
        object_id=None,
        subject_key=None,
        purpose=f"export {fmt}: {count} vacatures",
    )
    return text, count
