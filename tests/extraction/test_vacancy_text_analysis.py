"""Whole vacancy and CV texts (issue 13): the title decides the occupation, the skills a coach
would tick are found, and lexical evidence is words that stand together."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from ontschot.access.actor import Actor
from ontschot.extraction import service
from ontschot.extraction.lexical import WINDOW_SLACK
from ontschot.extraction.occupations import recent_job_title
from ontschot.extraction.text import sentences, tokens

ORDERPICKER = """Orderpicker / heftruckchauffeur
Voor een distributiecentrum in Hengelo zoeken wij een orderpicker.
Je verzamelt orders met de handscanner, laadt en lost vrachtwagens en rijdt op de heftruck \
en de reachtruck.
Je controleert of de pallets goed zijn ingepakt voordat ze naar de werkplek van de chauffeur gaan.
Wat vragen wij?
Een geldig heftruckcertificaat en VCA-basis.
Bereidheid om in ploegendienst te werken.
Wij bieden een goed salaris en reiskostenvergoeding."""

CV = """Werkervaring
2021 – heden: kassamedewerker bij een supermarkt
2018 – 2021: vakkenvuller bij Jumbo
2016 – 2018: helpende in de thuiszorg
Vaardigheden
klantvriendelijk, kassa, Engels"""


def _extract(db: Session, text: str, **options: object) -> service.Extraction:
    return service.extract_skills(db, actor=Actor.cli(), text=text, **options)  # type: ignore[arg-type]


def test_orderpicker_vacancy_gives_a_warehouse_occupation_and_its_skills(
    db: Session, occupation_uri: Callable[[str], str], skill_uri: Callable[[str], str]
) -> None:
    result = _extract(db, ORDERPICKER, lang="nl")

    assert result.occupation is not None
    assert result.occupation.uri in {
        occupation_uri("warehouse order picker"),
        occupation_uri("forklift operator"),
    }
    found = {s.uri for s in result.skills}
    assert skill_uri("operate forklift") in found
    assert skill_uri("pick orders for dispatching") in found
    assert {skill_uri("load cargo"), skill_uri("unload cargo")} & found


def test_cv_occupation_comes_from_the_most_recent_job(
    db: Session, occupation_uri: Callable[[str], str]
) -> None:
    result = _extract(db, CV, lang="nl")

    assert result.occupation is not None
    assert result.occupation.uri == occupation_uri("cashier")


def test_most_recent_job_is_the_one_that_runs_until_now() -> None:
    text = "2015 - 2018 Schoonmaker, Asito\n2019 - heden Magazijnmedewerker bij Bol\n"

    assert recent_job_title(text) == "Magazijnmedewerker"
    assert recent_job_title("Ik werk graag met mensen.") is None


def test_no_skill_is_evidenced_by_words_far_apart(db: Session) -> None:
    texts = [
        ORDERPICKER,
        "Je controleert dagelijks of alle collega's na afloop van hun dienst de werkplek "
        "netjes hebben achtergelaten.",
    ]
    for text in texts:
        result = _extract(db, text, lang="nl", threshold=0.0, top=100, semantic=False)

        starts = [t.start for t in tokens(text)]
        for skill in result.skills:
            for a, b in sentences(text):  # one skill may be evidenced in several sentences
                inside = [span for span in skill.spans if a <= span[0] < b]
                if inside:
                    width = starts.index(inside[-1][0]) - starts.index(inside[0][0]) + 1
                    assert width <= len(inside) + WINDOW_SLACK, (skill.label, inside)


def test_far_apart_words_do_not_evidence_a_label(db: Session) -> None:
    text = (
        "Je controleert dagelijks of alle collega's na afloop van hun dienst de werkplek "
        "netjes hebben achtergelaten."
    )

    result = _extract(db, text, lang="nl", threshold=0.0, top=100, semantic=False)

    assert "werkplekken controleren" not in {s.label for s in result.skills}


def test_a_single_content_sentence_always_gets_a_skill(db: Session) -> None:
    for text in ("Je bent bereid om in ploegendienst te werken.", "orders picken", "kassa"):
        result = _extract(db, text, lang="nl")

        assert result.skills, text
