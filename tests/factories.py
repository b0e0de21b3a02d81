"""Factories for test data. Shared by every context: add functions, don't rewrite others'."""

from __future__ import annotations

import itertools
import secrets
from collections.abc import Iterable
from typing import Any

from sqlalchemy.orm import Session

from ontschot.access.models import ApiToken, AppUser, Organisation
from ontschot.access.passwords import hash_password
from ontschot.access.roles import Role, scope_for
from ontschot.access.sessions import SESSION_COOKIE, csrf_token, sha256, start_session
from ontschot.config import Settings

_seq = itertools.count(1)
# Cheap argon2 parameters: hashing in tests must not cost 64 MiB and 3 passes each time.
FAST_HASH_SETTINGS = Settings(
    argon2_time_cost=1, argon2_memory_kib=64, environment="test", database_url="sqlite:///unused.db"
)
DEFAULT_PASSWORD = "correct horse battery staple"


def make_organisation(
    db: Session,
    kind: str = "gemeente",
    name: str | None = None,
    region_code: str = "twente",
    region_name: str = "Twente",
) -> Organisation:
    org = Organisation(
        name=name or f"Organisatie {next(_seq)}",
        kind=kind,
        region_code=region_code,
        region_name=region_name,
    )
    db.add(org)
    db.commit()
    return org


def make_user(
    db: Session,
    role: Role | str = Role.COACH,
    organisation: Organisation | None = None,
    password: str | None = DEFAULT_PASSWORD,
    email: str | None = None,
    display_name: str | None = None,
    is_active: bool = True,
) -> AppUser:
    """A user; with `password=None` the user has no password (cannot log in by form)."""
    org = organisation or make_organisation(db)
    n = next(_seq)
    user = AppUser(
        email=email or f"gebruiker{n}@example.nl",
        display_name=display_name or f"Gebruiker {n}",
        role=Role(role).value,
        organisation_id=org.id,
        is_active=is_active,
        password_hash=hash_password(password, FAST_HASH_SETTINGS) if password else None,
    )
    db.add(user)
    db.commit()
    return user


def login(client: Any, user: AppUser, password: str = DEFAULT_PASSWORD) -> str:
    """Log in through the login form; returns the session's CSRF token for later posts."""
    client.cookies.delete(SESSION_COOKIE)  # a logged-in client would skip the form
    page = client.get("/inloggen")
    assert page.status_code == 200, page.text
    token = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    response = client.post(
        "/inloggen",
        data={"email": user.email, "password": password, "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return session_csrf(client)


def session_csrf(client: Any) -> str:
    """CSRF token of the client's current session cookie."""
    raw = client.cookies.get(SESSION_COOKIE)
    assert raw, "client has no session cookie"
    settings: Settings = client.app.state.settings
    return csrf_token(sha256(raw), settings)


def login_as(client: Any, db: Session, user: AppUser) -> dict[str, str]:
    """Give `client` a session for `user` without the form (fast); returns the CSRF header."""
    raw = start_session(db, user, client.app.state.settings)
    db.commit()
    client.cookies.set(SESSION_COOKIE, raw)
    return {"X-CSRF-Token": session_csrf(client)}


def _role_for(actions: Iterable[str]) -> Role:
    wanted = list(actions)
    for role in Role:
        if all(scope_for(action, role) is not None for action in wanted):
            return role
    raise ValueError(f"no role may do all of {wanted}")


def api_token_headers(
    db: Session,
    owner: AppUser | Organisation,
    actions: Iterable[str],
    role: Role | None = None,
) -> dict[str, str]:
    """An Authorization header for a fresh API token of `owner`'s organisation.

    The token's role is the user's role, or `role`, or the first role that may do every
    action.
    """
    actions = sorted(set(actions))
    if isinstance(owner, AppUser):
        org_id, token_role = owner.organisation_id, role or Role(owner.role)
    else:
        org_id, token_role = owner.id, role or _role_for(actions)
    raw = "ots_" + secrets.token_urlsafe(32)
    db.add(
        ApiToken(
            name=f"token {next(_seq)}",
            token_hash=sha256(raw),
            prefix=raw[:12],
            organisation_id=org_id,
            role=token_role.value,
            actions=" ".join(actions),
        )
    )
    db.commit()
    return {"Authorization": f"Bearer {raw}"}


# --- registry (people, employers): issue 4 -------------------------------------------------

ESCO_SKILL_A = "http://data.europa.eu/esco/skill/000bb1e4-89f0-4b86-be05-05ece3641724"
ESCO_SKILL_B = "http://data.europa.eu/esco/skill/0023e7a5-43da-4b68-bee3-726ef21f986d"
ESCO_SKILL_C = "http://data.europa.eu/esco/skill/00298d97-3dc3-4086-a902-bce0a2fba831"
ESCO_OCCUPATION_CHEF = "http://data.europa.eu/esco/occupation/01484951-15e6-4b88-a20f-1201868d36a0"


def actor_of(user: AppUser) -> Any:
    """The Actor a logged-in user acts as (for calling services directly in tests)."""
    from ontschot.access.deps import actor_for_user

    return actor_for_user(user)


def candidate_payload(**overrides: Any) -> dict[str, Any]:
    """A valid CandidateCreate body (API field names)."""
    n = next(_seq)
    body: dict[str, Any] = {
        "firstName": "Sanne",
        "lastName": f"de Vries {n}",
        "municipality": "Enschede",
        "email": f"sanne{n}@example.nl",
        "phone": "06 12345678",
        "benefit": "ww",
        "hoursMin": 24,
        "hoursMax": 36,
        "drivingLicences": ["B"],
        "languages": [{"language": "nld", "spoken": "uitstekend", "written": "goed"}],
        "educations": [{"level": "mbo", "status": "afgerond", "field": "horeca"}],
        "workHistory": [
            {
                "employerName": "Hotel De Kroon",
                "jobTitle": "kok",
                "occupationUri": ESCO_OCCUPATION_CHEF,
                "startDate": "2018-01-01",
                "endDate": "2023-06-30",
            }
        ],
        "skills": [{"skillUri": ESCO_SKILL_A, "source": "self_declared"}],
    }
    body.update(overrides)
    return body


def make_candidate(
    db: Session, user: AppUser, *, consents: Iterable[tuple[str, str]] = (), **overrides: Any
) -> Any:
    """A candidate registered by `user` (in `user`'s organisation), with optional consents
    given as (purpose, partner_category) pairs."""
    from ontschot.people.consent import give_consent
    from ontschot.people.schemas import CandidateCreate
    from ontschot.people.service import register_candidate
    from ontschot.people.vum import ConsentPurpose, PartnerCategory

    actor = actor_of(user)
    data = CandidateCreate.model_validate(candidate_payload(**overrides))
    candidate = register_candidate(db, actor=actor, data=data)
    for purpose, category in consents:
        give_consent(
            db,
            actor=actor,
            candidate_id=candidate.id,
            purpose=ConsentPurpose(purpose),
            partner_category=PartnerCategory(category),
        )
    return candidate


def make_employer(
    db: Session,
    *,
    name: str | None = None,
    organisation: Organisation | None = None,
    kvk_number: str | None = None,
) -> Any:
    from ontschot.employers.models import Employer
    from ontschot.employers.service import employer_key

    name = name or f"Werkgever {next(_seq)} B.V."
    employer = Employer(
        name=name,
        name_norm=employer_key(name),
        kvk_number=kvk_number,
        organisation_id=organisation.id if organisation else None,
        municipality="Enschede",
    )
    db.add(employer)
    db.commit()
    return employer


def make_vacancy(
    db: Session, user: AppUser, employer: Any, *, skills: Iterable[str] = (), **overrides: Any
) -> Any:
    from ontschot.employers.schemas import VacancyCreate
    from ontschot.employers.service import register_vacancy

    body: dict[str, Any] = {
        "employerId": employer.id,
        "title": f"Kok {next(_seq)}",
        "municipality": "Enschede",
        "essentialSkills": list(skills),
        "hoursMin": 32,
        "hoursMax": 40,
    }
    body.update(overrides)
    return register_vacancy(db, actor=actor_of(user), data=VacancyCreate.model_validate(body))


def allow_employers(db: Session, coach: Any, candidate: Any) -> None:
    """The candidate consents to sharing with employers (needed before an introduction)."""
    from ontschot.people.consent import give_consent
    from ontschot.people.vum import ConsentPurpose

    give_consent(
        db,
        actor=actor_of(coach),
        candidate_id=candidate.id,
        purpose=ConsentPurpose.EMPLOYER_SUGGESTIONS,
    )
