"""Errors never show a stack trace or SQL, on the API or on pages."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import APIRouter
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.orm import Session

from ontschot.deps import DbSession


@pytest.fixture
def crashing_client(app: Any) -> Any:
    router = APIRouter()

    def broken_query(db: DbSession) -> None:
        db.execute(text("SELECT secret_column FROM no_such_table_xyz"))

    router.add_api_route("/api/v1/crash", broken_query, methods=["GET"])
    router.add_api_route("/kapot", broken_query, methods=["GET"])
    app.include_router(router)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


@pytest.mark.parametrize("path", ["/api/v1/crash", "/kapot"])
def test_database_error_is_a_plain_500_without_sql_or_trace(
    crashing_client: Any, db: Session, path: str
) -> None:
    response = crashing_client.get(path)
    assert response.status_code == 500
    for leak in ("no_such_table_xyz", "secret_column", "SELECT", "Traceback", "sqlalchemy"):
        assert leak not in response.text


def test_api_401_is_a_problem_document(client: Any) -> None:
    response = client.get("/api/v1/users")
    assert response.status_code == 401
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.headers["www-authenticate"].startswith("Bearer")
