"""Importing an official ESCO CSV download: all or nothing, idempotent, per language."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ontschot.taxonomy.importer import TaxonomyImportError, read_esco_folder
from ontschot.taxonomy.loader import import_folder
from ontschot.taxonomy.models import Occupation, OccupationSkill, TaxonomyVersion
from tests.taxonomy.esco_files import (
    OCC,
    OCCUPATIONS_EN,
    OCCUPATIONS_NL,
    RELATIONS,
    SKILLS_EN,
    SKILLS_NL,
    valid_english,
    write_folder,
)


def _snapshot(db: Session) -> tuple[int, int, int]:
    return (
        db.scalar(select(func.count()).select_from(Occupation)) or 0,
        db.scalar(select(func.count()).select_from(OccupationSkill)) or 0,
        db.scalar(select(func.count()).select_from(TaxonomyVersion)) or 0,
    )


def test_missing_column_is_refused_with_file_and_line_and_nothing_changes(
    db: Session, tmp_path: Path
) -> None:
    before = _snapshot(db)
    folder = write_folder(
        tmp_path / "esco",
        {
            "occupations_en.csv": OCCUPATIONS_EN.replace("preferredLabel", "prefLabel"),
            "skills_en.csv": SKILLS_EN,
            "occupationSkillRelations_en.csv": RELATIONS,
        },
    )
    with pytest.raises(TaxonomyImportError) as caught:
        import_folder(db, folder)
    problem = caught.value.problems[0]
    assert (problem.file, problem.line) == ("occupations_en.csv", 1)
    assert "preferredLabel" in problem.reason
    assert _snapshot(db) == before


def test_broken_row_is_reported_by_physical_line_after_multiline_cells(
    db: Session, tmp_path: Path
) -> None:
    before = _snapshot(db)
    broken = RELATIONS + f"{OCC}t-1,maybe,skill/competence,http://data.europa.eu/esco/skill/s-2\n"
    folder = write_folder(
        tmp_path / "esco",
        {
            "occupations_en.csv": OCCUPATIONS_EN + f'Occupation,{OCC}t-3,1111,,,"x\ny"\n',
            "skills_en.csv": SKILLS_EN,
            "occupationSkillRelations_en.csv": broken,
        },
    )
    with pytest.raises(TaxonomyImportError) as caught:
        import_folder(db, folder)
    found = {(p.file, p.line) for p in caught.value.problems}
    # The forklift operator's altLabels span two physical lines, so t-3 starts on line 5.
    assert ("occupations_en.csv", 5) in found
    assert ("occupationSkillRelations_en.csv", 5) in found
    assert "essential or optional" in str(caught.value)
    assert _snapshot(db) == before


def test_relation_to_an_unknown_skill_is_refused(db: Session, tmp_path: Path) -> None:
    folder = valid_english(tmp_path / "esco")
    (folder / "occupationSkillRelations_en.csv").write_text(
        RELATIONS + f"{OCC}t-2,optional,skill/competence,http://data.europa.eu/esco/skill/nope\n"
    )
    with pytest.raises(TaxonomyImportError, match="unknown skill"):
        read_esco_folder(folder)


def test_importing_the_same_version_twice_changes_nothing(db: Session, tmp_path: Path) -> None:
    folder = valid_english(tmp_path / "esco")
    first = import_folder(db, folder, esco_version="test")
    after_first = _snapshot(db)
    second = import_folder(db, folder, esco_version="test")
    assert "2 occupations" in first
    assert second.startswith("unchanged")
    assert _snapshot(db) == after_first == (2, 3, after_first[2])


def test_dutch_only_import_keeps_english_labels(db: Session, tmp_path: Path) -> None:
    import_folder(db, valid_english(tmp_path / "en"))
    dutch = write_folder(
        tmp_path / "nl",
        {
            "occupations_nl.csv": OCCUPATIONS_NL,
            "skills_nl.csv": SKILLS_NL.replace(
                "conceptUri,preferredLabel", "conceptUri,preferredLabel"
            )
            + "",
            "occupationSkillRelations_nl.csv": RELATIONS,
        },
    )
    # skills_nl only names s-1; the other skills must still exist with their English label.
    (dutch / "skills_nl.csv").write_text(
        SKILLS_NL + "http://data.europa.eu/esco/skill/s-2,orders verzamelen\n"
        "http://data.europa.eu/esco/skill/s-3,oppervlakken reinigen\n"
    )
    import_folder(db, dutch)
    forklift = db.get(Occupation, f"{OCC}t-1")
    assert forklift is not None
    assert (forklift.label_nl, forklift.label_en) == ("heftruckchauffeur", "forklift operator")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(content=st.text(max_size=300))
def test_arbitrary_file_content_is_refused_cleanly_or_read(tmp_path: Path, content: str) -> None:
    folder = valid_english(tmp_path / "fuzz")
    (folder / "skills_en.csv").write_text(content, encoding="utf-8")
    try:
        parsed = read_esco_folder(folder)
    except TaxonomyImportError as exc:
        assert all(p.file and p.reason for p in exc.problems)
    else:
        assert parsed.occupations
