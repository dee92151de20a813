"""What a start loads before the first lesson is painted, and what it leaves for later.

Start-up time is measured by bench/run.py; these tests keep the structure that makes it short:
the importer, studying, teaching, the dictionary and the local server load when first used."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from library import Library
from library.store.sessions import open_elsewhere
from reader.window.trust import RotatingLog

REPO = Path(__file__).resolve().parents[3]

# Starts the window as `study-reader --library PATH` does, and reports which modules were
# loaded at the article's first paint and once the window had settled.
START = """
import json, os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
import reader.app as app_module

seen = {}

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and type(obj.parent()).__name__ == "ArticleView" and not seen:
            seen["painted"] = sorted(sys.modules)
            QTimer.singleShot(2500, self.settled)
        return False

    def settled(self):
        seen["settled"] = sorted(sys.modules)
        print(json.dumps(seen), flush=True)
        QTimer.singleShot(0, lambda: [w.close() for w in app_module.QApplication.topLevelWidgets()])

original = app_module._application
def patched(shooting):
    app = original(shooting)
    app._watch = Watch()
    app.installEventFilter(app._watch)
    return app
app_module._application = patched
sys.exit(app_module.run_app(sys.argv[1:]))
"""

LATER = [
    "PySide6.QtNetwork",  # the local server: after the first paint
    "library.importer",  # importing a page
    "library.packs",  # lesson packs
    "library.study.export",  # Anki and CSV export
    "fsrs",  # the review scheduler
    "library.study.dictionary",
    "lemminflect",  # word forms: when the pointer reaches the word list
    "library.study.levels",  # word levels: after an import, or when a lesson's difficulty is asked
    "cefrpy",
    "pyphen",
    "numpy",
    "py3langid",  # the language identifier: only on importing a page that needs it
    "sqlite_utils",  # upgrade steps only
    "logging.handlers",
    "html.entities",  # note cards escape with the html module; the word list does without
    "importlib.resources",  # the built-in samples, on a first start only
    "reader.study.lookup_card",
    "reader.teaching.edit_dock",
    "reader.teaching.dialogs",
    "reader.teaching.handout",
    "reader.teaching.presentation",
    "reader.study.flashcards",
]


def test_a_start_paints_the_lesson_before_loading_what_can_wait(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    library = tmp_path / "library.db"
    with Library(library) as lib:  # a library with a lesson in it, as on every start but the first
        lib.lessons.import_file(REPO / "tests" / "data" / "pages" / "interleaved_zh.txt")
    res = subprocess.run(
        [sys.executable, "-c", START, "--library", str(library)],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    seen = json.loads(res.stdout.strip().splitlines()[-1])
    painted, settled = set(seen["painted"]), set(seen["settled"])
    assert "reader.mainwindow" in painted and "library.lessons" in painted
    loaded_early = [m for m in LATER if m in painted]
    assert loaded_early == []
    # Once settled, the window listens for later starts on the same library.
    assert "PySide6.QtNetwork" in settled


def test_a_start_asks_for_a_running_window_only_when_another_process_has_the_library(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    assert not open_elsewhere(path)
    path.with_name(f"{path.name}.session-{os.getpid()}").touch()  # this process: not another window
    assert not open_elsewhere(path)
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        marker = path.with_name(f"{path.name}.session-{other.pid}")
        marker.touch()
        assert open_elsewhere(path)
    finally:
        other.kill()
        other.wait()
    assert not open_elsewhere(path)  # a marker left by a process that has ended does not count


def test_the_log_file_moves_aside_when_it_grows(tmp_path: Path) -> None:
    path = tmp_path / "logs" / "study-reader.log"
    path.parent.mkdir()
    handler = RotatingLog(path, max_bytes=1000, backups=2)
    handler.setFormatter(logging.Formatter("%(message)s"))
    log = logging.getLogger("test-rotation")
    log.propagate = False
    log.addHandler(handler)
    try:
        for n in range(100):
            log.warning("line %03d %s", n, "x" * 40)
    finally:
        log.removeHandler(handler)
        handler.close()
    kept = [path, path.with_name(path.name + ".1"), path.with_name(path.name + ".2")]
    assert all(p.is_file() for p in kept)
    assert not path.with_name(path.name + ".3").exists()  # two old files kept, no more
    assert all(p.stat().st_size <= 1000 + 60 for p in kept)
    newest = path.read_text(encoding="utf-8").splitlines()
    assert newest[-1].startswith("line 099")
    older = path.with_name(path.name + ".1").read_text(encoding="utf-8").splitlines()
    assert int(older[-1].split()[1]) + 1 == int(newest[0].split()[1])  # nothing lost between files


def test_the_articles_own_viewport_is_set_up_as_qts_own(qtbot: QtBot) -> None:
    """The article makes its viewport itself (so PySide need not search for its type at start-up);
    it must behave as the one a QTextBrowser makes."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTextBrowser

    from reader.article.view import ArticleView

    article, plain = ArticleView(), QTextBrowser()
    plain.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    plain.viewport().setMouseTracking(True)
    for view in (article, plain):
        qtbot.addWidget(view)
        view.show()
    qtbot.waitExposed(article)
    ours, theirs = article.viewport(), plain.viewport()

    def traits(view: QTextBrowser) -> dict[str, object]:
        vp = view.viewport()
        return {
            "name": vp.objectName(),
            "background": vp.backgroundRole(),
            "fills": vp.autoFillBackground(),
            "drops": vp.acceptDrops(),
            "cursor": vp.cursor().shape(),
            "tracking": vp.hasMouseTracking(),
            "focus proxy": vp.focusProxy() is view,
            "paints the document": view.document().documentLayout().paintDevice() is vp,
            "attributes": sorted(a.name for a in Qt.WidgetAttribute if vp.testAttribute(a) and "Under" not in a.name),
        }

    assert ours is not theirs
    assert traits(article) == traits(plain)
