"""Lesson and user text is never markup: a lesson whose every field holds an <img> naming a bait
file is shown in every widget that shows such text, and no bait file may be opened.

Qt, not Python, would read the file (QTextDocument.loadResource, in C++), so the check is the
kernel's: tests/reader/read_watch.py watches the bait folder with inotify, which reports any
open(2) of its files by any code in the process. Each field names its own bait file, so a
failure says which field reached a rich-text widget. The check itself is checked first: a
plain QTextDocument given one of the <img>s must show up as a read.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QSettings, Qt, QTimer
from PySide6.QtGui import QHelpEvent, QImage, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow
from reader.teaching.handout import HandoutOptions, write_pdf
from reader.window import dialogs
from tests.reader.conftest import point_of
from tests.reader.read_watch import ReadWatch

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux only")

FIELDS = (
    "title", "caption", "para", "translation", "translation2", "note_text", "note_source",
    "term", "pos", "definition", "gloss_translation", "example", "learner", "word_note", "word_gloss",
    "word_sentence", "word_sentence_translation", "typed",
)


def bait(folder: Path, field: str) -> str:
    """An <img> naming the bait file of `field`, before any line break (so Qt would guess HTML).

    The path is relative (Qt resolves it against the working folder, which the tests make the
    bait folder): a learner's name holds at most 60 characters."""
    return f'<img src="{field}.png">'


def hostile_lesson(folder: Path) -> dict[str, object]:
    """A JSON lesson whose every text field opens with markup naming a bait file."""
    b = {f: bait(folder, f) for f in FIELDS}
    # A tutor's JSON lesson keeps every character of its text: the tag reaches the widgets as written.
    para = b["para"]
    return {
        "title": b["title"] + "Park lesson",
        "caption": b["caption"] + "A caption",
        "translation_language": "ja",
        "blocks": [
            {"kind": "heading", "text": "<b>River</b> news"},
            {"text": para + " The city opened a new park beside the river.",
             "translations": {"ja": b["translation"] + "市は公園を開きました。"}},
            {"text": "Families walked in the park on Monday.", "translation": b["translation2"] + "家族が歩きました。"},
        ],
        "notes": [{"marker": "※1", "text": b["note_text"] + "a note about the park", "anchor": "park",
                   "source_url": b["note_source"]}],
        "glossary": [{"term": b["term"] + "park", "pos": b["pos"] + "n.", "definition": b["definition"] + "a garden",
                      "translation": b["gloss_translation"] + "公園", "example": b["example"] + "a park"}],
    }


@pytest.fixture
def bait_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder of bait files, one per field, made the working folder."""
    folder = tmp_path / "bait"
    folder.mkdir()
    image = QImage(1, 1, QImage.Format.Format_RGB32)  # were Qt to read a bait file, it would find an image
    image.fill(0)
    for field in FIELDS:
        assert image.save(str(folder / f"{field}.png"))
    monkeypatch.chdir(folder)
    return folder


class Reads:
    """Which bait files each step of a test made something open."""

    def __init__(self, watch: ReadWatch) -> None:
        self.watch = watch
        self.by_step: dict[str, set[str]] = {}

    def step(self, name: str) -> None:
        """Note what the step just done opened."""
        QApplication.processEvents()
        new = set(self.watch.poll())
        if new:
            self.by_step[name] = new


@pytest.fixture
def reads(bait_folder: Path) -> Iterator[Reads]:
    """The bait folder watched from before the window is made to the end of the test."""
    with ReadWatch(bait_folder) as watch:
        yield Reads(watch)


@pytest.fixture
def hostile_window(qtbot: QtBot, tmp_path: Path, settings: QSettings, bait_folder: Path,
                   reads: Reads) -> Iterator[MainWindow]:
    """The window on the hostile lesson, with real dialogs (closed by `answer_modal`), a hostile
    learner name and a saved word whose every field is hostile."""
    library = Library(tmp_path / "hostile.db")
    source = tmp_path / "hostile.json"
    source.write_text(json.dumps(hostile_lesson(bait_folder)), encoding="utf-8")
    lesson_id = library.lessons.import_file(source).lesson_id
    library.profiles.rename(library.profiles.current().name, bait(bait_folder, "learner") + "Ann")
    library.study.words.save(
        "park", "learning", note=bait(bait_folder, "word_note") + "mine",
        gloss=bait(bait_folder, "word_gloss") + "公園",
        sentence=bait(bait_folder, "word_sentence") + "The park.",
        sentence_translation=bait(bait_folder, "word_sentence_translation") + "公園。", lesson_id=lesson_id,
    )
    win = MainWindow(library, settings, lang="en", theme="light")
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.open_lesson(lesson_id)
    reads.step("the window opens on the lesson")
    yield win
    win.close()
    library.close()


def answer_modal(qtbot: QtBot, action: Callable[[], object]) -> list[str]:
    """Run `action`, which opens a modal dialog; paint the dialog, note its text, and cancel it."""
    seen: list[str] = []

    def close() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(20, close)
            return
        modal.grab()  # lay out and paint everything in it, as a screen would
        seen.append(" ".join(w.text() for w in modal.findChildren(QWidget) if hasattr(w, "text")
                             and isinstance(w.text(), str)))
        modal.reject()  # type: ignore[attr-defined]

    QTimer.singleShot(20, close)
    action()
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    return seen


def hover_tip(qtbot: QtBot, viewport: QWidget, pos: QPoint) -> str:
    """Hover long enough for a tooltip at `pos` in `viewport`; the tooltip's text."""
    QToolTip.hideText()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos)))
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    text = QToolTip.text()
    for w in QApplication.topLevelWidgets():
        if w.isVisible() and w.inherits("QTipLabel"):
            w.grab()
    return text


def test_the_watch_sees_qt_open_a_bait_file(bait_folder: Path, qtbot: QtBot) -> None:
    with ReadWatch(bait_folder) as watch:
        doc = QTextDocument()
        doc.setHtml(bait(bait_folder, "title") + f'text<img src="{bait_folder / "para.png"}">')
        doc.size()  # layout loads the images, by a relative and by an absolute path
        assert set(watch.poll()) == {"title.png", "para.png"}


def test_no_widget_reads_a_file_named_in_lesson_text(
    qtbot: QtBot, hostile_window: MainWindow, bait_folder: Path, tmp_path: Path, reads: Reads
) -> None:
    win = hostile_window
    assert win.lesson is not None and win.lesson.id is not None
    lesson_id = win.lesson.id
    win.grab()  # the article, the word list, the library list, the learner label, the title bar
    reads.step("the window is painted")

    # The article, with every translation shown, and the hover card of the noted term.
    view = win.article
    for index in view.paragraphs():
        view.set_shown(index, True)
    view.grab()
    assert "<img" in view.document().toPlainText()  # the markup is there, as text
    qtbot.mouseMove(view.viewport(), point_of(view, "park"))
    qtbot.waitUntil(view.card.isVisible, timeout=2000)
    view.card.grab()
    assert "<img" in view.card.text() or "&lt;img" in view.card.text()
    reads.step("the article and its hover card")

    # Tooltips: the library list, the word list, search hits.
    lessons = win.panel.lessons_view
    hover_tip(qtbot, lessons.viewport(), lessons.visualRect(win.panel.lessons_model.index(0, 0)).center())
    reads.step("the library list's tooltip")
    words = win.vocab.view
    first = words.model().index(0, 0)
    hover_tip(qtbot, words.viewport(), words.visualRect(first).center())
    reads.step("the word list's tooltip")
    # The word list's status line, after choosing the entry.
    qtbot.mouseClick(words.viewport(), Qt.MouseButton.LeftButton, pos=words.visualRect(first).center())
    qtbot.waitUntil(lambda: "×" in win.vocab.status.text(), timeout=2000)
    assert "<img" in win.vocab.status.text()
    win.vocab.grab()
    reads.step("the word list's status line")
    win.panel.search.setText("river")
    qtbot.waitUntil(lambda: win.panel.results_view.model().rowCount() > 0, timeout=3000)
    results = win.panel.results_view
    hover_tip(qtbot, results.viewport(), results.visualRect(results.model().index(0, 0)).center())
    win.panel.search.clear()
    reads.step("a search hit's tooltip")

    # Dialogs: delete (cancelled), add a translation, rename, an error naming the lesson.
    texts = answer_modal(qtbot, lambda: win.delete_lesson(lesson_id))
    assert "<img" in texts[0] and win.library.lessons.get(lesson_id) is not None
    reads.step("the delete confirmation")
    answer_modal(qtbot, lambda: win.add_translation(1))
    reads.step("the add-translation dialog")
    answer_modal(qtbot, lambda: win.rename_lesson(lesson_id))
    reads.step("the rename dialog")
    answer_modal(qtbot, lambda: dialogs.error(win, "Import failed", bait(bait_folder, "typed") + " refused"))
    answer_modal(qtbot, lambda: dialogs.failure(win, "x", bait(bait_folder, "typed"), bait(bait_folder, "typed")))
    reads.step("error messages quoting the user's text")

    # The edit dock on a paragraph, with its notes and entries.
    win.teaching.set_edit_mode(True)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(view, "The city opened"))
    qtbot.waitUntil(lambda: "<img" in win.teaching.panel.para_label.text(), timeout=2000)
    win.teaching.panel.grab()
    reads.step("the edit dock's paragraph label")
    notes = win.teaching.panel.notes
    if notes.count():
        hover_tip(qtbot, notes.viewport(), notes.visualItemRect(notes.item(0)).center())
    reads.step("the edit dock's note tooltip")
    win.teaching.set_edit_mode(False)

    # The review cards, front and back.
    win.study.open_review()
    review = win.study.review_dialog
    assert review is not None
    qtbot.addWidget(review)
    review.grab()
    qtbot.keyClick(review, Qt.Key.Key_Space)
    review.grab()
    review.close()
    reads.step("the review cards")

    # The presentation and the printed handout.
    pres = win.teaching.present(full_screen=False)
    assert pres is not None
    pres.grab()
    qtbot.keyClick(pres, Qt.Key.Key_T)
    qtbot.keyClick(pres, Qt.Key.Key_N)
    pres.grab()
    pres.close()
    reads.step("the presentation")
    write_pdf(win.library.lessons.get(lesson_id), tmp_path / "handout.pdf", HandoutOptions(worksheet=True))
    reads.step("the handout PDF")

    read = "; ".join(f"{step}: {', '.join(sorted(names))}" for step, names in reads.by_step.items())
    assert not reads.by_step, f"widgets read the files that <img>s in lesson text named: {read}"


def test_every_document_refuses_files_it_did_not_make(
    qtbot: QtBot, hostile_window: MainWindow, bait_folder: Path, reads: Reads
) -> None:
    """Markup that did reach a document (a future bug, or rich text on purpose) still loads nothing."""
    from reader.teaching.handout import build_document as build_handout

    win = hostile_window
    assert win.lesson is not None
    pres = win.teaching.present(full_screen=False)
    assert pres is not None
    documents = {
        "the article": win.article.document(),
        "the presentation": pres.view.document(),
        "the handout": build_handout(win.lesson, HandoutOptions()),
    }
    for name, doc in documents.items():
        QTextCursor(doc).insertHtml(bait(bait_folder, "typed") + f'<img src="{bait_folder / "typed.png"}">'
                                    + f'<img src="file://{bait_folder / "typed.png"}">')
        doc.size()  # lays it out, which loads images
        reads.step(name)
    win.article.grab()
    pres.grab()
    reads.step("painting")
    pres.close()
    read = "; ".join(f"{step}: {', '.join(sorted(names))}" for step, names in reads.by_step.items())
    assert not reads.by_step, f"documents read files: {read}"
