"""Money: Dutch amounts in, integer cents inside, Dutch notation out; never a float."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ontschot import money

CENTS = st.integers(min_value=0, max_value=money.MAX_CENTS)


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("2.800,50", 280050),
        ("€ 2.800", 280000),
        ("2800", 280000),
        ("2800,5", 280050),
        ("2800.50", 280050),
        ("€\u00a01.234.567,89", 123456789),
        ("12,-", 1200),
        ("0,01", 1),
        (" 7 ", 700),
    ],
)
def test_dutch_amounts_become_cents(text: str, cents: int) -> None:
    assert money.parse(text) == cents


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2.800,505", "cent"),
        ("-10", "negatief"),
        ("", "Vul een bedrag in"),
        ("twee euro", "geen bedrag"),
        ("1.23.4", "geen bedrag"),
        ("12.34.567", "geen bedrag"),
        ("1e5", "geen bedrag"),
        ("99999999999999999999", "onwaarschijnlijk groot"),
    ],
)
def test_nonsense_is_refused_with_a_message_that_says_why(text: str, reason: str) -> None:
    with pytest.raises(money.MoneyError) as refused:
        money.parse(text)
    assert reason in str(refused.value)


def test_negative_amounts_only_where_allowed() -> None:
    assert money.parse("-12,50", allow_negative=True) == -1250


@given(CENTS)
def test_formatting_and_parsing_round_trip(cents: int) -> None:
    assert money.parse(money.format_cents(cents)) == cents
    assert money.parse(money.format_cents(cents, symbol=False)) == cents


@given(CENTS)
def test_formatting_is_dutch(cents: int) -> None:
    text = money.format_cents(cents)
    assert text.startswith("€ ")
    euros, _, rest = text.removeprefix("€ ").partition(",")
    assert len(rest) == 2 and rest.isdigit()
    assert all(len(group) == 3 for group in euros.split(".")[1:])


@given(st.text(max_size=30))
def test_any_text_is_cents_or_a_clear_refusal(text: str) -> None:
    try:
        value = money.parse(text)
    except money.MoneyError as exc:
        assert str(exc)
    else:
        assert isinstance(value, int) and 0 <= value <= money.MAX_CENTS


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False))
def test_exact_decimals_become_exact_cents(amount: Decimal) -> None:
    assert money.from_euros(amount) == int(amount * 100)


def test_a_float_is_refused() -> None:
    with pytest.raises(TypeError):
        money.from_euros(2.5)  # type: ignore[arg-type]
