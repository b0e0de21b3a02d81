"""JobPosting JSON-LD: valid schema.org, and export -> import gives an equal vacancy."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from ontschot.access.actor import Actor
from ontschot.access.roles import Role
from ontschot.employers.models import Vacancy
from ontschot.employers.service import load_vacancies, vacancy_read
from ontschot.interop.flows import import_vacancy_fields
from ontschot.interop.jsonld import (
    SCHEMA_ORG_PROPERTIES,
    documents_in,
    jobposting_to_fields,
    schema_errors,
    vacancy_to_jobposting,
)
from tests.factories import (
    ESCO_OCCUPATION_CHEF,
    ESCO_SKILL_A,
    ESCO_SKILL_B,
    api_token_headers,
    make_employer,
    make_organisation,
    make_user,
    make_vacancy,
)

COMPARED = (
    "title",
    "occupation_uri",
    "competentnl_uri",
    "essential_skills",
    "optional_skills",
    "requirements",
    "hours_min",
    "hours_max",
    "contract_form",
    "salary_min_cents",
    "salary_max_cents",
    "salary_period",
    "municipality",
    "start_date",
    "closing_date",
    "description",
    "employer_name",
)


def _full_vacancy(db):
    coach = make_user(db, Role.EMPLOYER_ADVISER)
    employer = make_employer(db, name="Zorggroep Twente B.V.", kvk_number="12345678")
    return make_vacancy(
        db,
        coach,
        employer,
        title="Kok (m/v)",
        occupationUri=ESCO_OCCUPATION_CHEF,
        competentnlUri="https://competentnl.nl/id/beroep/1234",
        essentialSkills=[ESCO_SKILL_A],
        optionalSkills=[ESCO_SKILL_B],
        requirements=[
            {"kind": "diploma", "value": "mbo", "level": "2"},
            {"kind": "language", "value": "nld", "level": "goed"},
        ],
        hoursMin=24,
        hoursMax=38,
        contractForm="tijdelijk",
        salaryMinCents=245050,
        salaryMaxCents=310000,
        startDate="2027-02-01",
        closingDate="2027-01-15",
        description="Koken voor 80 bewoners.",
        source="werk.nl",
        externalId="WN-1",
    )


def test_exported_jobposting_uses_only_schema_org_properties(db):
    doc = vacancy_to_jobposting(_full_vacancy(db))
    assert doc["@context"] == "https://schema.org" and doc["@type"] == "JobPosting"
    assert schema_errors(doc) == []
    # An amount with cents is exact decimal text (no float); whole euros stay a number.
    assert doc["baseSalary"]["value"]["minValue"] == "2450.50"
    assert doc["hiringOrganization"]["identifier"]["value"] == "12345678"
    assert set(doc) - {"@context", "@type"} <= SCHEMA_ORG_PROPERTIES["JobPosting"]


def test_schema_check_rejects_unknown_properties():
    doc = {
        "@type": "JobPosting",
        "title": "x",
        "salary": 1,
        "jobLocation": {"@type": "Place", "city": "Enschede"},
    }
    assert {p for p, _ in schema_errors(doc)} == {"salary", "jobLocation.city"}


def test_jsonld_export_reimports_to_an_equal_vacancy(db):
    original = _full_vacancy(db)
    doc = json.loads(json.dumps(vacancy_to_jobposting(original)))
    result = import_vacancy_fields(
        db,
        actor=Actor.cli(),
        lines=[(1, jobposting_to_fields(doc))],
        source="roundtrip",
        partial=False,
    )
    assert result.committed and result.created == 1, result.rejected
    copy = db.query(Vacancy).filter_by(source="roundtrip").one()
    [a] = load_vacancies(db, [original.id])
    [b] = load_vacancies(db, [copy.id])
    left = vacancy_read(a).model_dump()
    right = vacancy_read(b).model_dump()
    assert {k: left[k] for k in COMPARED} == {k: right[k] for k in COMPARED}
    assert right["external_id"] == "WN-1"
    assert b.canonical_id == a.id  # the same job from another source is linked


def test_api_serves_one_vacancy_and_imports_a_graph(client, db):
    vacancy = _full_vacancy(db)
    admin = make_user(db, Role.SYSTEM_ADMIN, organisation=make_organisation(db))
    headers = api_token_headers(
        db, admin, ["vacancy.read", "export.run", "import.run", "vacancy.create", "employer.create"]
    )
    one = client.get(f"/api/v1/vacancies/{vacancy.id}/job-posting", headers=headers)
    assert one.status_code == 200
    assert one.headers["content-type"].startswith("application/ld+json")
    exported = client.get("/api/v1/vacancy-exports?format=jsonld", headers=headers)
    assert exported.status_code == 200
    assert len(documents_in(exported.json())) >= 1
    response = client.post(
        "/api/v1/vacancy-imports?source=mirror",
        content=exported.content,
        headers={**headers, "Content-Type": "application/ld+json"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["created"] == len(documents_in(exported.json()))


def test_csv_export_uses_the_import_layout(client, db):
    _full_vacancy(db)
    admin = make_user(db, Role.ANALYST, organisation=make_organisation(db))
    response = client.get(
        "/api/v1/vacancy-exports?format=csv", headers=api_token_headers(db, admin, ["export.run"])
    )
    assert response.status_code == 200
    header = response.text.splitlines()[0]
    assert header.startswith("external_id,employer_name,employer_kvk,title")
    assert "WN-1" in response.text


@settings(max_examples=200, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(
                st.sampled_from(
                    [
                        "@type",
                        "title",
                        "hiringOrganization",
                        "jobLocation",
                        "address",
                        "baseSalary",
                        "value",
                        "skills",
                        "identifier",
                        "workHours",
                        "occupationalCategory",
                        "qualifications",
                        "employmentType",
                    ]
                ),
                inner,
                max_size=6,
            )
        ),
        max_leaves=20,
    )
)
def test_parser_never_crashes_on_arbitrary_json(payload):
    try:
        for doc in documents_in(payload):
            jobposting_to_fields({**doc, "@type": "JobPosting"})
            schema_errors(doc)
    except ValueError:
        pass
