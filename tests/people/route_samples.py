"""Permission-matrix samples for the candidate registry API."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ontschot.access.roles import Role
from tests.access.route_samples import RouteSample, World
from tests.factories import ESCO_SKILL_B, candidate_payload, make_candidate


def setup_world(db: Session, world: World) -> None:
    """A candidate of the home organisation (coached by the home coach) with a consent, and
    one of the other organisation that shares nothing."""
    home = make_candidate(
        db, world.users[Role.COACH], bsn="111222333", consents=[("employer_suggestions", "all")]
    )
    foreign = make_candidate(db, world.other_users[Role.COACH])
    world.ids.update(
        candidate_id=home.id, consent_id=home.consents[0].id, foreign_candidate_id=foreign.id
    )
    _introduce(db, world)


SAMPLES: list[RouteSample] = [
    RouteSample("GET", "/api/v1/candidates"),
    RouteSample("POST", "/api/v1/candidates", 201, lambda w: candidate_payload()),
    RouteSample("GET", "/api/v1/candidates/{candidate_id}"),
    RouteSample("PATCH", "/api/v1/candidates/{candidate_id}", 200, {"hoursMax": 30}),
    RouteSample(
        "PATCH", "/api/v1/candidates/{foreign_candidate_id}", 200, {"hoursMax": 30}, foreign=True
    ),
    RouteSample("GET", "/api/v1/candidates/{candidate_id}/versions"),
    RouteSample(
        "POST",
        "/api/v1/candidates/{candidate_id}/skills",
        201,
        {"skillUris": [ESCO_SKILL_B], "source": "coach_confirmed"},
    ),
    RouteSample("GET", "/api/v1/candidates/{candidate_id}/consents"),
    RouteSample(
        "POST",
        "/api/v1/candidates/{candidate_id}/consents",
        201,
        {"purpose": "share_profile", "partnerCategory": "uitzendbureau"},
    ),
    RouteSample(
        "POST",
        "/api/v1/candidates/{foreign_candidate_id}/consents",
        201,
        {"purpose": "share_profile"},
        foreign=True,
    ),
    RouteSample("POST", "/api/v1/candidates/{candidate_id}/consents/{consent_id}/withdrawal"),
    RouteSample(
        "POST",
        "/api/v1/candidates/{candidate_id}/introductions",
        201,
        lambda w: {"employerId": w.ids["employer_id"], "vacancyId": w.ids["vacancy_id"]},
    ),
    RouteSample("GET", "/api/v1/candidates/{candidate_id}/export"),
    RouteSample(
        "POST", "/api/v1/candidates/{candidate_id}/erasure", 204, {"reason": "verzoek betrokkene"}
    ),
    RouteSample(
        "POST",
        "/api/v1/candidates/{foreign_candidate_id}/erasure",
        204,
        {"reason": "verzoek betrokkene"},
        foreign=True,
    ),
    RouteSample("GET", "/api/v1/candidates/{candidate_id}/access-log", own_caseload=True),
    RouteSample("GET", "/api/v1/candidate-suggestions?vacancyId={vacancy_id}"),
]


def _introduce(db: Session, world: World) -> None:
    from ontschot.people.consent import record_introduction
    from tests.factories import actor_of

    intro = record_introduction(
        db,
        actor=actor_of(world.users[Role.COACH]),
        candidate_id=world.ids["candidate_id"],
        employer_id=world.ids["employer_id"],
    )
    world.ids["introduction_id"] = intro.id


SAMPLES += [
    RouteSample("GET", "/api/v1/introductions"),
    RouteSample("GET", "/api/v1/introductions/{introduction_id}"),
]

SAMPLES += [
    RouteSample("POST", "/api/v1/candidate-lookups", 200, {"bsn": "111222333"}),
]

# the introductions pipeline (issue 14)
SAMPLES += [
    RouteSample("GET", "/api/v1/introductions?vacancyId={vacancy_id}&status=proposed"),
    RouteSample(
        "POST",
        "/api/v1/introductions",
        201,
        lambda w: {"candidateId": w.ids["candidate_id"], "vacancyId": w.ids["vacancy_id"]},
    ),
    RouteSample(
        "POST", "/api/v1/introductions/{introduction_id}/transitions", 200, {"status": "introduced"}
    ),
    RouteSample(
        "POST", "/api/v1/introductions/{introduction_id}/answers", 200, {"interested": True}
    ),
]
