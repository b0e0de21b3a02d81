"""Helpers for extraction tests: look concepts up by their English ESCO label."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot.taxonomy.models import Occupation, Skill


@pytest.fixture
def occupation_uri(db: Session) -> Callable[[str], str]:
    def find(label_en: str) -> str:
        uri = db.scalar(select(Occupation.uri).where(Occupation.label_en == label_en))
        assert uri, f"no ESCO occupation {label_en!r}"
        return str(uri)

    return find


@pytest.fixture
def skill_uri(db: Session) -> Callable[[str], str]:
    def find(label_en: str) -> str:
        uri = db.scalar(select(Skill.uri).where(Skill.label_en == label_en))
        assert uri, f"no ESCO skill {label_en!r}"
        return str(uri)

    return find
