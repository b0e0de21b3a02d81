"""Regressions for the defects found by testing as an attacker would (issue 11)."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from ontschot import clock
from ontschot.access.roles import Role
from ontschot.audit.models import AuditEntry
from ontschot.audit.service import pseudonymise
from ontschot.config import SettingsError, load_settings
from ontschot.employers.models import Vacancy
from tests.access.test_login import _post_login
from tests.factories import (
    DEFAULT_PASSWORD,
    actor_of,
    login_as,
    make_candidate,
    make_employer,
    make_organisation,
    make_user,
    make_vacancy,
)


def _new_entries(db: Session, after: int) -> list[AuditEntry]:
    return list(db.scalars(select(AuditEntry).where(AuditEntry.id > after)))


def _last_id(db: Session) -> int:
    return db.scalar(select(func.max(AuditEntry.id))) or 0


# --- 2: a partner administrator keeps to their own organisation -------------------------


def test_partner_admin_cannot_close_another_organisations_vacancy(client: Any, db: Session) -> None:
    butcher_org = make_organisation(db, kind="werkgever")
    boss = make_user(db, Role.EMPLOYER, organisation=butcher_org)
    vacancy = make_vacancy(db, boss, make_employer(db, organisation=butcher_org))
    admin = make_user(db, Role.PARTNER_ADMIN)  # of a municipality

    got = client.patch(
        f"/api/v1/vacancies/{vacancy.id}",
        json={"status": "closed"},
        headers=login_as(client, db, admin),
    )

    assert got.status_code == 403
    db.expire_all()
    assert db.get(Vacancy, vacancy.id).status == "open"


def test_partner_admin_cannot_register_for_or_plant_into_another_organisation(
    client: Any, db: Session
) -> None:
    employer_org = make_organisation(db, kind="werkgever")
    theirs = make_employer(db, organisation=employer_org)
    headers = login_as(client, db, make_user(db, Role.PARTNER_ADMIN))

    vacancy = client.post(
        "/api/v1/vacancies",
        json={"employerId": theirs.id, "title": "Slager", "municipality": "Enschede"},
        headers=headers,
    )
    planted = client.post(
        "/api/v1/employers",
        json={"name": "Nep B.V.", "organisationId": employer_org.id},
        headers=headers,
    )

    assert vacancy.status_code == 400
    assert [p["name"] for p in vacancy.json()["invalidParams"]] == ["employerId"]
    assert planted.status_code == 403


# --- 3: "Mijn dag" and the caseload owner -----------------------------------------------


def test_a_coach_of_another_organisation_cannot_be_made_the_owner(client: Any, db: Session) -> None:
    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach)
    stranger = make_user(db, Role.COACH)  # other organisation

    for user_id in (stranger.id, 999_999):
        got = client.patch(
            f"/api/v1/candidates/{candidate.id}",
            json={"coachUserId": user_id},
            headers=login_as(client, db, coach),
        )
        assert got.status_code == 400
        assert [p["name"] for p in got.json()["invalidParams"]] == ["coachUserId"]


def test_mijn_dag_shows_no_one_the_coach_may_not_see(client: Any, db: Session) -> None:
    from ontschot.people.models import Candidate

    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach, firstName="Geheime", lastName="Persoon")
    stranger = make_user(db, Role.COACH)
    db.execute(
        Candidate.__table__.update()
        .where(Candidate.id == candidate.id)
        .values(coach_user_id=stranger.id)
    )
    db.commit()

    page = client.get("/", headers=login_as(client, db, stranger))

    assert page.status_code == 200
    assert "Geheime" not in page.text


# --- 4: the processing log cannot be rewritten -------------------------------------------


def test_the_processing_log_cannot_be_replaced(db: Session) -> None:
    coach = make_user(db, Role.COACH)
    make_candidate(db, coach)
    entry_id = _last_id(db)
    columns = (
        "id, occurred_at, actor_display, actor_role, actor_via, organisation_name, action, "
        "object_type, purpose, result"
    )
    values = "(:id, '2020-01-01', 'x', 'x', 'x', 'x', 'vervalst', 'x', 'x', 'success')"
    if db.get_bind().dialect.name == "sqlite":
        statement = f"INSERT OR REPLACE INTO audit_entry ({columns}) VALUES {values}"  # noqa: S608
    else:
        statement = (
            f"INSERT INTO audit_entry ({columns}) VALUES {values} "  # noqa: S608
            "ON CONFLICT (id) DO UPDATE SET action = 'vervalst'"
        )

    with pytest.raises(DBAPIError), db.begin_nested():
        db.execute(text(statement), {"id": entry_id})

    assert db.get(AuditEntry, entry_id).action != "vervalst"


# --- 5 and 6: refusals and BSN attempts leave a trace ------------------------------------


def test_a_refused_read_is_logged_as_denied_against_the_person(client: Any, db: Session) -> None:
    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach)
    outsider = make_user(db, Role.COACH)
    before = _last_id(db)

    got = client.get(f"/api/v1/candidates/{candidate.id}", headers=login_as(client, db, outsider))

    assert got.status_code == 404
    [entry] = _new_entries(db, before)
    assert entry.result == "denied" and entry.actor_user_id == outsider.id
    assert entry.subject_pseudonym == pseudonymise(candidate.subject_key)


def test_trying_a_registered_bsn_leaves_a_trace_in_that_persons_log(
    client: Any, db: Session
) -> None:
    from tests.factories import candidate_payload

    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach, bsn="111222333")
    prober = make_user(db, Role.COACH)
    headers = login_as(client, db, prober)
    before = _last_id(db)

    taken = client.post(
        "/api/v1/candidates", json=candidate_payload(bsn="111222333"), headers=headers
    )
    looked = client.post("/api/v1/candidate-lookups", json={"bsn": "111222333"}, headers=headers)

    assert taken.status_code == 409 and looked.status_code == 404
    entries = _new_entries(db, before)
    assert [e.result for e in entries] == ["denied", "denied"]
    assert {e.subject_pseudonym for e in entries} == {pseudonymise(candidate.subject_key)}


def test_reading_consents_is_logged(client: Any, db: Session) -> None:
    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach, consents=[("share_profile", "all")])
    headers = login_as(client, db, coach)
    before = _last_id(db)

    got = client.get(f"/api/v1/candidates/{candidate.id}/consents", headers=headers)

    assert got.status_code == 200
    assert [e.action for e in _new_entries(db, before)] == ["consent.read"]


# --- 7: no formulas in exports -----------------------------------------------------------


def test_exported_csv_cells_never_start_a_formula(client: Any, db: Session) -> None:
    adviser = make_user(db, Role.EMPLOYER_ADVISER)
    make_vacancy(db, adviser, make_employer(db), title='=HYPERLINK("http://x","klik")')
    admin = make_user(db, Role.PARTNER_ADMIN)

    got = client.get("/api/v1/vacancy-exports?format=csv", headers=login_as(client, db, admin))

    rows = list(csv.DictReader(io.StringIO(got.text)))
    titles = [r["title"] for r in rows]
    assert '\'=HYPERLINK("http://x","klik")' in titles
    assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r.values())


def test_a_quoted_cell_reads_back_as_it_was() -> None:
    from ontschot.csvsafe import safe_cell, unescape_cell

    for value in ("=1+1", "-5", "@naam", "\t=x", "gewoon"):
        assert unescape_cell(str(safe_cell(value))) == value


# --- 8: login throttling ----------------------------------------------------------------


def test_wrong_passwords_from_one_address_do_not_lock_the_owner_elsewhere(
    client: Any, db: Session, settings: Any
) -> None:
    from fastapi.testclient import TestClient

    coach = make_user(db)
    for _ in range(settings.login_max_failures):
        _post_login(client, coach.email, "fout wachtwoord")
    attacker_locked = _post_login(client, coach.email, DEFAULT_PASSWORD)
    with TestClient(client.app, client=("10.9.8.7", 50000)) as elsewhere:
        owner = _post_login(elsewhere, coach.email, DEFAULT_PASSWORD)

    assert attacker_locked.status_code == 401 and "geblokkeerd" in attacker_locked.text
    assert owner.status_code == 303


def test_an_unknown_account_answers_exactly_like_a_known_one(
    client: Any, db: Session, settings: Any
) -> None:
    coach = make_user(db)
    answers = {}
    for email in (coach.email, "niemand@example.nl"):
        for _ in range(settings.login_max_failures):
            last = _post_login(client, email, "fout wachtwoord")
        answers[email] = (last.status_code, "geblokkeerd" in last.text)
    assert answers[coach.email] == answers["niemand@example.nl"] == (401, True)


def test_a_forwarded_for_header_is_not_believed_by_default(
    client: Any, db: Session, settings: Any
) -> None:
    coach = make_user(db)
    for n in range(settings.login_max_failures):
        client.headers["X-Forwarded-For"] = f"203.0.113.{n}"
        _post_login(client, coach.email, "fout")
    assert "geblokkeerd" in _post_login(client, coach.email, DEFAULT_PASSWORD).text


# --- 9 and 10: bad input and smaller leaks ----------------------------------------------


@pytest.mark.parametrize(
    "path", ["/werkzoekenden/99999999999999999999", "/vacatures/99999999999999999999"]
)
def test_a_huge_id_in_a_page_path_is_not_found_not_a_crash(
    client: Any, db: Session, path: str
) -> None:
    got = client.get(path, headers=login_as(client, db, make_user(db, Role.COACH)))
    assert got.status_code == 404


def test_a_vacancy_status_of_null_is_refused(client: Any, db: Session) -> None:
    adviser = make_user(db, Role.EMPLOYER_ADVISER)
    vacancy = make_vacancy(db, adviser, make_employer(db))
    got = client.patch(
        f"/api/v1/vacancies/{vacancy.id}",
        json={"status": None},
        headers=login_as(client, db, adviser),
    )
    assert got.status_code == 400
    assert [p["name"] for p in got.json()["invalidParams"]] == ["status"]


@pytest.mark.parametrize("salary", ["1e25", "1e999997", "2450.505"])
def test_an_absurd_or_fractional_salary_in_json_ld_is_a_rejected_row(
    client: Any, db: Session, salary: str
) -> None:
    doc = (
        '{"@context":"https://schema.org","@type":"JobPosting","identifier":"x-1",'
        '"title":"Kok","hiringOrganization":{"name":"Hotel"},'
        '"jobLocation":{"address":{"addressLocality":"Enschede"}},'
        f'"baseSalary":{{"value":{{"minValue":{salary},"unitText":"MONTH"}}}}}}'
    )
    admin = make_user(db, Role.PARTNER_ADMIN)
    got = client.post(
        "/api/v1/vacancy-imports",
        content=doc,
        headers=login_as(client, db, admin) | {"Content-Type": "application/ld+json"},
    )
    assert got.status_code == 400
    assert "salaryMinCents" in got.text or "salary" in got.text


def test_deeply_nested_json_is_refused_clearly(client: Any, db: Session) -> None:
    admin = make_user(db, Role.PARTNER_ADMIN)
    got = client.post(
        "/api/v1/candidate-imports",
        content="[" * 100_000 + "]" * 100_000,
        headers=login_as(client, db, admin) | {"Content-Type": "application/json"},
    )
    assert got.status_code == 400


def test_nested_objects_in_a_json_candidate_import_are_refused(client: Any, db: Session) -> None:
    """Defect 10: {"first_name": {"a": 1}} was stored as the name "{'a': 1}"."""
    from ontschot.people.models import Candidate

    admin = make_user(db, Role.PARTNER_ADMIN)
    before = db.scalar(select(func.count()).select_from(Candidate))
    rows = [
        {"external_id": "n-1", "first_name": {"a": 1}, "last_name": "Jansen"},
        {"external_id": "n-2", "first_name": "Eva", "last_name": ["de", "Vries"]},
    ]
    got = client.post(
        "/api/v1/candidate-imports",
        json=rows,
        headers=login_as(client, db, admin),
    )
    assert got.status_code == 400, got.text
    names = {p["name"] for p in got.json()["invalidParams"]}
    assert names == {"regel 1: firstName", "regel 2: lastName"}
    db.expire_all()
    assert db.scalar(select(func.count()).select_from(Candidate)) == before


def test_nul_characters_are_refused(client: Any, db: Session) -> None:
    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach)
    got = client.patch(
        f"/api/v1/candidates/{candidate.id}",
        json={"notes": "a\x00b"},
        headers=login_as(client, db, coach),
    )
    assert got.status_code == 400


def test_a_token_stops_when_its_creator_is_blocked(client: Any, db: Session) -> None:
    from ontschot.access.service import disable_user
    from ontschot.access.tokens import create_token

    admin = make_user(db, Role.PARTNER_ADMIN)
    _, raw = create_token(
        db,
        actor=actor_of(admin),
        organisation_id=admin.organisation_id,
        name="koppeling",
        role="coach",
        actions=["candidate.read"],
    )
    disable_user(db, actor=actor_of(make_user(db, Role.SYSTEM_ADMIN)), user_id=admin.id)

    got = client.get("/api/v1/candidates", headers={"Authorization": f"Bearer {raw}"})

    assert got.status_code == 401


def test_a_session_ends_after_its_absolute_lifetime(
    client: Any, db: Session, settings: Any
) -> None:
    from datetime import timedelta

    coach = make_user(db)
    login_as(client, db, coach)
    assert client.get("/api/v1/candidates").status_code == 200
    with clock.frozen(clock.now() + timedelta(hours=settings.session_max_hours, minutes=1)):
        assert client.get("/api/v1/candidates").status_code == 401


def test_production_refuses_a_weak_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ONTSCHOT_ENVIRONMENT", "production")
    monkeypatch.setenv("ONTSCHOT_SECRET_KEY", "a" * 40)
    with pytest.raises(SettingsError):
        load_settings()
    monkeypatch.setenv("ONTSCHOT_SECRET_KEY", "f3b1c9e07a4d5268bb01c7e9d2a4f6180e5c3b7a")
    assert load_settings().environment == "production"


def test_another_organisations_hidden_candidate_is_not_found_not_forbidden(
    client: Any, db: Session
) -> None:
    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach)
    got = client.patch(
        f"/api/v1/candidates/{candidate.id}",
        json={"notes": "x"},
        headers=login_as(client, db, make_user(db, Role.COACH)),
    )
    assert got.status_code == 404


# --- defect 11: the API does what its OpenAPI document says ----------------------------


def test_a_time_written_as_a_number_is_refused(client: Any, db: Session) -> None:
    admin = make_user(db, Role.SYSTEM_ADMIN)
    got = client.get("/api/v1/audit-entries?dateTo=0.5", headers=login_as(client, db, admin))
    assert got.status_code == 400, got.text
    assert got.json()["invalidParams"][0]["name"] == "dateTo"


def test_false_is_not_a_threshold(client: Any, db: Session) -> None:
    coach = make_user(db, Role.COACH)
    got = client.post(
        "/api/v1/skill-extractions",
        json={"text": "Heftruckchauffeur", "threshold": False},
        headers=login_as(client, db, coach),
    )
    assert got.status_code == 400, got.text
    assert [p["name"] for p in got.json()["invalidParams"]] == ["threshold"]


def test_a_wrong_method_names_every_method_of_the_path(client: Any, db: Session) -> None:
    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach)
    got = client.put(f"/api/v1/candidates/{candidate.id}", headers=login_as(client, db, coach))
    assert got.status_code == 405
    assert set(got.headers["Allow"].split(", ")) >= {"GET", "PATCH"}


def test_the_document_lists_problem_answers_and_other_media_types(client: Any) -> None:
    document = client.get("/api/v1/openapi.json").json()
    patch = document["paths"]["/api/v1/candidates/{candidateId}"]["patch"]["responses"]
    assert "422" not in patch
    assert {"400", "401", "403", "404", "409", "412"} <= set(patch)
    assert "application/problem+json" in patch["400"]["content"]
    export = document["paths"]["/api/v1/vacancy-exports"]["get"]["responses"]["200"]["content"]
    assert {"text/csv", "application/ld+json"} <= set(export)
    imports = document["paths"]["/api/v1/vacancy-imports"]["post"]["requestBody"]["content"]
    assert {"text/csv", "application/ld+json", "multipart/form-data"} <= set(imports)
