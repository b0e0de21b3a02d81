"""`ontschot budget reconcile` and `budget funds`; training offers are instruments (one
catalogue); the fund form shows a rule that can never match beside its field."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from ontschot import cli_support
from ontschot.access.actor import Actor
from ontschot.budget import requests
from ontschot.budget.models import Instrument
from ontschot.budget.schemas import InterventionRequestCreate
from ontschot.careers.training import import_training_offers
from ontschot.cli import app
from tests.budget.helpers import POOLED_FUND, budget_world, row_counts
from tests.careers.test_training_import import GOOD, HEADER
from tests.factories import actor_of, login_as

runner = CliRunner()


@pytest.fixture
def cli_db(monkeypatch: pytest.MonkeyPatch, session_factory: sessionmaker[Session]) -> None:
    monkeypatch.setattr(cli_support, "open_session", lambda settings: session_factory())


def test_reconcile_says_balanced_and_names_a_difference(db: Session, cli_db: None) -> None:
    w = budget_world(db)
    data = InterventionRequestCreate(
        trajectory_id=w.trajectory.id, instrument_id=w.instrument.id, need="VCA", cost_cents=9_900
    )
    requests.request_intervention(db, actor=actor_of(w.coach), data=data)  # reserved at once
    done = runner.invoke(app, ["budget", "reconcile"])
    assert (done.exit_code, done.output.strip()) == (0, "balanced")
    listed = runner.invoke(app, ["budget", "funds"])
    assert POOLED_FUND in listed.output and "gereserveerd € 99,00" in listed.output
    # when a stored balance no longer equals its entries, reconcile names it
    db.execute(
        text("UPDATE fund_balance SET available_cents = available_cents + 1 WHERE fund_id = :f"),
        {"f": w.pooled_fund.id},
    )
    db.commit()
    found = runner.invoke(app, ["budget", "reconcile"])
    assert found.exit_code == 1
    assert f"fund {w.pooled_fund.id} available: stored 4990101, entries 4990100" in found.output


def test_imported_training_offers_are_training_instruments(db: Session) -> None:
    result = import_training_offers(db, actor=Actor.cli(), text=HEADER + "\n" + GOOD)
    assert result.committed and result.created
    rows = list(db.scalars(select(Instrument).where(Instrument.training_offer_id.is_not(None))))
    assert len(rows) == result.created
    assert {r.kind for r in rows} == {"training"} and all(r.unit_price_cents for r in rows)
    # a re-import updates the same instruments, never a second catalogue row
    import_training_offers(db, actor=Actor.cli(), text=HEADER + "\n" + GOOD)
    again = db.scalars(select(Instrument).where(Instrument.training_offer_id.is_not(None)))
    assert len(list(again)) == len(rows)


def test_the_fund_form_shows_an_impossible_rule_beside_its_field(client: Any, db: Session) -> None:
    w = budget_world(db)
    headers = login_as(client, db, w.manager)
    before = row_counts(db)
    form = {
        "financier_id": str(w.pooled_fund.financier_id),
        "name": "Jongerenfonds",
        "period_start": "2026-01-01",
        "period_end": "2026-12-31",
        "amount": "25.000,00",
        "age_min": "40",
        "age_max": "30",
    }
    answer = client.post("/budget/fondsen/nieuw", data=form, headers=headers)
    assert answer.status_code == 400
    html = answer.text
    assert 'id="fout-fo-age_max"' in html and "40–30 kan nooit" in html
    assert 'href="#veld-fo-age_max"' in html  # the summary links the field
    wrong_cents = form | {"age_max": "45", "max_per_person": "12,345"}
    answer = client.post("/budget/fondsen/nieuw", data=wrong_cents, headers=headers)
    assert answer.status_code == 400 and 'id="fout-fo-max_per_person"' in answer.text
    assert "kleiner zijn dan een cent" in answer.text
    assert row_counts(db) == before
