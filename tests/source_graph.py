"""The code's shape read from its source with ast: which modules a module imports, however the
import is written, and which lines assign the open lesson. The guard tests use it, and test it
on small modules written as strings.

What a static reading cannot see: a module or attribute name built at run time
(`import_module(prefix + "mainwindow")`, `setattr(obj, name, value)` with `name` a variable,
`exec`, `globals()`), and TYPE_CHECKING reached through more than one name. None of these is
written in the project; a review has to catch them.
"""

from __future__ import annotations

import ast
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LESSON_NAMES = ("lesson", "_lesson")


def module_name(path: Path, root: Path = REPO) -> str:
    """The dotted name of a source file under `root` (a package's `__init__.py` is the package)."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def sources(package: str, root: Path = REPO) -> dict[str, Path]:
    """Every module of a package, by dotted name."""
    return {module_name(p, root): p for p in sorted((root / package).rglob("*.py"))}


@dataclass(frozen=True)
class Module:
    """One parsed module: its dotted name, whether it is a package's `__init__`, its tree."""

    name: str
    is_package: bool
    tree: ast.Module

    @property
    def package(self) -> str:
        """The package relative imports start from."""
        return self.name if self.is_package else self.name.rpartition(".")[0]


def parse(name: str, source: str, is_package: bool = False) -> Module:
    """A module from its source text."""
    return Module(name, is_package, ast.parse(source))


def load(path: Path, root: Path = REPO) -> Module:
    """A module from its file."""
    return parse(module_name(path, root), path.read_text(encoding="utf-8"), path.name == "__init__.py")


# --- if TYPE_CHECKING: ------------------------------------------------------------------------------
def _bindings(tree: ast.Module) -> Iterator[tuple[str, ast.AST]]:
    """Every name the module binds anywhere, with the node that binds it."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store | ast.Del):
            yield node.id, node
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            yield node.name, node
        elif isinstance(node, ast.Import | ast.ImportFrom):
            for alias in node.names:
                yield (alias.asname or alias.name).split(".")[0], node
        elif isinstance(node, ast.arg):
            yield node.arg, node
        elif isinstance(node, ast.Global | ast.Nonlocal):
            for name in node.names:
                yield name, node


def _typing_names(tree: ast.Module) -> tuple[set[str], set[str]]:
    """Names that can only be typing.TYPE_CHECKING, and names that can only be the typing module.

    A name counts only if every binding of it in the module is the import from typing: a
    variable called TYPE_CHECKING (or a `typing` that is something else) hides nothing."""
    flags: dict[str, bool] = {}
    modules: dict[str, bool] = {}
    for name, node in _bindings(tree):
        is_flag = isinstance(node, ast.ImportFrom) and node.module == "typing" and node.level == 0 and any(
            a.name == "TYPE_CHECKING" and (a.asname or a.name) == name for a in node.names)
        is_module = isinstance(node, ast.Import) and any(
            a.name == "typing" and (a.asname or a.name) == name for a in node.names)
        flags[name] = flags.get(name, True) and is_flag
        modules[name] = modules.get(name, True) and is_module
    return {n for n, ok in flags.items() if ok}, {n for n, ok in modules.items() if ok}


def _is_type_checking(test: ast.expr, flags: set[str], typing_modules: set[str]) -> bool:
    return (isinstance(test, ast.Name) and test.id in flags) or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
        and isinstance(test.value, ast.Name) and test.value.id in typing_modules
    )


def _walk(module: Module, typing_too: bool) -> Iterator[ast.AST]:
    """Every node, inside functions too; under `if typing.TYPE_CHECKING:` only if asked."""
    flags, typing_modules = _typing_names(module.tree)
    stack: list[ast.AST] = [module.tree]
    while stack:
        node = stack.pop()
        if not typing_too and isinstance(node, ast.If) and _is_type_checking(node.test, flags, typing_modules):
            stack.extend(node.orelse)
            continue
        yield node
        stack.extend(ast.iter_child_nodes(node))


# --- imports ----------------------------------------------------------------------------------------
def _absolute(module: Module, name: str, level: int) -> str:
    """A relative import's dotted name (`from ..store import x` in library.study.words is library.store)."""
    if not level:
        return name
    parts = module.package.split(".")
    anchor = parts[: len(parts) - (level - 1)] if level - 1 < len(parts) else []
    return ".".join(anchor + ([name] if name else []))


def _literal(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _dynamic(module: Module, call: ast.Call) -> list[str]:
    """The modules an `importlib.import_module("…")` or `__import__("…")` with literal names loads."""
    func = call.func
    called = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
    if called not in ("import_module", "__import__") or not call.args:
        return []
    name = _literal(call.args[0])
    if name is None:
        return []  # a name built at run time: not visible here (see the module's docstring)
    if called == "import_module":
        dots = len(name) - len(name.lstrip("."))
        return [_absolute(module, name[dots:], dots)]
    keywords = {k.arg: k.value for k in call.keywords}
    level_node = keywords.get("level", call.args[4] if len(call.args) > 4 else None)
    level = level_node.value if isinstance(level_node, ast.Constant) and isinstance(level_node.value, int) else 0
    base = _absolute(module, name, level)
    fromlist = keywords.get("fromlist", call.args[3] if len(call.args) > 3 else None)
    names = [_literal(e) for e in fromlist.elts] if isinstance(fromlist, ast.List | ast.Tuple) else []
    return [base] + [f"{base}.{n}" for n in names if n]


def _explicit(module: Module, node: ast.AST, modules: Collection[str]) -> list[str]:
    """What one node imports by name: modules where a module is named, else the module it is from."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        base = _absolute(module, node.module or "", node.level)
        out = []
        for alias in node.names:
            candidate = f"{base}.{alias.name}"
            out.append(candidate if candidate in modules else base)
        return out
    if isinstance(node, ast.Call):
        return _dynamic(module, node)
    return []


def imports(module: Module, modules: Collection[str], typing_too: bool = False) -> set[str]:
    """The dotted names a module imports, run-time imports inside functions included.

    Importing `a.b.c` runs `a` and `a.b` first, so the packages on the way are edges too,
    except the importer's own packages, which are already running when it runs."""
    found: set[str] = set()
    own = {module.name.rsplit(".", n)[0] for n in range(module.name.count(".") + 1)}
    for node in _walk(module, typing_too):
        for name in _explicit(module, node, modules):
            name = name.removesuffix(".__init__")
            if not name:
                continue
            found.add(name)
            parts = name.split(".")
            found.update(p for p in (".".join(parts[:n]) for n in range(1, len(parts)))
                         if p in modules and p not in own)
    found.discard(module.name)
    return found


def graph(package: str, typing_too: bool = False, root: Path = REPO) -> dict[str, set[str]]:
    """Import edges between the modules of one package."""
    files = sources(package, root)
    names = set(files)
    return {name: {t for t in imports(load(files[name], root), names, typing_too) if t in names}
            for name in sorted(names)}


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other, directly or round a loop (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return sorted(found)


# --- who assigns the open lesson ---------------------------------------------------------------------
def _unpacked(target: ast.expr) -> Iterator[ast.expr]:
    """The single targets of a target list (`a, (b.c, *d) = …`)."""
    if isinstance(target, ast.Tuple | ast.List):
        for element in target.elts:
            yield from _unpacked(element)
    elif isinstance(target, ast.Starred):
        yield from _unpacked(target.value)
    else:
        yield target


def _is_namespace(node: ast.expr) -> bool:
    """`obj.__dict__` or `vars(obj)`: an object's attributes as a dict."""
    return (isinstance(node, ast.Attribute) and node.attr == "__dict__") or (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "vars")


def _writes_lesson(target: ast.expr) -> bool:
    if isinstance(target, ast.Attribute):
        return target.attr in LESSON_NAMES
    if isinstance(target, ast.Subscript):
        return _is_namespace(target.value) and _literal(target.slice) in LESSON_NAMES
    return False


def _targets(node: ast.AST) -> list[ast.expr]:
    """What a statement or expression binds: assignments of every form, loop, with and comprehension targets."""
    if isinstance(node, ast.Assign):
        return list(node.targets)
    if isinstance(node, ast.AnnAssign | ast.AugAssign | ast.For | ast.AsyncFor | ast.comprehension):
        return [node.target]
    if isinstance(node, ast.With | ast.AsyncWith):
        return [item.optional_vars for item in node.items if item.optional_vars is not None]
    if isinstance(node, ast.Delete):
        return list(node.targets)
    return []


def _call_writes_lesson(node: ast.Call) -> bool:
    """setattr(obj, "lesson", …), object.__setattr__(obj, "lesson", …), obj.__setattr__("lesson", …),
    and obj.__dict__.update(lesson=…) / vars(obj).update({"lesson": …})."""
    func, args = node.func, node.args
    if isinstance(func, ast.Name) and func.id == "setattr":
        return len(args) > 1 and _literal(args[1]) in LESSON_NAMES
    if not isinstance(func, ast.Attribute):
        return False
    if func.attr == "__setattr__":
        return any(_literal(a) in LESSON_NAMES for a in args[:2])
    if func.attr in ("update", "setdefault") and _is_namespace(func.value):
        keys = [k.arg for k in node.keywords] + [_literal(a) for a in args[:1]]
        keys += [_literal(k) for a in args if isinstance(a, ast.Dict) for k in a.keys if k is not None]
        return any(k in LESSON_NAMES for k in keys)
    return False


def lesson_assignments(module: Module) -> list[tuple[int, str]]:
    """(line, function) of every write to an attribute called `lesson` or `_lesson`, however written.

    The function is its qualified name (`Class.method`), or "" at module level."""
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST, where: str) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            where = f"{where}.{node.name}" if where else node.name
        if isinstance(node, ast.Call) and _call_writes_lesson(node):
            found.append((node.lineno, where))
        for target in _targets(node):
            found.extend((t.lineno, where) for t in _unpacked(target) if _writes_lesson(t))
        for child in ast.iter_child_nodes(node):
            visit(child, where)

    visit(module.tree, "")
    return sorted(found)
