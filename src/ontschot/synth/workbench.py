"""Demo data for the coach's workbench: proposals in every pipeline status (with their
steps, times and the employer's grant) and contact moments with candidates and employers.

Rows are written as the services write them (`people.pipeline`, `contacts.service`), in
bulk, deterministic for a seed. Only candidates who consented to employer suggestions are
proposed, as the consent check requires.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, insert, select
from sqlalchemy.orm import Session

from ontschot.access.models import AppUser
from ontschot.contacts.models import ContactMoment
from ontschot.employers.models import Employer, Vacancy
from ontschot.people.models import AccessGrant, Candidate, Consent, Introduction, IntroductionStep
from ontschot.people.pipeline import PIPELINE_ORDER
from ontschot.people.vum import ConsentPurpose

PATH = ("proposed", "introduced", "interview", "offer", "placed")
DECLINES = (
    ("employer", "Geen ervaring met de machines die wij gebruiken."),
    ("employer", "Functie intern ingevuld."),
    ("coach", "Kandidaat kiest voor een opleiding."),
    ("employer", "Reistijd te lang voor de vroege dienst."),
)
CANDIDATE_NOTES = (
    (
        "conversation",
        "Kennismakingsgesprek: wensen en beschikbaarheid doorgenomen.",
        "Cv bijwerken",
    ),
    (
        "phone",
        "Gebeld over de vacaturesuggesties; interesse in logistiek.",
        "Voorstellen bij werkgever",
    ),
    ("visit", "Samen op bedrijfsbezoek geweest.", "Terugkoppeling vragen aan werkgever"),
    ("email", "Informatie over de opleiding heftruckcertificaat gestuurd.", None),
    (
        "conversation",
        "Voortgangsgesprek: eerste week proefplaatsing gaat goed.",
        "Evaluatie plannen",
    ),
)
EMPLOYER_NOTES = (
    (
        "visit",
        "Werkgeversbezoek: vraag naar orderpickers voor het najaar.",
        "Kandidaten voorstellen",
    ),
    ("phone", "Gebeld over de openstaande vacatures en de proefplaatsing.", None),
    ("email", "Informatie over loonkostensubsidie gestuurd.", "Nabellen over subsidie"),
)


def _at(day: date) -> datetime:
    from ontschot.clock import now

    return datetime.combine(day, time(10, 0), tzinfo=now().tzinfo)


def _consenting(db: Session, limit: int) -> list[Any]:
    consent = select(Consent.candidate_id).where(
        Consent.purpose == ConsentPurpose.EMPLOYER_SUGGESTIONS.value,
        Consent.withdrawn_at.is_(None),
    )
    return list(
        db.execute(
            select(Candidate.id, Candidate.coach_user_id)
            .where(
                Candidate.id.in_(consent),
                Candidate.coach_user_id.is_not(None),
                Candidate.erased_at.is_(None),
            )
            .order_by(Candidate.id)
            .limit(limit)
        ).tuples()
    )


def _open_vacancies(db: Session, limit: int) -> list[Any]:
    """Open vacancies, those of employers with their own demo users first."""
    return list(
        db.execute(
            select(Vacancy.id, Vacancy.employer_id)
            .join(Employer, Employer.id == Vacancy.employer_id)
            .where(and_(Vacancy.status == "open", Vacancy.canonical_id.is_(None)))
            .order_by(Employer.organisation_id.is_(None), Vacancy.id)
            .limit(limit)
        ).tuples()
    )


def write_workbench(db: Session, *, today: date, seed: int) -> tuple[int, int]:
    """Write proposals and contact moments; returns how many of each."""
    rng = random.Random(f"{seed}:workbench")  # noqa: S311 - reproducible, not secret
    candidates = _consenting(db, 72)
    vacancies = _open_vacancies(db, 24)
    intros = 0
    if vacancies:
        for i, (candidate_id, coach_id) in enumerate(candidates):
            status = PIPELINE_ORDER[i % len(PIPELINE_ORDER)]
            vacancy_id, employer_id = vacancies[i % len(vacancies)]
            _propose(db, rng, today, candidate_id, coach_id, vacancy_id, employer_id, status)
            intros += 1
    moments = _candidate_moments(db, rng, today, candidates)
    moments += _employer_moments(db, rng, today)
    return intros, moments


def _propose(
    db: Session,
    rng: random.Random,
    today: date,
    candidate_id: int,
    coach_id: int,
    vacancy_id: int,
    employer_id: int,
    status: str,
) -> None:
    if status == "declined":
        reached = PATH[: rng.randint(1, 3)]
        party, reason = DECLINES[rng.randrange(len(DECLINES))]
    else:
        reached = PATH[: PATH.index(status) + 1]
        party, reason = "coach", None
    day = today - timedelta(days=rng.randint(10, 75))
    steps: list[tuple[str, date, str, str | None]] = []
    for step in reached:
        steps.append((step, day, "employer" if step == "introduced" else "coach", None))
        day = min(today, day + timedelta(days=rng.randint(2, 9)))
    if status == "declined":
        steps.append(("declined", day, party, reason))
    answered = next((s for s in steps if s[0] == "introduced"), None)
    if status == "declined" and party == "employer" and len(reached) == 1:
        answered = steps[-1]
    last = steps[-1]
    intro_id = db.scalar(
        insert(Introduction)
        .values(
            candidate_id=candidate_id,
            employer_id=employer_id,
            vacancy_id=vacancy_id,
            consent_given_at=_at(steps[0][1]),
            created_by_user_id=coach_id,
            status=last[0],
            status_at=_at(last[1]),
            declined_by=party if status == "declined" else None,
            decline_reason=reason,
            employer_answer=(
                None
                if answered is None
                else "interested"
                if answered[0] == "introduced"
                else "not_interested"
            ),
            answered_at=_at(answered[1]) if answered else None,
        )
        .returning(Introduction.id)
    )
    db.execute(
        insert(IntroductionStep),
        [
            {
                "introduction_id": intro_id,
                "status": s,
                "reached_at": _at(d),
                "by_user_id": coach_id if p == "coach" else None,
                "party": p,
                "reason": r,
            }
            for s, d, p, r in steps
        ],
    )
    db.execute(
        insert(AccessGrant).values(
            candidate_id=candidate_id,
            employer_id=employer_id,
            view="full",
            purpose="introduction",
            basis="introduction",
            source_type="introduction",
            source_id=intro_id,
            valid_from=_at(steps[0][1]),
            granted_by_user_id=coach_id,
        )
    )


def _names(db: Session, ids: set[int]) -> dict[int, str]:
    rows = db.execute(select(AppUser.id, AppUser.display_name).where(AppUser.id.in_(ids)))
    return dict(rows.tuples().all())


def _candidate_moments(db: Session, rng: random.Random, today: date, candidates: list[Any]) -> int:
    names = _names(db, {coach for _, coach in candidates})
    org_of = dict(
        db.execute(
            select(Candidate.id, Candidate.organisation_id).where(
                Candidate.id.in_([c for c, _ in candidates])
            )
        )
        .tuples()
        .all()
    )
    rows = []
    for candidate_id, coach_id in candidates:
        for _ in range(rng.randint(1, 3)):
            kind, summary, action = CANDIDATE_NOTES[rng.randrange(len(CANDIDATE_NOTES))]
            day = today - timedelta(days=rng.randint(0, 60))
            rows.append(
                {
                    "candidate_id": candidate_id,
                    "kind": kind,
                    "occurred_on": day,
                    "summary": summary,
                    "next_action": action,
                    # some next actions are already overdue: the caseload shows them
                    "next_action_due": day + timedelta(days=rng.randint(3, 21)) if action else None,
                    "organisation_id": org_of.get(candidate_id),
                    "created_by_user_id": coach_id,
                    "created_by_name": names.get(coach_id, ""),
                    "created_at": _at(day),
                }
            )
    if rows:
        db.execute(insert(ContactMoment), rows)
    return len(rows)


def _employer_moments(db: Session, rng: random.Random, today: date) -> int:
    employers: list[tuple[int, int]] = list(
        db.execute(
            select(Employer.id, Employer.contact_user_id)
            .where(Employer.contact_user_id.is_not(None))
            .order_by(Employer.id)
            .limit(30)
        ).tuples()  # type: ignore[arg-type]  # the WHERE excludes a NULL contact
    )
    names = _names(db, {u for _, u in employers})
    orgs = dict(
        db.execute(
            select(AppUser.id, AppUser.organisation_id).where(
                AppUser.id.in_([u for _, u in employers])
            )
        )
        .tuples()
        .all()
    )
    rows = []
    for employer_id, user_id in employers:
        kind, summary, action = EMPLOYER_NOTES[rng.randrange(len(EMPLOYER_NOTES))]
        day = today - timedelta(days=rng.randint(0, 45))
        rows.append(
            {
                "employer_id": employer_id,
                "kind": kind,
                "occurred_on": day,
                "summary": summary,
                "next_action": action,
                "next_action_due": day + timedelta(days=14) if action else None,
                "organisation_id": orgs.get(user_id),
                "created_by_user_id": user_id,
                "created_by_name": names.get(user_id, ""),
                "created_at": _at(day),
            }
        )
    if rows:
        db.execute(insert(ContactMoment), rows)
    return len(rows)
