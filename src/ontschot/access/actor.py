"""Who is acting: a logged-in person, a partner system with an API token, or the CLI.

Services receive an `Actor` and call `actor.require(action)`; that is where permission is
decided, so the page, the API and the CLI cannot differ.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ontschot.access.roles import ROLE_LABELS_NL, Role, Scope, scope_for
from ontschot.errors import Forbidden


@dataclass(frozen=True)
class NavItem:
    href: str
    label: str


# Landing navigation per role; pages that a role may not use are never offered.
_NAVIGATION: dict[Role, tuple[NavItem, ...]] = {}


def register_navigation(role: Role, *items: NavItem) -> None:
    """Contexts add their menu entries for the roles that use them."""
    current = list(_NAVIGATION.get(role, ()))
    for item in items:
        if item not in current:
            current.append(item)
    _NAVIGATION[role] = tuple(current)


@dataclass(frozen=True)
class Actor:
    role: Role
    user_id: int | None
    organisation_id: int | None
    display_name: str
    organisation_name: str = ""
    organisation_kind: str | None = None
    via: str = "page"  # page | api | token | cli
    token_id: int | None = None
    # An API token may narrow the role's actions to a subset; None means no narrowing.
    token_actions: frozenset[str] | None = field(default=None)
    region_code: str | None = None
    # A visitor who is not logged in: may only do PUBLIC_ACTIONS (the role is then ignored).
    is_anonymous: bool = False

    @classmethod
    def visitor(cls) -> Actor:
        """Nobody logged in; only public actions are allowed."""
        return cls(
            role=Role.ANALYST,
            user_id=None,
            organisation_id=None,
            display_name="bezoeker",
            via="page",
            is_anonymous=True,
        )

    @property
    def is_authenticated(self) -> bool:
        return not self.is_anonymous

    @classmethod
    def cli(cls, display_name: str = "ontschot-cli") -> Actor:
        """The operator at the command line acts as system administrator."""
        return cls(
            role=Role.SYSTEM_ADMIN,
            user_id=None,
            organisation_id=None,
            display_name=display_name,
            organisation_name="beheer",
            via="cli",
        )

    def scope(self, action: str) -> Scope | None:
        if self.is_anonymous:
            return Scope.PUBLIC if scope_for(action, self.role) == Scope.PUBLIC else None
        if self.token_actions is not None and action not in self.token_actions:
            scope = scope_for(action, self.role)
            return Scope.PUBLIC if scope == Scope.PUBLIC else None
        return scope_for(action, self.role)

    def can(self, action: str) -> bool:
        return self.scope(action) is not None

    def require(self, action: str) -> Scope:
        """The scope for `action`, or `Forbidden` when this actor may not do it."""
        scope = self.scope(action)
        if scope is None:
            raise Forbidden(f"Uw rol mag deze handeling ({action}) niet uitvoeren.")
        return scope

    def require_within(
        self,
        action: str,
        *,
        organisation_id: int | None = None,
        owner_user_id: int | None = None,
        region_code: str | None = None,
    ) -> Scope:
        """Like `require`, and also check that the object lies inside the actor's scope.

        Pass what is known about the object: the organisation it belongs to, the user whose
        caseload it is in, its region. OWN needs the owner (or, without an owner, the same
        organisation), ORGANISATION the same organisation, REGION the same region when both
        regions are known. Raises `Forbidden` otherwise.
        """
        scope = self.require(action)
        if scope in (Scope.PUBLIC,):
            return scope
        if scope == Scope.REGION:
            inside = (
                region_code is None or self.region_code is None or (region_code == self.region_code)
            )
        elif scope == Scope.ORGANISATION:
            inside = organisation_id is not None and organisation_id == self.organisation_id
        elif owner_user_id is not None:
            inside = owner_user_id == self.user_id
        else:
            inside = organisation_id is not None and organisation_id == self.organisation_id
        if not inside:
            raise Forbidden(f"Dit valt buiten uw bereik voor deze handeling ({action}).")
        return scope

    @property
    def role_label(self) -> str:
        if self.is_anonymous:
            return "Bezoeker"
        return ROLE_LABELS_NL[self.role]

    def navigation(self) -> tuple[NavItem, ...]:
        return (NavItem("/", "Mijn dag"), *_NAVIGATION.get(self.role, ()))
