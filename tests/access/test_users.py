"""Users are personal data: reads and writes are logged, failed writes leave nothing."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ontschot.access.models import AppUser
from ontschot.access.roles import Role
from ontschot.audit.models import AuditEntry
from ontschot.audit.service import pseudonymise
from tests.factories import login_as, make_organisation, make_user


def _entries(db: Session) -> list[AuditEntry]:
    return list(db.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def test_reading_a_user_writes_exactly_one_processing_log_entry(client: Any, db: Session) -> None:
    # given a partner administrator and a coach of the same organisation
    org = make_organisation(db)
    admin = make_user(db, role=Role.PARTNER_ADMIN, organisation=org)
    coach = make_user(db, role=Role.COACH, organisation=org, email="coach.c@example.nl")
    headers = login_as(client, db, admin)
    before = len(_entries(db))
    # when the administrator reads the coach's account
    response = client.get(f"/api/v1/users/{coach.id}", headers=headers)
    # then there is exactly one new entry, naming the reader and the pseudonymised subject
    assert response.status_code == 200
    new = _entries(db)[before:]
    assert len(new) == 1
    entry = new[0]
    assert (entry.actor_user_id, entry.organisation_id, entry.action) == (
        admin.id,
        org.id,
        "user.read",
    )
    assert (entry.object_type, entry.object_id, entry.result) == ("user", str(coach.id), "success")
    assert entry.subject_pseudonym == pseudonymise(f"user:{coach.id}")
    assert "coach.c" not in entry.subject_pseudonym


def test_failed_user_creation_leaves_no_user_and_no_log_entry(client: Any, db: Session) -> None:
    # given an existing user
    org = make_organisation(db)
    admin = make_user(db, role=Role.PARTNER_ADMIN, organisation=org)
    make_user(db, organisation=org, email="bestaat@example.nl")
    headers = login_as(client, db, admin)
    users_before = db.scalar(select(func.count()).select_from(AppUser))
    entries_before = len(_entries(db))
    # when the administrator creates another user with the same address
    response = client.post(
        "/api/v1/users",
        headers=headers,
        json={
            "email": "Bestaat@Example.nl",
            "displayName": "Dubbel",
            "role": "coach",
            "password": "een lang wachtwoord",
        },
    )
    # then nothing was written
    assert response.status_code == 409
    assert db.scalar(select(func.count()).select_from(AppUser)) == users_before
    assert len(_entries(db)) == entries_before


def test_creating_a_user_logs_the_write_in_the_same_transaction(client: Any, db: Session) -> None:
    admin = make_user(db, role=Role.PARTNER_ADMIN)
    headers = login_as(client, db, admin)
    response = client.post(
        "/api/v1/users",
        headers=headers,
        json={
            "email": "nieuw@example.nl",
            "displayName": "Nieuw",
            "role": "employer_adviser",
            "password": "een lang wachtwoord",
        },
    )
    assert response.status_code == 201
    created = response.json()
    assert created["organisationId"] == admin.organisation_id and created["role"] == (
        "employer_adviser"
    )
    entry = _entries(db)[-1]
    assert (entry.action, entry.object_id) == ("user.create", str(created["id"]))


def test_partner_admin_cannot_create_a_system_administrator(client: Any, db: Session) -> None:
    headers = login_as(client, db, make_user(db, role=Role.PARTNER_ADMIN))
    response = client.post(
        "/api/v1/users",
        headers=headers,
        json={"email": "baas@example.nl", "displayName": "Baas", "role": "system_admin"},
    )
    assert response.status_code == 403


def test_admin_page_lists_own_users_and_creates_one_by_form(client: Any, db: Session) -> None:
    org = make_organisation(db, name="Gemeente Almelo")
    admin = make_user(db, role=Role.PARTNER_ADMIN, organisation=org, display_name="Ada Admin")
    make_user(db, organisation=make_organisation(db), display_name="Vreemde Eend")
    headers = login_as(client, db, admin)
    page = client.get("/beheer")
    assert page.status_code == 200
    assert "Ada Admin" in page.text and "Vreemde Eend" not in page.text
    bad = client.post(
        "/beheer/gebruikers",
        data={
            "csrf_token": headers["X-CSRF-Token"],
            "email": "geen-adres",
            "display_name": "X",
            "role": "coach",
            "password": "een lang wachtwoord",
        },
    )
    assert bad.status_code == 400 and "geen geldig e-mailadres" in bad.text
    good = client.post(
        "/beheer/gebruikers",
        data={
            "csrf_token": headers["X-CSRF-Token"],
            "email": "nina@example.nl",
            "display_name": "Nina Nieuw",
            "role": "coach",
            "password": "een lang wachtwoord",
        },
        follow_redirects=True,
    )
    assert good.status_code == 200 and "Nina Nieuw" in good.text


def test_admin_creates_and_revokes_a_token_on_the_page(client: Any, db: Session) -> None:
    admin = make_user(db, role=Role.PARTNER_ADMIN)
    headers = login_as(client, db, admin)
    page = client.post(
        "/beheer/tokens",
        data={
            "csrf_token": headers["X-CSRF-Token"],
            "name": "Koppeling",
            "role": "coach",
            "actions": ["organisation.read"],
        },
    )
    assert page.status_code == 200 and "ots_" in page.text
    assert "niet nog eens getoond" in page.text
