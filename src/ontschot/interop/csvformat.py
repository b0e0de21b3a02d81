"""The CSV column layouts for import and export (documented in docs/import-formats.md).

Lists inside a cell are separated by `;`. Requirements are `kind:value[:level]`, languages
`code:spoken:written`. Dates are YYYY-MM-DD, money is in whole cents, hours per week.
Each function turns a CSV row into the API field names, so the import validates rows with
the same schemas as the API.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from ontschot import errors
from ontschot.csvsafe import unescape_cell
from ontschot.employers.models import Vacancy

VACANCY_COLUMNS = (
    "external_id",
    "employer_name",
    "employer_kvk",
    "title",
    "occupation_uri",
    "essential_skill_uris",
    "optional_skill_uris",
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
    "status",
    "description",
)
VACANCY_REQUIRED = frozenset({"external_id", "employer_name", "title", "municipality"})

CANDIDATE_COLUMNS = (
    "external_id",
    "first_name",
    "last_name",
    "bsn",
    "birth_date",
    "email",
    "phone",
    "municipality",
    "postcode",
    "benefit",
    "status",
    "legal_basis",
    "available_from",
    "hours_min",
    "hours_max",
    "contract_forms",
    "max_travel_km",
    "max_travel_minutes",
    "transport",
    "driving_licences",
    "languages",
    "education_level",
    "education_status",
    "education_field",
    "last_job_title",
    "last_employer",
    "last_occupation_uri",
    "skill_uris",
    "wish_occupation_uris",
    "notes",
)
CANDIDATE_REQUIRED = frozenset({"external_id", "first_name", "last_name", "municipality"})

# CSV column -> API field name, where they differ from plain camelCase
_VACANCY_FIELD = {
    "essential_skill_uris": "essentialSkills",
    "optional_skill_uris": "optionalSkills",
    "employer_kvk": "employerKvk",
}


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p.capitalize() for p in rest)


def split_list(cell: str) -> list[str]:
    return [p.strip() for p in cell.split(";") if p.strip()]


def vacancy_row_fields(row: dict[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for column, raw in row.items():
        cell = (raw or "").strip()
        if not cell:
            continue
        if column in ("essential_skill_uris", "optional_skill_uris"):
            out[_VACANCY_FIELD[column]] = split_list(cell)
        elif column == "requirements":
            out["requirements"] = [_requirement(p) for p in split_list(cell)]
        else:
            out[_VACANCY_FIELD.get(column, camel(column))] = cell
    return out


def _requirement(part: str) -> dict[str, str | None]:
    kind, _, rest = part.partition(":")
    value, _, level = rest.partition(":")
    return {"kind": kind.strip(), "value": value.strip(), "level": level.strip() or None}


def field_to_column(field: str, columns: tuple[str, ...]) -> str:
    """The CSV column that holds an API field (for error reports)."""
    top = field.split(".", 1)[0]
    for column in columns:
        if camel(column) == top or _VACANCY_FIELD.get(column) == top:
            return column
    mapping = {
        "languages": "languages",
        "educations": "education_level",
        "workHistory": "last_job_title",
        "skills": "skill_uris",
        "wishes": "wish_occupation_uris",
    }
    return mapping.get(top, top or "rij")


def candidate_row_fields(row: dict[str, str]) -> dict[str, Any]:
    cell = {k: (v or "").strip() for k, v in row.items()}
    out: dict[str, Any] = {}
    simple = (
        "external_id",
        "first_name",
        "last_name",
        "bsn",
        "birth_date",
        "email",
        "phone",
        "municipality",
        "postcode",
        "benefit",
        "status",
        "legal_basis",
        "available_from",
        "hours_min",
        "hours_max",
        "max_travel_km",
        "max_travel_minutes",
        "notes",
    )
    for column in simple:
        if cell.get(column):
            out[camel(column)] = cell[column]
    for column in ("contract_forms", "transport", "driving_licences"):
        if cell.get(column):
            out[camel(column)] = split_list(cell[column])
    if cell.get("languages"):
        out["languages"] = []
        for part in split_list(cell["languages"]):
            code, _, levels = part.partition(":")
            spoken, _, written = levels.partition(":")
            item = {"language": code}
            if spoken:
                item["spoken"] = spoken
            if written:
                item["written"] = written
            out["languages"].append(item)
    if cell.get("education_level"):
        out["educations"] = [
            {
                "level": cell["education_level"],
                "status": cell.get("education_status") or "afgerond",
                "field": cell.get("education_field") or None,
            }
        ]
    if cell.get("last_job_title") or cell.get("last_occupation_uri"):
        out["workHistory"] = [
            {
                "jobTitle": cell.get("last_job_title") or None,
                "employerName": cell.get("last_employer") or None,
                "occupationUri": cell.get("last_occupation_uri") or None,
            }
        ]
    if cell.get("skill_uris"):
        out["skills"] = [
            {"skillUri": u, "source": "self_declared"} for u in split_list(cell["skill_uris"])
        ]
    if cell.get("wish_occupation_uris"):
        out["wishes"] = [{"occupationUri": u} for u in split_list(cell["wish_occupation_uris"])]
    return out


def vacancy_csv_row(vacancy: Vacancy) -> dict[str, str]:
    """A vacancy in the import layout, so an export can be imported elsewhere."""

    def text(value: object) -> str:
        return "" if value is None else str(value)

    return {
        "external_id": vacancy.external_id or f"ontschot-{vacancy.id}",
        "employer_name": vacancy.employer.name,
        "employer_kvk": text(vacancy.employer.kvk_number),
        "title": vacancy.title,
        "occupation_uri": text(vacancy.occupation_uri),
        "essential_skill_uris": ";".join(
            s.skill_uri for s in vacancy.skills if s.relation == "essential"
        ),
        "optional_skill_uris": ";".join(
            s.skill_uri for s in vacancy.skills if s.relation == "optional"
        ),
        "requirements": ";".join(
            f"{r.kind}:{r.value}" + (f":{r.level}" if r.level else "") for r in vacancy.requirements
        ),
        "hours_min": text(vacancy.hours_min),
        "hours_max": text(vacancy.hours_max),
        "contract_form": text(vacancy.contract_form),
        "salary_min_cents": text(vacancy.salary_min_cents),
        "salary_max_cents": text(vacancy.salary_max_cents),
        "salary_period": vacancy.salary_period,
        "municipality": vacancy.municipality,
        "start_date": text(vacancy.start_date),
        "closing_date": text(vacancy.closing_date),
        "status": vacancy.status,
        "description": text(vacancy.description),
    }


def csv_rows(
    text: str, columns: tuple[str, ...], required: frozenset[str]
) -> list[tuple[int, dict[str, str]]]:
    """(physical line where the record starts, row) for every record; a file that is not
    CSV at all is refused with a 400 naming the line."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    try:
        return _read_rows(reader, columns, required)
    except csv.Error as exc:
        raise errors.Invalid(
            f"Het bestand is geen geldige CSV (regel {reader.line_num}): {exc}",
            fields={f"regel {reader.line_num}": str(exc)},
        ) from None


def _read_rows(
    reader: csv.DictReader[str], columns: tuple[str, ...], required: frozenset[str]
) -> list[tuple[int, dict[str, str]]]:
    header = [h.strip() for h in (reader.fieldnames or [])]
    unknown = [h for h in header if h not in columns]
    missing = sorted(required - set(header))
    if unknown or missing:
        reasons = [f"onbekende kolom {h}" for h in unknown]
        reasons += [f"verplichte kolom {m} ontbreekt" for m in missing]
        raise errors.Invalid(
            "De kopregel van het bestand klopt niet: " + "; ".join(reasons),
            fields={"regel 1": "; ".join(reasons)},
        )
    reader.fieldnames = header
    rows: list[tuple[int, dict[str, str]]] = []
    line = reader.line_num + 1
    for row in reader:
        if None in row:
            rows.append((line, {"__extra__": "te veel kolommen"}))
        else:
            rows.append((line, {k: unescape_cell(v or "") for k, v in row.items()}))
        line = reader.line_num + 1
    return rows
