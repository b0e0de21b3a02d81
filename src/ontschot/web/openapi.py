"""The OpenAPI document says what the API really answers (issue 11, defect 11).

FastAPI documents 422 for every operation with input and nothing else; this API answers
400 for invalid input (NL API Design Rules), and every error as problem+json. The statuses
below follow from the route itself, so they stay true when a route is added:

- 400 when the operation takes any input (parameters or body);
- 401 and 429 on every operation: a bearer token is checked (and its use rate-limited)
  even where no login is needed; 403 unless every action the route declares is public;
- 404 on every operation: ids that do not exist, or that the caller may not see (hidden
  people answer 404, never 403), and filters that name such ids;
- 409 on every write, 412 when the operation takes `If-Match`;
- 413 and 415 when the operation takes a body;

Routes that answer another media type than JSON (CSV, JSON-LD) declare it on the route.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from ontschot.access.deps import route_actions
from ontschot.access.roles import PUBLIC_ACTIONS
from ontschot.web.problems import PROBLEM_JSON, TITLES

PROBLEM_SCHEMA: dict[str, Any] = {
    "title": "Problem",
    "type": "object",
    "description": "RFC 9457 problem details; `invalidParams` lists every invalid field.",
    "required": ["type", "title", "status"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "invalidParams": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "in", "reason"],
                "properties": {
                    "name": {"type": "string"},
                    "in": {"type": "string"},
                    "reason": {"type": "string"},
                },
            },
        },
    },
}

EXTRA_TITLES = {412: "Gewijzigd door een ander", 503: "Tijdelijk niet beschikbaar"}
WRITE_METHODS = frozenset({"post", "put", "patch", "delete"})


def _problem(status: int) -> dict[str, Any]:
    return {
        "description": TITLES.get(status) or EXTRA_TITLES.get(status, "Fout"),
        "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }


def error_statuses(method: str, operation: dict[str, Any], actions: Iterable[str]) -> list[int]:
    """The error statuses an operation can answer (see the module's docstring)."""
    params = operation.get("parameters", [])
    has_body = "requestBody" in operation
    public = all(action in PUBLIC_ACTIONS for action in actions)  # health declares none
    statuses = {401, 404, 429}
    if params or has_body:
        statuses.add(400)
    if not public:
        statuses.add(403)
    if method in WRITE_METHODS:
        statuses.add(409)
    if any(p.get("in") == "header" and p.get("name", "").lower() == "if-match" for p in params):
        statuses.add(412)
    if has_body:
        statuses |= {413, 415}
    return sorted(statuses)


def describe(app: FastAPI) -> dict[str, Any]:
    """The API's OpenAPI document with its real statuses and problem responses."""
    schema = get_openapi(
        title=app.title,
        version=app.version,
        description=app.description,
        routes=app.routes,
    )
    actions_of = {(path, method.lower()): acts for method, path, acts in route_actions(app)}
    schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    for schemas in ("ValidationError", "HTTPValidationError"):
        schema["components"]["schemas"].pop(schemas, None)
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            responses.pop("422", None)
            for status, response in responses.items():
                if status[0] in "45":  # declared on the route (e.g. 503): problem+json too
                    response["content"] = _problem(int(status))["content"]
            for status in error_statuses(method, operation, actions_of.get((path, method), [])):
                responses.setdefault(str(status), _problem(status))
    return schema


def install_openapi(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = describe(app)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
