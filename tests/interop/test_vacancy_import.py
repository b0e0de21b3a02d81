"""CSV import of vacancies: all or nothing, --partial with a report, idempotent re-import."""

from __future__ import annotations

import csv
import io

from sqlalchemy import func, select

from ontschot.access.actor import Actor
from ontschot.access.roles import Role
from ontschot.employers.models import Vacancy
from ontschot.errors import Invalid
from ontschot.interop.csvformat import VACANCY_COLUMNS
from ontschot.interop.flows import import_vacancies_csv
from tests.factories import (
    ESCO_SKILL_A,
    ESCO_SKILL_B,
    api_token_headers,
    make_organisation,
    make_user,
)


def _csv(rows: int, bad_line: int | None = None) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=VACANCY_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for i in range(rows):
        writer.writerow(
            {
                "external_id": f"feed-{i}",
                "employer_name": f"Bedrijf {i % 50} B.V.",
                "title": f"Monteur {i}",
                "municipality": "Enschede",
                "essential_skill_uris": f"{ESCO_SKILL_A};{ESCO_SKILL_B}",
                "requirements": "licence:B;language:nld:goed",
                "hours_min": "32",
                "hours_max": "40",
                "contract_form": "vast",
                "salary_min_cents": "280000",
                "salary_max_cents": "350000",
                "start_date": "2027-01-04",
                "description": "Regel één,\nregel twee.",
            }
        )
    text = out.getvalue()
    if bad_line is not None:
        lines = text.split("\n")
        # the description spans two physical lines, so record n starts at line 2 + 2*(n-1)
        index = next(i for i, line in enumerate(lines) if line.startswith(f"feed-{bad_line},"))
        lines[index] = lines[index].replace(",Enschede,", ",Gotham,")
        text = "\n".join(lines)
    return text


def _count(db) -> int:
    return db.scalar(select(func.count()).select_from(Vacancy)) or 0


def test_one_bad_row_among_1000_refuses_the_whole_file(db):
    before = _count(db)
    result = import_vacancies_csv(
        db, actor=Actor.cli(), text=_csv(1000, bad_line=500), source="feed"
    )
    assert result.committed is False
    assert _count(db) == before
    assert [(e.line, e.field) for e in result.rejected] == [(1002, "municipality")]


def test_partial_imports_999_rows_and_reports_the_bad_one(db):
    before = _count(db)
    result = import_vacancies_csv(
        db, actor=Actor.cli(), text=_csv(1000, bad_line=500), source="feed", partial=True
    )
    assert result.committed is True
    assert result.created == 999
    assert _count(db) - before == 999
    [error] = result.rejected
    assert (error.line, error.field) == (1002, "municipality")
    assert "gemeente" in error.reason
    assert result.report_csv().splitlines()[1].startswith("1002,municipality,")


def test_importing_the_same_file_again_adds_nothing(db):
    text = _csv(30)
    first = import_vacancies_csv(db, actor=Actor.cli(), text=text, source="feed")
    before = _count(db)
    second = import_vacancies_csv(db, actor=Actor.cli(), text=text, source="feed")
    assert (first.created, second.created, second.already_present) == (30, 0, 30)
    assert _count(db) == before


def test_same_job_from_two_feeds_is_linked_not_counted_twice(client, db):
    import_vacancies_csv(db, actor=Actor.cli(), text=_csv(5), source="werk.nl")
    other = _csv(5).replace("Monteur", "monteur").replace("B.V.", "BV")
    result = import_vacancies_csv(db, actor=Actor.cli(), text=other, source="uitzendbureau-x")
    assert result.duplicates_linked == 5
    admin = make_user(db, Role.SYSTEM_ADMIN, organisation=make_organisation(db))
    headers = api_token_headers(db, admin, ["vacancy.read"])
    listed = client.get("/api/v1/vacancies?q=monteur&pageSize=100", headers=headers).json()
    assert listed["total"] == 5
    with_dups = client.get(
        "/api/v1/vacancies?q=monteur&includeDuplicates=true", headers=headers
    ).json()
    assert with_dups["total"] == 10


def test_bad_header_is_refused_with_a_clear_reason(db):
    text = "external_id,employer,title\nx,y,z\n"
    try:
        import_vacancies_csv(db, actor=Actor.cli(), text=text, source="feed")
    except Invalid as exc:
        assert "onbekende kolom employer" in str(exc)
        assert "municipality" in str(exc)
    else:
        raise AssertionError("a wrong header must be refused")


def test_api_import_refuses_whole_file_with_400_listing_the_line(client, db):
    admin = make_user(db, Role.PARTNER_ADMIN)
    headers = api_token_headers(db, admin, ["import.run", "vacancy.create", "employer.create"])
    headers["Content-Type"] = "text/csv"
    response = client.post(
        "/api/v1/vacancy-imports?source=partner-a",
        content=_csv(10, bad_line=3).encode(),
        headers=headers,
    )
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "regel 8: municipality"
    partial = client.post(
        "/api/v1/vacancy-imports?source=partner-a&partial=true",
        content=_csv(10, bad_line=3).encode(),
        headers=headers,
    )
    assert partial.status_code == 200, partial.text
    assert partial.json()["created"] == 9, partial.text
    assert partial.json()["rejected"] == [
        {"line": 8, "field": "municipality", "reason": partial.json()["rejected"][0]["reason"]}
    ]


def test_api_import_accepts_a_multipart_upload(client, db):
    admin = make_user(db, Role.PARTNER_ADMIN)
    headers = api_token_headers(db, admin, ["import.run", "vacancy.create", "employer.create"])
    response = client.post(
        "/api/v1/vacancy-imports?source=upload",
        files={"file": ("vacatures.csv", _csv(3).encode(), "text/csv")},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["created"] == 3
