"""Sample requests for the permission-matrix test, one or more per /api/v1 route.

Each context keeps its own `tests/<context>/route_samples.py` with:

- ``SAMPLES: list[RouteSample]`` — a request that succeeds for a role allowed to do the
  route's action, with the exact success status;
- optionally ``setup_world(db, world)`` — creates the objects the samples point at and puts
  their ids in ``world.ids`` (paths are ``str.format``-ed with them).

`World` already holds two organisations in one region: ``home`` (where every acting user
lives) and ``other``; one user per role in each (``world.users[role]``,
``world.other_users[role]``) and ids ``organisation_id``, ``foreign_organisation_id``,
``user_id`` (a coach at home), ``foreign_user_id``, ``token_id``, ``foreign_token_id``.

A sample with ``foreign=True`` touches an object of the other organisation: roles with
only OWN/ORGANISATION scope must get 403, roles with REGION scope the success status.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from ontschot.access.models import AppUser, Organisation
from ontschot.access.roles import Role
from tests.factories import api_token_headers, make_organisation, make_user


def template_shape(path: str) -> str:
    return re.sub(r"\{[^}]*\}", "{}", path)


JsonFactory = Callable[["World"], Any]


@dataclass
class World:
    home: Organisation
    other: Organisation
    users: dict[Role, AppUser]
    other_users: dict[Role, AppUser]
    ids: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RouteSample:
    method: str
    path: str  # e.g. "/api/v1/users/{user_id}?x=1"; formatted with world.ids
    success: int = 200
    json: Any = None  # a value, or a function of the world
    foreign: bool = False
    # Only the person's own coach (and wider scopes) may: a role whose scope is OWN and
    # who is not that coach is refused (403).
    own_caseload: bool = False

    @property
    def route_path(self) -> str:
        """The path with every placeholder as `{}`, to compare with route templates."""
        return template_shape(self.path.split("?", 1)[0])

    def url(self, world: World) -> str:
        return self.path.format(**world.ids)

    def body(self, world: World) -> Any:
        return self.json(world) if callable(self.json) else self.json

    def label(self) -> str:
        return f"{self.method} {self.path}{' (foreign)' if self.foreign else ''}"


def build_world(db: Session) -> World:
    home = make_organisation(db, kind="gemeente", name="Gemeente Thuis")
    other = make_organisation(db, kind="uitzendbureau", name="Uitzendbureau Anders")
    users = {role: make_user(db, role=role, organisation=home, password=None) for role in Role}
    others = {role: make_user(db, role=role, organisation=other, password=None) for role in Role}
    world = World(home=home, other=other, users=users, other_users=others)
    world.ids.update(
        organisation_id=home.id,
        foreign_organisation_id=other.id,
        user_id=users[Role.COACH].id,
        foreign_user_id=others[Role.COACH].id,
    )
    for key, org in (("token_id", home), ("foreign_token_id", other)):
        api_token_headers(db, org, ["organisation.read"])
        world.ids[key] = _last_token_id(db, org.id)
    _add_taxonomy_keys(db, world)
    for module in _context_modules():
        setup = getattr(module, "setup_world", None)
        if setup is not None:
            setup(db, world)
    return world


@contextmanager
def undone_afterwards(db: Session, connection: Connection) -> Iterator[None]:
    """Everything written inside is rolled back afterwards (a savepoint around it), so one
    world serves every actor of a change route, each starting from the same state. The app's
    sessions join the test's connection with savepoints of their own (tests/conftest.py)."""
    db.commit()
    point = connection.begin_nested()
    try:
        yield
    finally:
        db.rollback()
        if point.is_active:
            point.rollback()
        db.expire_all()


def _last_token_id(db: Session, organisation_id: int) -> int:
    from ontschot.access.models import ApiToken

    return int(
        db.scalar(
            select(ApiToken.id)
            .where(ApiToken.organisation_id == organisation_id)
            .order_by(ApiToken.id.desc())
            .limit(1)
        )
        or 0
    )


def _add_taxonomy_keys(db: Session, world: World) -> None:
    from ontschot.taxonomy.models import Occupation, Skill

    for key, model in (("occupation_key", Occupation), ("skill_key", Skill)):
        uri = db.scalar(select(model.uri).order_by(model.uri).limit(1))
        world.ids[key] = str(uri or "none").rsplit("/", 1)[-1]


def _json_user(world: World, org_key: str) -> dict[str, Any]:
    return {
        "email": "nieuw@example.nl",
        "displayName": "Nieuwe Collega",
        "role": "coach",
        "organisationId": world.ids[org_key],
        "password": "een lang wachtwoord",
    }


def _json_token(world: World, org_key: str) -> dict[str, Any]:
    return {
        "name": "Koppeling",
        "role": "coach",
        "actions": ["organisation.read"],
        "organisationId": world.ids[org_key],
    }


SAMPLES: list[RouteSample] = [
    # platform and taxonomy (public): kept here until their owners keep their own samples
    RouteSample("GET", "/api/v1/health"),
    RouteSample("GET", "/api/v1/occupations?q=kok"),
    RouteSample("GET", "/api/v1/occupations/{occupation_key}"),
    RouteSample("GET", "/api/v1/skills?q=beheren"),
    RouteSample("GET", "/api/v1/skills/{skill_key}"),
    RouteSample("GET", "/api/v1/taxonomy-version"),
    # access
    RouteSample("GET", "/api/v1/me"),
    RouteSample("GET", "/api/v1/organisations"),
    RouteSample("GET", "/api/v1/organisations/{organisation_id}"),
    RouteSample(
        "POST",
        "/api/v1/organisations",
        201,
        {
            "name": "Nieuwe Partner",
            "kind": "onderwijs",
            "regionCode": "twente",
            "regionName": "Twente",
        },
    ),
    RouteSample("GET", "/api/v1/users"),
    RouteSample("GET", "/api/v1/users?organisationId={foreign_organisation_id}", foreign=True),
    RouteSample("GET", "/api/v1/users/{user_id}"),
    RouteSample("GET", "/api/v1/users/{foreign_user_id}", foreign=True),
    RouteSample("POST", "/api/v1/users", 201, lambda w: _json_user(w, "organisation_id")),
    RouteSample(
        "POST",
        "/api/v1/users",
        201,
        lambda w: _json_user(w, "foreign_organisation_id"),
        foreign=True,
    ),
    RouteSample("POST", "/api/v1/users/{user_id}/disable"),
    RouteSample("POST", "/api/v1/users/{foreign_user_id}/disable", foreign=True),
    RouteSample(
        "POST",
        "/api/v1/users/{user_id}/password-reset",
        204,
        {"newPassword": "een nieuw lang wachtwoord"},
    ),
    RouteSample(
        "POST",
        "/api/v1/users/{foreign_user_id}/password-reset",
        204,
        {"newPassword": "een nieuw lang wachtwoord"},
        foreign=True,
    ),
    RouteSample("GET", "/api/v1/api-tokens"),
    RouteSample("POST", "/api/v1/api-tokens", 201, lambda w: _json_token(w, "organisation_id")),
    RouteSample(
        "POST",
        "/api/v1/api-tokens",
        201,
        lambda w: _json_token(w, "foreign_organisation_id"),
        foreign=True,
    ),
    RouteSample("DELETE", "/api/v1/api-tokens/{token_id}", 204),
    RouteSample("DELETE", "/api/v1/api-tokens/{foreign_token_id}", 204, foreign=True),
    RouteSample("GET", "/api/v1/audit-entries?action=user.read"),
]


def _context_modules() -> list[Any]:
    """Every tests/<context>/route_samples.py, this one included."""
    tests_dir = Path(__file__).resolve().parent.parent
    modules = []
    for path in sorted(tests_dir.glob("*/route_samples.py")):
        modules.append(importlib.import_module(f"tests.{path.parent.name}.route_samples"))
    return modules


def all_samples() -> list[RouteSample]:
    samples: list[RouteSample] = []
    for module in _context_modules():
        samples.extend(getattr(module, "SAMPLES", []))
    return samples
