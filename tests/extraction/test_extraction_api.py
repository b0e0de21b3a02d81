"""The extraction API: request and response shapes, errors as problem+json."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from ontschot.access.roles import Role
from tests.factories import api_token_headers, make_user

SUGGEST = "/api/v1/occupation-suggestions"
EXTRACT = "/api/v1/skill-extractions"


def _headers(db: Session, role: Role = Role.COACH) -> dict[str, str]:
    return api_token_headers(db, make_user(db, role=role), ["extraction.use"])


def test_occupation_suggestions_answer_in_camel_case_best_first(
    client: Any, db: Session, occupation_uri: Callable[[str], str]
) -> None:
    response = client.post(
        SUGGEST, json={"text": "heftruckchauffeur", "lang": "nl", "top": 3}, headers=_headers(db)
    )

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["language"] == "nl"
    assert len(body["suggestions"]) == 3
    assert body["suggestions"][0] == {
        "uri": occupation_uri("forklift operator"),
        "label": "heftruckchauffeur",
        "score": 1.0,
    }


def test_skill_extractions_return_spans_hints_and_the_occupation(
    client: Any, db: Session, skill_uri: Callable[[str], str]
) -> None:
    text = "Magazijnmedewerker\nJe kunt zware gewichten tillen. Een heftruckcertificaat is vereist."

    response = client.post(
        EXTRACT,
        json={"text": text, "lang": "nl", "top": 10, "threshold": 0.4},
        headers=_headers(db),
    )

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["occupation"]["label"] == "magazijnmedewerker"
    lift = next(s for s in body["skills"] if s["uri"] == skill_uri("lift heavy weights"))
    assert [text[a:b] for a, b in lift["spans"]] == ["zware", "gewichten", "tillen"]
    assert set(lift) == {"uri", "label", "score", "spans", "requirement"}
    assert all(s["score"] >= 0.4 for s in body["skills"])


def test_too_long_text_and_unknown_fields_are_400_problems(client: Any, db: Session) -> None:
    headers = _headers(db)

    long = client.post(EXTRACT, json={"text": "a" * 25_001}, headers=headers)
    extra = client.post(SUGGEST, json={"text": "kok", "topK": 3}, headers=headers)
    bad_lang = client.post(SUGGEST, json={"text": "kok", "lang": "de"}, headers=headers)

    for response in (long, extra, bad_lang):
        assert response.status_code == 400
        assert response.headers["content-type"].startswith("application/problem+json")
    assert {e["name"] for e in long.json()["invalidParams"]} == {"text"}


def test_unsupported_language_is_a_400_problem_naming_the_text(client: Any, db: Session) -> None:
    german = "Wir suchen einen Koch mit Erfahrung. Sie arbeiten mit uns und für unsere Gäste."

    response = client.post(EXTRACT, json={"text": german}, headers=_headers(db))

    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "text"


def test_without_login_the_api_answers_401_and_trailing_slash_404(client: Any) -> None:
    assert client.post(SUGGEST, json={"text": "kok"}).status_code == 401
    assert client.post(SUGGEST + "/", json={"text": "kok"}).status_code == 404
