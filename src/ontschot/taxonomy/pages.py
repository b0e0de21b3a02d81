"""Taxonomy pages: search and browse occupations and skills (Dutch)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from ontschot.access.actor import Actor, NavItem, register_navigation
from ontschot.access.deps import requires
from ontschot.access.roles import Role
from ontschot.deps import DbSession
from ontschot.taxonomy import service
from ontschot.taxonomy.api import ConceptKey
from ontschot.taxonomy.text import normalise
from ontschot.web.templating import render

router = APIRouter(include_in_schema=False)
for _role in Role:
    register_navigation(
        _role, NavItem("/beroepen", "Beroepen"), NavItem("/vaardigheden", "Vaardigheden")
    )
Reader = Annotated[Actor, Depends(requires("taxonomy.read"))]
PAGE_SIZE = 25


def _search_page(
    request: Request,
    db: DbSession,
    concept_type: str,
    q: str,
    page: int,
    template: str,
    extra: dict[str, str],
) -> HTMLResponse:
    q = q.strip()[:200]
    error = ""
    results = None
    page = max(1, min(page, 10_000))
    if q and len(normalise(q)) < 2:
        error = "Typ minstens twee letters."
    elif q:
        results = service.search(db, concept_type, q, lang="nl", page=page, page_size=PAGE_SIZE)
    context = {
        "q": q,
        "error": error,
        "results": results,
        "page": page,
        "pages": ((results.total - 1) // PAGE_SIZE + 1) if results else 0,
        **extra,
    }
    if request.headers.get("HX-Request") == "true":
        return render(request, "taxonomy/_results.html", context)
    return render(request, template, context)


@router.get("/beroepen", response_class=HTMLResponse)
def occupations_page(
    request: Request, db: DbSession, _: Reader, q: str = "", page: int = 1
) -> HTMLResponse:
    return _search_page(
        request,
        db,
        "occupation",
        q,
        page,
        "taxonomy/search.html",
        {
            "title": "Beroepen",
            "base": "/beroepen",
            "noun": "beroepen",
            "hint": "Bijvoorbeeld heftruck, verpleegkundige of schoonmaker.",
        },
    )


@router.get("/vaardigheden", response_class=HTMLResponse)
def skills_page(
    request: Request, db: DbSession, _: Reader, q: str = "", page: int = 1
) -> HTMLResponse:
    return _search_page(
        request,
        db,
        "skill",
        q,
        page,
        "taxonomy/search.html",
        {
            "title": "Vaardigheden",
            "base": "/vaardigheden",
            "noun": "vaardigheden",
            "hint": "Bijvoorbeeld orderpicken, heftruck of klantcontact.",
        },
    )


@router.get("/beroepen/{key}", response_class=HTMLResponse)
def occupation_page(request: Request, db: DbSession, _: Reader, key: ConceptKey) -> HTMLResponse:
    return render(request, "taxonomy/occupation.html", {"o": service.occupation_detail(db, key)})


@router.get("/vaardigheden/{key}", response_class=HTMLResponse)
def skill_page(request: Request, db: DbSession, _: Reader, key: ConceptKey) -> HTMLResponse:
    return render(request, "taxonomy/skill.html", {"s": service.skill_detail(db, key)})
