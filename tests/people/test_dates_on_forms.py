"""Dates typed on the registration form and in a candidate import are stored as dates
(defect: any date gave a 500 "Interne fout" and lost everything typed)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from ontschot.access.roles import Role
from ontschot.interop.flows import import_candidates_csv
from ontschot.people.models import Candidate
from tests.factories import actor_of, login_as, make_organisation, make_user
from tests.interop.test_candidate_import import _csv, _row
from tests.people.test_pages import _form


def test_birth_date_and_available_from_on_the_form_are_stored(client, db):
    # given a logged-in coach
    csrf = login_as(client, db, make_user(db, Role.COACH))["X-CSRF-Token"]
    # when the form is sent with a birth date (as the date picker sends it) and a
    # availability date typed the Dutch way
    response = client.post(
        "/werkzoekenden/nieuw",
        data=_form(csrf, birth_date="1988-03-14", available_from="01-09-2026"),
        follow_redirects=False,
    )
    # then the person is registered with both dates
    assert response.status_code == 303, response.text
    stored = db.scalar(select(Candidate).where(Candidate.last_name == "Yilmaz"))
    assert (stored.birth_date, stored.available_from) == (date(1988, 3, 14), date(2026, 9, 1))


def test_a_wrong_date_is_named_and_the_rest_is_kept(client, db):
    csrf = login_as(client, db, make_user(db, Role.COACH))["X-CSRF-Token"]
    response = client.post(
        "/werkzoekenden/nieuw", data=_form(csrf, birth_date="31-02-1990", bsn="111222333")
    )
    assert response.status_code == 400
    page = response.text
    assert 'href="#veld-birth_date"><strong>Geboortedatum</strong>' in page
    assert 'id="fout-birth_date"' in page
    assert 'value="31-02-1990"' in page and 'value="Mohamed"' in page
    assert "111222333" not in page


def test_candidate_import_with_birth_date_stores_it(db):
    org = make_organisation(db)
    admin = actor_of(make_user(db, Role.PARTNER_ADMIN, organisation=org))
    text = _csv([_row(1, birth_date="1975-06-30", available_from="2026-01-05")])
    report = import_candidates_csv(db, actor=admin, text=text, source="suwinet")
    assert report.created == 1
    one = db.scalar(select(Candidate).where(Candidate.external_id == "gem-1"))
    assert (one.birth_date, one.available_from) == (date(1975, 6, 30), date(2026, 1, 5))
