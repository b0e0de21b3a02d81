"""Form posts of the profile page (skills, consents, erasure), the readable export and the
ESCO picker fragment used by the registration forms."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select

from ontschot.access.actor import Actor, NavItem, register_navigation
from ontschot.access.deps import requires
from ontschot.access.roles import Role
from ontschot.deps import DbSession, SubmittedForm
from ontschot.employers.models import Employer, Vacancy
from ontschot.people import consent, rights, service
from ontschot.people.fields import ESCO_PREFIX
from ontschot.people.forms import many, text
from ontschot.people.labels import concept_labels
from ontschot.people.vum import ConsentPurpose, PartnerCategory, SkillSource
from ontschot.taxonomy import service as taxonomy
from ontschot.web.problems import ProblemError
from ontschot.web.templating import render

router = APIRouter(include_in_schema=False)
register_navigation(Role.EMPLOYER, NavItem("/voorstellen", "Voorstellen"))


def _back(candidate_id: int, tab: str, message: str) -> RedirectResponse:
    return RedirectResponse(
        f"/werkzoekenden/{candidate_id}?tab={tab}&melding={message}", status_code=303
    )


@router.post("/werkzoekenden/{candidate_id}/vaardigheden")
def add_skills(
    request: Request,
    form: SubmittedForm,
    candidate_id: int,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("candidate.update"))],
) -> Response:
    uris = [u for u in many(form, "skill_uri") if u.startswith(ESCO_PREFIX)]
    source = text(form, "source")
    if not uris or source not in {s.value for s in SkillSource}:
        return _back(candidate_id, "vaardigheden", "kies-vaardigheid")
    service.add_candidate_skills(
        db, actor=actor, candidate_id=candidate_id, skill_uris=uris, source=source
    )
    return _back(candidate_id, "vaardigheden", "vaardigheden-toegevoegd")


@router.post("/werkzoekenden/{candidate_id}/vaardigheden/{skill_id}/verwijderen")
def remove_skill(
    candidate_id: int,
    skill_id: int,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("candidate.update"))],
) -> Response:
    service.remove_candidate_skill(db, actor=actor, candidate_id=candidate_id, skill_id=skill_id)
    return _back(candidate_id, "vaardigheden", "vaardigheid-verwijderd")


@router.post("/werkzoekenden/{candidate_id}/toestemmingen")
def give_consent(
    request: Request,
    form: SubmittedForm,
    candidate_id: int,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("consent.manage"))],
) -> Response:
    purpose, category = text(form, "purpose"), text(form, "partner_category") or "all"
    if purpose not in {p.value for p in ConsentPurpose} or category not in {
        c.value for c in PartnerCategory
    }:
        return _back(candidate_id, "toestemmingen", "ongeldige-keuze")
    consent.give_consent(
        db,
        actor=actor,
        candidate_id=candidate_id,
        purpose=ConsentPurpose(purpose),
        partner_category=PartnerCategory(category),
    )
    return _back(candidate_id, "toestemmingen", "toestemming-vastgelegd")


@router.post("/werkzoekenden/{candidate_id}/toestemmingen/{consent_id}/intrekken")
def withdraw_consent(
    candidate_id: int,
    consent_id: int,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("consent.manage"))],
) -> Response:
    consent.withdraw_consent(db, actor=actor, candidate_id=candidate_id, consent_id=consent_id)
    return _back(candidate_id, "toestemmingen", "toestemming-ingetrokken")


@router.get("/werkzoekenden/{candidate_id}/inzage", response_class=HTMLResponse)
def export_page(
    request: Request,
    candidate_id: int,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("candidate.export"))],
) -> HTMLResponse:
    """Everything held about the person, readable (the JSON is at the API)."""
    data = rights.export_candidate_data(db, actor=actor, candidate_id=candidate_id)
    profile = data["profile"]
    uris = [s["skillUri"] for s in profile.get("skills", [])] + [
        item.get("occupationUri") for item in [*profile["workHistory"], *profile["wishes"]]
    ]
    employer_ids = {i["employerId"] for i in data.get("introductions", [])}
    context = {
        "data": data,
        "candidate_id": candidate_id,
        "labels": concept_labels(db, uris),
        "employers": dict(
            db.execute(select(Employer.id, Employer.name).where(Employer.id.in_(employer_ids)))
            .tuples()
            .all()
        ),
        # who saw the data: the person's own view of the processing log, where allowed
        "entries": rights.access_log(db, actor=actor, candidate_id=candidate_id)
        if actor.can("audit.subject.read")
        else None,
    }
    return render(request, "people/export.html", context)


@router.post("/werkzoekenden/{candidate_id}/verwijderen")
def erase(
    request: Request,
    form: SubmittedForm,
    candidate_id: int,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("candidate.erase"))],
) -> Response:
    reason = text(form, "reason")[:150]
    if len(reason) < 3:
        raise ProblemError(400, "Geef een reden voor de verwijdering.")
    rights.erase_candidate(db, actor=actor, candidate_id=candidate_id, reason=reason)
    return RedirectResponse("/werkzoekenden?melding=verwijderd", status_code=303)


@router.get("/esco-keuze", response_class=HTMLResponse)
def concept_picker(
    request: Request,
    db: DbSession,
    _: Annotated[Actor, Depends(requires("taxonomy.read"))],
    soort: str = Query("skill", pattern="^(skill|occupation)$"),
    q: str = Query("", max_length=100),
    veld: str = Query("skill_uri", pattern="^[a-z_]{1,30}$"),
) -> HTMLResponse:
    """Suggestions as checkboxes (skills) or radio buttons (occupations) to tick in a form."""
    chosen = [u for u in request.query_params.getlist(veld) if u.startswith(ESCO_PREFIX)][:100]
    if soort == "occupation":
        chosen = chosen[:1]
    hits = []
    if len(q.strip()) >= 2:
        hits = taxonomy.search(db, soort, q.strip(), lang="nl", page=1, page_size=10).items
    return render(
        request,
        "people/_picker.html",
        {
            "hits": hits,
            "field": veld,
            "multiple": soort == "skill",
            "q": q,
            "chosen": chosen,
            "labels": concept_labels(db, chosen),
        },
    )


@router.get("/voorstellen", response_class=HTMLResponse)
def introductions_page(
    request: Request, db: DbSession, actor: Annotated[Actor, Depends(requires("introduction.read"))]
) -> HTMLResponse:
    """Candidates who agreed to be introduced (for an employer: to them)."""
    intros = consent.visible_introductions(db, actor=actor)
    vacancy_ids = {i.vacancy_id for i in intros if i.vacancy_id}
    vacancies = dict(
        db.execute(select(Vacancy.id, Vacancy.title).where(Vacancy.id.in_(vacancy_ids)))
        .tuples()
        .all()
    )
    return render(
        request,
        "people/introductions.html",
        {
            "intros": intros,
            "vacancies": vacancies,
            "is_employer": actor.can("introduction.answer"),
        },
    )


@router.get("/voorstellen/{introduction_id}", response_class=HTMLResponse)
def introduction_page(
    request: Request,
    introduction_id: int,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("introduction.read"))],
) -> HTMLResponse:
    intro, candidate = consent.read_introduction(db, actor=actor, introduction_id=introduction_id)
    return render(
        request,
        "people/introduction.html",
        {
            "intro": intro,
            "c": candidate,
            "vacancy": db.get(Vacancy, intro.vacancy_id) if intro.vacancy_id else None,
            "labels": concept_labels(db, [s.skill_uri for s in candidate.skills]),
            "can_answer": actor.can("introduction.answer"),
            "can_advance": actor.can("introduction.advance"),
            "message": request.query_params.get("melding", "")[:30],
        },
    )


@router.post("/werkzoekenden/{candidate_id}/voorstellen")
def introduce(
    request: Request,
    form: SubmittedForm,
    candidate_id: int,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("introduction.create"))],
) -> Response:
    """The candidate agreed to be introduced for a vacancy (given by its number)."""
    number = text(form, "vacancy_id")
    vacancy = db.get(Vacancy, int(number)) if number.isdigit() and len(number) < 10 else None
    if vacancy is None:
        return _back(candidate_id, "toestemmingen", "onbekende-vacature")
    consent.record_introduction(
        db,
        actor=actor,
        candidate_id=candidate_id,
        employer_id=vacancy.employer_id,
        vacancy_id=vacancy.id,
    )
    return _back(candidate_id, "toestemmingen", "voorgesteld")


@router.post("/werkzoekenden/{candidate_id}/voorstellen/{introduction_id}/intrekken")
def withdraw_introduction(
    candidate_id: int,
    introduction_id: int,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("consent.manage"))],
) -> Response:
    consent.withdraw_introduction(
        db, actor=actor, candidate_id=candidate_id, introduction_id=introduction_id
    )
    return _back(candidate_id, "toestemmingen", "voorstel-ingetrokken")
