"""Page permission-matrix samples for the budget pages (ids from budget/route_samples)."""

from __future__ import annotations

from tests.platform.page_samples import PageSample

F = "/budget/fondsen/{pooled_fund_id}"
_FUND = {
    "name": "Regionaal ontschot budget",
    "period_start": "2026-01-01",
    "period_end": "2027-12-31",
    "amount": "60.000,00",
    "age_min": "18",
}
BUDGET_PAGE_SAMPLES: list[PageSample] = [
    PageSample("GET", "/budget"),
    PageSample("POST", "/budget/financiers", 303, {"name": "Gemeente Almelo", "kind": "gemeente"}),
    PageSample("GET", "/budget/fondsen/nieuw"),
    PageSample(
        "POST",
        "/budget/fondsen/nieuw",
        303,
        _FUND | {"financier_id": "{pooled_financier_id}", "name": "Taalfonds"},
    ),
    PageSample("GET", F),
    PageSample("POST", F, 303, _FUND),
    PageSample("GET", "/budget/instrumenten"),
    PageSample(
        "POST",
        "/budget/instrumenten",
        303,
        {
            "kind": "job_coaching",
            "name": "Jobcoaching",
            "provider": "Coach & Co",
            "unit_price": "950",
        },
    ),
    PageSample("GET", "/budget/aanvragen"),
    PageSample("POST", "/budget/aanvragen/{waiting_request_id}/goedkeuren", 303),
    PageSample(
        "POST", "/budget/aanvragen/{waiting_request_id}/afwijzen", 303, {"reason": "Te duur"}
    ),
    PageSample("POST", "/budget/aanvragen/{approved_request_id}/intrekken", 303),
    PageSample(
        "POST",
        "/trajecten/{budget_trajectory_id}/interventie",
        303,
        {"instrument_id": "{budget_instrument_id}", "need": "Heftruckcertificaat"},
        also=("budget.read",),
    ),
]
