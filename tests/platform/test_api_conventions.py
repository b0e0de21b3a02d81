"""NL API Design Rules: problem+json, 400 for invalid input, no trailing slashes, headers."""

from __future__ import annotations

from typing import Any


def test_invalid_query_parameter_is_a_400_problem_naming_every_field(client: Any) -> None:
    response = client.get("/api/v1/occupations", params={"q": "x", "pageSize": 0, "page": -1})
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == 400 and body["title"]
    assert {e["name"] for e in body["invalidParams"]} == {"q", "pageSize", "page"}


def test_trailing_slash_is_404_not_a_redirect(client: Any) -> None:
    response = client.get("/api/v1/occupations/", follow_redirects=False)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")


def test_unknown_api_path_is_a_problem(client: Any) -> None:
    response = client.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response.json()["detail"]


def test_api_responses_carry_version_and_security_headers(client: Any) -> None:
    response = client.get("/api/v1/health")
    assert response.status_code == 200
    assert response.headers["api-version"]
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert "script-src 'self'" in response.headers["content-security-policy"]


def test_openapi_document_is_published_under_the_api(client: Any) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    assert "/api/v1/occupations" in spec["paths"]
    assert not any(path.endswith("/") for path in spec["paths"])


def test_json_fields_are_lower_camel_case(client: Any) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    for name, schema in spec["components"]["schemas"].items():
        for field in schema.get("properties", {}):
            assert "_" not in field, f"{name}.{field} is not lowerCamelCase"


def test_pages_are_dutch_and_never_cached(client: Any) -> None:
    response = client.get("/beroepen")
    assert response.status_code == 200
    assert '<html lang="nl">' in response.text
    assert 'href="#inhoud"' in response.text  # skip link
    assert response.headers["cache-control"] == "no-store"


def test_static_assets_are_served_locally(client: Any) -> None:
    assert client.get("/static/vendor/htmx-2.0.11.min.js").status_code == 200
    assert client.get("/static/ontschot.css").status_code == 200


def test_path_and_query_parameters_are_lower_camel_case(client: Any) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    for path, operations in spec["paths"].items():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                assert "_" not in parameter["name"], f"{path}: {parameter['name']}"
