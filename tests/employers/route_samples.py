"""Permission-matrix samples for the employers and vacancies API."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ontschot.access.roles import Role
from ontschot.employers.models import EmployerContactPerson
from tests.access.route_samples import RouteSample, World
from tests.factories import ESCO_SKILL_A, make_employer, make_vacancy


def setup_world(db: Session, world: World) -> None:
    """An employer whose own users are the home organisation, with one open vacancy."""
    employer = make_employer(db, name="Matrix Metaal B.V.", organisation=world.home)
    vacancy = make_vacancy(
        db, world.users[Role.EMPLOYER_ADVISER], employer, skills=[ESCO_SKILL_A], title="Lasser"
    )
    world.ids.update(employer_id=employer.id, vacancy_id=vacancy.id)
    person = EmployerContactPerson(name="Jan Smit", role="HR-adviseur")
    employer.contact_persons.append(person)
    db.commit()
    world.ids["contact_person_id"] = person.id


SAMPLES: list[RouteSample] = [
    RouteSample("GET", "/api/v1/employers"),
    RouteSample(
        "POST", "/api/v1/employers", 201, {"name": "Nieuwe Werkgever", "municipality": "Enschede"}
    ),
    RouteSample("GET", "/api/v1/employers/{employer_id}"),
    RouteSample("GET", "/api/v1/vacancies"),
    RouteSample(
        "POST",
        "/api/v1/vacancies",
        201,
        lambda w: {
            "employerId": w.ids["employer_id"],
            "title": "Lasser TIG",
            "municipality": "Enschede",
        },
    ),
    RouteSample("GET", "/api/v1/vacancies/{vacancy_id}"),
    RouteSample("PATCH", "/api/v1/vacancies/{vacancy_id}", 200, {"status": "filled"}),
]

# the workbench (issue 14): employer edit, contact persons
SAMPLES += [
    RouteSample("PATCH", "/api/v1/employers/{employer_id}", 200, {"sector": "Metaal"}),
    RouteSample("GET", "/api/v1/employers/{employer_id}/contact-persons"),
    RouteSample(
        "POST",
        "/api/v1/employers/{employer_id}/contact-persons",
        201,
        {"name": "Anna de Boer", "role": "Teamleider", "phone": "053 1234567"},
    ),
    RouteSample(
        "DELETE", "/api/v1/employers/{employer_id}/contact-persons/{contact_person_id}", 204
    ),
]
