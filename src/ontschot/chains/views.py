"""Chains and chain types as API shapes."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot.access.models import Organisation
from ontschot.chains.models import Chain, ChainType
from ontschot.chains.schemas import (
    ChainRead,
    ChainTypeRead,
    FunctionProfileRead,
    PartnerRead,
    PhaseRead,
    ResultRead,
    StatusRead,
)
from ontschot.chains.service import current_type
from ontschot.employers.models import Employer


def chain_type_read(chain_type: ChainType) -> ChainTypeRead:
    return ChainTypeRead(
        id=chain_type.id,
        key=chain_type.key,
        version=chain_type.version,
        name=chain_type.name,
        is_current=chain_type.is_current,
        phases=[
            PhaseRead(
                id=p.id,
                position=p.position,
                name=p.name,
                needs_employer=p.needs_employer,
                statuses=[
                    StatusRead(id=s.id, position=s.position, name=s.name) for s in p.statuses
                ],
            )
            for p in chain_type.phases
        ],
        results=[ResultRead(id=r.id, name=r.name, is_work=r.is_work) for r in chain_type.results],
    )


def partner_names(db: Session, chains: list[Chain]) -> dict[tuple[str, int], str]:
    employer_ids = {p.employer_id for c in chains for p in c.partners if p.employer_id}
    org_ids = {p.organisation_id for c in chains for p in c.partners if p.organisation_id}
    names: dict[tuple[str, int], str] = {}
    if employer_ids:
        for eid, name in db.execute(
            select(Employer.id, Employer.name).where(Employer.id.in_(employer_ids))
        ):
            names[("employer", eid)] = name
    if org_ids:
        for oid, name in db.execute(
            select(Organisation.id, Organisation.name).where(Organisation.id.in_(org_ids))
        ):
            names[("educator", oid)] = name
    return names


def chain_read(
    db: Session, chain: Chain, names: dict[tuple[str, int], str] | None = None
) -> ChainRead:
    chain_type = current_type(db, chain.chain_type_key)
    assert chain_type is not None, "a chain names an existing chain type"
    shown = chain_type_read(chain_type)
    names = names if names is not None else partner_names(db, [chain])
    return ChainRead(
        id=chain.id,
        name=chain.name,
        sector=chain.sector,
        region_code=chain.region_code,
        coordinator_user_id=chain.coordinator_user_id,
        capacity=chain.capacity,
        intake_criteria=chain.intake_criteria,
        description=chain.description,
        is_active=chain.is_active,
        chain_type=shown,
        phases=shown.phases,
        partners=[
            PartnerRead(
                kind=p.kind,
                employer_id=p.employer_id,
                organisation_id=p.organisation_id,
                name=names.get((p.kind, int(p.employer_id or p.organisation_id or 0)), ""),
            )
            for p in chain.partners
        ],
        function_profiles=[FunctionProfileRead.model_validate(f) for f in chain.profiles],
    )
