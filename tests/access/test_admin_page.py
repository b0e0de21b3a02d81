"""The administrator's user page: search, paging, an organisation column, one user's own
page for role, password and blocking, and organisation management for the platform."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot.access.models import AppUser, Organisation
from ontschot.access.roles import Role
from tests.factories import login_as, make_organisation, make_user


def test_system_admin_searches_pages_and_sees_the_organisation(client: Any, db: Session):
    # given sixty users over two organisations
    home, other = make_organisation(db, name="Gemeente Hengelo"), make_organisation(db)
    admin = make_user(db, role=Role.SYSTEM_ADMIN, organisation=home)
    for i in range(30):
        make_user(db, organisation=home, display_name=f"Collega {i:02d}", password=None)
        make_user(db, organisation=other, display_name=f"Partner {i:02d}", password=None)
    login_as(client, db, admin)
    # when the administrator opens the list, then it shows one page with organisations
    page = client.get("/beheer").text
    assert "61 gebruikers, pagina 1 van 3" in page and '<th scope="col">Organisatie</th>' in page
    assert 'type="password"' not in page.split('id="nieuwe-gebruiker"')[0]
    # and a search narrows it down
    found = client.get("/beheer?zoek=collega 07").text
    assert "Collega 07" in found and "Partner 07" not in found and "1 gebruiker." in found


def test_partner_admin_changes_a_role_on_the_users_page(client: Any, db: Session):
    org = make_organisation(db)
    admin = make_user(db, role=Role.PARTNER_ADMIN, organisation=org)
    coach = make_user(db, role=Role.COACH, organisation=org, display_name="Coach Cor")
    csrf = login_as(client, db, admin)["X-CSRF-Token"]
    page = client.get(f"/beheer/gebruikers/{coach.id}")
    assert page.status_code == 200 and "Rol wijzigen" in page.text
    done = client.post(
        f"/beheer/gebruikers/{coach.id}/rol",
        data={"role": "employer_adviser", "csrf_token": csrf},
        follow_redirects=True,
    )
    assert "De rol is gewijzigd" in done.text
    db.expire_all()
    assert db.get(AppUser, coach.id).role == "employer_adviser"
    refused = client.post(
        f"/beheer/gebruikers/{coach.id}/rol", data={"role": "system_admin", "csrf_token": csrf}
    )
    assert refused.status_code == 403


def test_system_admin_adds_an_organisation_and_a_wrong_one_is_named(client: Any, db: Session):
    admin = make_user(db, role=Role.SYSTEM_ADMIN)
    csrf = login_as(client, db, admin)["X-CSRF-Token"]
    form = {"name": "Leerwerkloket", "kind": "onderwijs", "region_code": "twente"}
    bad = client.post("/beheer/organisaties", data={**form, "region_code": "?", "csrf_token": csrf})
    assert bad.status_code == 400 and 'href="#veld-org-region_code"' in bad.text
    assert 'value="Leerwerkloket"' in bad.text
    good = client.post(
        "/beheer/organisaties",
        data={**form, "region_name": "Twente", "csrf_token": csrf},
        follow_redirects=True,
    )
    assert "De organisatie is toegevoegd." in good.text
    assert db.scalar(select(Organisation).where(Organisation.name == "Leerwerkloket"))
