"""The vacancy page links to candidate matches and text analysis only for roles that may
use them."""

from __future__ import annotations

from ontschot.access.roles import Role
from tests.factories import (
    ESCO_SKILL_A,
    login_as,
    make_employer,
    make_organisation,
    make_user,
    make_vacancy,
)


def test_adviser_sees_links_to_matches_and_text_analysis_of_a_vacancy(client, db):
    # given an employer adviser and a vacancy
    adviser = make_user(db, Role.EMPLOYER_ADVISER)
    vacancy = make_vacancy(db, adviser, make_employer(db), skills=[ESCO_SKILL_A])
    login_as(client, db, adviser)

    # when the adviser opens the vacancy
    page = client.get(f"/vacatures/{vacancy.id}").text

    # then the page links to its matches and to the text analysis for it
    assert f'href="/vacatures/{vacancy.id}/matches"' in page
    assert f'href="/tekstanalyse?vacancy={vacancy.id}"' in page


def test_employer_user_gets_no_matches_link_on_own_vacancy(client, db):
    # given an employer user with an own vacancy
    company = make_organisation(db, kind="werkgever")
    employer_user = make_user(db, Role.EMPLOYER, organisation=company)
    employer = make_employer(db, organisation=company)
    vacancy = make_vacancy(db, employer_user, employer, skills=[ESCO_SKILL_A])
    login_as(client, db, employer_user)

    # when the employer opens the vacancy
    response = client.get(f"/vacatures/{vacancy.id}")

    # then the anonymised suggestions are offered, the matching engine's page is not
    assert response.status_code == 200
    assert f'href="/vacatures/{vacancy.id}/kandidaten"' in response.text
    assert f"/vacatures/{vacancy.id}/matches" not in response.text
