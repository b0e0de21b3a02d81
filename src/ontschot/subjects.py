"""Subject-data providers: each context says what it holds about a person, for the right
of access (export) and for erasure (AVG art. 15 and 17).

A provider's `export` returns JSON-ready data for the person's export; its `erase` removes
names, contact data and free text from its own tables and keeps the pseudonymised facts
that statistics need (that a placement happened, its dates, its sector). The registry
(`people.rights`) calls every provider, so it never lists another context's tables.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

# Modules that register providers; importing them fills the registry.
PROVIDER_MODULES = (
    "ontschot.people.subject_data",
    "ontschot.matching.subject_data",
    "ontschot.contacts.subject_data",
    "ontschot.cases.subject_data",
    "ontschot.cases.placements.subject_data",
    "ontschot.cases.work_to_work.subject_data",
)


@dataclass(frozen=True)
class SubjectProvider:
    name: str  # the section of the export, e.g. "introductions"
    export: Callable[[Session, int], Any]  # candidate id -> JSON-ready data
    erase: Callable[[Session, int], None]  # candidate id -> personal data removed


_PROVIDERS: dict[str, SubjectProvider] = {}


def provides(provider: SubjectProvider) -> SubjectProvider:
    existing = _PROVIDERS.get(provider.name)
    if existing is not None and existing != provider:
        raise ValueError(f"subject-data section {provider.name!r} is provided twice")
    _PROVIDERS[provider.name] = provider
    return provider


def providers() -> list[SubjectProvider]:
    for module in PROVIDER_MODULES:
        importlib.import_module(module)
    return [_PROVIDERS[name] for name in sorted(_PROVIDERS)]
