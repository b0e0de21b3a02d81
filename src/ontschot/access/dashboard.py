"""The landing page "Mijn dag": panels that contexts register per role.

A panel is a function ``(db, actor) -> (template_name, context) | None``; returning None
hides the panel (nothing to show today). Panels render in the order of `order`, then
registration, each inside a `<section class="card">`; the panel's template reads its
context as the variable ``panel`` (e.g. ``{{ panel.count }}``) next to ``actor``. Register
panels at import time of the context's pages module.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from ontschot.access.actor import Actor
from ontschot.access.roles import Role

PanelResult = tuple[str, dict[str, Any]] | None
PanelFunction = Callable[[Session, Actor], PanelResult]


@dataclass(frozen=True)
class Panel:
    name: str
    render: PanelFunction
    order: int


_PANELS: dict[Role, list[Panel]] = {}


def register_dashboard_panel(
    roles: Role | Iterable[Role],
    panel: PanelFunction,
    *,
    name: str | None = None,
    order: int = 100,
) -> None:
    """Show `panel` on the landing page of `roles`. Registering the same name twice replaces."""
    targets = [roles] if isinstance(roles, Role) else list(roles)
    entry = Panel(name or str(getattr(panel, "__qualname__", repr(panel))), panel, order)
    for role in targets:
        panels = [p for p in _PANELS.get(role, []) if p.name != entry.name]
        panels.append(entry)
        _PANELS[role] = sorted(panels, key=lambda p: p.order)


def panels_for(role: Role) -> list[Panel]:
    return list(_PANELS.get(role, []))


def render_panels(db: Session, actor: Actor) -> list[tuple[str, dict[str, Any]]]:
    """The (template, context) pairs of the panels that have something to show."""
    shown = []
    for panel in panels_for(actor.role):
        result = panel.render(db, actor)
        if result is not None:
            shown.append(result)
    return shown
