"""Imports are written in bounded batches (issue 11): all or nothing still holds when a
later batch is refused or fails while writing, and partial imports keep what was good."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ontschot import errors
from ontschot.access.actor import Actor
from ontschot.audit.models import AuditEntry
from ontschot.employers.models import Employer, Vacancy
from ontschot.interop import flows, importer
from ontschot.people.models import Candidate
from tests.factories import actor_of, make_organisation, make_user

HEADER = "external_id,employer_name,title,municipality,hours_min,hours_max"


def vacancy_csv(n: int, tag: str) -> str:
    rows = [f"{tag}-{i},Batchbedrijf {tag} {i} B.V.,Monteur {i},Enschede,24,40" for i in range(n)]
    return "\n".join([HEADER, *rows])


def counts(db: Session, tag: str) -> tuple[int, int]:
    db.expire_all()
    vacancies = db.scalar(
        select(func.count()).select_from(Vacancy).where(Vacancy.source == f"bron-{tag}")
    )
    employers = db.scalar(
        select(func.count())
        .select_from(Employer)
        .where(Employer.name.like(f"Batchbedrijf {tag} %"))
    )
    return vacancies or 0, employers or 0


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(flows, "BATCH_ROWS", 2)


def refuse_title(monkeypatch: pytest.MonkeyPatch, title: str, exc: Exception) -> None:
    """The write of the row with `title` is refused (or fails), after the checks passed."""
    original = importer.register_vacancy

    def register(db: Session, *, data: Any, **kwargs: Any) -> Any:
        if data.title == title:
            raise exc
        return original(db, data=data, **kwargs)

    monkeypatch.setattr(importer, "register_vacancy", register)


def test_a_file_goes_in_batch_by_batch_and_each_batch_is_logged(
    db: Session, small_batches: None
) -> None:
    batches: list[int] = []
    original = importer.write_vacancy_batch

    def spy(db: Session, **kwargs: Any) -> Any:
        batches.append(len(kwargs["lines"]))
        return original(db, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(importer, "write_vacancy_batch", spy)
        result = flows.import_vacancies_csv(
            db, actor=Actor.cli(), text=vacancy_csv(5, "a"), source="bron-a"
        )
    assert result.committed and result.created == 5 and not result.rejected
    assert batches == [2, 2, 1]
    assert counts(db, "a") == (5, 5)


def test_a_batch_refused_while_writing_undoes_the_earlier_batches(
    db: Session, small_batches: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    refuse_title(monkeypatch, "Monteur 3", errors.invalid("title", "niet toegestaan"))
    before = db.scalar(select(func.count()).select_from(AuditEntry))

    result = flows.import_vacancies_csv(
        db, actor=Actor.cli(), text=vacancy_csv(5, "b"), source="bron-b"
    )

    assert not result.committed and result.created == 0
    assert [(e.line, e.field) for e in result.rejected] == [(5, "title")]
    assert counts(db, "b") == (0, 0)  # the first batch's vacancies and employers are gone
    entries = db.scalars(
        select(AuditEntry.action).where(AuditEntry.id > (before or 0)).order_by(AuditEntry.id)
    ).all()
    assert entries[-1] == "import.undone"


def test_a_batch_that_fails_while_writing_undoes_the_earlier_batches(
    db: Session, small_batches: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    refuse_title(monkeypatch, "Monteur 4", RuntimeError("schijf vol"))
    with pytest.raises(RuntimeError):
        flows.import_vacancies_csv(db, actor=Actor.cli(), text=vacancy_csv(5, "c"), source="bron-c")
    assert counts(db, "c") == (0, 0)


def test_partial_keeps_the_good_rows_of_every_batch(
    db: Session, small_batches: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    refuse_title(monkeypatch, "Monteur 3", errors.invalid("title", "niet toegestaan"))
    result = flows.import_vacancies_csv(
        db, actor=Actor.cli(), text=vacancy_csv(5, "d"), source="bron-d", partial=True
    )
    assert result.committed and result.created == 4
    assert [(e.line, e.field) for e in result.rejected] == [(5, "title")]
    assert counts(db, "d") == (4, 4)


def test_an_import_with_nothing_new_is_still_done_and_logged(
    db: Session, small_batches: None
) -> None:
    text = vacancy_csv(3, "e")
    flows.import_vacancies_csv(db, actor=Actor.cli(), text=text, source="bron-e")
    again = flows.import_vacancies_csv(db, actor=Actor.cli(), text=text, source="bron-e")
    assert again.committed and again.created == 0 and again.already_present == 3


def test_candidates_refused_in_a_later_batch_leave_nobody_behind(
    db: Session, small_batches: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = make_organisation(db)
    admin = actor_of(make_user(db, "partner_admin", organisation=org))
    original = importer.register_candidate

    def register(db: Session, *, data: Any, **kwargs: Any) -> Any:
        if data.first_name == "Vijf":
            raise errors.Conflict("Deze persoon is al ingeschreven.")
        return original(db, data=data, **kwargs)

    monkeypatch.setattr(importer, "register_candidate", register)
    names = ["Een", "Twee", "Drie", "Vier", "Vijf"]
    text = "\n".join(
        ["external_id,first_name,last_name,municipality"]
        + [f"k-{i},{name},Batch,Enschede" for i, name in enumerate(names)]
    )
    result = flows.import_candidates_csv(db, actor=admin, text=text, source="bron-k")
    assert not result.committed
    db.expire_all()
    left = db.scalar(
        select(func.count()).select_from(Candidate).where(Candidate.source == "bron-k")
    )
    assert left == 0
