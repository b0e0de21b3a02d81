"""A sample call for every registered state-changing service function (`tx.SERVICES`).

Each sample prepares what the call needs and returns the keyword arguments (with the
actor under `actor`) and how many processing-log entries one call writes. A function
registered without a sample fails `test_every_service_function_has_a_sample`, so a new
one cannot be forgotten.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from ontschot.access.actor import Actor
from ontschot.access.models import Organisation
from ontschot.access.roles import Role
from ontschot.access.schemas import OrganisationCreate, UserCreate
from ontschot.employers.schemas import EmployerCreate, VacancyCreate, VacancyUpdate
from ontschot.matching.schemas import FeedbackCreate
from ontschot.people.models import Candidate
from ontschot.people.schemas import CandidateCreate, CandidateUpdate
from ontschot.people.vum import ConsentPurpose
from tests.factories import (
    ESCO_SKILL_A,
    ESCO_SKILL_B,
    FAST_HASH_SETTINGS,
    actor_of,
    allow_employers,
    candidate_payload,
    make_candidate,
    make_employer,
    make_organisation,
    make_user,
    make_vacancy,
)


@dataclass
class Sample:
    kwargs: dict[str, Any]
    entries: int = 1  # processing-log entries one call writes
    refusable: bool = True  # a visitor actor is refused (no actor argument: False)


SAMPLES: dict[str, Callable[[Session], Sample]] = {}


def sample(name: str) -> Callable[[Callable[[Session], Sample]], Callable[[Session], Sample]]:
    def register(fn: Callable[[Session], Sample]) -> Callable[[Session], Sample]:
        SAMPLES[name] = fn
        return fn

    return register


def _coach(db: Session) -> Any:
    return make_user(db, Role.COACH)


def _own_candidate(db: Session) -> Sample:
    """A coach acting on a candidate of their own caseload."""
    coach = _coach(db)
    return Sample({"actor": actor_of(coach), "candidate_id": make_candidate(db, coach).id})


def _admin(db: Session) -> Any:
    return make_user(db, Role.SYSTEM_ADMIN)


A = "ontschot.access."


def _token_request(admin: Any) -> dict[str, Any]:
    return {
        "organisation_id": admin.organisation_id,
        "name": "koppeling",
        "role": "coach",
        "actions": ["candidate.read"],
    }


def _token(db: Session) -> tuple[Any, Any, str]:
    from ontschot.access.tokens import create_token

    admin = make_user(db, Role.PARTNER_ADMIN)
    token, raw = create_token(db, actor=actor_of(admin), **_token_request(admin))
    return admin, token, raw


@sample(A + "service.record_login")
def _record_login(db: Session) -> Sample:
    from ontschot.access.service import PasswordCheck

    user = _coach(db)
    assert user.password_hash
    check = PasswordCheck(user.id, user.password_hash, None)
    return Sample({"check": check, "settings": FAST_HASH_SETTINGS}, entries=0, refusable=False)


@sample(A + "service.log_out")
def _log_out(db: Session) -> Sample:
    from ontschot.access.sessions import start_session

    raw = start_session(db, _coach(db), FAST_HASH_SETTINGS)
    db.commit()
    return Sample({"session_token": raw}, entries=0, refusable=False)


@sample(A + "sessions.resolve_session")
def _resolve_session(db: Session) -> Sample:
    from ontschot.access.sessions import start_session

    raw = start_session(db, _coach(db), FAST_HASH_SETTINGS)
    db.commit()
    return Sample({"raw": raw, "settings": FAST_HASH_SETTINGS}, entries=0, refusable=False)


@sample(A + "tokens.resolve_token")
def _resolve_token(db: Session) -> Sample:
    _, _, raw = _token(db)
    return Sample({"raw": raw}, entries=0, refusable=False)


@sample(A + "service.create_organisation")
def _create_org(db: Session) -> Sample:
    data = OrganisationCreate(
        name="Gemeente Proef", kind="gemeente", region_code="twente", region_name="Twente"
    )
    return Sample({"actor": actor_of(_admin(db)), "data": data})


@sample(A + "service.create_user")
def _create_user(db: Session) -> Sample:
    admin = make_user(db, Role.PARTNER_ADMIN)
    data = UserCreate(email="nieuw@example.nl", display_name="Nieuw", role=Role.COACH)
    return Sample({"actor": actor_of(admin), "data": data, "settings": FAST_HASH_SETTINGS})


@sample(A + "service.list_users")
def _list_users(db: Session) -> Sample:
    return Sample({"actor": actor_of(make_user(db, Role.PARTNER_ADMIN))})


@sample(A + "service.get_user")
def _get_user(db: Session) -> Sample:
    org = make_organisation(db)
    admin = make_user(db, Role.PARTNER_ADMIN, organisation=org)
    other = make_user(db, Role.COACH, organisation=org)
    return Sample({"actor": actor_of(admin), "user_id": other.id})


@sample(A + "service.disable_user")
def _disable_user(db: Session) -> Sample:
    admin = _admin(db)
    return Sample({"actor": actor_of(admin), "user_id": _coach(db).id})


@sample(A + "service.reset_password")
def _reset_password(db: Session) -> Sample:
    admin = _admin(db)
    return Sample(
        {
            "actor": actor_of(admin),
            "user_id": _coach(db).id,
            "new_password": "een heel ander lang wachtwoord",
            "settings": FAST_HASH_SETTINGS,
        }
    )


@sample(A + "tokens.create_token")
def _create_token(db: Session) -> Sample:
    admin = make_user(db, Role.PARTNER_ADMIN)
    return Sample({"actor": actor_of(admin), **_token_request(admin)})


@sample(A + "tokens.revoke_token")
def _revoke_token(db: Session) -> Sample:
    admin, token, _ = _token(db)
    return Sample({"actor": actor_of(admin), "token_id": token.id})


@sample("ontschot.audit.service.list_entries")
def _list_entries(db: Session) -> Sample:
    from ontschot.audit.service import AuditFilter

    return Sample({"actor": actor_of(make_user(db, Role.PARTNER_ADMIN)), "flt": AuditFilter()})


@sample("ontschot.audit.service.entries_for_subject")
def _entries_for_subject(db: Session) -> Sample:
    coach = _coach(db)
    candidate = make_candidate(db, coach)
    return Sample({"actor": actor_of(coach), "subject_key": candidate.subject_key})


E = "ontschot.employers.service."


@sample(E + "register_employer")
def _register_employer(db: Session) -> Sample:
    adviser = make_user(db, Role.EMPLOYER_ADVISER)
    return Sample({"actor": actor_of(adviser), "data": EmployerCreate(name="Bakkerij Proef")})


@sample(E + "register_vacancy")
def _register_vacancy(db: Session) -> Sample:
    adviser = make_user(db, Role.EMPLOYER_ADVISER)
    data = VacancyCreate(employer_id=make_employer(db).id, title="Bakker", municipality="Hengelo")
    return Sample({"actor": actor_of(adviser), "data": data})


@sample(E + "update_vacancy")
def _update_vacancy(db: Session) -> Sample:
    adviser = make_user(db, Role.EMPLOYER_ADVISER)
    vacancy = make_vacancy(db, adviser, make_employer(db))
    return Sample(
        {
            "actor": actor_of(adviser),
            "vacancy_id": vacancy.id,
            "data": VacancyUpdate(description="Nieuwe tekst"),
        }
    )


@sample(E + "add_vacancy_skills")
def _add_vacancy_skills(db: Session) -> Sample:
    adviser = make_user(db, Role.EMPLOYER_ADVISER)
    vacancy = make_vacancy(db, adviser, make_employer(db))
    return Sample(
        {
            "actor": actor_of(adviser),
            "vacancy_id": vacancy.id,
            "skill_uris": [ESCO_SKILL_B],
            "relation": "essential",
        }
    )


@sample("ontschot.extraction.service.add_confirmed_skills")
def _add_confirmed(db: Session) -> Sample:
    coach = _coach(db)
    candidate = make_candidate(db, coach)
    return Sample(
        {
            "actor": actor_of(coach),
            "target": "candidate",
            "target_id": candidate.id,
            "skill_uris": [ESCO_SKILL_B],
        }
    )


@sample("ontschot.interop.importer.write_candidate_batch")
def _import_candidates(db: Session) -> Sample:
    admin = make_user(db, Role.PARTNER_ADMIN)
    row = {"external_id": "x-1", "first_name": "Ada", "last_name": "Proef"}
    row |= {"municipality": "Enschede", "benefit": "ww"}
    return Sample({"actor": actor_of(admin), "rows": [(2, row)], "source": "proef"}, entries=2)


@sample("ontschot.interop.importer.write_vacancy_batch")
def _import_vacancies(db: Session) -> Sample:
    admin = make_user(db, Role.PARTNER_ADMIN)
    fields = {
        "externalId": "v-1",
        "employerName": "Proef B.V.",
        "title": "Schoonmaker",
        "municipality": "Enschede",
    }
    return Sample(
        {"actor": actor_of(admin), "lines": [(2, fields)], "source": "proef", "partial": False},
        entries=2,
    )


@sample("ontschot.interop.importer.undo_batches")
def _undo_import(db: Session) -> Sample:
    admin = make_user(db, Role.PARTNER_ADMIN)
    employer = make_employer(db)
    vacancy = make_vacancy(db, admin, employer)
    kwargs = {"actor": actor_of(admin), "kind": "vacancies", "source": "proef"}
    kwargs |= {"ids": [vacancy.id], "employer_ids": [employer.id], "reason": "proef"}
    return Sample(kwargs)


@sample("ontschot.interop.export.export_vacancies")
def _export_vacancies(db: Session) -> Sample:
    return Sample({"actor": actor_of(make_user(db, Role.PARTNER_ADMIN)), "fmt": "csv"})


@sample("ontschot.careers.training.import_training_offers")
def _import_training(db: Session) -> Sample:
    text = (
        "provider,external_ref,title,skill_uris,duration_hours,duration_weeks,cost_cents\n"
        f"ROC Proef,T-1,Heftruck,{ESCO_SKILL_A},16,1,45000\n"
    )
    return Sample({"actor": Actor.cli(), "text": text})


M = "ontschot.matching.service."


@sample(M + "vacancy_matches")
def _vacancy_matches(db: Session) -> Sample:
    coach = _coach(db)
    make_candidate(db, coach)  # has ESCO_SKILL_A: one suggestion, one log entry per person
    vacancy = make_vacancy(db, coach, make_employer(db), skills=[ESCO_SKILL_A])
    return Sample({"actor": actor_of(coach), "vacancy_id": vacancy.id})


@sample(M + "record_feedback")
def _feedback(db: Session) -> Sample:
    coach = _coach(db)
    candidate = make_candidate(db, coach)
    vacancy = make_vacancy(db, coach, make_employer(db))
    data = FeedbackCreate(candidate_id=candidate.id, vacancy_id=vacancy.id, verdict="suitable")
    return Sample({"actor": actor_of(coach), "data": data})


@sample("ontschot.dashboards.panels.coach_panel")
def _coach_panel(db: Session) -> Sample:
    coach = _coach(db)
    make_candidate(db, coach)
    return Sample({"actor": actor_of(coach)}, refusable=False)


P = "ontschot.people."


@sample(P + "service.register_candidate")
def _register(db: Session) -> Sample:
    data = CandidateCreate.model_validate(candidate_payload())
    return Sample({"actor": actor_of(_coach(db)), "data": data})


@sample(P + "service.update_candidate")
def _update(db: Session) -> Sample:
    coach = _coach(db)
    candidate = make_candidate(db, coach)
    data = CandidateUpdate.model_validate({"hoursMax": 38})
    return Sample({"actor": actor_of(coach), "candidate_id": candidate.id, "data": data})


@sample(P + "service.add_candidate_skills")
def _add_skills(db: Session) -> Sample:
    coach = _coach(db)
    candidate = make_candidate(db, coach)
    return Sample(
        {
            "actor": actor_of(coach),
            "candidate_id": candidate.id,
            "skill_uris": [ESCO_SKILL_B],
            "source": "coach_confirmed",
        }
    )


@sample(P + "service.remove_candidate_skill")
def _remove_skill(db: Session) -> Sample:
    coach = _coach(db)
    candidate = make_candidate(db, coach)
    return Sample(
        {"actor": actor_of(coach), "candidate_id": candidate.id, "skill_id": candidate.skills[0].id}
    )


@sample(P + "queries.list_candidates")
def _list(db: Session) -> Sample:
    from ontschot.people.queries import CandidateFilter

    return Sample({"actor": actor_of(_coach(db)), "flt": CandidateFilter()})


@sample(P + "queries.lookup_by_bsn")
def _lookup(db: Session) -> Sample:
    coach = _coach(db)
    make_candidate(db, coach, bsn="111222333")
    return Sample({"actor": actor_of(coach), "bsn": "111222333"})


@sample(P + "suggestions.suggest_candidates")
def _suggest(db: Session) -> Sample:
    adviser = make_user(db, Role.EMPLOYER_ADVISER)
    vacancy = make_vacancy(db, adviser, make_employer(db), skills=[ESCO_SKILL_A])
    return Sample({"actor": actor_of(adviser), "vacancy_id": vacancy.id})


@sample(P + "consent.give_consent")
def _give_consent(db: Session) -> Sample:
    coach = _coach(db)
    return Sample(
        {
            "actor": actor_of(coach),
            "candidate_id": make_candidate(db, coach).id,
            "purpose": ConsentPurpose.SHARE_PROFILE,
        }
    )


@sample(P + "consent.withdraw_consent")
def _withdraw_consent(db: Session) -> Sample:
    coach = _coach(db)
    candidate = make_candidate(db, coach, consents=[("share_profile", "all")])
    return Sample(
        {
            "actor": actor_of(coach),
            "candidate_id": candidate.id,
            "consent_id": candidate.consents[0].id,
        }
    )


def _introduced(db: Session) -> tuple[Any, Any, Any]:
    from ontschot.people.consent import record_introduction

    coach = _coach(db)
    candidate = make_candidate(db, coach)
    allow_employers(db, coach, candidate)
    employer = make_employer(db, organisation=make_organisation(db, kind="werkgever"))
    intro = record_introduction(
        db, actor=actor_of(coach), candidate_id=candidate.id, employer_id=employer.id
    )
    return coach, candidate, intro


@sample(P + "consent.record_introduction")
def _record_intro(db: Session) -> Sample:
    coach = _coach(db)
    candidate = make_candidate(db, coach)
    allow_employers(db, coach, candidate)
    return Sample(
        {
            "actor": actor_of(coach),
            "candidate_id": candidate.id,
            "employer_id": make_employer(db).id,
        }
    )


@sample(P + "consent.withdraw_introduction")
def _withdraw_intro(db: Session) -> Sample:
    coach, candidate, intro = _introduced(db)
    return Sample(
        {"actor": actor_of(coach), "candidate_id": candidate.id, "introduction_id": intro.id}
    )


@sample(P + "consent.read_introduction")
def _read_intro(db: Session) -> Sample:
    coach, _, intro = _introduced(db)
    return Sample({"actor": actor_of(coach), "introduction_id": intro.id})


@sample(P + "rights.erase_candidate")
def _erase(db: Session) -> Sample:
    coach = _coach(db)
    candidate = make_candidate(db, coach)
    admin = make_user(
        db, Role.PARTNER_ADMIN, organisation=db.get(Organisation, coach.organisation_id)
    )
    return Sample(
        {"actor": actor_of(admin), "candidate_id": candidate.id, "reason": "verzoek betrokkene"}
    )


@sample(P + "rights.erase_expired")
def _erase_expired(db: Session) -> Sample:
    from ontschot import clock

    coach = _coach(db)
    old = make_candidate(db, coach, status="inactive")
    db.execute(
        update(Candidate)
        .where(Candidate.id == old.id)
        .values(updated_at=clock.now() - timedelta(days=4000))
    )
    db.commit()
    # Every other test's old candidates may also be due: count them in.
    from ontschot.people.rights import expired_candidates

    due = len(expired_candidates(db, retention_days=3650))
    return Sample({"actor": Actor.cli(), "retention_days": 3650}, entries=due)


@sample(P + "consent.read_consents")
def _read_consents(db: Session) -> Sample:
    coach = _coach(db)
    candidate = make_candidate(db, coach, consents=[("share_profile", "all")])
    return Sample({"actor": actor_of(coach), "candidate_id": candidate.id})


@sample(A + "service.change_role")
def _change_role(db: Session) -> Sample:
    org = make_organisation(db)
    admin = make_user(db, Role.PARTNER_ADMIN, organisation=org)
    coach = make_user(db, Role.COACH, organisation=org)
    return Sample({"actor": actor_of(admin), "user_id": coach.id, "role": Role.EMPLOYER_ADVISER})


for _name in (
    "ontschot.careers.service.candidate_routes",
    M + "candidate_matches",
    P + "service.read_candidate",
    P + "queries.candidate_versions",
    P + "rights.export_candidate_data",
):
    SAMPLES[_name] = _own_candidate


# the workbench (issue 14): proposals, contact moments, employers
def _proposal(db: Session) -> tuple[Any, Any, Any, Any]:
    """A coach, their consenting candidate, an employer with its own users' organisation and
    an open vacancy of that employer."""
    coach = _coach(db)
    candidate = make_candidate(db, coach)
    allow_employers(db, coach, candidate)
    org = make_organisation(db, kind="werkgever")
    employer = make_employer(db, organisation=org)
    vacancy = make_vacancy(db, make_user(db, Role.EMPLOYER_ADVISER), employer)
    return coach, candidate, vacancy, org


@sample(P + "pipeline.propose_for_vacancy")
def _propose(db: Session) -> Sample:
    coach, candidate, vacancy, _ = _proposal(db)
    return Sample(
        {"actor": actor_of(coach), "candidate_id": candidate.id, "vacancy_id": vacancy.id}
    )


def _proposed(db: Session) -> tuple[Any, Any, Any]:
    from ontschot.people.pipeline import propose_for_vacancy

    coach, candidate, vacancy, org = _proposal(db)
    intro = propose_for_vacancy(
        db, actor=actor_of(coach), candidate_id=candidate.id, vacancy_id=vacancy.id
    )
    return coach, intro, org


@sample(P + "pipeline.advance_introduction")
def _advance(db: Session) -> Sample:
    coach, intro, _ = _proposed(db)
    return Sample({"actor": actor_of(coach), "introduction_id": intro.id, "status": "introduced"})


@sample(P + "pipeline.answer_introduction")
def _answer(db: Session) -> Sample:
    _, intro, org = _proposed(db)
    employer_user = make_user(db, Role.EMPLOYER, organisation=org)
    return Sample(
        {"actor": actor_of(employer_user), "introduction_id": intro.id, "interested": True}
    )


def _moment() -> Any:
    from ontschot.contacts.schemas import ContactMomentIn

    return ContactMomentIn(kind="phone", occurred_on=date(2026, 11, 30), summary="Gebeld.")


C = "ontschot.contacts.service."


@sample(C + "record_candidate_contact")
def _candidate_contact(db: Session) -> Sample:
    return Sample(_own_candidate(db).kwargs | {"data": _moment()})


@sample(C + "read_candidate_contacts")
def _read_contacts(db: Session) -> Sample:
    return _own_candidate(db)


def _adviser_employer(db: Session) -> dict[str, Any]:
    return {
        "actor": actor_of(make_user(db, Role.EMPLOYER_ADVISER)),
        "employer_id": make_employer(db).id,
    }


@sample(C + "record_employer_contact")
def _employer_contact(db: Session) -> Sample:
    return Sample(_adviser_employer(db) | {"data": _moment()})


ER = "ontschot.employers.relations."


@sample(ER + "update_employer")
def _update_employer(db: Session) -> Sample:
    from ontschot.employers.schemas import EmployerUpdate

    return Sample(_adviser_employer(db) | {"data": EmployerUpdate(sector="Zorg")})


@sample(ER + "add_contact_person")
def _add_person(db: Session) -> Sample:
    from ontschot.employers.schemas import ContactPersonIn

    return Sample(_adviser_employer(db) | {"data": ContactPersonIn(name="Jan Smit")})


@sample(ER + "remove_contact_person")
def _remove_person(db: Session) -> Sample:
    from ontschot.employers.models import Employer, EmployerContactPerson

    kwargs = _adviser_employer(db)
    employer = db.get(Employer, kwargs["employer_id"])
    assert employer is not None
    person = EmployerContactPerson(name="Jan Smit")
    employer.contact_persons.append(person)
    db.commit()
    return Sample(kwargs | {"contact_person_id": person.id})


# chains and cases keep their samples beside their tests
from tests.cases.service_samples import CASES_SAMPLES  # noqa: E402

SAMPLES.update(CASES_SAMPLES)

# the pooled budget keeps its samples beside its tests
from tests.budget.service_samples import BUDGET_SAMPLES  # noqa: E402

SAMPLES.update(BUDGET_SAMPLES)
from tests.monitor.service_samples import MONITOR_SAMPLES  # noqa: E402

SAMPLES.update(MONITOR_SAMPLES)
