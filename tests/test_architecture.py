"""The shape of the code, checked from its source: no import circles, `library/` free of Qt and of
`reader/`, only the composition root imported as such, and one writer of the open lesson.

The guards read the source statically (tests/source_graph.py): an import or attribute whose name
is built at run time (`import_module(prefix + name)`, `setattr(obj, name, value)` with `name` a
variable, `exec`) cannot be seen, and none is written in the project. The tests of the guards
below feed them small modules written as strings, each a way a guard was once walked past."""

from __future__ import annotations

from tests.source_graph import REPO, circles, graph, imports, lesson_assignments, load, parse, sources

PACKAGES = ("library", "reader")
ROOTS = {"reader.app", "reader.mainwindow"}  # the start and the composition root
MODULES = {name: path for package in PACKAGES for name, path in sources(package).items()}

# The functions allowed to assign an attribute called `lesson`, each with why; anything else
# that does, in any file, fails.
LESSON_WRITERS = {
    ("reader/reading.py", "Reading.__init__"): "Reading owns the open lesson: it starts with none",
    ("reader/reading.py", "Reading.open"): "Reading owns the open lesson: opening one",
    ("reader/reading.py", "Reading.reload"): "Reading owns the open lesson: reading it again",
    ("reader/reading.py", "Reading.reload_if_changed"):
        "Reading owns the open lesson: reading it again where another program changed it",
    ("reader/reading.py", "Reading.clear"): "Reading owns the open lesson: closing it",
    ("reader/teaching/presentation.py", "PresentationView.__init__"):
        "the projector window shows a copy handed to it, never the open lesson",
    ("reader/teaching/presentation.py", "PresentationView.refresh"):
        "the projector window is handed the copy read again after an edit or a rename",
    ("reader/window/import_review.py", "ImportReviewDialog.reload"):
        "the import review reads its own copy of the lesson it reviews",
}

SYNTHETIC = {"pkg", "pkg.a", "pkg.b", "pkg.sub", "pkg.sub.c", "reader.mainwindow", "reader"}


def imports_of(name: str, typing_too: bool = False) -> set[str]:
    """The dotted names a module of the project imports."""
    return imports(load(MODULES[name]), MODULES, typing_too)


def seen(source: str, name: str = "pkg.a", is_package: bool = False, typing_too: bool = False) -> set[str]:
    """What the import guard finds in a module written as a string."""
    return imports(parse(name, source, is_package), SYNTHETIC, typing_too)


def writes(source: str) -> list[int]:
    """The lines the lesson guard finds in a module written as a string."""
    return [line for line, _where in lesson_assignments(parse("pkg.a", source))]


def test_the_circle_finder_finds_a_circle() -> None:
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert circles({"a": {"b"}, "b": set()}) == []


def test_the_import_guard_counts_imports_by_call() -> None:
    assert seen('import importlib\nimportlib.import_module("reader.mainwindow")\n') >= {"reader.mainwindow"}
    assert "reader.mainwindow" in seen('from importlib import import_module\nimport_module("reader.mainwindow")\n')
    assert "reader.mainwindow" in seen('def f():\n    return __import__("reader.mainwindow")\n')
    assert "pkg.sub.c" in seen('__import__("pkg.sub", fromlist=["c"])\n')
    assert "pkg.b" in seen('import importlib\nimportlib.import_module(".b", __package__)\n')
    assert "pkg.b" in seen('__import__("b", globals(), locals(), [], 1)\n')


def test_the_import_guard_skips_only_typings_type_checking() -> None:
    hidden = "if TYPE_CHECKING:\n    import reader.mainwindow\n"
    assert "reader.mainwindow" not in seen("from typing import TYPE_CHECKING\n" + hidden)
    assert "reader.mainwindow" not in seen("import typing\nif typing.TYPE_CHECKING:\n    import reader.mainwindow\n")
    assert "reader.mainwindow" in seen("from typing import TYPE_CHECKING\n" + hidden, typing_too=True)
    assert "reader.mainwindow" in seen("TYPE_CHECKING = True\n" + hidden)  # a variable, true at run time
    assert "reader.mainwindow" in seen("from typing import TYPE_CHECKING\nTYPE_CHECKING = 1\n" + hidden)
    assert "reader.mainwindow" in seen("from flags import TYPE_CHECKING\n" + hidden)
    assert "reader.mainwindow" in seen("import os as typing\nif typing.TYPE_CHECKING:\n    import reader.mainwindow\n")
    assert "reader.mainwindow" in seen("from typing import TYPE_CHECKING\nif not TYPE_CHECKING:\n"
                                       "    import reader.mainwindow\n")


def test_the_import_guard_resolves_relative_imports() -> None:
    assert "pkg.b" in seen("from . import b\n")
    assert "pkg.sub.c" in seen("from .sub import c\n")
    assert "pkg.sub" in seen("from .sub import something\n")
    assert "pkg.b" in seen("from .. import b\n", name="pkg.sub.c")
    assert "pkg.b" in seen("from . import b\n", name="pkg", is_package=True)


def test_the_import_guard_counts_the_packages_an_import_runs() -> None:
    # importing pkg.sub.c runs pkg/sub/__init__.py first: an edge to the package too
    assert seen("from pkg.sub import c\n") >= {"pkg.sub.c", "pkg.sub"}
    assert seen("import pkg.sub.c\n") >= {"pkg.sub.c", "pkg.sub"}
    assert "pkg.sub" in seen('import_module("pkg.sub.__init__")\n')
    # its own packages are running already when a module runs: no edge
    assert seen("from pkg.sub import c\n", name="pkg.sub.d") == {"pkg.sub.c"}


def test_the_lesson_guard_sees_every_kind_of_assignment() -> None:
    source = "\n".join([
        "w.lesson = 1",
        "a.built, a.lesson = 2, 3",
        "self._lesson: int = 4",
        "setattr(w, 'lesson', 5)",
        "w.lesson == 6",  # a comparison, not a write
        "w.lesson += 7",
        "for w.lesson in lessons: pass",
        "with opened() as w.lesson: pass",
        "first, *w.lesson = lessons",
        "[x for w.lesson in lessons]",
        "object.__setattr__(w, '_lesson', 11)",
        "w.__dict__['lesson'] = 12",
        "vars(w)['_lesson'] = 13",
        "w.__dict__.update(lesson=14)",
        "w.__setattr__('lesson', 15)",
        "(a, (b, w.lesson)) = 1, (2, 16)",
        "print(w.lesson)",  # a read
        "del w.lesson",
    ])
    assert writes(source) == [1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18]


def test_the_lesson_guard_names_the_function() -> None:
    module = parse("pkg.a", "class A:\n    def f(self):\n        self.lesson = 1\nx.lesson = 2\n")
    assert lesson_assignments(module) == [(3, "A.f"), (4, "")]


def test_reader_has_no_import_circles() -> None:
    assert circles(graph("reader")) == []


def test_library_has_no_import_circles() -> None:
    assert circles(graph("library")) == []


def test_library_imports_neither_qt_nor_reader() -> None:
    banned = ("PySide6", "shiboken6", "reader")
    bad = {
        name: sorted(t for t in imports_of(name, typing_too=True) if t.split(".")[0] in banned)
        for name in sources("library")
    }
    assert {name: found for name, found in bad.items() if found} == {}


def test_only_the_start_imports_the_composition_root() -> None:
    importers = sorted(
        name for name in MODULES if name not in ROOTS and "reader.mainwindow" in imports_of(name, typing_too=True)
    )
    assert importers == []


def test_only_reading_assigns_the_open_lesson() -> None:
    writers = [
        (str(path.relative_to(REPO)), line, where)
        for path in MODULES.values()
        for line, where in lesson_assignments(load(path))
    ]
    assert [w for w in writers if (w[0], w[2]) not in LESSON_WRITERS] == []
    assert {(w[0], w[2]) for w in writers} == set(LESSON_WRITERS)  # an allowance no longer needed goes
