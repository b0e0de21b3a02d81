"""The budget API: funds with integer balances, requests, decisions, idempotent invoices
with a provider's narrowed token, the CSV variant; and bad input refused with a specific
message, writing nothing."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.orm import Session

from ontschot.access.roles import Role
from tests.budget.helpers import POOLED_FUND, UWV_FUND, BudgetWorld, budget_world, row_counts
from tests.factories import api_token_headers, login_as, make_user


@pytest.fixture
def world(db: Session) -> BudgetWorld:
    return budget_world(db)


def _request_body(w: BudgetWorld, **overrides: Any) -> dict[str, Any]:
    return {
        "trajectoryId": w.trajectory.id,
        "instrumentId": w.instrument.id,
        "need": "Heftruckcertificaat",
    } | overrides


def _approved(client: Any, db: Session, w: BudgetWorld) -> int:
    made = client.post(
        "/api/v1/intervention-requests",
        json=_request_body(w),
        headers=login_as(client, db, w.coach),
    )
    assert made.status_code == 201, made.text
    client.cookies.clear()
    decided = client.post(
        f"/api/v1/intervention-requests/{made.json()['id']}/decision",
        json={"approve": True},
        headers=login_as(client, db, w.manager),
    )
    assert decided.status_code == 200, decided.text
    client.cookies.clear()
    return int(made.json()["id"])


def _invoice(request_id: int, cents: Any = 280_000) -> dict[str, Any]:
    return {
        "interventionRequestId": request_id,
        "amountCents": cents,
        "invoiceNumber": "F-2026-11",
        "invoiceDate": "2026-11-30",
    }


def test_funds_list_integer_balances(client: Any, db: Session, world: BudgetWorld) -> None:
    answer = client.get("/api/v1/funds", headers=login_as(client, db, world.coach))
    assert answer.status_code == 200
    funds = {f["name"]: f for f in answer.json()}
    pooled = funds[POOLED_FUND]
    assert (pooled["availableCents"], pooled["reservedCents"], pooled["spentCents"]) == (
        5_000_000,
        0,
        0,
    )
    assert funds[UWV_FUND]["rules"]["benefits"] == ["ww"]


def test_a_request_explains_each_fund_and_an_invoice_books_once(
    client: Any, db: Session, world: BudgetWorld
) -> None:
    made = client.post(
        "/api/v1/intervention-requests",
        json=_request_body(world),
        headers=login_as(client, db, world.coach),
    )
    body = made.json()
    assert body["state"] == "requested" and body["costCents"] == 280_000
    assert [s["fundName"] for s in body["sources"]] == [POOLED_FUND]
    assert {v["fundName"]: v["reason"] for v in body["verdicts"]}[UWV_FUND] == (
        "alleen voor mensen met WW"
    )
    client.cookies.clear()
    request_id = _approved(client, db, world)
    provider = api_token_headers(db, world.organisation, ["invoice.submit"], Role.PARTNER_ADMIN)
    headers = provider | {"Idempotency-Key": "factuur-2026-11"}
    first = client.post("/api/v1/invoices", json=_invoice(request_id, 250_000), headers=headers)
    again = client.post("/api/v1/invoices", json=_invoice(request_id, 250_000), headers=headers)
    assert first.status_code == 201 and again.status_code == 200
    assert first.json() == again.json() and again.headers["Idempotent-Replayed"] == "true"
    assert first.json()["releasedCents"] == 30_000
    before = row_counts(db)
    other = client.post("/api/v1/invoices", json=_invoice(request_id, 1_000), headers=headers)
    assert other.status_code == 409
    assert other.headers["content-type"].startswith("application/problem+json")
    assert "Idempotency-Key" in other.json()["detail"]
    assert row_counts(db) == before
    # the provider's token may book invoices and nothing else
    assert client.get("/api/v1/funds", headers=provider).status_code == 403


@pytest.mark.parametrize("cents", [-100, 0, 12.5, "12,50", True])
def test_negative_or_fractional_cents_are_refused_and_write_nothing(
    client: Any, db: Session, world: BudgetWorld, cents: Any
) -> None:
    headers = login_as(client, db, world.coach)
    before = row_counts(db)
    answer = client.post(
        "/api/v1/intervention-requests", json=_request_body(world, costCents=cents), headers=headers
    )
    assert answer.status_code == 400
    assert [p["name"] for p in answer.json()["invalidParams"]] == ["costCents"]
    assert row_counts(db) == before


def test_unknown_instrument_and_unknown_fund_are_refused(
    client: Any, db: Session, world: BudgetWorld
) -> None:
    before = row_counts(db)
    coach = login_as(client, db, world.coach)
    unknown = client.post(
        "/api/v1/intervention-requests",
        json=_request_body(world, instrumentId=999_999),
        headers=coach,
    )
    assert unknown.status_code == 400 and "instrument" in unknown.text.lower()
    client.cookies.clear()
    manager = login_as(client, db, world.manager)
    missing = client.post(
        "/api/v1/intervention-requests/999999/decision", json={"approve": True}, headers=manager
    )
    assert missing.status_code == 404
    page = client.get("/budget/fondsen/999999", headers=manager)
    assert page.status_code == 404
    assert row_counts(db) == before


def test_an_invoice_for_an_unknown_request_or_above_the_reservation_is_refused(
    client: Any, db: Session, world: BudgetWorld
) -> None:
    request_id = _approved(client, db, world)
    headers = login_as(client, db, world.manager)
    before = row_counts(db)
    assert (
        client.post("/api/v1/invoices", json=_invoice(999_999), headers=headers).status_code == 404
    )
    above = client.post("/api/v1/invoices", json=_invoice(request_id, 280_001), headers=headers)
    assert above.status_code == 400 and "gereserveerde bedrag" in above.text
    assert row_counts(db) == before


def test_the_requester_may_not_decide_their_own_request(
    client: Any, db: Session, world: BudgetWorld
) -> None:
    # a system administrator may both request and approve, but never both on one request
    admin = make_user(db, Role.SYSTEM_ADMIN, organisation=world.organisation, password=None)
    headers = login_as(client, db, admin)
    made = client.post("/api/v1/intervention-requests", json=_request_body(world), headers=headers)
    assert made.status_code == 201, made.text
    before = row_counts(db)
    for decision in ({"approve": True}, {"approve": False, "reason": "Eigen aanvraag"}):
        answer = client.post(
            f"/api/v1/intervention-requests/{made.json()['id']}/decision",
            json=decision,
            headers=headers,
        )
        assert answer.status_code == 403 and "eigen aanvraag" in answer.json()["detail"]
    assert row_counts(db) == before


def test_a_rule_that_can_never_match_is_refused_with_the_reason(
    client: Any, db: Session, world: BudgetWorld
) -> None:
    from ontschot import errors
    from ontschot.budget import funds
    from ontschot.budget.rules.vocabulary import FundRules
    from ontschot.budget.schemas import FundCreate
    from tests.budget.helpers import END, START
    from tests.factories import actor_of

    cases = {
        "age_max": ({"ageMin": 40, "ageMax": 30}, "40–30 kan nooit"),
        "valid_until": ({"validFrom": "2026-06-01", "validUntil": "2026-05-01"}, "vóór geldig"),
        "instruments": ({"instruments": []}, "lege lijst"),
        "max_per_intervention_cents": (
            {"maxPerPersonCents": 100_000, "maxPerInterventionCents": 200_000},
            "meer dan het maximum per persoon",
        ),
        "municipalities": ({"municipalities": ["Maastricht"]}, "ligt niet in de regio Twente"),
    }
    before = row_counts(db)
    for field, (rules, reason) in cases.items():
        data = FundCreate(
            financier_id=world.pooled_fund.financier_id,
            name="Onmogelijk fonds",
            period_start=START,
            period_end=END,
            amount_cents=100,
            rules=FundRules.model_validate(rules),
        )
        with pytest.raises(errors.Invalid) as refused:
            funds.create_fund(db, actor=actor_of(world.manager), data=data)
        assert reason in refused.value.fields[f"rules.{field}"], field
    assert row_counts(db) == before


def test_invoices_in_bulk_book_all_or_nothing_with_a_row_report(
    client: Any, db: Session, world: BudgetWorld
) -> None:
    request_id = _approved(client, db, world)
    headers = login_as(client, db, world.manager) | {"Content-Type": "text/csv"}
    bad = (
        "intervention_request_id,amount_cents,invoice_number,invoice_date\n"
        f"{request_id},280000,F-1,2026-11-30\n"
        f"{request_id},-5,F-2,2026-11-30\n"
        f"{request_id},twaalf euro,F-3,2026-11-30\n"
    )
    before = row_counts(db)
    refused = client.post("/api/v1/invoice-imports", content=bad, headers=headers)
    assert refused.status_code == 400
    assert "regel 3" in refused.text
    assert "Vul een heel getal in." in refused.text, "the row report is in Dutch"
    assert row_counts(db) == before
    partial = client.post("/api/v1/invoice-imports?partial=true", content=bad, headers=headers)
    report = partial.json()
    assert (report["booked"], [r["line"] for r in report["rejected"]]) == (1, [3, 4])
