"""The skeleton of a synthetic region: partner organisations, their users and employers.

Everything is derived from a `random.Random` so that one seed gives one region. E-mail
addresses end in `.example` (RFC 2606, never deliverable); every demo user of a role shares
the documented demo password (see `DEMO_PASSWORD`).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from ontschot.access.models import OrganisationKind as K
from ontschot.access.roles import Role
from ontschot.synth import names
from ontschot.synth.occupations import OCCUPATIONS, SECTORS
from ontschot.synth.regions import Region, slugify

DEMO_PASSWORD = "ontschot-demo"  # noqa: S105 - the documented demo password


@dataclass(frozen=True)
class OrgSpec:
    key: str
    name: str
    kind: str
    municipality: str | None = None

    @property
    def domain(self) -> str:
        return f"{slugify(self.name)}.example"


@dataclass(frozen=True)
class UserSpec:
    email: str
    display_name: str
    role: Role
    org_key: str
    is_demo_login: bool = False  # shown in the demo login table


@dataclass(frozen=True)
class EmployerSpec:
    index: int
    name: str
    sector: str
    municipality: str
    kvk_number: str
    org_key: str | None
    contact_email: str | None


@dataclass
class RegionPlan:
    region: Region
    organisations: list[OrgSpec] = field(default_factory=list)
    users: list[UserSpec] = field(default_factory=list)
    employers: list[EmployerSpec] = field(default_factory=list)

    def coaches_of(self, org_key: str) -> list[str]:
        return [u.email for u in self.users if u.role == Role.COACH and u.org_key == org_key]

    def org(self, key: str) -> OrgSpec:
        return next(o for o in self.organisations if o.key == key)


def _person(rng: random.Random) -> str:
    first = rng.choice(names.FIRST_NAMES_FEMALE + names.FIRST_NAMES_MALE)
    return f"{first} {rng.choice(names.LAST_NAMES)}"


def _organisations(region: Region) -> list[OrgSpec]:
    name = region.name
    orgs = [OrgSpec("uwv", f"UWV {name}", K.UWV.value)]
    orgs += [OrgSpec(f"gemeente:{m}", f"Gemeente {m}", K.GEMEENTE.value, m) for m in region.largest]
    orgs += [
        OrgSpec("werkgevers", f"Werkgeversvereniging {name}", K.EMPLOYER_ORGANISATION.value),
        OrgSpec("roc", f"Regionaal Opleidingencentrum {name}", K.EDUCATION.value),
        OrgSpec("uitzend1", f"Flexwerk {name}", K.TEMP_AGENCY.value),
        OrgSpec("uitzend2", f"Uitzendbureau De Schakel {name}", K.TEMP_AGENCY.value),
        OrgSpec("reintegratie", f"Werkfit Re-integratie {name}", K.REINTEGRATION.value),
        OrgSpec("beheer", f"Ontschot beheer {name}", K.OPERATOR.value),
    ]
    return orgs


def _coach_counts(region: Region, total: int) -> dict[str, int]:
    """UWV a quarter, the re-integration company and temp agencies a few, the rest to the
    municipalities by population (each at least one)."""
    counts = {
        "uwv": max(1, total // 4),
        "reintegratie": max(1, total // 10),
        "uitzend1": max(1, total // 40),
    }
    rest = max(len(region.municipalities), total - sum(counts.values()))
    size = region.size
    for m in region.municipalities:
        counts[f"gemeente:{m}"] = 1
    extra = rest - len(region.municipalities)
    shares = sorted(zip(region.municipalities, region.weights, strict=True), key=lambda mw: -mw[1])
    given = 0
    for m, w in shares:
        add = int(extra * w / size)
        counts[f"gemeente:{m}"] += add
        given += add
    for m, _ in shares[: extra - given]:
        counts[f"gemeente:{m}"] += 1
    return counts


def _users(region: Region, orgs: list[OrgSpec], coaches: int, rng: random.Random) -> list[UserSpec]:
    by_key = {o.key: o for o in orgs}
    centre = f"gemeente:{region.largest[0]}"
    users: list[UserSpec] = []
    seen_roles: set[Role] = set()
    taken: dict[tuple[str, str], int] = {}

    def add(role: Role, org_key: str, base: str) -> None:
        org = by_key[org_key]
        n = taken[(org_key, base)] = taken.get((org_key, base), 0) + 1
        local = base if n == 1 else f"{base}{n}"
        users.append(
            UserSpec(
                f"{local}@{org.domain}",
                _person(rng),
                role,
                org_key,
                is_demo_login=role not in seen_roles,
            )
        )
        seen_roles.add(role)

    for org_key, count in sorted(
        _coach_counts(region, coaches).items(), key=lambda kv: (kv[0] != centre, kv[0])
    ):
        for _ in range(count):
            add(Role.COACH, org_key, "coach")
    big = region.largest
    advisers = [
        centre,
        "uwv",
        "werkgevers",
        f"gemeente:{big[min(1, len(big) - 1)]}",
        "uitzend1",
        f"gemeente:{big[min(2, len(big) - 1)]}",
    ]
    for n in range(max(len(advisers), coaches // 6)):
        add(Role.EMPLOYER_ADVISER, advisers[n % len(advisers)], "werkgeversadviseur")
    add(Role.PROGRAMME_MANAGER, centre, "programmamanager")
    add(Role.PROGRAMME_MANAGER, "uwv", "programmamanager")
    for org_key in (centre, "uwv", "roc", "uitzend1", "reintegratie", "werkgevers"):
        add(Role.PARTNER_ADMIN, org_key, "beheerder")
    add(Role.ANALYST, "uwv", "analist")
    add(Role.ANALYST, centre, "analist")
    add(Role.SYSTEM_ADMIN, "beheer", "systeembeheer")
    return users


EMPLOYER_PATTERNS: dict[str, tuple[str, ...]] = {
    "Logistiek": (
        "{L} Logistiek",
        "Distributiecentrum {M}",
        "{L} Warehousing",
        "Opslag en Overslag {M}",
        "{L} Fulfilment",
    ),
    "Vervoer": (
        "Transportbedrijf {L}",
        "{L} Transport",
        "Koeriersdienst {M}",
        "Taxibedrijf {L}",
        "{M} Vervoer",
    ),
    "Zorg en welzijn": (
        "Zorggroep {M}",
        "Thuiszorg {M}",
        "Woonzorgcentrum De {N}",
        "Huisartsenpraktijk {L}",
        "Stichting Zorg {M}",
        "Apotheek {L}",
    ),
    "Techniek en industrie": (
        "{L} Metaal",
        "{L} Machinebouw",
        "{M} Kunststoffen",
        "{L} Techniek",
        "Constructiebedrijf {L}",
        "{L} Precision",
    ),
    "Bouw en installatie": (
        "Bouwbedrijf {L}",
        "{L} Installatietechniek",
        "Aannemer {L}",
        "{L} Bouw en Onderhoud",
        "Schildersbedrijf {L}",
    ),
    "Detailhandel": (
        "Supermarkt {L}",
        "Bakkerij {L}",
        "Slagerij {L}",
        "Modehuis {L}",
        "{M} Bouwmarkt",
        "Kapsalon {N}",
    ),
    "Horeca en facilitair": (
        "Hotel De {N}",
        "Restaurant {L}",
        "Schoonmaakbedrijf {L}",
        "{M} Facilitair",
        "Beveiliging {M}",
        "Eetcafé De {N}",
    ),
    "Zakelijke dienstverlening": (
        "Administratiekantoor {L}",
        "{L} Advies",
        "Klantcontactcentrum {M}",
        "{L} en Partners",
    ),
    "ICT": ("{L} Software", "{M} IT Services", "{L} Data", "Digitaal Bureau {N}"),
    "Onderwijs en kinderopvang": (
        "Kinderopvang De {N}",
        "Basisschool De {N}",
        "Stichting Onderwijs {M}",
    ),
    "Groen en agrarisch": (
        "Hoveniersbedrijf {L}",
        "Kwekerij {L}",
        "Groenbedrijf {M}",
        "Reiniging {M}",
    ),
}
NOUNS = (
    "Esch",
    "Linde",
    "Molen",
    "Kamp",
    "Brink",
    "Beek",
    "Horst",
    "Haar",
    "Weide",
    "Es",
    "Hoeve",
    "Veldkamp",
    "Zonnebloem",
    "Regenboog",
    "Eik",
    "Hazelaar",
)


def _employers(
    region: Region, count: int, advisers: list[str], rng: random.Random, start_index: int
) -> list[EmployerSpec]:
    sector_weight = {s: sum(o.weight for o in OCCUPATIONS if o.sector == s) for s in SECTORS}
    sectors = rng.choices(SECTORS, weights=[sector_weight[s] for s in SECTORS], k=count)
    places = rng.choices(region.municipalities, weights=region.weights, k=count)
    seen: set[str] = set()
    employers = []
    for i, (sector, place) in enumerate(zip(sectors, places, strict=True)):
        family = rng.choice(names.LAST_NAMES)
        last = family[:1].upper() + family[1:]
        pattern = rng.choice(EMPLOYER_PATTERNS.get(sector, ("{L} B.V.",)))
        name = pattern.format(L=last, M=place, N=rng.choice(NOUNS))
        here = "" if place in name else f" {place}"
        for suffix in ("", here, " B.V.", " Groep", f" {region.name}", " & Partners"):
            if f"{name}{suffix}" not in seen:
                name = f"{name}{suffix}"
                break
        else:
            name = f"{name} ({i + 1})"
        seen.add(name)
        index = start_index + i
        employers.append(
            EmployerSpec(
                index,
                name,
                sector,
                place,
                f"9{index:07d}",
                None,
                advisers[i % len(advisers)] if advisers else None,
            )
        )
    return employers


EMPLOYER_LOGINS = 5


def plan_region(
    region: Region, *, coaches: int, employers: int, seed: int, employer_start: int = 0
) -> RegionPlan:
    """Organisations, users and employers of one region (deterministic in `seed`)."""
    rng = random.Random(f"{seed}:{region.slug}:plan")  # noqa: S311 - reproducible, not secret
    orgs = _organisations(region)
    users = _users(region, orgs, coaches, rng)
    advisers = [u.email for u in users if u.role == Role.EMPLOYER_ADVISER]
    emps = _employers(region, employers, advisers, rng, employer_start)
    # a few employers log in themselves: each gets an organisation and one employer user
    for n in range(min(EMPLOYER_LOGINS, len(emps))):
        emp = emps[n]
        org = OrgSpec(f"werkgever:{emp.index}", emp.name, K.EMPLOYER.value, emp.municipality)
        orgs.append(org)
        emps[n] = EmployerSpec(
            emp.index,
            emp.name,
            emp.sector,
            emp.municipality,
            emp.kvk_number,
            org.key,
            emp.contact_email,
        )
        users.append(
            UserSpec(
                f"werkgever@{org.domain}",
                _person(rng),
                Role.EMPLOYER,
                org.key,
                is_demo_login=n == 0,
            )
        )
    return RegionPlan(region, orgs, users, emps)
