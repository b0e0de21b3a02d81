"""Search normalisation shared by taxonomy search and extraction: accent- and case-free."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")


def normalise(text: str) -> str:
    """'Heftruck-Chauffeur (m/v)' -> 'heftruck chauffeur m v'; 'inspiciënt' -> 'inspicient'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", stripped).strip()
