"""Shared conditions on vacancies, written once for every context that counts or lists them."""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_

from ontschot.employers.models import Vacancy


def open_vacancy() -> ColumnElement[bool]:
    """An open vacancy that is not a duplicate of another (each job counted once)."""
    return and_(Vacancy.status == "open", Vacancy.canonical_id.is_(None))
