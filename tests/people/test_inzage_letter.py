"""The right-of-access page reads as a letter to the person, not as a dump of API fields."""

from __future__ import annotations

import re

from ontschot.access.roles import Role
from tests.factories import login_as, make_candidate, make_user


def test_inzage_is_a_letter_in_dutch_words_with_who_saw_and_what_changed(client, db):
    # given a coach's candidate with a consent and a skill, whose profile was opened once
    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach, consents=[("share_profile", "all")])
    login_as(client, db, coach)
    client.get(f"/werkzoekenden/{candidate.id}")
    # when the coach opens the inzage page
    page = client.get(f"/werkzoekenden/{candidate.id}/inzage")
    # then it addresses the person and speaks Dutch about their data
    assert page.status_code == 200
    main = page.text.split('<main id="inhoud"', 1)[1].split("</main>", 1)[0]
    text = re.sub(r"<[^>]+>", " ", main)
    assert f"Beste {candidate.first_name} {candidate.last_name}" in text
    for heading in ("Uw vaardigheden", "Wie uw gegevens heeft bekeken", "Wat er is veranderd"):
        assert heading in text
    assert "profiel bekijken" in text  # the log entry of the profile read, in words
    # and no API field names, Python values or bare ESCO URIs reach the reader
    for raw in ("firstName", "hasBsn", "contractForms", "False", "True", "None"):
        assert raw not in text, raw
    assert "data.europa.eu/esco" not in text
