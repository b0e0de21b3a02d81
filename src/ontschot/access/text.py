"""Checks for text that comes from outside: no control, zero-width or bidi-override tricks."""

from __future__ import annotations

import re
import unicodedata

EMAIL_PATTERN = re.compile(
    r"^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$"
)
EMAIL_MAX = 254
# Bidi overrides/isolates and zero-width characters can make a name look like another.
_INVISIBLE = frozenset(
    "\u200b\u200c\u200d\u2060\ufeff\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069\u061c\u200e\u200f"
)


def has_tricky_characters(value: str) -> bool:
    """True for control characters, invisible characters or unpaired surrogates."""
    for ch in value:
        if ch in _INVISIBLE or unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            return True
    return False


def clean_display_text(value: str, *, max_length: int) -> str:
    """NFC-normalised, stripped text; raises ValueError with a Dutch reason otherwise."""
    value = unicodedata.normalize("NFC", value).strip()
    if not value:
        raise ValueError("mag niet leeg zijn")
    if len(value) > max_length:
        raise ValueError(f"mag hoogstens {max_length} tekens hebben")
    if has_tricky_characters(value):
        raise ValueError("bevat onzichtbare of stuurtekens")
    return value


def normalise_email(value: str) -> str:
    """Lower-cased e-mail address; raises ValueError when it is not a plain address."""
    value = value.strip().lower()
    if not value or len(value) > EMAIL_MAX or not EMAIL_PATTERN.match(value):
        raise ValueError("is geen geldig e-mailadres")
    return value
