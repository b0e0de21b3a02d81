"""Municipality (gemeente) names and their arbeidsmarktregio, from the bundled reference file.

The file is the 2015 indeling from the Besluit werkgebieden UWV 2015 (see
`geo_data/SOURCE.md` for provenance and caveats). Names are matched case- and
apostrophe-insensitively and returned in the spelling of the file, so that stored names are
uniform. A fuller municipality table with CBS codes can replace this module later.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

GEO_FILE = Path(__file__).resolve().parent / "geo_data" / "arbeidsmarktregios_2015_gemeenten.csv"


@dataclass(frozen=True)
class Municipality:
    name: str
    region: str
    region_code: str


def _key(name: str) -> str:
    return " ".join(name.replace("’", "'").replace("‘", "'").casefold().split())


@lru_cache(maxsize=1)
def _municipalities() -> dict[str, Municipality]:
    with GEO_FILE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {
        _key(row["gemeente_naam_2015"]): Municipality(
            name=row["gemeente_naam_2015"],
            region=row["arbeidsmarktregio"],
            region_code=row["cbs_code_unverified"],
        )
        for row in rows
    }


def find_municipality(name: str | None) -> Municipality | None:
    """The municipality with this name (any case, either apostrophe), or None."""
    if not name:
        return None
    return _municipalities().get(_key(name))


def municipality_names() -> list[str]:
    """All known names, sorted for a select list or datalist."""
    return sorted((m.name for m in _municipalities().values()), key=_key)


def region_of(name: str | None) -> str | None:
    found = find_municipality(name)
    return found.region if found else None
