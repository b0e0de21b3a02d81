"""Journey (issue 6): a coach opens a candidate, sees matching vacancies with covered and
missing skills, opens the career routes with training cost and duration, and marks one
suggestion as suitable; the verdict is shown afterwards."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.orm import Session

from ontschot.access.roles import Role
from ontschot.careers.service import candidate_routes
from ontschot.careers.training import COLUMNS, import_training_offers
from ontschot.config import Settings
from ontschot.db import make_engine
from ontschot.taxonomy.models import Skill
from tests.e2e.conftest import log_in, screenshot
from tests.e2e.esco_data import occupation_with_skills
from tests.factories import (
    DEFAULT_PASSWORD,
    actor_of,
    make_candidate,
    make_employer,
    make_organisation,
    make_user,
    make_vacancy,
)

pytestmark = pytest.mark.e2e


def _label(db: Session, uri: str) -> str:
    skill = db.get(Skill, uri)
    assert skill is not None
    return skill.label_nl or skill.label_en


def _training_csv(gaps: list[str]) -> str:
    """Two offers that together teach the gap skills of the best career route."""
    half = max(1, len(gaps) // 2)
    rows = [
        [
            "ROC van Twente",
            "e2e-1",
            "Basiscursus logistiek",
            "|".join(gaps[:half]),
            "40",
            "5",
            "45000",
            "2027-02-01",
            "Hengelo",
            "",
        ],
        [
            "Opleidingscentrum Oost",
            "e2e-2",
            "Vervolgcursus logistiek",
            "|".join(gaps[half:]),
            "24",
            "3",
            "30000",
            "2027-03-01",
            "Enschede",
            "",
        ],
    ]
    rows = [r for r in rows if r[3]]
    return "\n".join([",".join(COLUMNS), *(",".join(r) for r in rows)]) + "\n"


@pytest.fixture(scope="module")
def world(e2e_settings: Settings, live_server: str) -> dict[str, Any]:
    engine = make_engine(e2e_settings.database_url)
    with Session(engine) as db:
        occupation, essential, optional = occupation_with_skills(db, "heftruckchauffeur")
        org = make_organisation(db, kind="gemeente", name="Gemeente Oldenzaal")
        coach = make_user(db, role=Role.COACH, organisation=org, email="matcher.e2e@oldenzaal.nl")
        planner = make_user(db, role=Role.PROGRAMME_MANAGER, organisation=org)
        candidate = make_candidate(
            db,
            coach,
            firstName="Fatima",
            lastName="El Amrani",
            municipality="Oldenzaal",
            skills=[{"skillUri": uri, "source": "coach_confirmed"} for uri in essential[:3]],
            workHistory=[
                {
                    "employerName": "Bouwmarkt Oost",
                    "jobTitle": "magazijnmedewerker",
                    "occupationUri": occupation,
                    "startDate": "2019-05-01",
                    "endDate": "2025-04-30",
                }
            ],
        )
        employer = make_employer(db, name="Distributie Twente B.V.")
        best = make_vacancy(
            db,
            coach,
            employer,
            title="Heftruckchauffeur dagdienst",
            municipality="Oldenzaal",
            occupationUri=occupation,
            skills=essential[:5],
        )
        make_vacancy(
            db,
            coach,
            employer,
            title="Heftruckchauffeur ploegendienst",
            municipality="Hengelo",
            occupationUri=occupation,
            skills=essential[1:6],
        )
        make_vacancy(
            db,
            coach,
            employer,
            title="Magazijnmedewerker inslag",
            municipality="Enschede",
            skills=[essential[2], *optional[:2]],
        )
        routes = candidate_routes(db, actor=actor_of(coach), candidate_id=candidate.id, top=3)
        assert routes.items, "the candidate needs at least one career route"
        gaps = [g.uri for g in routes.items[0].gaps if g.essential]
        assert gaps, "the best career route needs an essential gap to train"
        imported = import_training_offers(db, actor=actor_of(planner), text=_training_csv(gaps))
        assert imported.committed, imported.report_csv()
        details = {
            "email": coach.email,
            "candidate": "Fatima El Amrani",
            "best_title": best.title,
            "best_id": best.id,
            "covered": _label(db, essential[0]),
            "missing": _label(db, essential[3]),
            "route": routes.items[0].label,
        }
    engine.dispose()
    return details


def test_coach_sees_matches_and_career_route_and_marks_a_match_suitable(
    page: Any, world: dict[str, Any]
) -> None:
    # given a coach with a candidate who has skills, open vacancies and training offers
    log_in(page, world["email"], DEFAULT_PASSWORD)
    page.goto("/werkzoekenden")
    page.get_by_role("link", name=world["candidate"]).click()
    page.get_by_role("heading", name=world["candidate"]).wait_for()

    # when the coach opens the vacancy suggestions from the profile tabs
    page.locator("ul.tabs").get_by_role("link", name="Vacaturesuggesties").click()
    best = page.locator(f"#v{world['best_id']}")
    best.wait_for()
    assert page.locator("ol.result-list > li.card").count() >= 2
    best.get_by_text("Waarom deze suggestie?").click()

    # then the explanation names covered and missing essential skills
    covered = best.locator("dt:has-text('Gedekte vaardigheden') + dd")
    missing = best.locator("dt:has-text('Ontbrekend (essentieel)') + dd")
    assert world["covered"] in covered.inner_text()
    assert world["missing"] in missing.inner_text()
    screenshot(page, "coach-vacancy-suggestions")

    # when the coach opens the career routes
    page.get_by_role("link", name="Loopbaanroutes en opleidingen").click()
    route = page.locator("ol.result-list > li.card", has_text=world["route"]).first
    route.wait_for()

    # then the best route lists training with duration and cost
    training = route.locator("dt:has-text('Opleidingen') + dd").inner_text()
    assert "Basiscursus logistiek" in training
    assert "uur" in training and "€" in training
    screenshot(page, "coach-career-routes")

    # when the coach marks the best suggestion as suitable
    page.go_back()
    best = page.locator(f"#v{world['best_id']}")
    best.get_by_label("Passend", exact=True).check()
    best.get_by_label("Reden").fill("Woont dichtbij en heeft heftruckervaring.")
    best.get_by_role("button", name="Opslaan").click()

    # then the verdict is shown with the suggestion
    verdict = page.locator(f"#v{world['best_id']} .notice")
    verdict.wait_for()
    assert "Beoordeeld als Passend" in verdict.inner_text()
    assert "heftruckervaring" in verdict.inner_text()
    screenshot(page, "coach-match-marked-suitable")
