"""The shared page components: attributes reach the browser unescaped, the error summary
names each field, ESCO labels that exist only in English are marked, numbers are Dutch."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from ontschot.access.roles import Role
from ontschot.numbers import nl_number
from ontschot.web import templating
from ontschot.web.templating import environment, points
from tests.factories import login_as, make_user


def _macro(name: str) -> object:
    return getattr(environment().get_template("components.html").module, name)


def test_field_attributes_are_real_attributes_not_escaped_text():
    field = _macro("field")
    html = str(
        field(  # type: ignore[operator]
            "municipality",
            "Gemeente",
            {"municipality": 'Den "Haag"'},
            {},
            attrs={"list": "gemeenten", "autocomplete": "off", "min": 0, "required": True},
        )
    )
    assert 'list="gemeenten"' in html and 'autocomplete="off"' in html and 'min="0"' in html
    assert " required" in html and "&quot;gemeenten" not in html
    assert 'value="Den &#34;Haag&#34;"' in html or 'value="Den &quot;Haag&quot;"' in html


def test_registration_form_keeps_autocomplete_list_and_limits(client, db):
    login_as(client, db, make_user(db, Role.COACH))
    page = client.get("/werkzoekenden/nieuw").text
    assert 'autocomplete="given-name"' in page and 'list="gemeenten"' in page
    assert 'min="0" max="60"' in page and "&quot;" not in page.split("<form", 1)[1]


def test_error_summary_names_and_links_every_field():
    summary = _macro("error_summary")
    html = str(summary({"first_name": "Vul dit veld in.", "skill_uri": "Kies er een."}))  # type: ignore[operator]
    assert 'href="#veld-first_name"><strong>Voornaam</strong>: Vul dit veld in.' in html
    assert 'href="#zoek-skill_uri"><strong>Vaardigheden</strong>' in html
    assert 'id="foutoverzicht"' in html and 'tabindex="-1"' in html


def test_english_only_label_gets_a_badge_and_lang():
    uri = "http://data.europa.eu/esco/skill/only-english"
    request = SimpleNamespace(state=SimpleNamespace(), headers={}, app=None)
    template = environment().from_string(
        '{% from "components.html" import esco %}'
        '{{ esco(u, "forklift") }}|{{ esco(o, "heftruck") }}'
    )
    templating._english_only.set(frozenset({uri}))
    html = template.render(u=uri, o="http://data.europa.eu/esco/skill/dutch", request=request)
    english, dutch = html.split("|")
    assert '<span lang="en">forklift</span>' in english and ">EN</abbr>" in english
    assert dutch == "heftruck"


@pytest.mark.parametrize(
    ("value", "decimals", "shown"),
    [(84.1, 1, "84,1"), (1158, 0, "1.158"), (0.25, 2, "0,25"), (2800.5, 2, "2.800,50")],
)
def test_numbers_are_in_dutch_notation(value: float, decimals: int, shown: str):
    assert nl_number(value, decimals) == shown


def test_a_score_part_says_its_maximum():
    assert points(50, 55) == "50 van 55 punten"
    assert points(4.5, 8) == "4,5 van 8 punten"
