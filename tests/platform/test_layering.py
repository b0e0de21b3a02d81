"""The layering holds for every module, including ones added after the contracts were written.

`lint-imports` (run by `make lint`) checks the declared contracts with indirect imports;
these tests make sure no module escapes them: every module outside the route, page and CLI
layer stays free of HTTP, and no context reaches into another context's private names.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "ontschot"
WEB_PACKAGES = ("ontschot.web", "fastapi", "starlette")
# The layer that turns HTTP, pages and the command line into service calls.
ROUTE_LAYER_NAMES = {"api", "pages", "page_actions", "forms", "deps", "cli", "cookies"}
ROUTE_LAYER_MODULES = {"ontschot.app", "ontschot.deps", "ontschot.cli"}


def _modules() -> list[tuple[str, Path]]:
    out = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if "migrations" in parts:
            continue
        out.append((".".join(parts), path))
    return out


def _is_route_layer(module: str) -> bool:
    last = module.rsplit(".", 1)[-1]
    return (
        module in ROUTE_LAYER_MODULES
        or module.startswith("ontschot.web")
        or last in ROUTE_LAYER_NAMES
        or last.endswith("_pages")
    )


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((alias.name, []) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, [alias.name for alias in node.names]))
    return found


DOMAIN = [(m, p) for m, p in _modules() if not _is_route_layer(m)]


@pytest.mark.parametrize(("module", "path"), DOMAIN, ids=[m for m, _ in DOMAIN])
def test_domain_module_imports_nothing_of_http(module: str, path: Path) -> None:
    bad = [
        name
        for name, _ in _imports(path)
        if any(name == w or name.startswith(w + ".") for w in WEB_PACKAGES)
    ]
    assert not bad, f"{module} imports {bad}; raise a domain error from ontschot.errors instead"


def test_no_context_imports_another_contexts_private_names() -> None:
    offences = []
    for module, path in _modules():
        context = module.split(".")[1] if module.count(".") else ""
        for name, names in _imports(path):
            parts = name.split(".")
            if parts[0] != "ontschot" or len(parts) < 2 or parts[1] == context:
                continue
            private = [n for n in names if n.startswith("_") and not n.startswith("__")]
            private_module = [p for p in parts[2:] if p.startswith("_") and p != "__init__"]
            if private or private_module:
                offences.append(f"{module} imports {name}: {private or private_module}")
    assert not offences, "\n".join(offences)
