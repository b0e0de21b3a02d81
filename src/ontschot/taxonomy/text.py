"""Search normalisation shared by taxonomy search and extraction: accent- and case-free."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold_accents(text: str) -> str:
    """Lower-case without accents, keeping every other character: 'Kassière' -> 'kassiere'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalise(text: str) -> str:
    """'Heftruck-Chauffeur (m/v)' -> 'heftruck chauffeur m v'; 'inspiciënt' -> 'inspicient'."""
    return _NON_WORD.sub(" ", fold_accents(text)).strip()
