"""CSV import of candidates into an organisation's caseload."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import func, select

from ontschot.access.roles import Role
from ontschot.errors import Forbidden
from ontschot.interop.csvformat import CANDIDATE_COLUMNS
from ontschot.interop.flows import import_candidates_csv
from ontschot.people.models import Candidate
from tests.factories import ESCO_SKILL_A, actor_of, make_organisation, make_user


def _csv(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CANDIDATE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return out.getvalue()


def _row(i: int, **extra: str) -> dict[str, str]:
    return {
        "external_id": f"gem-{i}",
        "first_name": "Jan",
        "last_name": f"Bakker {i}",
        "municipality": "Almelo",
        "benefit": "bijstand",
        "driving_licences": "B;C",
        "languages": "nld:goed:redelijk;ara:uitstekend",
        "education_level": "vmbo",
        "skill_uris": ESCO_SKILL_A,
        "last_job_title": "magazijnmedewerker",
        **extra,
    }


def _count(db, org_id: int) -> int:
    return (
        db.scalar(
            select(func.count()).select_from(Candidate).where(Candidate.organisation_id == org_id)
        )
        or 0
    )


def test_candidates_join_the_importing_organisation_and_reimport_adds_nothing(db):
    org = make_organisation(db)
    admin = actor_of(make_user(db, Role.PARTNER_ADMIN, organisation=org))
    text = _csv([_row(i) for i in range(20)])
    first = import_candidates_csv(db, actor=admin, text=text, source="suwinet")
    again = import_candidates_csv(db, actor=admin, text=text, source="suwinet")
    assert (first.created, again.created, again.already_present) == (20, 0, 20)
    assert _count(db, org.id) == 20
    one = db.scalar(select(Candidate).where(Candidate.external_id == "gem-3"))
    assert one.driving_licences == ["B", "C"]
    assert [(lang.language, lang.spoken) for lang in one.languages] == [
        ("nld", "goed"),
        ("ara", "uitstekend"),
    ]


def test_invalid_bsn_and_duplicate_bsn_are_reported_by_line_and_field(db):
    org = make_organisation(db)
    admin = actor_of(make_user(db, Role.PARTNER_ADMIN, organisation=org))
    rows = [
        _row(1, bsn="111222333"),
        _row(2, bsn="123456789"),
        _row(3, bsn="111222333"),
        _row(4, hours_min="40", hours_max="10"),
    ]
    refused = import_candidates_csv(db, actor=admin, text=_csv(rows), source="x")
    assert not refused.committed and _count(db, org.id) == 0
    result = import_candidates_csv(db, actor=admin, text=_csv(rows), source="x", partial=True)
    assert result.created == 1
    assert [(e.line, e.field) for e in result.rejected] == [
        (3, "bsn"),
        (4, "bsn"),
        (5, "hours_max"),
        (5, "hours_min"),
    ]
    assert all("123456789" not in e.reason for e in result.rejected)


def test_coach_may_not_run_imports(db):
    coach = actor_of(make_user(db, Role.COACH))
    with pytest.raises(Forbidden):
        import_candidates_csv(db, actor=coach, text=_csv([_row(1)]), source="x")
