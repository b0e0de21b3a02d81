"""Opening an occupation shows its skills; a skill shows its hierarchy and occupations."""

from __future__ import annotations

from typing import Any

HEFTRUCK_ID = "eeac6251-1974-42f5-91ed-513c6c883755"


def test_occupation_lists_essential_skills_in_dutch_where_known(client: Any) -> None:
    body = client.get(f"/api/v1/occupations/{HEFTRUCK_ID}").json()
    assert body["label"] == "heftruckchauffeur"
    assert body["essentialSkills"], "a forklift driver has essential skills"
    assert any(s["labelLang"] == "nl" for s in body["essentialSkills"])
    assert all(s["label"] for s in body["essentialSkills"])
    assert body["iscoGroup"]["code"] == "8344"


def test_occupation_page_shows_dutch_skill_labels(client: Any) -> None:
    api = client.get(f"/api/v1/occupations/{HEFTRUCK_ID}").json()
    dutch = [s["label"] for s in api["essentialSkills"] if s["labelLang"] == "nl"]
    page = client.get(f"/beroepen/{HEFTRUCK_ID}")
    assert page.status_code == 200
    assert "Essentiële vaardigheden" in page.text
    assert dutch[0] in page.text


def test_skill_shows_broader_concepts_and_occupations_that_need_it(client: Any) -> None:
    occupation = client.get(f"/api/v1/occupations/{HEFTRUCK_ID}").json()
    skill_id = occupation["essentialSkills"][0]["id"]
    skill = client.get(f"/api/v1/skills/{skill_id}").json()
    assert skill["occupationsTotal"] >= 1
    assert HEFTRUCK_ID in [o["id"] for o in skill["occupations"]] or skill["occupationsTotal"] > 200
    assert skill["broader"], "every ESCO skill sits somewhere in the skills pillar"
    page = client.get(f"/vaardigheden/{skill_id}")
    assert page.status_code == 200 and "Beroepen die deze vaardigheid vragen" in page.text


def test_unknown_occupation_is_a_404_problem(client: Any) -> None:
    response = client.get("/api/v1/occupations/does-not-exist")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")


def test_taxonomy_version_names_the_esco_release(client: Any) -> None:
    body = client.get("/api/v1/taxonomy-version").json()
    assert body["escoVersion"] == "1.2.0"
    assert body["languages"] == ["en", "nl"]
    assert body["occupations"] == 3039
