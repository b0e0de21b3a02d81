"""The Dutch registration form: form fields -> API shape, and errors back to form fields."""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError
from starlette.datastructures import FormData

from ontschot.errors import DomainError
from ontschot.messages import dutch_message
from ontschot.web.problems import form_messages

CANDIDATE_FORM_FIELDS = (
    "first_name",
    "last_name",
    "email",
    "phone",
    "birth_date",
    "bsn",
    "municipality",
    "postcode",
    "benefit",
    "status",
    "available_from",
    "hours_min",
    "hours_max",
    "max_travel_km",
    "max_travel_minutes",
    "language",
    "language_level",
    "education_level",
    "education_status",
    "education_field",
    "work_job_title",
    "work_employer",
    "work_occupation_uri",
    "work_start",
    "work_end",
    "notes",
)
SIMPLE_FIELDS = {
    "first_name": "firstName",
    "last_name": "lastName",
    "email": "email",
    "phone": "phone",
    "birth_date": "birthDate",
    "bsn": "bsn",
    "municipality": "municipality",
    "postcode": "postcode",
    "benefit": "benefit",
    "status": "status",
    "available_from": "availableFrom",
    "hours_min": "hoursMin",
    "hours_max": "hoursMax",
    "max_travel_km": "maxTravelKm",
    "max_travel_minutes": "maxTravelMinutes",
    "notes": "notes",
}
_NESTED = {
    "languages": "language",
    "educations": "education_level",
    "skills": "skill_uri",
    "drivingLicences": "driving_licences",
    "contractForms": "contract_forms",
    "transport": "transport",
    "wishes": "wish_sectors",
}
_WORK = {
    "jobTitle": "work_job_title",
    "employerName": "work_employer",
    "occupationUri": "work_occupation_uri",
    "startDate": "work_start",
    "endDate": "work_end",
}


_DATE_FIELDS = ("birth_date", "available_from", "work_start", "work_end")
_DUTCH_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")


def iso_date(value: str) -> str:
    """A date typed the Dutch way (14-03-1988) as ISO text; anything else is left for the
    schema to accept (the date picker sends ISO) or to refuse with a Dutch message."""
    found = _DUTCH_DATE.match(value)
    if not found:
        return value
    day, month, year = found.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"


def text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def many(form: FormData, name: str) -> list[str]:
    return [v.strip() for v in form.getlist(name) if isinstance(v, str) and v.strip()][:300]


def form_values(form: FormData) -> dict[str, Any]:
    values: dict[str, Any] = {name: text(form, name) for name in CANDIDATE_FORM_FIELDS}
    values["driving_licences"] = many(form, "driving_licences")
    values["skill_uri"] = many(form, "skill_uri")
    return values


def candidate_body(values: dict[str, Any]) -> dict[str, Any]:
    """The API body for the form's values; empty fields are left out."""
    values = values | {name: iso_date(values[name]) for name in _DATE_FIELDS}
    body: dict[str, Any] = {
        api: values[name] for name, api in SIMPLE_FIELDS.items() if values[name]
    }
    body["drivingLicences"] = values["driving_licences"]
    if values["language"]:
        level = values["language_level"] or "onbekend"
        body["languages"] = [{"language": values["language"], "spoken": level, "written": level}]
    if values["education_level"]:
        body["educations"] = [
            {
                "level": values["education_level"],
                "status": values["education_status"] or "afgerond",
                "field": values["education_field"] or None,
            }
        ]
    work = {api: values[name] for api, name in _WORK.items() if values[name]}
    if work:
        body["workHistory"] = [work]
    body["skills"] = [{"skillUri": uri, "source": "self_declared"} for uri in values["skill_uri"]]
    return body


def form_errors(exc: ValidationError) -> dict[str, str]:
    """Form field -> first message, in Dutch where we wrote it."""
    errors: dict[str, str] = {}
    reverse = {api: name for name, api in SIMPLE_FIELDS.items()}
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ())]
        if not loc:
            field = "hours_max" if "uren" in err["msg"] else "algemeen"
        elif loc[0] == "workHistory":
            field = _WORK.get(loc[2], "work_job_title") if len(loc) > 2 else "work_job_title"
        else:
            field = reverse.get(loc[0]) or _NESTED.get(loc[0], "algemeen")
        errors.setdefault(field, dutch_message(str(err.get("msg", "ongeldig"))))
    return errors


def problem_errors(exc: DomainError) -> dict[str, str]:
    """Form field -> message for a refusal from the registry service."""
    return form_messages(exc)
