"""`ontschot import ...`, `ontschot export ...` and `ontschot jobs run people.erase-expired`."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from ontschot import cli_support
from ontschot.access.roles import Role
from ontschot.audit.models import AuditEntry
from ontschot.cli import app
from ontschot.db import utcnow
from ontschot.employers.models import Vacancy
from ontschot.people.models import Candidate
from tests.factories import make_candidate, make_user
from tests.interop.test_vacancy_import import _csv

runner = CliRunner()


@pytest.fixture(autouse=True)
def _cli_uses_test_database(
    monkeypatch: pytest.MonkeyPatch, session_factory: sessionmaker[Session]
) -> None:
    monkeypatch.setattr(cli_support, "open_session", lambda settings: session_factory())


def _vacancies(db: Session) -> int:
    return db.scalar(select(func.count()).select_from(Vacancy)) or 0


def test_import_refuses_bad_file_then_partial_writes_report(db, tmp_path: Path):
    source = tmp_path / "vacatures.csv"
    source.write_text(_csv(20, bad_line=4), encoding="utf-8")
    report = tmp_path / "fouten.csv"
    before = _vacancies(db)
    refused = runner.invoke(app, ["import", "vacancies", str(source), "--source", "feed"])
    assert refused.exit_code != 0
    assert "regel 10, municipality" in refused.output
    assert _vacancies(db) == before
    done = runner.invoke(
        app,
        [
            "import",
            "vacancies",
            str(source),
            "--source",
            "feed",
            "--partial",
            "--report",
            str(report),
        ],
    )
    assert done.exit_code == 0, done.output
    assert "19 nieuw" in done.output
    assert report.read_text().splitlines()[1].startswith("10,municipality,")
    again = runner.invoke(
        app, ["import", "vacancies", str(source), "--source", "feed", "--partial"]
    )
    assert "0 nieuw, 19 al aanwezig" in again.output
    assert (
        db.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.action == "import.vacancies", AuditEntry.actor_via == "cli")
        )
        == 2
    )


def test_export_jsonld_and_reimport_from_file(db, tmp_path: Path):
    source = tmp_path / "in.csv"
    source.write_text(_csv(3), encoding="utf-8")
    runner.invoke(app, ["import", "vacancies", str(source), "--source", "a"])
    out = tmp_path / "out.jsonld"
    exported = runner.invoke(app, ["export", "vacancies", "--format", "jsonld", "--out", str(out)])
    assert exported.exit_code == 0, exported.output
    graph = json.loads(out.read_text())
    assert len(graph["@graph"]) >= 3
    reimported = runner.invoke(app, ["import", "vacancies", str(out), "--source", "b"])
    assert reimported.exit_code == 0, reimported.output
    assert f"{len(graph['@graph'])} als dubbel gekoppeld" in reimported.output


def test_erase_expired_anonymises_old_inactive_candidates(db):
    coach = make_user(db, Role.COACH)
    old = make_candidate(db, coach, status="inactive")
    recent = make_candidate(db, coach, status="inactive")
    db.execute(
        update(Candidate)
        .where(Candidate.id == old.id)
        .values(updated_at=utcnow() - timedelta(days=800))
    )
    db.commit()
    trial = runner.invoke(app, ["jobs", "run", "people.erase-expired", "--dry-run"])
    assert trial.exit_code == 0, trial.output
    assert "[proef] 1 werkzoekenden zouden worden geanonimiseerd" in trial.output
    db.expire_all()
    assert db.get(Candidate, old.id).erased_at is None
    result = runner.invoke(app, ["jobs", "run", "people.erase-expired"])
    assert result.exit_code == 0, result.output
    assert "1 werkzoekenden geanonimiseerd (bewaartermijn 730 dagen)" in result.output
    db.expire_all()
    assert db.get(Candidate, old.id).erased_at is not None
    assert db.get(Candidate, recent.id).erased_at is None
    again = runner.invoke(app, ["jobs", "run", "people.erase-expired"])
    assert "0 werkzoekenden geanonimiseerd" in again.output


def test_an_unknown_job_is_refused_with_the_known_names():
    result = runner.invoke(app, ["jobs", "run", "no-such-job"])
    assert result.exit_code == 1
    assert "onbekende taak" in result.output and "people.erase-expired" in result.output
