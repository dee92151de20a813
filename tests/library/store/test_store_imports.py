"""The store, the errors and the lessons/editing pair import each other one way only, even through
imports written inside functions (which hide a circle from the interpreter until they run),
relative imports, `importlib.import_module("…")` with a literal name, and the package
`__init__` an import runs. The imports are read from the source (tests/source_graph.py), so a
module name built at run time is not seen; none is written in library/."""

from __future__ import annotations

from pathlib import Path

from tests.source_graph import REPO, graph

# The modules that once imported each other in circles (the store's connection and backups;
# the lessons and their edits), and what was split out of them.
GUARDED = ("library.store", "library.errors", "library.files", "library.lessons", "library.editing",
           "library.facade")


def _module_graph(root: Path = REPO) -> dict[str, set[str]]:
    """Every module of library/ and the library modules it imports anywhere in its body."""
    return graph("library", typing_too=True, root=root)


def _cycles_through(edges: dict[str, set[str]], start: str) -> list[list[str]]:
    """The import paths that lead from `start` back to it."""
    found: list[list[str]] = []
    stack = [(start, [start])]
    seen: set[str] = set()
    while stack:
        node, path = stack.pop()
        for nxt in sorted(edges[node]):
            if nxt == start:
                found.append([*path, start])
            elif nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, [*path, nxt]))
    return found


def test_the_guard_sees_relative_and_called_imports(tmp_path: Path) -> None:
    store = tmp_path / "library" / "store"
    store.mkdir(parents=True)
    (tmp_path / "library" / "__init__.py").write_text("")
    (tmp_path / "library" / "errors.py").write_text("def f():\n    from .store import backup\n")
    (store / "__init__.py").write_text("from . import connection\n")
    (store / "connection.py").write_text("from .backup import copy\n")
    (store / "backup.py").write_text("import importlib\nmod = importlib.import_module('library.errors')\n")
    edges = _module_graph(tmp_path)
    assert edges["library.store"] == {"library.store.connection"}
    assert edges["library.store.connection"] == {"library.store.backup"}
    assert edges["library.store.backup"] == {"library.errors"}
    # errors imports the store's backup: the store's __init__ runs first, so it is an edge too
    assert edges["library.errors"] == {"library.store", "library.store.backup"}
    assert _cycles_through(edges, "library.errors") != []


def test_the_store_errors_lessons_and_editing_import_one_way() -> None:
    edges = _module_graph()
    guarded = [m for m in edges if m.startswith(GUARDED)]
    assert "library.store.opening" in guarded and "library.errors" in guarded
    circles = {m: _cycles_through(edges, m) for m in guarded}
    assert {m: c for m, c in circles.items() if c} == {}


def test_errors_is_a_leaf() -> None:
    assert _module_graph()["library.errors"] == set()
