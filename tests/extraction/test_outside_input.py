"""Whatever text arrives, extraction answers or refuses clearly; it never crashes."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from ontschot.access.actor import Actor
from ontschot.access.roles import Role
from ontschot.errors import Forbidden, Invalid
from ontschot.extraction import service

CLI = Actor.cli()


def test_empty_text_gives_empty_results(db: Session) -> None:
    assert service.suggest_occupations(db, actor=CLI, text="   \n").items == []
    assert service.extract_skills(db, actor=CLI, text="").skills == []


def test_a_megabyte_of_text_is_refused_with_a_clear_problem(db: Session) -> None:
    with pytest.raises(Invalid) as raised:
        service.extract_skills(db, actor=CLI, text="heftruck " * 120_000)

    assert "te lang" in raised.value.detail


def test_binary_garbage_gives_a_result_not_a_crash(db: Session) -> None:
    garbage = bytes(range(256)).decode("latin-1") * 20

    result = service.extract_skills(db, actor=CLI, text=garbage, lang="nl")

    assert all(0 <= a < b <= len(garbage) for s in result.skills for a, b in s.spans)


def test_text_in_an_unsupported_language_is_refused_when_detecting(db: Session) -> None:
    german = "Wir suchen einen Koch mit Erfahrung. Sie arbeiten mit uns und für unsere Gäste."

    with pytest.raises(Invalid) as raised:
        service.extract_skills(db, actor=CLI, text=german, lang="auto")

    assert "Nederlands of Engels" in raised.value.detail


def test_a_role_without_the_permission_is_refused(db: Session) -> None:
    outsider = Actor(
        role=Role.COACH,
        user_id=None,
        organisation_id=None,
        display_name="x",
        token_actions=frozenset({"candidate.read"}),
    )

    with pytest.raises(Forbidden):
        service.suggest_occupations(db, actor=outsider, text="kok")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=600), lang=st.sampled_from(["nl", "en", "auto"]))
def test_arbitrary_text_never_crashes_and_spans_point_into_it(
    db: Session, text: str, lang: str
) -> None:
    try:
        result = service.extract_skills(db, actor=CLI, text=text, lang=lang, semantic=False)
        titles = service.suggest_occupations(db, actor=CLI, text=text, lang=lang, semantic=False)
    except Invalid as exc:
        assert exc.detail
        return
    for skill in result.skills:
        assert skill.spans
        assert all(0 <= a < b <= len(text) for a, b in skill.spans)
    assert all(0.0 <= s.score <= 1.0 for s in titles.items)
