"""Vacancies as schema.org JobPosting JSON-LD, out and back in without loss.

Only schema.org properties are written (`SCHEMA_ORG_PROPERTIES` lists those used, per type,
as defined at https://schema.org/JobPosting and the types it refers to). Fields schema.org
has no property for are carried in standard properties so that a re-import gives the same
vacancy: the VUM contract form rides along in `employmentType` next to the common
Google-style value, essential/optional skills are `DefinedTerm`s whose `additionalType`
says which, and hard requirements are `EducationalOccupationalCredential`s in
`qualifications` with their kind in `credentialCategory`.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from ontschot.employers.models import Vacancy
from ontschot.geo import region_of
from ontschot.money import MAX_CENTS
from ontschot.people.fields import ESCO_PREFIX

CONTEXT = "https://schema.org"
SCHEMA_ORG_PROPERTIES: dict[str, frozenset[str]] = {
    "JobPosting": frozenset(
        {
            "title",
            "description",
            "identifier",
            "datePosted",
            "validThrough",
            "jobStartDate",
            "employmentType",
            "hiringOrganization",
            "jobLocation",
            "baseSalary",
            "occupationalCategory",
            "skills",
            "qualifications",
            "workHours",
        }
    ),
    "PropertyValue": frozenset({"propertyID", "value"}),
    "Organization": frozenset({"name", "identifier"}),
    "Place": frozenset({"address"}),
    "PostalAddress": frozenset({"addressLocality", "addressRegion", "addressCountry"}),
    "MonetaryAmount": frozenset({"currency", "value"}),
    "QuantitativeValue": frozenset({"minValue", "maxValue", "unitText"}),
    "DefinedTerm": frozenset({"termCode", "inDefinedTermSet", "additionalType"}),
    "EducationalOccupationalCredential": frozenset(
        {"credentialCategory", "name", "educationalLevel"}
    ),
}
GOOGLE_EMPLOYMENT = {
    "vast": "FULL_TIME",
    "tijdelijk": "TEMPORARY",
    "uitzend": "TEMPORARY",
    "oproep": "PER_DIEM",
    "leerwerk": "INTERN",
    "zzp": "CONTRACTOR",
}
UNIT = {"hour": "HOUR", "month": "MONTH", "year": "YEAR"}
_HOURS = re.compile(r"^\s*(\d{1,2})?\s*(?:-\s*(\d{1,2}))?\s*uur")


def _euros(cents: int | None) -> int | str | None:
    """Whole euros as a number; other amounts as exact decimal text ("2800.50"), which
    schema.org's MonetaryAmount value also allows, so no amount passes through a float."""
    if cents is None:
        return None
    euros, rest = divmod(cents, 100)
    return euros if rest == 0 else f"{euros}.{rest:02d}"


def _drop_empty(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_empty(v) for k, v in value.items() if v not in (None, [], "")}
    if isinstance(value, list):
        return [_drop_empty(v) for v in value]
    return value


def _hours_text(low: int | None, high: int | None) -> str | None:
    if low is None and high is None:
        return None
    return f"{'' if low is None else low}-{'' if high is None else high} uur per week"


def vacancy_to_jobposting(vacancy: Vacancy, *, with_context: bool = True) -> dict[str, Any]:
    """One vacancy as a JobPosting. The identifier is the source and its external id (or the
    Ontschot id when the vacancy was registered here)."""
    employer = vacancy.employer
    doc: dict[str, Any] = {
        "@context": CONTEXT if with_context else None,
        "@type": "JobPosting",
        "identifier": {
            "@type": "PropertyValue",
            "propertyID": vacancy.source,
            "value": vacancy.external_id or f"ontschot-{vacancy.id}",
        },
        "title": vacancy.title,
        "description": vacancy.description,
        "datePosted": vacancy.created_at.date().isoformat(),
        "validThrough": vacancy.closing_date.isoformat() if vacancy.closing_date else None,
        "jobStartDate": vacancy.start_date.isoformat() if vacancy.start_date else None,
        "employmentType": (
            [GOOGLE_EMPLOYMENT[vacancy.contract_form], vacancy.contract_form]
            if vacancy.contract_form
            else None
        ),
        "hiringOrganization": {
            "@type": "Organization",
            "name": employer.name,
            "identifier": (
                {"@type": "PropertyValue", "propertyID": "KvK", "value": employer.kvk_number}
                if employer.kvk_number
                else None
            ),
        },
        "jobLocation": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": vacancy.municipality,
                "addressRegion": region_of(vacancy.municipality),
                "addressCountry": "NL",
            },
        },
        "baseSalary": (
            {
                "@type": "MonetaryAmount",
                "currency": "EUR",
                "value": {
                    "@type": "QuantitativeValue",
                    "minValue": _euros(vacancy.salary_min_cents),
                    "maxValue": _euros(vacancy.salary_max_cents),
                    "unitText": UNIT[vacancy.salary_period],
                },
            }
            if vacancy.salary_min_cents is not None or vacancy.salary_max_cents is not None
            else None
        ),
        "occupationalCategory": [u for u in (vacancy.occupation_uri, vacancy.competentnl_uri) if u],
        "skills": [
            {
                "@type": "DefinedTerm",
                "termCode": s.skill_uri,
                "inDefinedTermSet": ESCO_PREFIX + "skill",
                "additionalType": s.relation,
            }
            for s in vacancy.skills
        ],
        "qualifications": [
            {
                "@type": "EducationalOccupationalCredential",
                "credentialCategory": r.kind,
                "name": r.value,
                "educationalLevel": r.level,
            }
            for r in vacancy.requirements
        ],
        "workHours": _hours_text(vacancy.hours_min, vacancy.hours_max),
    }
    return _drop_empty(doc)  # type: ignore[no-any-return]


def schema_errors(node: Any, path: str = "") -> list[tuple[str, str]]:
    """(path, reason) for every property that is not a schema.org property of its type as
    used here, and for nodes without a known @type."""
    errors: list[tuple[str, str]] = []
    if isinstance(node, list):
        for i, item in enumerate(node):
            errors.extend(schema_errors(item, f"{path}[{i}]"))
        return errors
    if not isinstance(node, dict):
        return errors
    kind = node.get("@type")
    allowed = SCHEMA_ORG_PROPERTIES.get(kind) if isinstance(kind, str) else None
    if allowed is None:
        return [(path or "@type", f"onbekend of ontbrekend @type: {kind!r}")]
    for key, value in node.items():
        if key in ("@type", "@context", "@id"):
            continue
        if key not in allowed:
            errors.append((f"{path}.{key}".lstrip("."), f"geen eigenschap van {kind}"))
        elif isinstance(value, dict | list):
            errors.extend(schema_errors(value, f"{path}.{key}".lstrip(".")))
    return errors


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _date(value: Any) -> str | None:
    return str(value)[:10] if value else None


def _obj(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _cents(value: Any) -> int | str | None:
    """Euros as whole cents; anything that is not a finite number is passed on as text so
    that validation reports it against the field."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | str | float):
        return str(value)[:40]
    text = str(value).strip()
    if len(text) > 40:  # "1e999997" and its kind: no amount is that long
        return text[:40]
    try:
        cents = Decimal(text) * 100
    except (ArithmeticError, ValueError):
        return text
    if not cents.is_finite() or cents != cents.to_integral_value() or abs(cents) > MAX_CENTS:
        return text  # fractions of a cent or absurd amounts: validation names the field
    return int(cents)


def jobposting_to_fields(doc: dict[str, Any]) -> dict[str, Any]:
    """A JobPosting as the fields of a vacancy import row (API names), for validation by
    the same schema as every other import. Raises ValueError for a wrong document shape."""
    if doc.get("@type") != "JobPosting":
        raise ValueError("@type moet JobPosting zijn")
    org = _obj(doc.get("hiringOrganization"))
    address = _obj(_obj((_as_list(doc.get("jobLocation")) or [{}])[0]).get("address"))
    ident = _obj(doc.get("identifier"))
    org_id = _obj(org.get("identifier"))
    kinds = [
        e
        for e in _as_list(doc.get("employmentType"))
        if isinstance(e, str) and e in GOOGLE_EMPLOYMENT
    ]
    salary = _obj(_obj(doc.get("baseSalary")).get("value"))
    unit = salary.get("unitText")
    units = {v: k for k, v in UNIT.items()}
    hours = _HOURS.match(str(doc.get("workHours") or ""))
    categories = [str(c) for c in _as_list(doc.get("occupationalCategory"))]
    skills = [s for s in _as_list(doc.get("skills")) if isinstance(s, dict)]
    fields: dict[str, Any] = {
        "externalId": str(ident["value"]) if ident.get("value") else None,
        "employerName": org.get("name"),
        "employerKvk": org_id.get("value"),
        "title": doc.get("title"),
        "description": doc.get("description"),
        "municipality": address.get("addressLocality"),
        "startDate": _date(doc.get("jobStartDate")),
        "closingDate": _date(doc.get("validThrough")),
        "contractForm": kinds[0] if kinds else None,
        "salaryMinCents": _cents(salary.get("minValue")),
        "salaryMaxCents": _cents(salary.get("maxValue")),
        "salaryPeriod": units.get(unit, "month") if isinstance(unit, str) else "month",
        "hoursMin": int(hours.group(1)) if hours and hours.group(1) else None,
        "hoursMax": int(hours.group(2)) if hours and hours.group(2) else None,
        "occupationUri": next((c for c in categories if c.startswith(ESCO_PREFIX)), None),
        "competentnlUri": next((c for c in categories if not c.startswith(ESCO_PREFIX)), None),
        "essentialSkills": [
            s.get("termCode") for s in skills if s.get("additionalType", "essential") == "essential"
        ],
        "optionalSkills": [
            s.get("termCode") for s in skills if s.get("additionalType") == "optional"
        ],
        "requirements": [
            {
                "kind": q.get("credentialCategory"),
                "value": q.get("name"),
                "level": q.get("educationalLevel"),
            }
            for q in _as_list(doc.get("qualifications"))
            if isinstance(q, dict)
        ],
    }
    return {k: v for k, v in fields.items() if v not in (None, [])}


def documents_in(payload: Any) -> list[dict[str, Any]]:
    """JobPostings in a payload: one document, a list, or an @graph."""
    if isinstance(payload, dict) and "@graph" in payload:
        payload = payload["@graph"]
    items = payload if isinstance(payload, list) else [payload]
    if not all(isinstance(i, dict) for i in items):
        raise ValueError("verwacht JobPosting-objecten")
    return items


def graph(docs: list[dict[str, Any]]) -> dict[str, Any]:
    return {"@context": CONTEXT, "@graph": docs}
