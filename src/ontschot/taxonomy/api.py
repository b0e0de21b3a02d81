"""Taxonomy API: search and browse ESCO occupations and skills (public open data)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query

from ontschot.access.actor import Actor
from ontschot.access.deps import requires
from ontschot.deps import DbSession
from ontschot.taxonomy import schemas, service

router = APIRouter(tags=["taxonomy"])
Reader = Annotated[Actor, Depends(requires("taxonomy.read"))]
ConceptKey = Annotated[
    str, Path(pattern=r"^[A-Za-z0-9.\-]{1,80}$", description="Last segment of the ESCO URI.")
]
SearchText = Annotated[
    str,
    Query(min_length=2, max_length=200, description="Words to find in any Dutch or English label."),
]
Lang = Annotated[Literal["nl", "en"] | None, Query(description="Prefer labels in this language.")]
PageNo = Annotated[int, Query(ge=1, le=10_000)]
PageSize = Annotated[int, Query(ge=1, le=100, alias="pageSize")]


@router.get("/occupations", response_model=schemas.SearchPage)
def search_occupations(
    db: DbSession,
    _: Reader,
    q: SearchText,
    lang: Lang = None,
    page: PageNo = 1,
    page_size: PageSize = 20,
) -> schemas.SearchPage:
    """Occupations whose labels contain every word of `q` (accent- and case-insensitive)."""
    return service.search(db, "occupation", q, lang=lang, page=page, page_size=page_size)


@router.get("/occupations/{key}", response_model=schemas.OccupationDetail)
def get_occupation(db: DbSession, _: Reader, key: ConceptKey) -> schemas.OccupationDetail:
    """One occupation with its essential and optional skills."""
    return service.occupation_detail(db, key)


@router.get("/skills", response_model=schemas.SearchPage)
def search_skills(
    db: DbSession,
    _: Reader,
    q: SearchText,
    lang: Lang = None,
    page: PageNo = 1,
    page_size: PageSize = 20,
) -> schemas.SearchPage:
    """Skills and knowledge whose labels contain every word of `q`."""
    return service.search(db, "skill", q, lang=lang, page=page, page_size=page_size)


@router.get("/skills/{key}", response_model=schemas.SkillDetail)
def get_skill(db: DbSession, _: Reader, key: ConceptKey) -> schemas.SkillDetail:
    """One skill with its place in the hierarchy, related skills and occupations needing it."""
    return service.skill_detail(db, key)


@router.get("/taxonomy-version", response_model=schemas.TaxonomyVersionRead)
def get_taxonomy_version(db: DbSession, _: Reader) -> schemas.TaxonomyVersionRead:
    """The ESCO version in force, its source and checksum."""
    return service.version(db)
