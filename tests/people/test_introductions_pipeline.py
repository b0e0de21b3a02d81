"""The introductions pipeline: proposed -> introduced -> interview -> offer -> placed, or
declined with a reason; every step timestamped; a step the pipeline does not allow, or an
actor who may not take it, changes nothing."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ontschot import clock, errors
from ontschot.access.roles import Role
from ontschot.audit.models import AuditEntry
from ontschot.people import pipeline
from ontschot.people.models import AccessGrant, Introduction, IntroductionStep
from tests.factories import (
    actor_of,
    allow_employers,
    make_candidate,
    make_employer,
    make_organisation,
    make_user,
    make_vacancy,
)


def _world(db: Session, *, consent: bool = True) -> dict[str, Any]:
    home = make_organisation(db, kind="gemeente", name="Gemeente Hengelo")
    coach = make_user(db, Role.COACH, organisation=home)
    candidate = make_candidate(db, coach)
    if consent:
        allow_employers(db, coach, candidate)
    firm = make_organisation(db, kind="werkgever", name="Zorggroep Twente")
    employer = make_employer(db, name="Zorggroep Twente", organisation=firm)
    adviser = make_user(db, Role.EMPLOYER_ADVISER, organisation=home)
    vacancy = make_vacancy(db, adviser, employer, title="Helpende zorg")
    return {
        "coach": coach,
        "candidate": candidate,
        "vacancy": vacancy,
        "employer_user": make_user(db, Role.EMPLOYER, organisation=firm),
        "home": home,
    }


def _propose(db: Session, w: dict[str, Any]) -> Introduction:
    return pipeline.propose_for_vacancy(
        db, actor=actor_of(w["coach"]), candidate_id=w["candidate"].id, vacancy_id=w["vacancy"].id
    )


def _snapshot(db: Session) -> tuple[Any, ...]:
    db.expire_all()
    intros = db.execute(
        select(
            Introduction.id,
            Introduction.status,
            Introduction.status_at,
            Introduction.employer_answer,
            Introduction.decline_reason,
        ).order_by(Introduction.id)
    ).all()
    return (
        tuple(intros),
        db.scalar(select(func.count()).select_from(IntroductionStep)),
        db.scalar(select(func.count()).select_from(AuditEntry)),
        db.scalar(select(func.count()).select_from(AccessGrant)),
    )


def _walk(db: Session, w: dict[str, Any], intro: Introduction, *statuses: str) -> None:
    for status in statuses:
        pipeline.advance_introduction(
            db, actor=actor_of(w["coach"]), introduction_id=intro.id, status=status
        )


def test_a_proposal_runs_to_placed_with_a_timestamp_for_every_status(db):
    # given a candidate proposed for a vacancy
    w = _world(db)
    intro = _propose(db, w)
    assert intro.status == "proposed"
    # when the employer is interested and the coach records interview, offer and placement
    pipeline.answer_introduction(
        db, actor=actor_of(w["employer_user"]), introduction_id=intro.id, interested=True
    )
    _walk(db, w, intro, "interview", "offer", "placed")
    # then every status was reached once, in order, each with its time and party
    steps = pipeline.steps_of(db, intro.id)
    assert [s.status for s in steps] == ["proposed", "introduced", "interview", "offer", "placed"]
    assert [s.party for s in steps] == ["coach", "employer", "coach", "coach", "coach"]
    assert all(s.reached_at is not None for s in steps)
    assert intro.status == "placed" and intro.employer_answer == "interested"


def test_the_employer_declines_with_a_reason_and_the_coach_sees_it(db):
    w = _world(db)
    intro = _propose(db, w)
    pipeline.answer_introduction(
        db,
        actor=actor_of(w["employer_user"]),
        introduction_id=intro.id,
        interested=False,
        reason="Geen BIG-registratie",
    )
    seen = pipeline.list_introductions(
        db,
        actor=actor_of(w["coach"]),
        flt=pipeline.IntroductionFilter(candidate_id=w["candidate"].id),
    )
    assert [(i.status, i.declined_by, i.decline_reason) for i in seen] == [
        ("declined", "employer", "Geen BIG-registratie")
    ]


def test_moving_time_gives_each_step_its_own_time(db):
    w = _world(db)
    with clock.frozen(clock.now().replace(microsecond=0)) as advance:
        intro = _propose(db, w)
        advance(timedelta(days=3))
        _walk(db, w, intro, "introduced")
    first, second = pipeline.steps_of(db, intro.id)
    assert (second.reached_at - first.reached_at).days == 3


INVALID = [
    ((), "interview"),  # proposed cannot skip to interview
    ((), "placed"),
    (("introduced",), "offer"),
    (("introduced", "interview"), "placed"),
    (("introduced", "interview", "offer", "placed"), "declined"),  # placed is final
    (("introduced", "interview", "offer", "placed"), "offer"),
    ((), "proposed"),
]


@pytest.mark.parametrize(("before", "target"), INVALID, ids=lambda v: str(v))
def test_a_step_the_pipeline_does_not_allow_is_refused_and_changes_nothing(db, before, target):
    w = _world(db)
    intro = _propose(db, w)
    _walk(db, w, intro, *before)
    snapshot = _snapshot(db)
    with pytest.raises(errors.Conflict) as refused:
        pipeline.advance_introduction(
            db, actor=actor_of(w["coach"]), introduction_id=intro.id, status=target
        )
    assert "kan niet" in refused.value.detail or "afgerond" in refused.value.detail
    assert _snapshot(db) == snapshot


def test_declining_without_a_reason_is_refused_and_changes_nothing(db):
    w = _world(db)
    intro = _propose(db, w)
    snapshot = _snapshot(db)
    with pytest.raises(errors.Invalid) as refused:
        pipeline.advance_introduction(
            db, actor=actor_of(w["coach"]), introduction_id=intro.id, status="declined"
        )
    assert "reason" in refused.value.fields
    with pytest.raises(errors.Invalid):
        pipeline.answer_introduction(
            db, actor=actor_of(w["employer_user"]), introduction_id=intro.id, interested=False
        )
    assert _snapshot(db) == snapshot


def test_a_second_answer_is_refused_and_changes_nothing(db):
    w = _world(db)
    intro = _propose(db, w)
    employer = actor_of(w["employer_user"])
    pipeline.answer_introduction(db, actor=employer, introduction_id=intro.id, interested=True)
    snapshot = _snapshot(db)
    with pytest.raises(errors.Conflict):
        pipeline.answer_introduction(
            db, actor=employer, introduction_id=intro.id, interested=False, reason="toch niet"
        )
    assert _snapshot(db) == snapshot


def test_a_withdrawn_proposal_cannot_move(db):
    from ontschot.people.consent import withdraw_introduction

    w = _world(db)
    intro = _propose(db, w)
    withdraw_introduction(
        db, actor=actor_of(w["coach"]), candidate_id=w["candidate"].id, introduction_id=intro.id
    )
    snapshot = _snapshot(db)
    with pytest.raises(errors.Conflict):
        pipeline.advance_introduction(
            db, actor=actor_of(w["coach"]), introduction_id=intro.id, status="introduced"
        )
    assert _snapshot(db) == snapshot


def test_no_proposal_by_name_without_the_consent_says_so_in_dutch(db):
    w = _world(db, consent=False)
    snapshot = _snapshot(db)
    with pytest.raises(errors.Conflict) as refused:
        _propose(db, w)
    assert "geen toestemming" in refused.value.detail
    assert "candidate_id" in refused.value.fields
    assert _snapshot(db) == snapshot


def test_a_closed_vacancy_takes_no_proposal(db):
    from ontschot.employers.schemas import VacancyUpdate
    from ontschot.employers.service import update_vacancy

    w = _world(db)
    adviser = make_user(db, Role.EMPLOYER_ADVISER, organisation=w["home"])
    update_vacancy(
        db, actor=actor_of(adviser), vacancy_id=w["vacancy"].id, data=VacancyUpdate(status="filled")
    )
    snapshot = _snapshot(db)
    with pytest.raises(errors.Conflict) as refused:
        _propose(db, w)
    assert "niet meer open" in refused.value.detail
    assert _snapshot(db) == snapshot


def test_proposing_twice_keeps_one_proposal(db):
    w = _world(db)
    first = _propose(db, w)
    snapshot = _snapshot(db)
    assert _propose(db, w).id == first.id
    assert _snapshot(db) == snapshot


def test_another_organisations_coach_may_not_move_a_proposal(db):
    w = _world(db)
    intro = _propose(db, w)
    stranger = make_user(db, Role.COACH, organisation=make_organisation(db, kind="uitzendbureau"))
    snapshot = _snapshot(db)
    # (the stranger sees the candidate anonymised, through the consent: refused, not hidden)
    with pytest.raises(errors.Forbidden):
        pipeline.advance_introduction(
            db, actor=actor_of(stranger), introduction_id=intro.id, status="introduced"
        )
    assert _snapshot(db) == snapshot


def test_the_employer_of_another_vacancy_may_not_answer(db):
    w = _world(db)
    intro = _propose(db, w)
    other_firm = make_organisation(db, kind="werkgever", name="Logistiek Oost")
    make_employer(db, name="Logistiek Oost", organisation=other_firm)
    outsider = make_user(db, Role.EMPLOYER, organisation=other_firm)
    snapshot = _snapshot(db)
    with pytest.raises(errors.NotFound):
        pipeline.answer_introduction(
            db, actor=actor_of(outsider), introduction_id=intro.id, interested=True
        )
    assert pipeline.list_introductions(db, actor=actor_of(outsider)) == []
    assert _snapshot(db) == snapshot


@pytest.mark.parametrize("role", [Role.ANALYST, Role.EMPLOYER, Role.PROGRAMME_MANAGER])
def test_roles_without_the_right_may_not_move_a_proposal(db, role):
    w = _world(db)
    intro = _propose(db, w)
    someone = make_user(db, role, organisation=w["home"])
    snapshot = _snapshot(db)
    with pytest.raises(errors.Forbidden):
        pipeline.advance_introduction(
            db, actor=actor_of(someone), introduction_id=intro.id, status="introduced"
        )
    assert _snapshot(db) == snapshot


def test_the_analyst_may_not_propose_or_answer(db):
    w = _world(db)
    analyst = actor_of(make_user(db, Role.ANALYST, organisation=w["home"]))
    snapshot = _snapshot(db)
    with pytest.raises(errors.Forbidden):
        pipeline.propose_for_vacancy(
            db, actor=analyst, candidate_id=w["candidate"].id, vacancy_id=w["vacancy"].id
        )
    assert _snapshot(db) == snapshot


def test_the_vacancy_pipeline_has_a_column_per_status(db):
    w = _world(db)
    intro = _propose(db, w)
    second = make_candidate(db, w["coach"])
    allow_employers(db, w["coach"], second)
    other = pipeline.propose_for_vacancy(
        db, actor=actor_of(w["coach"]), candidate_id=second.id, vacancy_id=w["vacancy"].id
    )
    _walk(db, w, other, "introduced", "interview")
    columns = pipeline.vacancy_pipeline(
        db, actor=actor_of(w["employer_user"]), vacancy_id=w["vacancy"].id
    )
    by_status = {c.status: [i.id for i, _ in c.rows] for c in columns}
    assert [c.status for c in columns] == list(pipeline.PIPELINE_ORDER)
    assert by_status["proposed"] == [intro.id] and by_status["interview"] == [other.id]


def test_erasure_keeps_the_pipeline_as_facts_and_drops_the_reasons(db):
    from ontschot.people.rights import erase_candidate, export_candidate_data

    w = _world(db)
    intro = _propose(db, w)
    export = export_candidate_data(db, actor=actor_of(w["coach"]), candidate_id=w["candidate"].id)
    assert export["introductions"][0]["status"] == "proposed"
    pipeline.advance_introduction(
        db,
        actor=actor_of(w["coach"]),
        introduction_id=intro.id,
        status="declined",
        reason="Kandidaat verhuist naar Groningen",
    )
    admin = make_user(db, Role.PARTNER_ADMIN, organisation=w["home"])
    erase_candidate(
        db, actor=actor_of(admin), candidate_id=w["candidate"].id, reason="verzoek betrokkene"
    )
    db.expire_all()
    kept = db.get(Introduction, intro.id)
    assert kept is not None and kept.status == "declined" and kept.decline_reason is None
    assert [s.reason for s in pipeline.steps_of(db, intro.id)] == [None, None]
