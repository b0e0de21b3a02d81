"""Outside CSV input never crashes the parser: every problem becomes a row error or a 400."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ontschot.errors import Invalid
from ontschot.interop import csvformat
from ontschot.interop.importer import (
    ImportResult,
    VacancyImportRow,
    _validate,
)
from ontschot.people.schemas import CandidateCreate

cells = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=30)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.fixed_dictionaries({c: cells for c in csvformat.VACANCY_COLUMNS}), max_size=5))
def test_any_vacancy_cells_give_rows_or_row_errors(rows):
    lines = [(n, csvformat.vacancy_row_fields(r)) for n, r in enumerate(rows, start=2)]
    result = ImportResult(kind="vacancies", source="fuzz")
    valid = _validate(lines, VacancyImportRow, csvformat.VACANCY_COLUMNS, result, lambda _: False)
    assert len(valid) + len({e.line for e in result.rejected}) == len(rows)
    assert all(e.field for e in result.rejected)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.fixed_dictionaries({c: cells for c in csvformat.CANDIDATE_COLUMNS}), max_size=5))
def test_any_candidate_cells_give_rows_or_row_errors(rows):
    lines = [(n, csvformat.candidate_row_fields(r)) for n, r in enumerate(rows, start=2)]
    result = ImportResult(kind="candidates", source="fuzz")
    valid = _validate(lines, CandidateCreate, csvformat.CANDIDATE_COLUMNS, result, lambda _: False)
    assert len(valid) + len({e.line for e in result.rejected}) == len(rows)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_is_read_or_refused_with_a_problem(text):
    try:
        for line, row in csvformat.csv_rows(
            text, csvformat.VACANCY_COLUMNS, csvformat.VACANCY_REQUIRED
        ):
            assert line >= 2 and isinstance(row, dict)
    except Invalid as exc:
        assert exc.detail


def test_the_csv_format_carries_every_profile_field_of_the_registry():
    from ontschot.people.versioning import SCALARS

    internal = {"coach_user_id"}  # set by the registry, never by a partner file
    assert set(SCALARS) - internal <= set(csvformat.CANDIDATE_COLUMNS)
