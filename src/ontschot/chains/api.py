"""Chains API: sector chains with their phases, chain types and their versions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path

from ontschot.access.actor import Actor
from ontschot.access.deps import requires
from ontschot.chains import service
from ontschot.chains.schemas import (
    ChainCreate,
    ChainRead,
    ChainTypeRead,
    ChainTypeVersionCreate,
    ChainUpdate,
    FunctionProfileCreate,
    FunctionProfileRead,
)
from ontschot.chains.views import chain_read, chain_type_read, partner_names
from ontschot.deps import DbSession
from ontschot.schemas import Page

router = APIRouter(tags=["chains"])
ChainId = Annotated[int, Path(ge=1, le=2**31 - 1, alias="chainId")]
TypeKey = Annotated[str, Path(min_length=1, max_length=40, alias="chainTypeKey")]


@router.get("/chains", response_model=Page[ChainRead])
def list_chains(
    db: DbSession, actor: Annotated[Actor, Depends(requires("chain.read"))]
) -> Page[ChainRead]:
    """The sector chains of the region, each with the ordered phases (and their statuses)
    of the chain type version that new trajectories start under."""
    chains = service.list_chains(db, actor=actor)
    names = partner_names(db, chains)
    items = [chain_read(db, c, names) for c in chains]
    return Page(items=items, total=len(items), page=1, page_size=max(1, len(items)))


@router.get("/chains/{chainId}", response_model=ChainRead)
def get_chain(
    chain_id: ChainId, db: DbSession, actor: Annotated[Actor, Depends(requires("chain.read"))]
) -> ChainRead:
    return chain_read(db, service.readable_chain(db, actor=actor, chain_id=chain_id))


@router.post("/chains", status_code=201, response_model=ChainRead)
def create_chain(
    body: ChainCreate, db: DbSession, actor: Annotated[Actor, Depends(requires("chain.manage"))]
) -> ChainRead:
    return chain_read(db, service.create_chain(db, actor=actor, data=body))


@router.patch("/chains/{chainId}", response_model=ChainRead)
def update_chain(
    chain_id: ChainId,
    body: ChainUpdate,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("chain.manage"))],
) -> ChainRead:
    return chain_read(db, service.update_chain(db, actor=actor, chain_id=chain_id, data=body))


@router.post(
    "/chains/{chainId}/function-profiles", status_code=201, response_model=FunctionProfileRead
)
def add_function_profile(
    chain_id: ChainId,
    body: FunctionProfileCreate,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("chain.manage"))],
) -> FunctionProfileRead:
    profile = service.add_function_profile(db, actor=actor, chain_id=chain_id, data=body)
    return FunctionProfileRead.model_validate(profile)


@router.get("/chain-types", response_model=list[ChainTypeRead])
def list_chain_types(
    db: DbSession, actor: Annotated[Actor, Depends(requires("chain.read"))]
) -> list[ChainTypeRead]:
    """The current version of every chain type."""
    return [chain_type_read(t) for t in service.list_chain_types(db, actor=actor)]


@router.get("/chain-types/{chainTypeKey}/versions", response_model=list[ChainTypeRead])
def chain_type_versions(
    key: TypeKey, db: DbSession, actor: Annotated[Actor, Depends(requires("chain.read"))]
) -> list[ChainTypeRead]:
    """Every version of a chain type, newest first; running trajectories keep theirs."""
    return [chain_type_read(t) for t in service.chain_type_versions(db, actor=actor, key=key)]


@router.post("/chain-types/{chainTypeKey}/versions", status_code=201, response_model=ChainTypeRead)
def revise_chain_type(
    key: TypeKey,
    body: ChainTypeVersionCreate,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("chain.manage"))],
) -> ChainTypeRead:
    """Write the whole structure (phases with statuses, results) as the next version."""
    return chain_type_read(service.revise_chain_type(db, actor=actor, key=key, data=body))
