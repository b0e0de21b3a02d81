"""Turn a Candidate into the shape the viewer may see (full or anonymised)."""

from __future__ import annotations

from datetime import date

from ontschot.geo import region_of
from ontschot.people.models import Candidate, CandidateWork
from ontschot.people.schemas import (
    CandidateAnonymised,
    CandidateListItem,
    CandidateRead,
    EducationOut,
    ExperienceOut,
    LanguageOut,
    SkillOut,
    WishOut,
    WorkOut,
)
from ontschot.people.visibility import View


def _months(work: CandidateWork) -> int | None:
    if work.start_date is None:
        return None
    end = work.end_date or date.today()
    return max(0, (end.year - work.start_date.year) * 12 + end.month - work.start_date.month)


def full_view(candidate: Candidate) -> CandidateRead:
    return CandidateRead(
        id=candidate.id,
        reference=candidate.reference,
        first_name=candidate.first_name,
        last_name=candidate.last_name,
        email=candidate.email,
        phone=candidate.phone,
        birth_date=candidate.birth_date,
        has_bsn=candidate.bsn is not None,
        municipality=candidate.municipality,
        region=region_of(candidate.municipality),
        postcode=candidate.postcode,
        benefit=candidate.benefit,
        status=candidate.status,
        legal_basis=candidate.legal_basis,
        available_from=candidate.available_from,
        hours_min=candidate.hours_min,
        hours_max=candidate.hours_max,
        contract_forms=list(candidate.contract_forms or []),
        max_travel_km=candidate.max_travel_km,
        max_travel_minutes=candidate.max_travel_minutes,
        transport=list(candidate.transport or []),
        driving_licences=list(candidate.driving_licences or []),
        notes=candidate.notes,
        coach_user_id=candidate.coach_user_id,
        organisation_id=candidate.organisation_id,
        version=candidate.version,
        created_at=candidate.created_at,
        updated_at=candidate.updated_at,
        languages=[LanguageOut.model_validate(x) for x in candidate.languages],
        educations=[EducationOut.model_validate(x) for x in candidate.educations],
        work_history=[WorkOut.model_validate(x) for x in candidate.work_history],
        skills=[SkillOut.model_validate(x) for x in candidate.skills],
        wishes=[WishOut.model_validate(x) for x in candidate.wishes],
    )


def anonymised_view(candidate: Candidate) -> CandidateAnonymised:
    """Skills, experience, availability and region; nothing that names or dates the person.

    Employer names in the work history are left out too: with a small employer they point
    at a person as surely as a name does.
    """
    return CandidateAnonymised(
        reference=candidate.reference,
        region=region_of(candidate.municipality),
        available_from=candidate.available_from,
        hours_min=candidate.hours_min,
        hours_max=candidate.hours_max,
        contract_forms=list(candidate.contract_forms or []),
        driving_licences=list(candidate.driving_licences or []),
        languages=[LanguageOut.model_validate(x) for x in candidate.languages],
        educations=[EducationOut.model_validate(x) for x in candidate.educations],
        experience=[
            ExperienceOut(occupation_uri=w.occupation_uri, job_title=w.job_title, months=_months(w))
            for w in candidate.work_history
        ],
        skills=[SkillOut.model_validate(x) for x in candidate.skills],
        wishes=[WishOut.model_validate(x) for x in candidate.wishes],
    )


def view_of(candidate: Candidate, view: View) -> CandidateRead | CandidateAnonymised:
    if view == View.FULL:
        return full_view(candidate)
    return anonymised_view(candidate)


def list_item(candidate: Candidate) -> CandidateListItem:
    return CandidateListItem(
        id=candidate.id,
        reference=candidate.reference,
        name=candidate.full_name,
        municipality=candidate.municipality,
        benefit=candidate.benefit,
        status=candidate.status,
        coach_user_id=candidate.coach_user_id,
        organisation_id=candidate.organisation_id,
        updated_at=candidate.updated_at,
    )
