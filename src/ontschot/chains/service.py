"""Chains and chain types: reads for everyone in the region, changes for programme managers.

A chain type is never edited in place: `revise_chain_type` writes the whole structure as
the next version and marks it current; trajectories keep the version they started under.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ontschot import clock, errors
from ontschot.access.actor import Actor
from ontschot.access.models import AppUser, Organisation
from ontschot.audit import service as audit
from ontschot.chains.models import (
    Chain,
    ChainPartner,
    ChainPhase,
    ChainResult,
    ChainStatus,
    ChainType,
    FunctionProfile,
)
from ontschot.chains.schemas import (
    ChainCreate,
    ChainTypeVersionCreate,
    ChainUpdate,
    FunctionProfileCreate,
)
from ontschot.employers.models import Employer
from ontschot.taxonomy.models import Occupation, Skill
from ontschot.tx import transactional

PURPOSE = "inrichting beroepsgroepenketens"


def _log(db: Session, actor: Actor, action: str, object_type: str, object_id: int) -> None:
    audit.record(
        db,
        actor=actor,
        action=action,
        object_type=object_type,
        object_id=object_id,
        subject_key=None,
        purpose=PURPOSE,
    )


def list_chains(db: Session, *, actor: Actor) -> list[Chain]:
    """The chains of the actor's region, by name (chains hold no personal data)."""
    actor.require("chain.read")
    query = select(Chain).order_by(Chain.name)
    if actor.region_code is not None:
        query = query.where(Chain.region_code == actor.region_code)
    return list(db.scalars(query))


def readable_chain(db: Session, *, actor: Actor, chain_id: int) -> Chain:
    actor.require("chain.read")
    chain = db.get(Chain, chain_id)
    if chain is None or not _in_region(actor, chain.region_code):
        raise errors.NotFound("Deze keten")
    return chain


def _in_region(actor: Actor, region_code: str) -> bool:
    return actor.region_code is None or actor.region_code == region_code


def current_type(db: Session, key: str) -> ChainType | None:
    return db.scalar(select(ChainType).where(ChainType.key == key, ChainType.is_current))


def chain_type_versions(db: Session, *, actor: Actor, key: str) -> list[ChainType]:
    """Every version of one chain type, newest first."""
    actor.require("chain.read")
    rows = list(
        db.scalars(select(ChainType).where(ChainType.key == key).order_by(ChainType.version.desc()))
    )
    if not rows:
        raise errors.NotFound("Dit ketentype")
    return rows


def list_chain_types(db: Session, *, actor: Actor) -> list[ChainType]:
    """The current version of every chain type."""
    actor.require("chain.read")
    return list(db.scalars(select(ChainType).where(ChainType.is_current).order_by(ChainType.key)))


@transactional
def revise_chain_type(
    db: Session, *, actor: Actor, key: str, data: ChainTypeVersionCreate
) -> ChainType:
    """Write `data` as the next version of chain type `key` (version 1 when new)."""
    actor.require("chain.manage")
    key = key.strip().lower()
    if not key or len(key) > 40 or not key.replace("-", "").isalnum():
        raise errors.invalid("key", "alleen letters, cijfers en streepjes (hoogstens 40)")
    latest = db.scalar(select(func.max(ChainType.version)).where(ChainType.key == key)) or 0
    for old in db.scalars(select(ChainType).where(ChainType.key == key, ChainType.is_current)):
        old.is_current = False
    db.flush()
    chain_type = ChainType(
        key=key,
        version=latest + 1,
        name=data.name.strip(),
        is_current=True,
        created_at=clock.now(),
        created_by_user_id=actor.user_id,
        phases=[
            ChainPhase(
                position=n,
                name=phase.name.strip(),
                needs_employer=phase.needs_employer,
                statuses=[ChainStatus(position=m, name=s) for m, s in enumerate(phase.statuses, 1)],
            )
            for n, phase in enumerate(data.phases, 1)
        ],
        results=[
            ChainResult(position=n, name=r.name.strip(), is_work=r.is_work)
            for n, r in enumerate(data.results, 1)
        ],
    )
    db.add(chain_type)
    db.flush()
    _log(db, actor, "chain_type.revise", "chain_type", chain_type.id)
    return chain_type


def _check_people(
    db: Session, actor: Actor, coordinator: int | None, employers: list[int], educators: list[int]
) -> None:
    problems: dict[str, str] = {}
    if coordinator is not None:
        user = db.get(AppUser, coordinator)
        if (
            user is None
            or not user.is_active
            or not _in_region(actor, user.organisation.region_code)
        ):
            problems["coordinator_user_id"] = "geen actieve gebruiker in deze regio"
    if employers and len(set(employers)) != (
        db.scalar(select(func.count()).where(Employer.id.in_(set(employers)))) or 0
    ):
        problems["partner_employer_ids"] = "onbekende werkgever"
    if educators:
        found = db.scalars(select(Organisation).where(Organisation.id.in_(set(educators)))).all()
        if len(found) != len(set(educators)) or any(
            not _in_region(actor, o.region_code) for o in found
        ):
            problems["educator_organisation_ids"] = "onbekende organisatie in deze regio"
    if problems:
        raise errors.Invalid("Controleer de keten.", fields=problems)


def _partners(employers: list[int], educators: list[int]) -> list[ChainPartner]:
    return [ChainPartner(kind="employer", employer_id=e) for e in dict.fromkeys(employers)] + [
        ChainPartner(kind="educator", organisation_id=o) for o in dict.fromkeys(educators)
    ]


@transactional
def create_chain(db: Session, *, actor: Actor, data: ChainCreate) -> Chain:
    actor.require("chain.manage")
    if actor.region_code is None:
        raise errors.Forbidden("Een keten hoort bij een regio; log in bij een organisatie.")
    if current_type(db, data.chain_type_key) is None:
        raise errors.invalid("chain_type_key", "onbekend ketentype")
    if db.scalar(
        select(Chain.id).where(Chain.region_code == actor.region_code, Chain.name == data.name)
    ):
        raise errors.Conflict("Er is al een keten met deze naam.", fields={"name": "bestaat al"})
    _check_people(
        db,
        actor,
        data.coordinator_user_id,
        data.partner_employer_ids,
        data.educator_organisation_ids,
    )
    chain = Chain(
        name=data.name.strip(),
        sector=data.sector.strip(),
        region_code=actor.region_code,
        chain_type_key=data.chain_type_key,
        coordinator_user_id=data.coordinator_user_id,
        capacity=data.capacity,
        intake_criteria=data.intake_criteria,
        description=data.description,
        partners=_partners(data.partner_employer_ids, data.educator_organisation_ids),
    )
    db.add(chain)
    db.flush()
    _log(db, actor, "chain.create", "chain", chain.id)
    return chain


@transactional
def update_chain(db: Session, *, actor: Actor, chain_id: int, data: ChainUpdate) -> Chain:
    actor.require("chain.manage")
    chain = readable_chain(db, actor=actor, chain_id=chain_id)
    sent = data.model_fields_set
    employers = data.partner_employer_ids
    educators = data.educator_organisation_ids
    _check_people(
        db,
        actor,
        data.coordinator_user_id if "coordinator_user_id" in sent else None,
        employers or [],
        educators or [],
    )
    if data.name is not None and data.name != chain.name:
        clash = select(Chain.id).where(
            Chain.region_code == chain.region_code, Chain.name == data.name
        )
        if db.scalar(clash):
            raise errors.Conflict(
                "Er is al een keten met deze naam.", fields={"name": "bestaat al"}
            )
    for name in ("name", "sector", "capacity", "intake_criteria", "description", "is_active"):
        if name in sent and (getattr(data, name) is not None or name not in {"name", "sector"}):
            setattr(chain, name, getattr(data, name))
    if "coordinator_user_id" in sent:
        chain.coordinator_user_id = data.coordinator_user_id
    if employers is not None or educators is not None:
        kept_employers = employers if employers is not None else _ids(chain, "employer")
        kept_educators = educators if educators is not None else _ids(chain, "educator")
        chain.partners = _partners(kept_employers, kept_educators)
    chain.updated_at = clock.now()
    db.flush()
    _log(db, actor, "chain.update", "chain", chain.id)
    return chain


def _ids(chain: Chain, kind: str) -> list[int]:
    found = (p.employer_id if kind == "employer" else p.organisation_id for p in chain.partners)
    kinds = (p.kind for p in chain.partners)
    return [int(i) for i, k in zip(found, kinds, strict=True) if k == kind and i is not None]


@transactional
def add_function_profile(
    db: Session, *, actor: Actor, chain_id: int, data: FunctionProfileCreate
) -> FunctionProfile:
    actor.require("chain.manage")
    chain = readable_chain(db, actor=actor, chain_id=chain_id)
    problems: dict[str, str] = {}
    if db.get(Occupation, data.occupation_uri) is None:
        problems["occupation_uri"] = "geen ESCO-beroep"
    for field in ("skill_uris", "learnable_skill_uris"):
        uris = set(getattr(data, field))
        if uris and len(uris) != (db.scalar(select(func.count()).where(Skill.uri.in_(uris))) or 0):
            problems[field] = "niet elke vaardigheid staat in ESCO"
    if problems:
        raise errors.Invalid("Controleer het functieprofiel.", fields=problems)
    profile = FunctionProfile(
        chain_id=chain.id,
        title=data.title.strip(),
        occupation_uri=data.occupation_uri,
        skill_uris=list(dict.fromkeys(data.skill_uris)),
        learnable_skill_uris=list(dict.fromkeys(data.learnable_skill_uris)),
        learn_on_job=data.learn_on_job,
        entry_route=data.entry_route,
        agreed_with=data.agreed_with,
    )
    db.add(profile)
    db.flush()
    db.refresh(chain)
    _log(db, actor, "chain.profile.add", "function_profile", profile.id)
    return profile
