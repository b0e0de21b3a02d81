"""Pages: a coach sees suggestions with reasons, judges one, sees the verdict, sees routes."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ontschot.access.roles import Role
from tests.factories import (
    login_as,
    make_candidate,
    make_employer,
    make_organisation,
    make_user,
    make_vacancy,
)
from tests.matching.conftest import FORKLIFT_OPERATOR, OPERATE_FORKLIFT, PICK_ORDERS


def test_coach_judges_a_suggestion_and_sees_the_verdict_and_career_routes(
    client: Any, db: Session
) -> None:
    # given a coach with a candidate who drives forklifts, and a forklift vacancy
    org = make_organisation(db, kind="gemeente", name="Gemeente Hengelo")
    coach = make_user(db, role=Role.COACH, organisation=org, password=None)
    candidate = make_candidate(
        db,
        coach,
        skills=[
            {"skillUri": s, "source": "self_declared"} for s in (OPERATE_FORKLIFT, PICK_ORDERS)
        ],
    )
    vacancy = make_vacancy(
        db,
        coach,
        make_employer(db),
        skills=[OPERATE_FORKLIFT],
        occupationUri=FORKLIFT_OPERATOR,
        title="Heftruckchauffeur Hengelo",
    )
    headers = login_as(client, db, coach)
    # when the coach opens the suggestions
    page = client.get(f"/werkzoekenden/{candidate.id}/vacaturesuggesties")
    # then the vacancy is there with the reason in Dutch
    assert page.status_code == 200, page.text
    assert "Heftruckchauffeur Hengelo" in page.text and "Waarom deze suggestie?" in page.text
    assert "Reisafstand" in page.text
    # when the coach marks it not suitable, with a reason
    response = client.post(
        f"/werkzoekenden/{candidate.id}/vacaturesuggesties/{vacancy.id}/beoordeling",
        data={
            "verdict": "not_suitable",
            "reason": "Wil geen nachtdienst",
            "csrf_token": headers["X-CSRF-Token"],
        },
        follow_redirects=False,
    )
    # then the verdict is stored and shown with the suggestion
    assert response.status_code == 303, response.text
    again = client.get(f"/werkzoekenden/{candidate.id}/vacaturesuggesties")
    assert "Niet passend" in again.text and "Wil geen nachtdienst" in again.text
    routes = client.get(f"/werkzoekenden/{candidate.id}/loopbaanroutes?volgorde=vraag")
    assert routes.status_code == 200 and "Loopbaanroutes" in routes.text
