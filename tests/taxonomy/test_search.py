"""Searching occupations and skills by text, Dutch or English, accent- and case-free."""

from __future__ import annotations

from typing import Any

import pytest

HEFTRUCKCHAUFFEUR = "http://data.europa.eu/esco/occupation/eeac6251-1974-42f5-91ed-513c6c883755"


def _uris(response: Any) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["uri"] for item in response.json()["items"]]


def test_heftruck_finds_heftruckchauffeur_among_first_results(client: Any) -> None:
    response = client.get("/api/v1/occupations", params={"q": "heftruck"})
    assert HEFTRUCKCHAUFFEUR in _uris(response)[:5]


@pytest.mark.parametrize("query", ["HEFTRUCKCHAUFFEUR", "heftruckchauffeur", "Heftruck chauffeur"])
def test_search_ignores_case(client: Any, query: str) -> None:
    assert HEFTRUCKCHAUFFEUR in _uris(client.get("/api/v1/occupations", params={"q": query}))[:3]


def test_search_ignores_accents(client: Any) -> None:
    # ESCO spells "inspiciënt"; a coach types it without the diaeresis.
    body = client.get("/api/v1/occupations", params={"q": "inspicient"}).json()
    assert any(item["label"] == "inspiciënt" for item in body["items"])


def test_english_words_find_occupations_too(client: Any) -> None:
    body = client.get("/api/v1/occupations", params={"q": "forklift operator"}).json()
    assert HEFTRUCKCHAUFFEUR in [item["uri"] for item in body["items"]][:3]
    first = body["items"][0]
    assert set(first) >= {"uri", "id", "label", "labelLang", "matchedLabel", "matchedLang", "score"}


def test_skill_search_marks_labels_that_exist_only_in_english(client: Any) -> None:
    body = client.get("/api/v1/skills", params={"q": "forklift"}).json()
    assert body["total"] > 0
    assert {item["labelLang"] for item in body["items"]} <= {"nl", "en"}


def test_results_are_paginated_with_a_total(client: Any) -> None:
    first = client.get("/api/v1/skills", params={"q": "manage", "pageSize": 5}).json()
    second = client.get("/api/v1/skills", params={"q": "manage", "pageSize": 5, "page": 2}).json()
    assert first["total"] > 10 and len(first["items"]) == 5
    assert not {i["uri"] for i in first["items"]} & {i["uri"] for i in second["items"]}


def test_unknown_words_give_an_empty_page(client: Any) -> None:
    body = client.get("/api/v1/occupations", params={"q": "qqxqzzv"}).json()
    assert body == {"items": [], "total": 0, "page": 1, "pageSize": 20}
