"""Registry API: candidates, consents, introductions, data-subject rights, suggestions."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Response
from pydantic import Field

from ontschot.access.actor import Actor
from ontschot.access.deps import requires
from ontschot.deps import DbSession, IfMatch, etag
from ontschot.people import consent, pipeline, queries, rights, service, suggestions
from ontschot.people.fields import Bsn
from ontschot.people.pipeline import IntroStatus
from ontschot.people.schemas import (
    AnswerIn,
    CandidateAnonymised,
    CandidateCreate,
    CandidateListItem,
    CandidateRead,
    CandidateUpdate,
    CandidateVersionRead,
    ConsentIn,
    ConsentRead,
    IntroductionIn,
    IntroductionRead,
    ProposalIn,
    SkillOut,
    SkillsAdd,
    TransitionIn,
)
from ontschot.people.views import full_view, list_item, view_of
from ontschot.people.vum import Benefit, CandidateStatus
from ontschot.schemas import ApiModel, Page

router = APIRouter(tags=["candidates"])
CandidateId = Annotated[int, Path(ge=1, le=2**31 - 1, alias="candidateId")]
PageNo = Annotated[int, Query(ge=1, le=100_000)]
PageSize = Annotated[int, Query(ge=1, le=100, alias="pageSize")]


class ErasureIn(ApiModel):
    reason: str = Field(min_length=3, max_length=150)


class AccessLogEntry(ApiModel):
    occurred_at: datetime
    actor_display: str
    organisation_name: str
    action: str
    purpose: str
    result: str


class SuggestionRead(ApiModel):
    shared_skills: int
    candidate: CandidateAnonymised


@router.get("/candidates", response_model=Page[CandidateListItem])
def list_candidates(
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("candidate.read"))],
    caseload: Literal["own", "all"] = "all",
    municipality: str | None = Query(None, max_length=80),
    benefit: Benefit | None = None,
    status: CandidateStatus | None = None,
    q: str | None = Query(None, max_length=100, description="Part of the name."),
    page: PageNo = 1,
    page_size: PageSize = 25,
) -> Page[CandidateListItem]:
    """Candidates the caller may see in full (own organisation, or shared by consent)."""
    flt = queries.CandidateFilter(
        own_caseload=caseload == "own",
        municipality=municipality,
        benefit=benefit.value if benefit else None,
        status=status.value if status else None,
        name=q,
    )
    rows, total = queries.list_candidates(db, actor=actor, flt=flt, page=page, page_size=page_size)
    return Page(items=[list_item(c) for c in rows], total=total, page=page, page_size=page_size)


@router.post("/candidates", status_code=201, response_model=CandidateRead)
def create_candidate(
    body: CandidateCreate,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("candidate.create"))],
) -> CandidateRead:
    """Register a person once for the region. 409 when the BSN is already registered."""
    return full_view(service.register_candidate(db, actor=actor, data=body))


@router.get("/candidates/{candidateId}", response_model=CandidateRead | CandidateAnonymised)
def get_candidate(
    candidate_id: CandidateId,
    db: DbSession,
    response: Response,
    actor: Annotated[Actor, Depends(requires("candidate.read"))],
) -> CandidateRead | CandidateAnonymised:
    """The profile as far as the caller may see it (`view`: full or anonymised). The `ETag`
    header carries the version, for `If-Match` on a later PATCH."""
    candidate, view = service.read_candidate(db, actor=actor, candidate_id=candidate_id)
    response.headers["ETag"] = etag(candidate.version)
    return view_of(candidate, view)


@router.patch("/candidates/{candidateId}", response_model=CandidateRead)
def update_candidate(
    candidate_id: CandidateId,
    body: CandidateUpdate,
    db: DbSession,
    response: Response,
    if_match: IfMatch,
    actor: Annotated[Actor, Depends(requires("candidate.update"))],
) -> CandidateRead:
    """Change the fields sent; each change becomes a new version. With `If-Match` the
    change is refused (412) when someone else changed the candidate since."""
    candidate = service.update_candidate(
        db, actor=actor, candidate_id=candidate_id, data=body, expected_version=if_match
    )
    response.headers["ETag"] = etag(candidate.version)
    return full_view(candidate)


@router.get("/candidates/{candidateId}/versions", response_model=list[CandidateVersionRead])
def list_versions(
    candidate_id: CandidateId,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("candidate.read"))],
) -> list[CandidateVersionRead]:
    """Change history: who changed what, when."""
    rows = queries.candidate_versions(db, actor=actor, candidate_id=candidate_id)
    return [CandidateVersionRead.model_validate(v) for v in rows]


@router.post("/candidates/{candidateId}/skills", status_code=201, response_model=list[SkillOut])
def add_skills(
    candidate_id: CandidateId,
    body: SkillsAdd,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("candidate.update"))],
) -> list[SkillOut]:
    """Add ESCO skills with their source; returns the skills that were new."""
    rows = service.add_candidate_skills(
        db, actor=actor, candidate_id=candidate_id, skill_uris=body.skill_uris, source=body.source
    )
    return [SkillOut.model_validate(r) for r in rows]


@router.get("/candidates/{candidateId}/consents", response_model=list[ConsentRead])
def list_consents(
    candidate_id: CandidateId,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("consent.manage"))],
) -> list[ConsentRead]:
    rows = consent.read_consents(db, actor=actor, candidate_id=candidate_id)
    return [ConsentRead.model_validate(c) for c in rows]


@router.post("/candidates/{candidateId}/consents", status_code=201, response_model=ConsentRead)
def give_consent(
    candidate_id: CandidateId,
    body: ConsentIn,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("consent.manage"))],
) -> ConsentRead:
    """Record consent for a purpose and partner category."""
    row = consent.give_consent(
        db,
        actor=actor,
        candidate_id=candidate_id,
        purpose=body.purpose,
        partner_category=body.partner_category,
    )
    return ConsentRead.model_validate(row)


@router.post(
    "/candidates/{candidateId}/consents/{consentId}/withdrawal", response_model=ConsentRead
)
def withdraw_consent(
    candidate_id: CandidateId,
    consent_id: Annotated[int, Path(ge=1, le=2**31 - 1, alias="consentId")],
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("consent.manage"))],
) -> ConsentRead:
    """Withdraw a consent; it takes effect at once."""
    row = consent.withdraw_consent(
        db, actor=actor, candidate_id=candidate_id, consent_id=consent_id
    )
    return ConsentRead.model_validate(row)


@router.post(
    "/candidates/{candidateId}/introductions", status_code=201, response_model=IntroductionRead
)
def create_introduction(
    candidate_id: CandidateId,
    body: IntroductionIn,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("introduction.create"))],
) -> IntroductionRead:
    """The candidate agreed to be introduced by name to this employer (and vacancy)."""
    row = consent.record_introduction(
        db,
        actor=actor,
        candidate_id=candidate_id,
        employer_id=body.employer_id,
        vacancy_id=body.vacancy_id,
    )
    return IntroductionRead.model_validate(row)


@router.get("/candidates/{candidateId}/export")
def export_candidate(
    candidate_id: CandidateId,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("candidate.export"))],
) -> dict[str, Any]:
    """Everything held about the person (AVG art. 15), as JSON."""
    return rights.export_candidate_data(db, actor=actor, candidate_id=candidate_id)


@router.post("/candidates/{candidateId}/erasure", status_code=204)
def erase_candidate(
    candidate_id: CandidateId,
    body: ErasureIn,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("candidate.erase"))],
) -> None:
    """Erase the personal data (AVG art. 17); anonymised statistics remain."""
    rights.erase_candidate(db, actor=actor, candidate_id=candidate_id, reason=body.reason)


@router.get("/candidates/{candidateId}/access-log", response_model=list[AccessLogEntry])
def access_log(
    candidate_id: CandidateId,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("audit.subject.read"))],
) -> list[AccessLogEntry]:
    """Who looked at or changed this person's data, newest first."""
    rows = rights.access_log(db, actor=actor, candidate_id=candidate_id)
    return [AccessLogEntry.model_validate(r) for r in rows]


@router.get("/candidate-suggestions", response_model=list[SuggestionRead])
def candidate_suggestions(
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("candidate.suggestions.read"))],
    vacancy_id: Annotated[int, Query(ge=1, le=2**31 - 1, alias="vacancyId")],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> list[SuggestionRead]:
    """Anonymised candidates for a vacancy: consented to employer suggestions, shared skills."""
    found = suggestions.suggest_candidates(db, actor=actor, vacancy_id=vacancy_id, limit=limit)
    return [SuggestionRead(shared_skills=n, candidate=c) for c, n in found]


class IntroducedCandidate(ApiModel):
    introduction: IntroductionRead
    candidate: CandidateRead


@router.get("/introductions", response_model=list[IntroductionRead])
def list_introductions(
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("introduction.read"))],
    vacancy_id: Annotated[int | None, Query(ge=1, le=2**31 - 1, alias="vacancyId")] = None,
    candidate_id: Annotated[int | None, Query(ge=1, le=2**31 - 1, alias="candidateId")] = None,
    status: IntroStatus | None = None,
    page: PageNo = 1,
    page_size: PageSize = 100,
) -> list[IntroductionRead]:
    """Live proposals (the pipeline), newest first: for an employer user, those to them."""
    flt = pipeline.IntroductionFilter(
        vacancy_id=vacancy_id, candidate_id=candidate_id, status=status.value if status else None
    )
    rows = pipeline.list_introductions(db, actor=actor, flt=flt, page=page, page_size=page_size)
    return [IntroductionRead.model_validate(i) for i in rows]


@router.post("/introductions", status_code=201, response_model=IntroductionRead)
def propose_candidate(
    body: ProposalIn,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("introduction.create"))],
) -> IntroductionRead:
    """Propose a candidate for a vacancy (status `proposed`); 409 without the candidate's
    consent for employers. A live proposal for the same vacancy is returned as it is."""
    row = pipeline.propose_for_vacancy(
        db, actor=actor, candidate_id=body.candidate_id, vacancy_id=body.vacancy_id
    )
    return IntroductionRead.model_validate(row)


IntroductionId = Annotated[int, Path(ge=1, le=2**31 - 1, alias="introductionId")]


@router.post("/introductions/{introductionId}/transitions", response_model=IntroductionRead)
def move_introduction(
    introduction_id: IntroductionId,
    body: TransitionIn,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("introduction.advance"))],
) -> IntroductionRead:
    """Move a proposal to its next status, or decline it with a reason; 409 (saying why)
    for a step the pipeline does not allow, and nothing changes."""
    row = pipeline.advance_introduction(
        db, actor=actor, introduction_id=introduction_id, status=body.status, reason=body.reason
    )
    return IntroductionRead.model_validate(row)


@router.post("/introductions/{introductionId}/answers", response_model=IntroductionRead)
def answer_introduction(
    introduction_id: IntroductionId,
    body: AnswerIn,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("introduction.answer"))],
) -> IntroductionRead:
    """The employer's answer to a proposal: interested (status `introduced`) or not (status
    `declined`, a reason is required); 409 when already answered."""
    row = pipeline.answer_introduction(
        db,
        actor=actor,
        introduction_id=introduction_id,
        interested=body.interested,
        reason=body.reason,
    )
    return IntroductionRead.model_validate(row)


@router.get("/introductions/{introductionId}", response_model=IntroducedCandidate)
def get_introduction(
    introduction_id: IntroductionId,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("introduction.read"))],
) -> IntroducedCandidate:
    """The introduced candidate's full profile (name and contact), once they agreed."""
    intro, candidate = consent.read_introduction(db, actor=actor, introduction_id=introduction_id)
    return IntroducedCandidate(
        introduction=IntroductionRead.model_validate(intro), candidate=full_view(candidate)
    )


class BsnLookup(ApiModel):
    bsn: Bsn


@router.post("/candidate-lookups", response_model=CandidateListItem)
def lookup_candidate(
    body: BsnLookup, db: DbSession, actor: Annotated[Actor, Depends(requires("candidate.read"))]
) -> CandidateListItem:
    """Find a registered person by BSN (sent in the body, never in the URL); 404 when the
    person is unknown or not visible to the caller."""
    return list_item(queries.lookup_by_bsn(db, actor=actor, bsn=body.bsn))
