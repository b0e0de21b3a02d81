"""The processing log: one entry per read or write, append-only, pseudonymised, filterable."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from ontschot.access.actor import Actor
from ontschot.access.roles import Role
from ontschot.audit import service
from ontschot.audit.models import AuditEntry
from ontschot.db import utcnow
from tests.factories import login_as, make_organisation, make_user

SRC = Path(__file__).resolve().parents[2] / "src" / "ontschot"


def _actor(user_id: int, org_id: int, role: Role = Role.COACH) -> Actor:
    return Actor(
        role=role,
        user_id=user_id,
        organisation_id=org_id,
        display_name=f"gebruiker {user_id}",
        organisation_name=f"org {org_id}",
    )


def test_record_joins_the_callers_transaction(db: Session) -> None:
    org = make_organisation(db)
    entry = service.record(
        db,
        actor=_actor(1, org.id),
        action="candidate.read",
        object_type="candidate",
        object_id=7,
        subject_key="candidate:7",
        purpose="bemiddeling",
    )
    db.flush()
    assert db.get(AuditEntry, entry.id) is not None
    db.rollback()
    assert db.scalar(select(AuditEntry).where(AuditEntry.id == entry.id)) is None


def test_subject_is_stored_only_as_a_keyed_hash() -> None:
    first = service.pseudonymise("candidate:42")
    assert first == service.pseudonymise("candidate:42")
    assert first != service.pseudonymise("candidate:43")
    assert "candidate" not in first and len(first) == 64
    saved = service._secret_key
    service.configure_pseudonymisation("another-secret-key-0123456789")
    try:
        assert service.pseudonymise("candidate:42") != first
    finally:
        service._secret_key = saved


@pytest.mark.parametrize(
    "statement", ["UPDATE audit_entry SET purpose = 'anders'", "DELETE FROM audit_entry"]
)
def test_database_refuses_to_change_or_delete_entries(db: Session, statement: str) -> None:
    org = make_organisation(db)
    service.record(
        db,
        actor=_actor(1, org.id),
        action="user.read",
        object_type="user",
        object_id=1,
        subject_key="user:1",
        purpose="test",
    )
    db.commit()
    with pytest.raises(DBAPIError, match="append-only"), db.begin_nested():
        db.execute(text(statement))
    assert db.scalar(select(AuditEntry.purpose).limit(1)) == "test"


def test_application_has_no_code_path_that_updates_or_deletes_entries() -> None:
    offenders = []
    for path in SRC.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for needle in ("update(AuditEntry", "delete(AuditEntry", "db.delete(entry"):
            if needle in source:
                offenders.append(f"{path.name}: {needle}")
    assert offenders == []


def _seed(db: Session) -> dict[str, Any]:
    home, other = make_organisation(db), make_organisation(db)
    coach = make_user(db, organisation=home)
    admin = make_user(db, role=Role.PARTNER_ADMIN, organisation=home)
    stranger = make_user(db, organisation=other)
    for actor, action, subject in (
        (_actor(coach.id, home.id), "candidate.read", "candidate:1"),
        (_actor(coach.id, home.id), "candidate.update", "candidate:2"),
        (_actor(stranger.id, other.id), "candidate.read", "candidate:1"),
    ):
        service.record(
            db,
            actor=actor,
            action=action,
            object_type="candidate",
            object_id=subject.split(":")[1],
            subject_key=subject,
            purpose="bemiddeling",
        )
    db.commit()
    return {"home": home, "coach": coach, "admin": admin, "stranger": stranger}


def test_partner_admin_sees_only_own_organisation_and_can_filter(client: Any, db: Session) -> None:
    seed = _seed(db)
    headers = login_as(client, db, seed["admin"])
    every = client.get("/api/v1/audit-entries", headers=headers).json()
    assert {e["organisationId"] for e in every["items"]} == {seed["home"].id}
    assert every["total"] == 2
    by_action = client.get("/api/v1/audit-entries?action=candidate.update").json()
    assert [e["objectId"] for e in by_action["items"]] == ["2"]
    by_subject = client.get("/api/v1/audit-entries?subjectKey=candidate:1").json()
    assert [e["actorUserId"] for e in by_subject["items"]] == [seed["coach"].id]
    by_user = client.get(f"/api/v1/audit-entries?userId={seed['coach'].id}&objectType=candidate")
    assert by_user.json()["total"] == 2
    tomorrow = (utcnow() + timedelta(days=1)).isoformat()
    later = client.get("/api/v1/audit-entries", params={"dateFrom": tomorrow})
    assert later.status_code == 200 and later.json()["total"] == 0


def test_audit_filters_refuse_bad_input_with_a_400(client: Any, db: Session) -> None:
    headers = login_as(client, db, make_user(db, role=Role.PARTNER_ADMIN))
    for query in (
        "subjectKey=999999999",
        "dateFrom=gisteren",
        "dateFrom=2026-01-01T00:00:00",
        "action=DROP%20TABLE",
        "userId=-1",
    ):
        response = client.get(f"/api/v1/audit-entries?{query}", headers=headers)
        assert response.status_code == 400, query
        assert response.headers["content-type"].startswith("application/problem+json")


def test_subject_view_shows_every_organisation_and_logs_the_look(db: Session) -> None:
    seed = _seed(db)
    coach = _actor(seed["coach"].id, seed["home"].id)
    rows = service.entries_for_subject(db, actor=coach, subject_key="candidate:1")
    assert {r.actor_user_id for r in rows} == {seed["coach"].id, seed["stranger"].id}
    last = db.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one()
    assert (last.action, last.subject_pseudonym) == (
        "audit.subject.read",
        service.pseudonymise("candidate:1"),
    )


def test_employer_may_not_read_a_subjects_log(db: Session) -> None:
    from ontschot.errors import Forbidden

    with pytest.raises(Forbidden):
        service.entries_for_subject(
            db, actor=_actor(1, 1, Role.EMPLOYER), subject_key="candidate:1"
        )


def test_log_page_filters_and_shows_dutch_errors(client: Any, db: Session) -> None:
    seed = _seed(db)
    login_as(client, db, seed["admin"])
    page = client.get("/verwerkingslog?handeling=candidate.update")
    assert page.status_code == 200
    assert "Verwerkingslog" in page.text and "1 vermeldingen" in page.text
    bad = client.get("/verwerkingslog?van=morgen")
    assert bad.status_code == 400 and "jjjj-mm-dd" in bad.text
    assert 'href="/verwerkingslog"' in page.text  # navigation item for the administrator


def test_coach_has_no_log_page(client: Any, db: Session) -> None:
    login_as(client, db, make_user(db))
    assert client.get("/verwerkingslog").status_code == 403
