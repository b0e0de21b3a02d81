"""The occupation of a vacancy or CV (ADR 0025): the title line or the most recent job decides,
whatever else the body mentions; titles are read without their tails."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot.access.actor import Actor
from ontschot.extraction import service
from ontschot.extraction.occupations import TITLES_FILE, title_parts
from ontschot.taxonomy.models import Occupation

# The body is mostly about cleaning and the canteen: the title still decides.
VACANCY = """Orderpicker / heftruckchauffeur (m/v) – 38 uur – Tilburg
Je houdt de kantine schoon en dweilt de vloeren van de kantoren.
Je helpt in de keuken bij het bereiden van de lunch.
Je maakt de toiletten schoon en vult de voorraad zeep aan.
Wij bieden een goed salaris en reiskostenvergoeding."""

# The older jobs have more skills to vote with than the most recent one.
CV = """Profiel
Betrouwbaar en klantvriendelijk.
Werkervaring
2022 – heden: kassamedewerker bij een bouwmarkt
2015 – 2022: loodgieter bij een installatiebedrijf
2012 – 2015: elektricien, zelfstandig
Vaardigheden
leidingen leggen, cv-ketels onderhouden, groepenkasten aansluiten, lassen"""


def _occupation(db: Session, text: str) -> str | None:
    result = service.extract_skills(db, actor=Actor.cli(), text=text, lang="nl")
    return result.occupation.uri if result.occupation else None


def test_a_vacancy_title_with_alternatives_and_a_tail_decides_over_the_body(
    db: Session, occupation_uri: Callable[[str], str]
) -> None:
    assert _occupation(db, VACANCY) in {
        occupation_uri("warehouse order picker"),
        occupation_uri("forklift operator"),
    }


def test_a_cv_gets_the_occupation_of_its_most_recent_job_not_of_its_skills(
    db: Session, occupation_uri: Callable[[str], str]
) -> None:
    assert _occupation(db, CV) == occupation_uri("cashier")


def test_a_title_loses_its_hours_place_and_brackets_and_splits_at_a_slash() -> None:
    assert title_parts("Kok (Amsterdam) - 32 uur - Tilburg") == ["Kok"]
    assert title_parts("Kassamedewerker | Jumbo") == ["Kassamedewerker"]
    assert title_parts("Loodgieter / installateur") == [
        "Loodgieter / installateur",
        "Loodgieter",
        "installateur",
    ]
    # 'in- en verkoop' is one word group, not two titles
    assert title_parts("Medewerker in- en verkoop") == ["Medewerker in- en verkoop"]


def test_every_title_in_the_lexicon_names_an_occupation_of_the_taxonomy(db: Session) -> None:
    uris = {
        line.split("\t")[1]
        for line in TITLES_FILE.read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    known = set(db.scalars(select(Occupation.uri).where(Occupation.uri.in_(uris))))

    assert uris - known == set()
