"""Arbeidsmarktregio's and their municipalities, with weights for where people live.

The municipalities come from the bundled 2015 indeling (`ontschot.geo`, see
`geo_data/SOURCE.md`). Population weights are rounded inhabitant counts in thousands
(CBS, early 2020s, from general knowledge and rounded, so only the proportions matter);
municipalities without a figure get a typical size. PC4 postcode ranges are given for
Twente only (approximate ranges of the municipalities' main places); elsewhere synthetic
candidates get no postcode.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ontschot.geo import GEO_FILE

TYPICAL_SIZE = 30  # thousand inhabitants for a municipality without a figure

POPULATION_K: dict[str, int] = {
    # Twente
    "Enschede": 160,
    "Hengelo": 81,
    "Almelo": 74,
    "Rijssen-Holten": 39,
    "Hellendoorn": 36,
    "Hof van Twente": 35,
    "Twenterand": 34,
    "Oldenzaal": 32,
    "Dinkelland": 26,
    "Wierden": 25,
    "Haaksbergen": 24,
    "Borne": 24,
    "Losser": 23,
    "Tubbergen": 21,
    # the larger cities elsewhere, so that a national file is not flat
    "Amsterdam": 900,
    "Rotterdam": 660,
    "’s-Gravenhage": 560,
    "Utrecht": 370,
    "Eindhoven": 240,
    "Groningen": 235,
    "Tilburg": 225,
    "Almere": 220,
    "Breda": 185,
    "Nijmegen": 180,
    "Apeldoorn": 165,
    "Arnhem": 165,
    "Haarlem": 165,
    "Haarlemmermeer": 160,
    "Amersfoort": 160,
    "Zaanstad": 158,
    "’s-Hertogenbosch": 158,
    "Zwolle": 130,
    "Leiden": 125,
    "Zoetermeer": 126,
    "Leeuwarden": 125,
    "Maastricht": 122,
    "Dordrecht": 120,
    "Ede": 118,
    "Alphen aan den Rijn": 112,
    "Westland": 112,
    "Emmen": 107,
    "Delft": 104,
    "Venlo": 102,
    "Deventer": 101,
    "Sittard-Geleen": 92,
    "Helmond": 93,
    "Oss": 93,
    "Amstelveen": 92,
    "Hilversum": 90,
    "Heerlen": 87,
}

TWENTE_PC4: dict[str, tuple[int, int]] = {
    "Enschede": (7511, 7548),
    "Hengelo": (7550, 7559),
    "Almelo": (7601, 7609),
    "Borne": (7621, 7623),
    "Oldenzaal": (7570, 7577),
    "Losser": (7580, 7588),
    "Haaksbergen": (7480, 7483),
    "Hof van Twente": (7470, 7478),
    "Rijssen-Holten": (7460, 7463),
    "Wierden": (7640, 7645),
    "Hellendoorn": (7440, 7448),
    "Twenterand": (7670, 7688),
    "Tubbergen": (7650, 7665),
    "Dinkelland": (7590, 7597),
}


@dataclass(frozen=True)
class Region:
    slug: str
    name: str
    code: str
    municipalities: tuple[str, ...]
    weights: tuple[float, ...]  # relative population per municipality

    @property
    def size(self) -> float:
        return float(sum(self.weights))

    @property
    def largest(self) -> tuple[str, ...]:
        """Municipalities from large to small (the first is the centrumgemeente)."""
        order = sorted(range(len(self.municipalities)), key=lambda i: -self.weights[i])
        return tuple(self.municipalities[i] for i in order)


def slugify(name: str) -> str:
    """Lower-case ASCII with hyphens: `Hof van Twente` -> `hof-van-twente`, `é` -> `e`."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.casefold()).strip("-")


@lru_cache(maxsize=1)
def all_regions() -> tuple[Region, ...]:
    """The 35 arbeidsmarktregio's in the order of the regulation."""
    grouped: dict[str, tuple[str, list[str]]] = {}
    with GEO_FILE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            _code, names = grouped.setdefault(
                row["arbeidsmarktregio"], (row["cbs_code_unverified"], [])
            )
            names.append(row["gemeente_naam_2015"])
    return tuple(
        Region(
            slugify(name),
            name,
            code,
            tuple(names),
            tuple(float(POPULATION_K.get(m, TYPICAL_SIZE)) for m in names),
        )
        for name, (code, names) in grouped.items()
    )


NATIONAL = "nederland"


def find_region(slug: str) -> Region:
    """The region with this slug or name (`twente`, `Groot Amsterdam`); KeyError if none."""
    wanted = slugify(slug)
    for region in all_regions():
        if region.slug == wanted:
            return region
    known = ", ".join(r.slug for r in all_regions())
    raise KeyError(f"onbekende regio {slug!r}; kies uit: {known} of {NATIONAL}")


def split_by_population(regions: tuple[Region, ...], total: int) -> list[int]:
    """Split `total` over regions by population, largest remainders first."""
    size = sum(r.size for r in regions)
    exact = [total * r.size / size for r in regions]
    counts = [int(x) for x in exact]
    order = sorted(range(len(regions)), key=lambda i: counts[i] - exact[i])
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts
