"""The coach acts on a candidate: the edit page (optimistic locking with a clear Dutch
message), one-click proposals from suggestions, and the introductions API."""

from __future__ import annotations

from ontschot.access.roles import Role
from ontschot.people.edit_pages import values_of
from ontschot.people.models import Candidate
from tests.factories import (
    ESCO_OCCUPATION_CHEF,
    allow_employers,
    login_as,
    make_candidate,
    make_employer,
    make_organisation,
    make_user,
    make_vacancy,
)


def _form(candidate: Candidate, **overrides: str) -> dict[str, object]:
    # what the edit page shows for the stored candidate, then the coach's changes
    form: dict[str, object] = dict(values_of(candidate))
    form.update(
        {
            "hours_min": "24",
            "hours_max": "32",
            "wish_occupation_uri": ESCO_OCCUPATION_CHEF,
            "wish_sectors": "Zorg & Welzijn, Logistiek",
            "transport": ["fiets", "openbaar_vervoer"],
            "contract_forms": ["vast"],
            "version": str(candidate.version),
        }
    )
    form.update(overrides)
    return form


def test_the_edit_page_changes_status_and_wishes_and_keeps_the_history(client, db):
    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach)
    headers = login_as(client, db, coach)
    page = client.get(f"/werkzoekenden/{candidate.id}/bewerken", headers=headers)
    assert page.status_code == 200 and 'name="version"' in page.text
    saved = client.post(
        f"/werkzoekenden/{candidate.id}/bewerken",
        data=_form(candidate, status="inactive", email=""),
        headers=headers,
        follow_redirects=False,
    )
    assert saved.status_code == 303, saved.text[:500]
    db.expire_all()
    fresh = db.get(Candidate, candidate.id)
    assert fresh is not None
    assert fresh.status == "inactive" and fresh.email is None
    assert sorted(w.sector or w.occupation_uri for w in fresh.wishes) == sorted(
        [ESCO_OCCUPATION_CHEF, "Zorg & Welzijn", "Logistiek"]
    )
    assert fresh.transport == ["fiets", "openbaar_vervoer"] and fresh.contract_forms == ["vast"]
    assert fresh.skills and fresh.work_history  # not on the form's way: kept
    history = client.get(f"/werkzoekenden/{candidate.id}?tab=historie", headers=headers).text
    assert "gewijzigd" in history


def test_a_stale_edit_comes_back_with_a_clear_dutch_message_and_changes_nothing(client, db):
    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach)
    headers = login_as(client, db, coach)
    old_version = str(candidate.version)
    client.patch(f"/api/v1/candidates/{candidate.id}", json={"hoursMax": 30}, headers=headers)
    stale = client.post(
        f"/werkzoekenden/{candidate.id}/bewerken",
        data=_form(candidate, version=old_version, status="placed"),
        headers=headers,
    )
    assert stale.status_code == 412
    assert "Iemand anders heeft deze werkzoekende gewijzigd" in stale.text
    assert 'value="placed" selected' in stale.text  # what was typed is still there
    db.expire_all()
    fresh = db.get(Candidate, candidate.id)
    assert fresh is not None and fresh.status == "seeking" and fresh.hours_max == 30


def test_an_empty_required_field_is_named_beside_the_field(client, db):
    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach)
    headers = login_as(client, db, coach)
    wrong = client.post(
        f"/werkzoekenden/{candidate.id}/bewerken",
        data=_form(candidate, hours_min="40", hours_max="20"),
        headers=headers,
    )
    assert wrong.status_code == 400 and "Controleer" in wrong.text


def _proposal_world(db, *, consent: bool = True):
    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach)
    if consent:
        allow_employers(db, coach, candidate)
    firm = make_organisation(db, kind="werkgever")
    employer = make_employer(db, organisation=firm)
    vacancy = make_vacancy(db, make_user(db, Role.EMPLOYER_ADVISER), employer)
    return coach, candidate, vacancy, make_user(db, Role.EMPLOYER, organisation=firm)


def test_one_click_proposal_without_consent_says_why_in_dutch(client, db):
    coach, candidate, vacancy, _ = _proposal_world(db, consent=False)
    headers = login_as(client, db, coach)
    sent = client.post(
        f"/werkzoekenden/{candidate.id}/voorstellen/{vacancy.id}",
        data={"terug": "suggesties"},
        headers=headers,
        follow_redirects=False,
    )
    assert sent.status_code == 303 and "melding=geen-toestemming" in sent.headers["location"]
    api = client.post(
        "/api/v1/introductions",
        json={"candidateId": candidate.id, "vacancyId": vacancy.id},
        headers=headers,
    )
    assert api.status_code == 409 and "geen toestemming" in api.json()["detail"]
    assert client.get("/api/v1/introductions", headers=headers).json() == []


def test_api_pipeline_from_proposal_to_answer_and_an_invalid_step(client, db):
    coach, candidate, vacancy, employer_user = _proposal_world(db)
    coach_headers = login_as(client, db, coach)
    made = client.post(
        "/api/v1/introductions",
        json={"candidateId": candidate.id, "vacancyId": vacancy.id},
        headers=coach_headers,
    )
    assert made.status_code == 201 and made.json()["status"] == "proposed"
    intro_id = made.json()["id"]
    skip = client.post(
        f"/api/v1/introductions/{intro_id}/transitions",
        json={"status": "offer"},
        headers=coach_headers,
    )
    assert skip.status_code == 409
    assert skip.headers["content-type"].startswith("application/problem+json")
    assert "kan niet naar 'aanbod'" in skip.json()["detail"]
    unknown = client.post(
        f"/api/v1/introductions/{intro_id}/transitions",
        json={"status": "hired"},
        headers=coach_headers,
    )
    assert unknown.status_code == 400
    client.cookies.clear()
    employer_headers = login_as(client, db, employer_user)
    mine = client.get(f"/api/v1/introductions?vacancyId={vacancy.id}", headers=employer_headers)
    assert [i["id"] for i in mine.json()] == [intro_id]
    answered = client.post(
        f"/api/v1/introductions/{intro_id}/answers",
        json={"interested": True},
        headers=employer_headers,
    )
    assert answered.status_code == 200 and answered.json()["status"] == "introduced"
    assert [s["status"] for s in answered.json()["steps"]] == ["proposed", "introduced"]
    client.cookies.clear()
    coach_headers = login_as(client, db, coach)
    seen = client.get(
        f"/api/v1/introductions?candidateId={candidate.id}&status=introduced",
        headers=coach_headers,
    ).json()
    assert [i["employerAnswer"] for i in seen] == ["interested"]
    page = client.get(f"/werkzoekenden/{candidate.id}/voorstellen", headers=coach_headers)
    assert "Werkgever: geïnteresseerd" in page.text
    pipeline_page = client.get(f"/vacatures/{vacancy.id}/voorstellen", headers=coach_headers)
    assert "Kennismaking" in pipeline_page.text and candidate.first_name in pipeline_page.text
