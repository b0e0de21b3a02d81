"""The server prepares the match index the pages use and the text analysis at start; a page
asked for meanwhile answers at once that it is being prepared (defect: the first
suggestions page took ~10 s and the warm-up filled a cache no page read)."""

from __future__ import annotations

from typing import Any

from ontschot.access.roles import Role
from ontschot.app import warm_up_in_background
from tests.factories import login_as, make_candidate, make_user


def test_warm_up_fills_the_index_the_pages_use(app: Any, db) -> None:
    make_candidate(db, make_user(db, Role.COACH))
    for thread in warm_up_in_background(app):
        thread.join(timeout=120)
    assert app.state.match_cache.index is not None
    assert app.state.warming == set()


def test_suggestions_page_says_it_is_being_prepared_while_the_index_is_built(
    app: Any, client: Any, db
) -> None:
    coach = make_user(db, Role.COACH)
    candidate = make_candidate(db, coach)
    login_as(client, db, coach)
    from ontschot.matching.registry import MatchCache

    app.state.match_cache = MatchCache()
    app.state.warming = {"match index"}
    page = client.get(f"/werkzoekenden/{candidate.id}/vacaturesuggesties")
    assert page.status_code == 200 and "De suggesties worden voorbereid" in page.text
    assert 'hx-trigger="every 2s"' in page.text
    app.state.warming = set()
    page = client.get(f"/werkzoekenden/{candidate.id}/vacaturesuggesties")
    assert "De suggesties worden voorbereid" not in page.text


def test_text_analysis_keeps_the_text_while_it_is_being_prepared(app: Any, client: Any, db):
    coach = make_user(db, Role.COACH)
    csrf = login_as(client, db, coach)["X-CSRF-Token"]
    app.state.warming = {"text analysis"}
    page = client.post("/tekstanalyse", data={"text": "Ervaren lasser", "csrf_token": csrf})
    assert page.status_code == 503
    assert "nog voorbereid" in page.text and "Ervaren lasser" in page.text


def test_the_factory_for_several_processes_starts_the_warm_up(
    monkeypatch: Any, tmp_path: Any
) -> None:
    from ontschot.app import create_warm_app

    monkeypatch.setenv("ONTSCHOT_DATABASE_URL", f"sqlite:///{tmp_path / 'warm.db'}")
    monkeypatch.setenv("ONTSCHOT_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("ONTSCHOT_ENVIRONMENT", "test")
    app = create_warm_app()
    assert app.state.warming <= {"match index", "text analysis"}
    assert hasattr(app.state, "match_cache")
