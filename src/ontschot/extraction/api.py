"""REST API for extraction: POST a text, get ESCO concepts back. Nothing is stored."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from ontschot.access.actor import Actor
from ontschot.access.deps import requires
from ontschot.deps import AppSettings, DbSession
from ontschot.extraction import service
from ontschot.extraction.schemas import (
    OccupationOut,
    OccupationSuggestionRequest,
    OccupationSuggestions,
    SkillExtractionOut,
    SkillExtractionRequest,
    SkillOut,
)

router = APIRouter(tags=["extraction"])
UseActor = Annotated[Actor, Depends(requires("extraction.use"))]


@router.post("/occupation-suggestions")
def suggest_occupations(
    body: OccupationSuggestionRequest, db: DbSession, settings: AppSettings, actor: UseActor
) -> OccupationSuggestions:
    """ESCO occupations for a job title or short text, best first."""
    found = service.suggest_occupations(
        db, actor=actor, text=body.text, lang=body.lang, top=body.top, data_dir=settings.data_dir
    )
    return OccupationSuggestions(
        language=found.language,
        suggestions=[OccupationOut(uri=s.uri, label=s.label, score=s.score) for s in found.items],
    )


@router.post("/skill-extractions")
def extract_skills(
    body: SkillExtractionRequest, db: DbSession, settings: AppSettings, actor: UseActor
) -> SkillExtractionOut:
    """ESCO skills in a text with evidence spans, and the likely occupation."""
    result = service.extract_skills(
        db,
        actor=actor,
        text=body.text,
        lang=body.lang,
        top=body.top,
        threshold=body.threshold,
        data_dir=settings.data_dir,
    )
    occupation = result.occupation
    return SkillExtractionOut(
        language=result.language,
        occupation=OccupationOut(uri=occupation.uri, label=occupation.label, score=occupation.score)
        if occupation
        else None,
        skills=[
            SkillOut(
                uri=s.uri, label=s.label, score=s.score, spans=s.spans, requirement=s.requirement
            )
            for s in result.skills
        ],
    )
