"""The candidate profile links to the matching, career and text-analysis pages, each only
for roles that may use it."""

from __future__ import annotations

from ontschot.access.roles import Role
from tests.factories import login_as, make_candidate, make_organisation, make_user


def test_coach_profile_tabs_link_to_suggestions_routes_and_text_analysis(client, db):
    # given a coach with a candidate of the own caseload
    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach)
    login_as(client, db, coach)

    # when the coach opens the profile
    page = client.get(f"/werkzoekenden/{candidate.id}").text

    # then the tab bar offers the matching, career and text-analysis pages
    assert f'href="/werkzoekenden/{candidate.id}/vacaturesuggesties"' in page
    assert f'href="/werkzoekenden/{candidate.id}/loopbaanroutes"' in page
    assert f'href="/tekstanalyse?candidate={candidate.id}"' in page


def test_programme_manager_gets_no_text_analysis_link_for_a_profile_they_cannot_edit(client, db):
    # given a candidate of a coach and a programme manager of the same organisation
    org = make_organisation(db)
    coach = make_user(db, Role.COACH, organisation=org)
    manager = make_user(db, Role.PROGRAMME_MANAGER, organisation=org)
    candidate = make_candidate(db, coach)
    login_as(client, db, manager)

    # when the manager opens the profile
    response = client.get(f"/werkzoekenden/{candidate.id}")

    # then suggestions are offered but adding skills from a text is not
    assert response.status_code == 200
    assert f'href="/werkzoekenden/{candidate.id}/vacaturesuggesties"' in response.text
    assert "/tekstanalyse?candidate=" not in response.text
