"""Matching on the registry: suggestions follow the database, respect consent, keep feedback."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ontschot.access.roles import Role
from ontschot.employers.schemas import VacancyStatus, VacancyUpdate
from ontschot.employers.service import update_vacancy
from ontschot.matching.registry import MatchCache
from ontschot.matching.schemas import FeedbackCreate, Verdict
from ontschot.matching.service import candidate_matches, record_feedback, vacancy_matches
from tests.factories import (
    actor_of,
    make_candidate,
    make_employer,
    make_organisation,
    make_user,
    make_vacancy,
)
from tests.matching.conftest import FORKLIFT_OPERATOR, OPERATE_FORKLIFT, PICK_ORDERS

SKILLS = [{"skillUri": s, "source": "self_declared"} for s in (OPERATE_FORKLIFT, PICK_ORDERS)]


def _world(db: Session) -> tuple[object, object, object]:
    org = make_organisation(db, kind="gemeente", name="Gemeente Enschede")
    coach = make_user(db, role=Role.COACH, organisation=org, password=None)
    candidate = make_candidate(db, coach, skills=SKILLS, municipality="Hengelo")
    return org, coach, candidate


def test_closed_vacancy_leaves_and_new_vacancy_enters_suggestions_without_rebuild(
    db: Session,
) -> None:
    # given a candidate with forklift skills and one forklift vacancy, matched once
    org, coach, candidate = _world(db)
    adviser = make_user(db, role=Role.EMPLOYER_ADVISER, organisation=org, password=None)
    employer = make_employer(db)
    first = make_vacancy(
        db, adviser, employer, skills=[OPERATE_FORKLIFT], occupationUri=FORKLIFT_OPERATOR
    )
    cache = MatchCache()
    actor = actor_of(coach)
    before = candidate_matches(db, actor=actor, candidate_id=candidate.id, cache=cache)
    assert [m.vacancy_id for m in before.items] == [first.id]
    index = cache.index
    # when the vacancy is closed and another one is registered
    update_vacancy(
        db,
        actor=actor_of(adviser),
        vacancy_id=first.id,
        data=VacancyUpdate(status=VacancyStatus.CLOSED),
    )
    second = make_vacancy(db, adviser, employer, skills=[PICK_ORDERS])
    after = candidate_matches(db, actor=actor, candidate_id=candidate.id, cache=cache)
    # then the same index now suggests only the new vacancy, with its explanation
    assert cache.index is index
    assert [m.vacancy_id for m in after.items] == [second.id]
    item = after.items[0]
    assert [s.uri for s in item.covered] == [PICK_ORDERS]
    assert abs(sum(p.points for p in item.parts) - item.score) < 1e-9


def test_vacancy_suggestions_only_show_candidates_the_organisation_may_see(db: Session) -> None:
    # given a candidate of one organisation without consent to share
    _, coach, candidate = _world(db)
    vacancy = make_vacancy(db, coach, make_employer(db), skills=[OPERATE_FORKLIFT])
    other = make_organisation(db, kind="uitzendbureau", name="Uitzendbureau Elders")
    stranger = make_user(db, role=Role.COACH, organisation=other, password=None)
    # when both coaches ask for candidates for the vacancy
    own = vacancy_matches(db, actor=actor_of(coach), vacancy_id=vacancy.id, cache=MatchCache())
    foreign = vacancy_matches(
        db, actor=actor_of(stranger), vacancy_id=vacancy.id, cache=MatchCache()
    )
    # then only the own organisation sees the candidate
    assert [m.candidate_id for m in own.items] == [candidate.id]
    assert foreign.items == []


def test_coach_feedback_is_stored_and_shown_with_the_suggestion(db: Session) -> None:
    _, coach, candidate = _world(db)
    vacancy = make_vacancy(db, coach, make_employer(db), skills=[OPERATE_FORKLIFT])
    actor = actor_of(coach)
    record_feedback(
        db,
        actor=actor,
        data=FeedbackCreate(
            candidate_id=candidate.id,
            vacancy_id=vacancy.id,
            verdict=Verdict.NOT_SUITABLE,
            reason="Wil geen ploegendienst",
        ),
    )
    shown = candidate_matches(db, actor=actor, candidate_id=candidate.id, cache=MatchCache())
    feedback = shown.items[0].feedback
    assert feedback is not None and feedback.verdict == Verdict.NOT_SUITABLE
    assert feedback.reason == "Wil geen ploegendienst" and feedback.user_id == coach.id
