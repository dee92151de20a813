"""The store, the errors and the lessons/editing pair import each other one way only, even through
imports written inside functions (which hide a circle from the interpreter until they run)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
# The modules that once imported each other in circles (the store's connection and backups;
# the lessons and their edits), and what was split out of them.
GUARDED = ("library.store", "library.errors", "library.files", "library.lessons", "library.editing",
           "library.facade")


def _module_graph() -> dict[str, set[str]]:
    """Every module of library/ and the library modules it imports anywhere in its body."""
    modules = {}
    for path in (ROOT / "library").rglob("*.py"):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        modules[name] = path
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                continue
            graph[name] |= {t for t in targets if t in modules and t != name and not name.startswith(t + ".")}
    return graph


def _cycles_through(graph: dict[str, set[str]], start: str) -> list[list[str]]:
    """The import paths that lead from `start` back to it."""
    found: list[list[str]] = []
    stack = [(start, [start])]
    seen: set[str] = set()
    while stack:
        node, path = stack.pop()
        for nxt in graph[node]:
            if nxt == start:
                found.append([*path, start])
            elif nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, [*path, nxt]))
    return found


def test_the_store_errors_lessons_and_editing_import_one_way() -> None:
    graph = _module_graph()
    guarded = [m for m in graph if m.startswith(GUARDED)]
    assert "library.store.opening" in guarded and "library.errors" in guarded
    circles = {m: _cycles_through(graph, m) for m in guarded}
    assert {m: c for m, c in circles.items() if c} == {}


def test_errors_is_a_leaf() -> None:
    assert _module_graph()["library.errors"] == set()
