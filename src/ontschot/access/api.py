"""Access API: own account, organisations, users and API tokens."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from ontschot.access import service, tokens
from ontschot.access.actor import Actor
from ontschot.access.deps import login_guard, requires
from ontschot.access.models import ApiToken, AppUser
from ontschot.access.schemas import (
    ApiTokenCreate,
    ApiTokenCreated,
    ApiTokenRead,
    MeRead,
    OrganisationCreate,
    OrganisationRead,
    PasswordReset,
    UserCreate,
    UserRead,
)
from ontschot.deps import AppSettings, DbSession
from ontschot.web.problems import ProblemError

router = APIRouter(tags=["access"])
OrganisationId = Annotated[int, Path(alias="organisationId", ge=1, le=2**31 - 1)]
UserId = Annotated[int, Path(alias="userId", ge=1, le=2**31 - 1)]
TokenId = Annotated[int, Path(alias="tokenId", ge=1, le=2**31 - 1)]
OrgFilter = Annotated[int | None, Query(alias="organisationId", ge=1, le=2**31 - 1)]


def user_read(user: AppUser) -> UserRead:
    return UserRead(
        id=user.id,
        email=user.email,
        display_name=user.display_name,
        role=user.role,
        organisation_id=user.organisation_id,
        is_active=user.is_active,
        is_locked=service.is_locked(user),
        last_login_at=user.last_login_at,
        created_at=user.created_at,
    )


def token_read(token: ApiToken) -> ApiTokenRead:
    return ApiTokenRead(
        id=token.id,
        name=token.name,
        prefix=token.prefix,
        organisation_id=token.organisation_id,
        role=token.role,
        actions=sorted(token.action_set),
        created_at=token.created_at,
        last_used_at=token.last_used_at,
        revoked_at=token.revoked_at,
    )


@router.get("/me", response_model=MeRead)
def read_me(actor: Annotated[Actor, Depends(requires("account.read"))]) -> MeRead:
    """Who is calling: the logged-in user or the API token's organisation and role."""
    return MeRead(
        user_id=actor.user_id,
        display_name=actor.display_name,
        role=actor.role,
        role_label=actor.role_label,
        organisation_id=actor.organisation_id,
        organisation_name=actor.organisation_name,
        via=actor.via,
    )


@router.get("/organisations", response_model=list[OrganisationRead])
def list_organisations(
    db: DbSession, actor: Annotated[Actor, Depends(requires("organisation.read"))]
) -> list[OrganisationRead]:
    """Every partner organisation, by name."""
    orgs = service.list_organisations(db, actor=actor)
    return [OrganisationRead.model_validate(org) for org in orgs]


@router.post("/organisations", response_model=OrganisationRead, status_code=201)
def create_organisation(
    body: OrganisationCreate,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("organisation.create"))],
) -> OrganisationRead:
    """Add a partner organisation (system administrator)."""
    org = service.create_organisation(db, actor=actor, data=body)
    return OrganisationRead.model_validate(org)


@router.get("/organisations/{organisationId}", response_model=OrganisationRead)
def get_organisation(
    organisation_id: OrganisationId,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("organisation.read"))],
) -> OrganisationRead:
    org = service.get_organisation(db, actor=actor, organisation_id=organisation_id)
    return OrganisationRead.model_validate(org)


@router.get("/users", response_model=list[UserRead])
def list_users(
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("user.read"))],
    organisation_id: OrgFilter = None,
) -> list[UserRead]:
    """Users of your organisation (a system administrator may pick any organisation)."""
    users = service.list_users(db, actor=actor, organisation_id=organisation_id)
    return [user_read(user) for user in users]


@router.post("/users", response_model=UserRead, status_code=201)
def create_user(
    body: UserCreate,
    db: DbSession,
    settings: AppSettings,
    actor: Annotated[Actor, Depends(requires("user.create"))],
) -> UserRead:
    """Create a user in your organisation."""
    return user_read(service.create_user(db, actor=actor, data=body, settings=settings))


@router.get("/users/{userId}", response_model=UserRead)
def get_user(
    user_id: UserId, db: DbSession, actor: Annotated[Actor, Depends(requires("user.read"))]
) -> UserRead:
    return user_read(service.get_user(db, actor=actor, user_id=user_id))


@router.post("/users/{userId}/disable", response_model=UserRead)
def disable_user(
    user_id: UserId, db: DbSession, actor: Annotated[Actor, Depends(requires("user.update"))]
) -> UserRead:
    """Block the user from logging in and end their sessions."""
    return user_read(service.disable_user(db, actor=actor, user_id=user_id))


@router.post("/users/{userId}/password-reset", status_code=204)
def reset_password(
    user_id: UserId,
    body: PasswordReset,
    request: Request,
    db: DbSession,
    settings: AppSettings,
    actor: Annotated[Actor, Depends(requires("user.update"))],
) -> Response:
    """Set a new password (12 to 256 characters); lifts a lock-out and ends sessions."""
    user = service.reset_password(
        db, actor=actor, user_id=user_id, new_password=body.new_password, settings=settings
    )
    login_guard(request).forget(user.email)
    return Response(status_code=204)


@router.get("/api-tokens", response_model=list[ApiTokenRead])
def list_api_tokens(
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("api_token.read"))],
    organisation_id: OrgFilter = None,
) -> list[ApiTokenRead]:
    """Tokens of your organisation, without their secret values."""
    rows = tokens.list_tokens(db, actor=actor, organisation_id=organisation_id)
    return [token_read(token) for token in rows]


@router.post("/api-tokens", response_model=ApiTokenCreated, status_code=201)
def create_api_token(
    body: ApiTokenCreate,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("api_token.create"))],
) -> ApiTokenCreated:
    """Create a token for a partner system. The `token` value is shown only in this answer."""
    org_id = body.organisation_id or actor.organisation_id
    if org_id is None:
        raise ProblemError(
            400,
            "Geef een organisationId op.",
            errors=[{"name": "organisationId", "in": "body", "reason": "verplicht"}],
        )
    token, raw = tokens.create_token(
        db,
        actor=actor,
        organisation_id=org_id,
        name=body.name,
        role=body.role,
        actions=body.actions,
    )
    return ApiTokenCreated(**token_read(token).model_dump(), token=raw)


@router.delete("/api-tokens/{tokenId}", status_code=204)
def revoke_api_token(
    token_id: TokenId, db: DbSession, actor: Annotated[Actor, Depends(requires("api_token.revoke"))]
) -> Response:
    """Revoke a token; it stops working at once."""
    tokens.revoke_token(db, actor=actor, token_id=token_id)
    return Response(status_code=204)
