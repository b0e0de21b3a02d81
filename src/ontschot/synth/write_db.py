"""Write a generated region into the database in bulk, through the owning contexts' models.

Synthetic data is not a user action, so this bypasses the service layer on purpose: no
permission checks, no processing-log (audit) entries and no `candidate_version` rows are
written; every row carries `source = "synth"` where the model has a source column. The
invariants the services keep are kept here too: `name_search` is the case-folded name,
vacancy fingerprints come from `employers.service.vacancy_fingerprint`, consents and
skills are unique per candidate, BSNs pass the 11-proef (see `candidates.synthetic_bsns`).
All demo users of the region share one password hash of `plan.DEMO_PASSWORD`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from ontschot.access.models import AppUser, Organisation
from ontschot.access.passwords import hash_password
from ontschot.config import Settings
from ontschot.db import utcnow
from ontschot.employers.models import Employer, Vacancy, VacancyRequirement, VacancySkill
from ontschot.employers.service import employer_key
from ontschot.people.grants import Basis, GrantView
from ontschot.people.models import (
    AccessGrant,
    Candidate,
    CandidateEducation,
    CandidateLanguage,
    CandidateSkill,
    CandidateWish,
    CandidateWork,
    Consent,
)
from ontschot.people.service import bsn_digest
from ontschot.people.versioning import SCALARS
from ontschot.people.vum import ConsentPurpose, PartnerCategory
from ontschot.synth.generate import SyntheticRegion
from ontschot.synth.plan import DEMO_PASSWORD
from ontschot.synth.trainings import write_training_offers
from ontschot.synth.workbench import write_workbench
from ontschot.synth.write_budget import write_budget
from ontschot.synth.write_chains import write_chains_and_trajectories
from ontschot.synth.write_placements import write_placements
from ontschot.synth.write_work_to_work import write_work_to_work
from ontschot.tx import atomic

# The registry's own field list, less what the generator does not make; plus the row's
# bookkeeping columns.
_NOT_GENERATED = frozenset({"phone", "max_travel_minutes", "notes", "coach_user_id"})
CANDIDATE_COLUMNS = (
    "reference",
    "name_search",
    "bsn",
    "source",
    "version",
    "created_at",
    "updated_at",
    *(f for f in SCALARS if f not in _NOT_GENERATED),
)
VACANCY_COLUMNS = (
    "title",
    "occupation_uri",
    "hours_min",
    "hours_max",
    "contract_form",
    "salary_min_cents",
    "salary_max_cents",
    "salary_period",
    "municipality",
    "start_date",
    "closing_date",
    "status",
    "description",
    "source",
    "fingerprint",
    "created_at",
    "updated_at",
)


@dataclass(frozen=True)
class WriteSummary:
    organisations: int
    users: int
    employers: int
    candidates: int
    vacancies: int
    trainings: int
    proposals: int = 0
    contact_moments: int = 0

    def line(self) -> str:
        return (
            f"{self.organisations} organisaties, {self.users} gebruikers, "
            f"{self.employers} werkgevers, {self.candidates} werkzoekenden, "
            f"{self.vacancies} vacatures, {self.trainings} opleidingen, "
            f"{self.proposals} voorstellen, {self.contact_moments} contactmomenten"
        )


def _insert_returning_ids(db: Session, model: Any, rows: list[dict[str, Any]]) -> list[int]:
    if not rows:
        return []
    result = db.execute(insert(model).returning(model.id, sort_by_parameter_order=True), rows)
    return [row[0] for row in result]


def _bulk(db: Session, model: Any, rows: list[dict[str, Any]]) -> None:
    if rows:
        db.execute(insert(model), rows)


def write_region(db: Session, data: SyntheticRegion, settings: Settings) -> WriteSummary:
    """Insert the region and commit; returns the counts written."""
    with atomic(db):
        plan, region = data.plan, data.plan.region
        org_ids: dict[str, int] = {}
        for spec in plan.organisations:
            org = Organisation(
                name=spec.name,
                kind=spec.kind,
                region_code=region.slug,
                region_name=region.name,
                is_active=True,
            )
            db.add(org)
            db.flush()
            org_ids[spec.key] = org.id
        password_hash = hash_password(DEMO_PASSWORD, settings)
        user_ids: dict[str, int] = {}
        for user in plan.users:
            row = AppUser(
                email=user.email,
                display_name=user.display_name,
                role=user.role.value,
                organisation_id=org_ids[user.org_key],
                password_hash=password_hash,
                is_active=True,
            )
            db.add(row)
            db.flush()
            user_ids[user.email] = row.id
        employer_ids = dict(
            zip(
                (e.index for e in plan.employers),
                _insert_returning_ids(
                    db,
                    Employer,
                    [
                        {
                            "name": e.name,
                            "name_norm": employer_key(e.name),
                            "kvk_number": e.kvk_number,
                            "sector": e.sector,
                            "municipality": e.municipality,
                            "organisation_id": org_ids.get(e.org_key) if e.org_key else None,
                            "contact_user_id": user_ids.get(e.contact_email)
                            if e.contact_email
                            else None,
                            "created_at": utcnow(),
                        }
                        for e in plan.employers
                    ],
                ),
                strict=True,
            )
        )
        candidate_ids = _write_candidates(db, data, org_ids, user_ids, employer_ids)
        _write_vacancies(db, data, employer_ids)
        trainings = write_training_offers(db, data.trainings)
        proposals, moments = write_workbench(db, today=data.today, seed=data.seed)
        write_chains_and_trajectories(db, data, org_ids, user_ids, employer_ids, candidate_ids)
        placed = write_placements(db, today=data.today, seed=data.seed)
        write_work_to_work(db, today=data.today, seed=data.seed)
        # every placement came from a proposal of its own (placed)
        proposals += placed.introductions
        # the budget last: its requests follow the trajectories, placements and employees
        write_budget(db, data, settings)
        return WriteSummary(
            len(plan.organisations),
            len(plan.users),
            len(plan.employers),
            len(data.candidates),
            len(data.vacancies),
            trainings,
            proposals,
            moments,
        )


def _write_candidates(
    db: Session,
    data: SyntheticRegion,
    org_ids: dict[str, int],
    user_ids: dict[str, int],
    employer_ids: dict[int, int],
) -> list[int]:
    region_code = data.plan.region.slug
    rows = []
    for c in data.candidates:
        row = {k: c[k] for k in CANDIDATE_COLUMNS}
        row["organisation_id"] = org_ids.get(c["org_key"])
        row["coach_user_id"] = user_ids.get(c["coach_email"]) if c["coach_email"] else None
        index = c["current_employer_index"]
        row["current_employer_id"] = employer_ids[index] if index is not None else None
        row["region_code"] = region_code
        row["bsn_digest"] = bsn_digest(row["bsn"]) if row.get("bsn") else None
        rows.append(row)
    ids = _insert_returning_ids(db, Candidate, rows)
    work, skills, wishes, languages, educations, consents = [], [], [], [], [], []
    for cid, c in zip(ids, data.candidates, strict=True):
        work += [
            {
                "candidate_id": cid,
                "employer_name": emp,
                "job_title": title,
                "occupation_uri": uri,
                "start_date": start,
                "end_date": end,
            }
            for emp, title, uri, start, end in c["work"]
        ]
        skills += [
            {"candidate_id": cid, "skill_uri": uri, "source": source, "added_at": c["updated_at"]}
            for uri, source in c["skills"]
        ]
        wishes += [{"candidate_id": cid, "occupation_uri": uri} for uri in c["wishes"]]
        languages += [
            {"candidate_id": cid, "language": lang, "spoken": spoken, "written": written}
            for lang, spoken, written in c["languages"]
        ]
        educations += [
            {"candidate_id": cid, "level": level, "status": status}
            for level, status in c["educations"]
        ]
        consents += [
            {
                "candidate_id": cid,
                "purpose": purpose,
                "partner_category": "all",
                "given_at": c["created_at"],
            }
            for purpose in c["consents"]
        ]
    for model, batch in (
        (CandidateWork, work),
        (CandidateSkill, skills),
        (CandidateWish, wishes),
        (CandidateLanguage, languages),
        (CandidateEducation, educations),
    ):
        _bulk(db, model, batch)
    consent_ids = _insert_returning_ids(db, Consent, consents)
    _bulk(
        db, AccessGrant, [_consent_grant(i, c) for i, c in zip(consent_ids, consents, strict=True)]
    )
    return ids


def _consent_grant(consent_id: int, consent: dict[str, Any]) -> dict[str, Any]:
    """The access grant a consent gives (as `people.consent.give_consent` writes it)."""
    full = consent["purpose"] == ConsentPurpose.SHARE_PROFILE.value
    return {
        "candidate_id": consent["candidate_id"],
        "partner_category": consent["partner_category"] if full else PartnerCategory.ALL.value,
        "view": GrantView.FULL.value if full else GrantView.ANONYMISED.value,
        "purpose": consent["purpose"],
        "basis": Basis.CONSENT.value,
        "source_type": "consent",
        "source_id": consent_id,
        "valid_from": consent["given_at"],
    }


def _write_vacancies(db: Session, data: SyntheticRegion, employer_ids: dict[int, int]) -> None:
    rows = []
    for v in data.vacancies:
        row = {k: v[k] for k in VACANCY_COLUMNS}
        row["employer_id"] = employer_ids[v["employer_index"]]
        rows.append(row)
    ids = _insert_returning_ids(db, Vacancy, rows)
    skills, requirements = [], []
    for vid, v in zip(ids, data.vacancies, strict=True):
        skills += [
            {"vacancy_id": vid, "skill_uri": uri, "relation": relation}
            for uri, relation in v["skills"]
        ]
        requirements += [
            {"vacancy_id": vid, "kind": kind, "value": value, "level": level}
            for kind, value, level in v["requirements"]
        ]
    _bulk(db, VacancySkill, skills)
    _bulk(db, VacancyRequirement, requirements)
