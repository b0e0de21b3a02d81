"""Who is acting: a logged-in person, a partner system with an API token, or the CLI.

Services receive an `Actor` and call `actor.require(action)`; that is where permission is
decided, so the page, the API and the CLI cannot differ.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ontschot.access.roles import ROLE_LABELS_NL, Role, Scope, scope_for
from ontschot.web.problems import ProblemError


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

    @classmethod
    def cli(cls, display_name: str = "ontschot-cli") -> Actor:
        """The operator at the command line acts as system administrator."""
        return cls(role=Role.SYSTEM_ADMIN, user_id=None, organisation_id=None,
                   display_name=display_name, organisation_name="beheer", via="cli")

    def scope(self, action: str) -> Scope | None:
        if self.token_actions is not None and action not in self.token_actions:
            scope = scope_for(action, self.role)
            return Scope.PUBLIC if scope == Scope.PUBLIC else None
        return scope_for(action, self.role)

    def can(self, action: str) -> bool:
        return self.scope(action) is not None

    def require(self, action: str) -> Scope:
        """The scope for `action`, or a 403 problem when this actor may not do it."""
        scope = self.scope(action)
        if scope is None:
            raise ProblemError(403, f"Uw rol mag deze handeling ({action}) niet uitvoeren.")
        return scope

    @property
    def role_label(self) -> str:
        return ROLE_LABELS_NL[self.role]

    def navigation(self) -> tuple[NavItem, ...]:
        return (NavItem("/", "Mijn dag"), *_NAVIGATION.get(self.role, ()))
