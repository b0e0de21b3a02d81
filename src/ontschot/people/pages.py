"""Dutch pages for coaches: candidate list, registration form and profile with tabs."""

from __future__ import annotations

from datetime import date
from math import ceil
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ontschot import errors
from ontschot.access.actor import Actor, NavItem, register_navigation
from ontschot.access.deps import requires
from ontschot.access.roles import Role
from ontschot.deps import DbSession, SubmittedForm
from ontschot.geo import municipality_names, region_of
from ontschot.people import consent, forms, queries, rights, service
from ontschot.people.labels import concept_labels
from ontschot.people.models import Candidate
from ontschot.people.schemas import CandidateCreate
from ontschot.people.visibility import View
from ontschot.people.vum import (
    Benefit,
    CandidateStatus,
    ConsentPurpose,
    DrivingLicence,
    EducationLevel,
    EducationStatus,
    LanguageLevel,
    PartnerCategory,
    SkillSource,
    label_nl,
)
from ontschot.synth.regions import slugify
from ontschot.web.problems import page_raises, status_of
from ontschot.web.templating import environment, render
from ontschot.web.words import LANGUAGE_NAMES

router = APIRouter(include_in_schema=False)
for _role in (
    Role.COACH,
    Role.EMPLOYER_ADVISER,
    Role.PROGRAMME_MANAGER,
    Role.PARTNER_ADMIN,
    Role.SYSTEM_ADMIN,
):
    register_navigation(_role, NavItem("/werkzoekenden", "Werkzoekenden"))
environment().filters.setdefault("vum", label_nl)
environment().filters.setdefault("region", region_of)

TABS = (
    ("profiel", "Profiel"),
    ("vaardigheden", "Vaardigheden"),
    ("historie", "Historie"),
    ("toestemmingen", "Toestemmingen"),
    ("logboek", "Logboek"),
)
PAGE_SIZE = 25


def choices() -> dict[str, Any]:
    return {
        "benefits": [(b.value, label_nl(b)) for b in Benefit],
        "statuses": [(s.value, label_nl(s)) for s in CandidateStatus],
        "licences": [d.value for d in DrivingLicence],
        "language_levels": [v.value for v in LanguageLevel],
        "language_level_choices": [(v.value, v.value.capitalize()) for v in LanguageLevel],
        "language_choices": sorted(LANGUAGE_NAMES.items(), key=lambda item: item[1]),
        "education_status_choices": [(e.value, e.value.capitalize()) for e in EducationStatus],
        "today": date.today().isoformat(),
        "education_levels": [(e.value, label_nl(e)) for e in EducationLevel],
        "education_statuses": [e.value for e in EducationStatus],
        "municipalities": municipality_names(),
        "skill_sources": [(s.value, label_nl(s)) for s in SkillSource],
        "purposes": [(p.value, label_nl(p)) for p in ConsentPurpose],
        "categories": [(c.value, label_nl(c)) for c in PartnerCategory],
    }


@router.get("/werkzoekenden", response_class=HTMLResponse)
def candidate_list(
    request: Request,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("candidate.read"))],
    weergave: str = Query("", max_length=10),
    gemeente: str = Query("", max_length=80),
    uitkering: str = Query("", max_length=16),
    status: str = Query("", max_length=20),
    naam: str = Query("", max_length=100),
    pagina: int = Query(1, ge=1, le=10_000),
) -> HTMLResponse:
    """Own caseload by default for coaches; filters and name search run in the database."""
    own = weergave == "eigen" or (weergave == "" and actor.role == Role.COACH)
    flt = queries.CandidateFilter(
        own_caseload=own,
        municipality=gemeente or None,
        benefit=uitkering if uitkering in {b.value for b in Benefit} else None,
        status=status if status in {s.value for s in CandidateStatus} else None,
        name=naam or None,
    )
    rows, total = queries.list_candidates(
        db, actor=actor, flt=flt, page=pagina, page_size=PAGE_SIZE
    )
    context = {
        "rows": rows,
        "total": total,
        "page": pagina,
        "pages": max(1, ceil(total / PAGE_SIZE)),
        "own": own,
        "f": {
            "gemeente": gemeente,
            "uitkering": uitkering,
            "status": status,
            "naam": naam,
            "weergave": "eigen" if own else "alle",
        },
        "can_create": actor.can("candidate.create"),
        **choices(),
    }
    name = "people/_list_rows.html" if request.headers.get("HX-Request") else "people/list.html"
    return render(request, name, context)


def _form_page(
    request: Request, db: Session, values: dict[str, Any], errors: dict[str, str], status: int = 200
) -> HTMLResponse:
    labels = concept_labels(db, [*values.get("skill_uri", []), values.get("work_occupation_uri")])
    return render(
        request,
        "people/register.html",
        {"v": values, "errors": errors, "labels": labels, **choices()},
        status=status,
    )


@router.get("/werkzoekenden/nieuw", response_class=HTMLResponse)
def register_form(
    request: Request, db: DbSession, actor: Annotated[Actor, Depends(requires("candidate.create"))]
) -> HTMLResponse:
    values: dict[str, Any] = {name: "" for name in forms.CANDIDATE_FORM_FIELDS}
    values.update(
        {
            "benefit": "none",
            "status": "seeking",
            "driving_licences": [],
            "skill_uri": [],
            "language": "",
        }
    )
    return _form_page(request, db, values, {})


@router.post("/werkzoekenden/nieuw", response_class=HTMLResponse)
def register_submit(
    request: Request,
    form: SubmittedForm,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("candidate.create"))],
) -> Response:
    values = forms.form_values(form)
    try:
        data = CandidateCreate.model_validate(forms.candidate_body(values))
        candidate = service.register_candidate(db, actor=actor, data=data)
    except ValidationError as exc:
        return _form_page(request, db, values | {"bsn": ""}, forms.form_errors(exc), 400)
    except errors.DomainError as exc:
        if page_raises(exc):
            raise
        status = status_of(exc)
        return _form_page(request, db, values | {"bsn": ""}, forms.problem_errors(exc), status)
    return RedirectResponse(f"/werkzoekenden/{candidate.id}?melding=ingeschreven", status_code=303)


@router.get("/werkzoekenden/{candidate_id}", response_class=HTMLResponse)
def profile(
    request: Request,
    candidate_id: int,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("candidate.read"))],
    tab: str = Query("profiel", max_length=20),
) -> HTMLResponse:
    """One profile; each tab is one read of personal data and one log entry."""
    tab = tab if tab in dict(TABS) else "profiel"
    context: dict[str, Any] = {
        "tab": tab,
        "tabs": TABS,
        **choices(),
        "message": request.query_params.get("melding", "")[:30],
    }
    if tab == "historie":
        context["versions"] = queries.candidate_versions(db, actor=actor, candidate_id=candidate_id)
        candidate = db.get(Candidate, candidate_id)
        view = View.FULL
    elif tab == "logboek":
        context["entries"] = rights.access_log(db, actor=actor, candidate_id=candidate_id)
        candidate = db.get(Candidate, candidate_id)
        view = View.FULL
    else:
        candidate, view = service.read_candidate(db, actor=actor, candidate_id=candidate_id)
    if view != View.FULL:
        return render(
            request,
            "people/anonymised.html",
            {"c": candidate, "labels": concept_labels(db, _uris(candidate))},
        )
    context.update(
        {
            "c": candidate,
            "labels": concept_labels(db, _uris(candidate)),
            "can_edit": _can_edit(actor, candidate),
            "can_export": actor.can("candidate.export"),
            "can_introduce": actor.can("introduction.create"),
            "can_read_proposals": actor.can("introduction.read"),
            "introductions": (
                consent.introductions_for(db, actor=actor, candidate_id=candidate_id)
                if tab == "toestemmingen" and _can_edit(actor, candidate)
                else []
            ),
            "can_erase": actor.can("candidate.erase"),
            "can_match": actor.can("match.read"),
            "can_analyse": actor.can("extraction.use") and _can_edit(actor, candidate),
            "outside_region": _outside_region(actor, getattr(candidate, "municipality", None)),
        }
    )
    return render(request, "people/profile.html", context)


def _uris(candidate: Any) -> list[str]:
    return (
        [s.skill_uri for s in candidate.skills]
        + [w.occupation_uri for w in candidate.work_history if w.occupation_uri]
        + [w.occupation_uri for w in candidate.wishes if w.occupation_uri]
    )


def _outside_region(actor: Actor, municipality: str | None) -> bool:
    """Allowed, but worth a word: the person lives outside the actor's region."""
    region = region_of(municipality)
    if region is None or not actor.region_code:
        return False
    return actor.region_code not in (region, slugify(region))


def _can_edit(actor: Actor, candidate: Any) -> bool:
    try:
        actor.require_within(
            "candidate.update",
            organisation_id=candidate.organisation_id,
            owner_user_id=candidate.coach_user_id,
        )
    except errors.Forbidden:
        return False
    return True
