"""Money is an integer number of euro cents. It is parsed with `Decimal`, never `float`.

`parse("2.800,50") == 280050`; Dutch notation first ("." groups thousands, "," is the
decimal mark), also "€ 2.800", "2800", "2800,5" and a plain "2800.50" with exactly one or
two decimals. A fraction of a cent, a negative amount (unless allowed), a grouping that
is not in threes and anything else is refused with a message that says what is wrong.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

MAX_CENTS = 10**15  # ten trillion euros: far above any fund, far below 2**63

_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+(,\d*)?$")
_DUTCH = re.compile(r"^\d+(,\d*)?$")
_POINT_DECIMAL = re.compile(r"^\d+\.\d{1,2}$")


class MoneyError(ValueError):
    """The text is not an amount; the message is Dutch and names the problem."""


def parse(text: str, *, allow_negative: bool = False) -> int:
    """Cents for a Dutch amount text; raises `MoneyError` with a Dutch message."""
    if not isinstance(text, str):
        raise MoneyError("Geef een bedrag als tekst, bijvoorbeeld 2.800,50.")
    raw = text.strip().replace("\u00a0", " ")
    for sign in ("€", "EUR", "eur"):
        raw = raw.replace(sign, "")
    raw = raw.replace(" ", "")
    negative = raw.startswith("-")
    if negative:
        raw = raw[1:]
        if not allow_negative:
            raise MoneyError("Een negatief bedrag is hier niet toegestaan.")
    if raw.endswith(",-"):
        raw = raw[:-2]
    if not raw:
        raise MoneyError("Vul een bedrag in, bijvoorbeeld 2.800,50.")
    if _GROUPED.match(raw):
        normal = raw.replace(".", "").replace(",", ".")
    elif _DUTCH.match(raw):
        normal = raw.replace(",", ".")
    elif _POINT_DECIMAL.match(raw):
        normal = raw
    else:
        raise MoneyError(f"'{text.strip()[:40]}' is geen bedrag; schrijf bijvoorbeeld 2.800,50.")
    normal = normal.rstrip(".")
    try:
        amount = Decimal(normal)
    except InvalidOperation as exc:  # pragma: no cover - the patterns above exclude this
        raise MoneyError(f"'{text.strip()[:40]}' is geen bedrag.") from exc
    cents = amount * 100
    if cents != cents.to_integral_value():
        raise MoneyError("Een bedrag kan niet kleiner zijn dan een cent (ten hoogste 2 decimalen).")
    value = int(cents)
    if value > MAX_CENTS:
        raise MoneyError("Dit bedrag is onwaarschijnlijk groot.")
    return -value if negative else value


def from_euros(value: int | Decimal) -> int:
    """Cents for a whole or exact decimal number of euros (never a float)."""
    if isinstance(value, float):
        raise TypeError("money never comes from a float")
    cents = Decimal(value) * 100
    if cents != cents.to_integral_value():
        raise MoneyError("Een bedrag kan niet kleiner zijn dan een cent.")
    return int(cents)


def format_cents(cents: int, *, symbol: bool = True, whole: bool = False) -> str:
    """Dutch notation: 280050 -> '€ 2.800,50', -500 -> '-€ 5,00'; `whole` drops ',00' on
    whole euros."""
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(cents), 100)
    grouped = f"{euros:,}".replace(",", ".")
    text = grouped if whole and rest == 0 else f"{grouped},{rest:02d}"
    return f"{sign}€ {text}" if symbol else f"{sign}{text}"
