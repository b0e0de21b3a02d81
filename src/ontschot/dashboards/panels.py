"""The "Mijn dag" panels per role, reading the registry (people, employers, access).

Each panel is small: a count, a short list, and what to do next. Panels only read, and each
shows nothing when the role lacks the matching read permission. The coach panel shows names
from the coach's own caseload and records that list read in the processing log, like the
candidate list does. Register them with `register_panels()` (the app factory does this).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from ontschot.access.actor import Actor
from ontschot.access.dashboard import PanelResult, register_dashboard_panel
from ontschot.access.models import AppUser, Organisation
from ontschot.access.roles import ROLE_LABELS_NL, Role
from ontschot.audit import service as audit
from ontschot.config import Settings
from ontschot.db import utcnow
from ontschot.employers.models import Employer, Vacancy
from ontschot.employers.queries import open_vacancy
from ontschot.insight.tightness import tightest
from ontschot.numbers import nl_number
from ontschot.people.models import Candidate, CandidateSkill
from ontschot.people.visibility import full_view_condition
from ontschot.people.vum import label_nl
from ontschot.taxonomy.models import Occupation
from ontschot.tx import transactional

ACTIVE_STATUSES = ("seeking", "employed_at_risk")
NO_CONTACT_DAYS = 90
CLOSING_SOON_DAYS = 14
LIST_LENGTH = 5
VACANCY_STATUS_NL = {"open": "open", "filled": "vervuld", "closed": "gesloten"}
PROMISING = float(Settings.model_fields["tightness_promising"].default)


def _active_candidates() -> Any:
    return and_(Candidate.erased_at.is_(None), Candidate.status.in_(ACTIVE_STATUSES))


def _own_caseload(actor: Actor) -> Any:
    # The visibility rule too: being named coach of a record is not a right to see it.
    return and_(
        _active_candidates(),
        Candidate.coach_user_id == actor.user_id,
        full_view_condition(actor),
    )


@transactional
def coach_panel(db: Session, actor: Actor) -> PanelResult:
    """Own caseload: how many and the newest; records the list read in the processing log."""
    if actor.user_id is None or not actor.can("candidate.read"):
        return None
    own = _own_caseload(actor)
    total = db.scalar(select(func.count()).select_from(Candidate).where(own)) or 0
    newest = db.scalars(
        select(Candidate)
        .where(own)
        .order_by(Candidate.created_at.desc(), Candidate.id.desc())
        .limit(LIST_LENGTH)
    ).all()
    if total:
        audit.record(
            db,
            actor=actor,
            action="candidate.list",
            object_type="candidate",
            object_id=None,
            subject_key=None,
            purpose="overzicht eigen caseload",
        )
    return "dashboards/coach.html", {"total": total, "newest": newest, "label": label_nl}


def coach_actions_panel(db: Session, actor: Actor) -> PanelResult:
    """Next actions: candidates without skills, and without a change in 90 days."""
    if actor.user_id is None or not actor.can("candidate.read"):
        return None
    own = _own_caseload(actor)
    has_skill = select(CandidateSkill.id).where(CandidateSkill.candidate_id == Candidate.id)
    no_skills_q = select(Candidate).where(own, ~has_skill.exists())
    no_skills_count = db.scalar(select(func.count()).select_from(no_skills_q.subquery())) or 0
    quiet_since = utcnow() - timedelta(days=NO_CONTACT_DAYS)
    quiet_q = select(Candidate).where(own, Candidate.updated_at < quiet_since)
    quiet_count = db.scalar(select(func.count()).select_from(quiet_q.subquery())) or 0
    if not (no_skills_count or quiet_count):
        return None
    no_skills = db.scalars(
        no_skills_q.order_by(Candidate.created_at, Candidate.id).limit(LIST_LENGTH)
    ).all()
    quiet = db.scalars(
        quiet_q.order_by(Candidate.updated_at, Candidate.id).limit(LIST_LENGTH)
    ).all()
    return "dashboards/coach_actions.html", {
        "no_skills": no_skills,
        "no_skills_count": no_skills_count,
        "quiet": quiet,
        "quiet_count": quiet_count,
        "no_contact_days": NO_CONTACT_DAYS,
    }


def adviser_panel(db: Session, actor: Actor) -> PanelResult:
    """Open vacancies of the employers this adviser is the contact for, closing soon first."""
    if actor.user_id is None or not actor.can("vacancy.read"):
        return None
    mine = and_(open_vacancy(), Employer.contact_user_id == actor.user_id)
    base = select(Vacancy).join(Employer, Employer.id == Vacancy.employer_id).where(mine)
    total = db.scalar(select(func.count()).select_from(base.subquery())) or 0
    employers = (
        db.scalar(
            select(func.count())
            .select_from(Employer)
            .where(Employer.contact_user_id == actor.user_id)
        )
        or 0
    )
    today = utcnow().date()
    soon = db.scalars(
        base.where(
            Vacancy.closing_date >= today,
            Vacancy.closing_date <= today + timedelta(days=CLOSING_SOON_DAYS),
        )
        .order_by(Vacancy.closing_date, Vacancy.id)
        .limit(LIST_LENGTH * 2)
    ).all()
    return "dashboards/adviser.html", {
        "total": total,
        "employers": employers,
        "soon": soon,
        "days": CLOSING_SOON_DAYS,
    }


def employer_panel(db: Session, actor: Actor) -> PanelResult:
    """The employer's own vacancies."""
    if actor.organisation_id is None or not actor.can("vacancy.read"):
        return None
    own = (
        select(Vacancy)
        .join(Employer, Employer.id == Vacancy.employer_id)
        .where(Employer.organisation_id == actor.organisation_id, Vacancy.canonical_id.is_(None))
    )
    rows = db.scalars(
        own.order_by(Vacancy.status.desc(), Vacancy.closing_date, Vacancy.id).limit(LIST_LENGTH * 2)
    ).all()
    open_count = (
        db.scalar(select(func.count()).select_from(own.where(Vacancy.status == "open").subquery()))
        or 0
    )
    return "dashboards/employer.html", {
        "vacancies": rows,
        "open_count": open_count,
        "status_labels": VACANCY_STATUS_NL,
    }


def _region_municipalities(db: Session, actor: Actor) -> list[str] | None:
    """Municipalities of the actor's region, or None when the region is not known."""
    from ontschot.synth.regions import all_regions

    code = actor.region_code
    if code is None and actor.organisation_id is not None:
        code = db.scalar(
            select(Organisation.region_code).where(Organisation.id == actor.organisation_id)
        )
    for region in all_regions():
        if code in (region.slug, region.code, region.name):
            return list(region.municipalities)
    return None


def _region_candidates(db: Session, actor: Actor) -> list[Any]:
    places = _region_municipalities(db, actor)
    return [_active_candidates()] + ([Candidate.municipality.in_(places)] if places else [])


def programme_places_panel(db: Session, actor: Actor) -> PanelResult:
    """Region totals: active candidates and open vacancies, candidates per municipality."""
    places = _region_municipalities(db, actor)
    per_place = db.execute(
        select(Candidate.municipality, func.count())
        .where(*_region_candidates(db, actor))
        .group_by(Candidate.municipality)
        .order_by(func.count().desc(), Candidate.municipality)
    ).all()
    vac = [open_vacancy()]
    vac += [Vacancy.municipality.in_(places)] if places else []
    vacancies = db.scalar(select(func.count()).select_from(Vacancy).where(*vac)) or 0
    return "dashboards/programme.html", {
        "number": nl_number,
        "per_place": per_place,
        "candidates": sum(n for _, n in per_place),
        "vacancies": vacancies,
    }


def programme_benefits_panel(db: Session, actor: Actor) -> PanelResult:
    """Active candidates per benefit (WW, bijstand, Wajong, WIA, none)."""
    per_benefit = db.execute(
        select(Candidate.benefit, func.count())
        .where(*_region_candidates(db, actor))
        .group_by(Candidate.benefit)
        .order_by(func.count().desc(), Candidate.benefit)
    ).all()
    if not per_benefit:
        return None
    return "dashboards/programme_benefits.html", {"per_benefit": per_benefit, "label": label_nl}


def programme_sectors_panel(db: Session, actor: Actor) -> PanelResult:
    """Open vacancies per sector of the employer."""
    if not actor.can("vacancy.read"):
        return None
    places = _region_municipalities(db, actor)
    vac = [open_vacancy()]
    vac += [Vacancy.municipality.in_(places)] if places else []
    sector = func.coalesce(Employer.sector, "onbekend")
    per_sector = db.execute(
        select(sector, func.count())
        .select_from(Vacancy)
        .join(Employer, Employer.id == Vacancy.employer_id)
        .where(*vac)
        .group_by(sector)
        .order_by(func.count().desc(), sector)
    ).all()
    if not per_sector:
        return None
    return "dashboards/programme_sectors.html", {"per_sector": per_sector}


def tightness_rows(db: Session, limit: int = 10, min_vacancies: int = 3) -> list[dict[str, Any]]:
    """The tightest occupations, by the one definition in `insight.tightness`."""
    top = tightest(db, promising=PROMISING, limit=limit, min_vacancies=min_vacancies)
    labels: dict[str, str] = dict(
        db.execute(
            select(Occupation.uri, func.coalesce(Occupation.label_nl, Occupation.label_en)).where(
                Occupation.uri.in_([t.uri for t in top])
            )
        )
        .tuples()
        .all()
    )
    return [
        {
            "label": labels.get(t.uri, t.uri),
            "vacancies": t.demand.open_vacancies,
            "candidates": t.demand.available_candidates,
            "ratio": t.demand.tightness,
            "ratio_nl": f"{t.demand.tightness:.1f}".replace(".", ","),
            "is_promising": t.is_kansberoep,
        }
        for t in top
    ]


def analyst_panel(db: Session, actor: Actor) -> PanelResult:
    rows = tightness_rows(db)
    return ("dashboards/analyst.html", {"rows": rows}) if rows else None


def partner_admin_panel(db: Session, actor: Actor) -> PanelResult:
    """Users of the own organisation, most recently active first."""
    if actor.organisation_id is None or not actor.can("user.read"):
        return None
    users = db.scalars(
        select(AppUser)
        .where(AppUser.organisation_id == actor.organisation_id)
        .order_by(AppUser.last_login_at.desc().nulls_last(), AppUser.email)
    ).all()
    locked = [u for u in users if u.locked_until is not None and u.locked_until > utcnow()]
    return "dashboards/partner_admin.html", {
        "wide": True,
        "users": users[: LIST_LENGTH * 2],
        "total": len(users),
        "active": sum(1 for u in users if u.is_active),
        "locked": len(locked),
        "role_labels": {role.value: label for role, label in ROLE_LABELS_NL.items()},
    }


def platform_panel(db: Session, actor: Actor) -> PanelResult:
    """For the system administrator: every organisation with its number of active users."""
    if not actor.can("user.read") or not actor.can("organisation.read"):
        return None
    active_users = (
        select(AppUser.organisation_id, func.count().label("n"))
        .where(AppUser.is_active.is_(True))
        .group_by(AppUser.organisation_id)
        .subquery()
    )
    users = func.coalesce(active_users.c.n, 0)
    rows = db.execute(
        select(Organisation, users)
        .outerjoin(active_users, active_users.c.organisation_id == Organisation.id)
        .order_by(users.desc(), Organisation.name)
    ).all()
    if not rows:
        return None
    return "dashboards/platform.html", {
        "wide": True,
        "organisations": [(org, n) for org, n in rows],
        "users": sum(n for _, n in rows),
        "shown": LIST_LENGTH * 3,
    }


def register_panels() -> None:
    """Add the panels to the landing page of each role (idempotent)."""
    register = register_dashboard_panel
    register(Role.COACH, coach_panel, name="dashboards.coach", order=10)
    register(Role.COACH, coach_actions_panel, name="dashboards.coach_actions", order=11)
    register(Role.EMPLOYER_ADVISER, adviser_panel, name="dashboards.adviser", order=10)
    register(Role.PROGRAMME_MANAGER, programme_places_panel, name="dashboards.places", order=10)
    register(Role.PROGRAMME_MANAGER, programme_benefits_panel, name="dashboards.benefits", order=11)
    register(
        (Role.PROGRAMME_MANAGER, Role.ANALYST),
        programme_sectors_panel,
        name="dashboards.sectors",
        order=12,
    )
    register(Role.EMPLOYER, employer_panel, name="dashboards.employer", order=10)
    register(
        (Role.ANALYST, Role.PROGRAMME_MANAGER), analyst_panel, name="dashboards.tightness", order=20
    )
    register(Role.PARTNER_ADMIN, partner_admin_panel, name="dashboards.partner_admin", order=10)
    register(Role.SYSTEM_ADMIN, platform_panel, name="dashboards.platform", order=10)
