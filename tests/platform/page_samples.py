"""One sample request per Dutch page route, for the page permission matrix.

Paths are formatted with the ids of the API matrix's world (tests/*/route_samples.py), plus
`skill_id` added here. `form` is the body of a form post (the CSRF token is sent as a
header, as htmx does). `success` is what a role allowed to do the route's action gets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot.people.models import CandidateSkill
from tests.access.route_samples import World, template_shape
from tests.factories import ESCO_SKILL_A, ESCO_SKILL_B

FORKLIFT = "http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da"
PASSWORD = "een lang wachtwoord voor de test"

# Pages anyone may open, logged in or not; every other page route must declare an action.
OPEN_PAGES = {
    ("GET", "/inloggen"),
    ("POST", "/inloggen"),
    ("POST", "/uitloggen"),
    ("GET", "/toegankelijkheid"),
}


@dataclass(frozen=True)
class PageSample:
    method: str
    path: str
    success: int = 200
    form: dict[str, Any] = field(default_factory=dict)
    also: tuple[str, ...] = ()  # actions the service checks on top of the route's own

    @property
    def route_path(self) -> str:
        return template_shape(self.path.split("?", 1)[0])

    def url(self, world: World) -> str:
        return self.path.format(**world.ids)

    def body(self, world: World) -> dict[str, Any]:
        return {k: v.format(**world.ids) if isinstance(v, str) else v for k, v in self.form.items()}

    def label(self) -> str:
        return f"{self.method} {self.path}"


def add_page_ids(db: Session, world: World) -> None:
    """The ids page samples need beyond the API world's."""
    skill = db.scalar(
        select(CandidateSkill).where(CandidateSkill.candidate_id == world.ids["match_candidate_id"])
    )
    world.ids["skill_id"] = skill.id if skill else 0


_CANDIDATE = {
    "first_name": "Fatma",
    "last_name": "Demir",
    "municipality": "Hengelo",
    "benefit": "ww",
    "status": "seeking",
    "birth_date": "1990-05-17",
}
_MOMENT = {"contact_kind": "visit", "occurred_on": "2026-11-30", "summary": "Kennismaking."}
_VACANCY = {"employer_id": "{employer_id}", "title": "Orderpicker", "municipality": "Hengelo"}

PAGE_SAMPLES: list[PageSample] = [
    PageSample("GET", "/"),
    PageSample("GET", "/beroepen?q=heftruck"),
    PageSample("GET", "/beroepen/{occupation_key}"),
    PageSample("GET", "/vaardigheden?q=heftruck"),
    PageSample("GET", "/vaardigheden/{skill_key}"),
    PageSample("GET", "/esco-keuze?soort=skill&q=heftruck"),
    # access
    PageSample("GET", "/beheer"),
    PageSample(
        "POST",
        "/beheer/gebruikers",
        303,
        {
            "display_name": "Nieuwe Collega",
            "email": "nieuw@example.nl",
            "password": PASSWORD,
            "role": "coach",
        },
    ),
    PageSample("GET", "/beheer/gebruikers/{user_id}"),
    PageSample("POST", "/beheer/gebruikers/{user_id}/blokkeren", 303),
    PageSample("POST", "/beheer/gebruikers/{user_id}/rol", 303, {"role": "employer_adviser"}),
    PageSample(
        "POST",
        "/beheer/organisaties",
        303,
        {
            "name": "Leerwerkloket Twente",
            "kind": "onderwijs",
            "region_code": "twente",
            "region_name": "Twente",
        },
    ),
    PageSample("POST", "/beheer/gebruikers/{user_id}/wachtwoord", 303, {"new_password": PASSWORD}),
    PageSample(
        "POST",
        "/beheer/tokens",
        200,
        {"name": "Koppeling", "role": "coach", "actions": "organisation.read"},
    ),
    PageSample("POST", "/beheer/tokens/{token_id}/intrekken", 303),
    PageSample("GET", "/verwerkingslog"),
    # text analysis
    PageSample("GET", "/tekstanalyse"),
    PageSample("POST", "/tekstanalyse", 200, {"text": "Ervaren heftruckchauffeur met VCA."}),
    PageSample(
        "POST",
        "/tekstanalyse/bevestigen",
        200,
        {"skill": ESCO_SKILL_B, "candidate": "{candidate_id}"},
        also=("candidate.update",),
    ),
    # people
    PageSample("GET", "/werkzoekenden"),
    PageSample("GET", "/werkzoekenden/nieuw"),
    PageSample("POST", "/werkzoekenden/nieuw", 303, _CANDIDATE),
    PageSample("GET", "/werkzoekenden/{candidate_id}"),
    PageSample(
        "POST",
        "/werkzoekenden/{candidate_id}/vaardigheden",
        303,
        {"skill_uri": ESCO_SKILL_A, "source": "coach_confirmed"},
    ),
    PageSample(
        "POST", "/werkzoekenden/{match_candidate_id}/vaardigheden/{skill_id}/verwijderen", 303
    ),
    PageSample(
        "POST",
        "/werkzoekenden/{candidate_id}/toestemmingen",
        303,
        {"purpose": "share_profile", "partner_category": "uitzendbureau"},
    ),
    PageSample("POST", "/werkzoekenden/{candidate_id}/toestemmingen/{consent_id}/intrekken", 303),
    PageSample("GET", "/werkzoekenden/{candidate_id}/inzage"),
    PageSample("POST", "/werkzoekenden/{candidate_id}/verwijderen", 303, {"reason": "op verzoek"}),
    PageSample("GET", "/voorstellen"),
    PageSample("GET", "/voorstellen/{introduction_id}"),
    PageSample(
        "POST", "/werkzoekenden/{candidate_id}/voorstellen", 303, {"vacancy_id": "{vacancy_id}"}
    ),
    PageSample(
        "POST", "/werkzoekenden/{candidate_id}/voorstellen/{introduction_id}/intrekken", 303
    ),
    # employers
    PageSample("GET", "/werkgevers"),
    PageSample("POST", "/werkgevers", 303, {"name": "Bakkerij De Korenbloem"}),
    PageSample("GET", "/werkgevers/{employer_id}"),
    PageSample("GET", "/vacatures"),
    PageSample("GET", "/vacatures/nieuw"),
    PageSample("POST", "/vacatures/nieuw", 303, _VACANCY),
    PageSample("GET", "/vacatures/{vacancy_id}"),
    PageSample("GET", "/vacatures/{vacancy_id}/kandidaten"),
    # matching and careers
    PageSample("GET", "/werkzoekenden/{match_candidate_id}/vacaturesuggesties"),
    PageSample(
        "POST",
        "/werkzoekenden/{match_candidate_id}/vacaturesuggesties/{match_vacancy_id}/beoordeling",
        303,
        {"verdict": "suitable", "reason": "Heeft heftruckervaring"},
    ),
    PageSample("GET", "/vacatures/{match_vacancy_id}/matches"),
    PageSample("GET", "/werkzoekenden/{match_candidate_id}/loopbaanroutes"),
    # the workbench (issue 14)
    PageSample("GET", "/werkzoekenden/{candidate_id}/bewerken"),
    PageSample(
        "POST",
        "/werkzoekenden/{candidate_id}/bewerken",
        303,
        _CANDIDATE | {"hours_max": "30", "wish_sectors": "Logistiek"},
    ),
    PageSample("GET", "/werkzoekenden/{candidate_id}/contactmomenten"),
    PageSample("POST", "/werkzoekenden/{candidate_id}/contactmomenten", 303, _MOMENT),
    PageSample("GET", "/werkgevers/{employer_id}/contactmomenten"),
    PageSample("POST", "/werkgevers/{employer_id}/contactmomenten", 303, _MOMENT),
    PageSample("GET", "/werkzoekenden/{candidate_id}/voorstellen", also=("candidate.read",)),
    PageSample("POST", "/werkzoekenden/{candidate_id}/voorstellen/{vacancy_id}", 303),
    PageSample("GET", "/vacatures/{vacancy_id}/voorstellen"),
    PageSample("POST", "/voorstellen/{introduction_id}/status", 303, {"status": "introduced"}),
    PageSample("POST", "/voorstellen/{introduction_id}/antwoord", 303, {"answer": "interested"}),
    PageSample("GET", "/werkgevers/{employer_id}/bewerken"),
    PageSample("POST", "/werkgevers/{employer_id}/bewerken", 303, {"name": "Matrix Metaal B.V."}),
    PageSample(
        "POST", "/werkgevers/{employer_id}/contactpersonen", 303, {"contact_name": "Anna de Boer"}
    ),
    PageSample(
        "POST", "/werkgevers/{employer_id}/contactpersonen/{contact_person_id}/verwijderen", 303
    ),
    PageSample("GET", "/vacatures/{vacancy_id}/bewerken"),
    PageSample(
        "POST",
        "/vacatures/{vacancy_id}/bewerken",
        303,
        {"title": "Lasser MIG", "municipality": "Enschede", "status": "open"},
    ),
    PageSample("POST", "/vacatures/{vacancy_id}/status", 303, {"status": "closed"}),
]

# chains and cases keep their samples beside their tests
from tests.cases.page_samples import CASES_PAGE_SAMPLES  # noqa: E402

PAGE_SAMPLES.extend(CASES_PAGE_SAMPLES)

from tests.monitor.page_samples import MONITOR_PAGE_SAMPLES  # noqa: E402

PAGE_SAMPLES.extend(MONITOR_PAGE_SAMPLES)

from tests.monitor.accountability_page_samples import ACCOUNTABILITY_PAGE_SAMPLES  # noqa: E402

PAGE_SAMPLES.extend(ACCOUNTABILITY_PAGE_SAMPLES)
# the pooled budget keeps its samples beside its tests
from tests.budget.page_samples import BUDGET_PAGE_SAMPLES  # noqa: E402

PAGE_SAMPLES.extend(BUDGET_PAGE_SAMPLES)
