"""The main window around the article: library panel, search, import, delete, rename, settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow
from tests.reader.conftest import REFERENCE, DialogLog, index_of

SECOND_PAGE = """A Second Lesson About Rivers

Rivers carry water to the sea.

Many cities grew beside rivers.
"""


def test_window_title_names_the_lesson(window: MainWindow) -> None:
    assert window.windowTitle() == "Night Trains Make a Comeback Across Europe — Study Reader"


def test_library_lists_lessons_with_title_date_progress(window: MainWindow) -> None:
    model = window.panel.lessons_model
    assert model.rowCount() == 1
    assert model.data(model.index(0, 0)).startswith("Night Trains Make")
    assert len(model.data(model.index(0, 1))) == 10
    assert model.data(model.index(0, 2)).endswith("%")


def test_search_hit_in_translation_jumps_to_paragraph_with_translation_shown(
        qtbot: QtBot, window: MainWindow) -> None:
    window.panel.search.setText("国営鉄道")
    qtbot.waitUntil(lambda: window.panel.results_model.rowCount() == 1, timeout=1000)
    view = window.panel.results_view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(window.panel.results_model.index(0, 0)).center())
    index = index_of(window, "Austria’s national railway company")
    assert window.article.focus_index == index and window.article.is_shown(index)
    assert "最初の新しい路線を始めました" in window.article.visible_text()


def test_rename_and_delete_with_confirmation(window: MainWindow, dialog_log: DialogLog) -> None:
    lesson_id = window.current_id()
    window.menus.actions["rename"].trigger()
    assert window.library.lessons.get(lesson_id).title == "Renamed lesson"  # type: ignore[arg-type]
    assert window.panel.lessons_model.data(window.panel.lessons_model.index(0, 0)) == "Renamed lesson"
    assert window.windowTitle().startswith("Renamed lesson")

    dialog_log.confirm = False
    window.menus.actions["delete"].trigger()
    assert window.library.lessons.count() == 1
    dialog_log.confirm = True
    window.menus.actions["delete"].trigger()
    assert window.library.lessons.count() == 0
    assert window.lesson is None and window.panel.lessons_model.rowCount() == 0
    assert dialog_log.names() == ["ask_text", "confirm", "confirm"]


def test_import_many_files_off_the_gui_thread_with_summary(
        qtbot: QtBot, window: MainWindow, dialog_log: DialogLog, tmp_path: Path) -> None:
    good = tmp_path / "rivers.txt"
    good.write_text(SECOND_PAGE, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    dialog_log.files = [str(good), str(empty)]
    window.menus.actions["import"].trigger()
    qtbot.waitUntil(lambda: "inform" in dialog_log.names(), timeout=5000)
    summary = dialog_log.calls[-1][1][2]
    assert summary.startswith("1 of 2 files imported.") and "empty.txt" in summary
    assert window.library.lessons.count() == 2
    assert window.lesson is not None and window.lesson.title == "A Second Lesson About Rivers"


def test_import_of_a_bad_file_says_why_in_a_dialog(
        qtbot: QtBot, window: MainWindow, dialog_log: DialogLog, tmp_path: Path) -> None:
    bad = tmp_path / "binary.txt"
    bad.write_bytes(bytes(range(256)) * 4)
    window.import_files([str(bad)])
    qtbot.waitUntil(lambda: "error" in dialog_log.names(), timeout=5000)
    message = dialog_log.calls[-1][1][2]
    assert message.startswith("binary.txt: ") and "\n" not in message
    assert window.library.lessons.count() == 1


def test_splitter_sizes_and_theme_are_remembered(
        qtbot: QtBot, library: Library, settings: QSettings, dialog_log: DialogLog, reference_id: int) -> None:
    first = MainWindow(library, settings, lang="en")
    qtbot.addWidget(first)
    first.resize(1280, 800)
    first.show()
    first.splitter.setSizes([200, 800, 250])
    sizes = first.splitter.sizes()
    first.set_theme("dark")
    first.close()
    second = MainWindow(library, settings, lang="en")
    qtbot.addWidget(second)
    second.resize(1280, 800)
    second.show()
    assert second.splitter.sizes() == sizes
    assert second.theme.name == "dark"
    assert QApplication.palette().color(QPalette.ColorRole.Base).lightness() < 60
    second.set_theme("light")
    second.close()


def test_reading_position_is_kept(qtbot: QtBot, window: MainWindow) -> None:
    lesson_id = window.current_id()
    assert lesson_id is not None
    window.article.scroll_to(index_of(window, "The Swedish Transport Administration"))
    window.article.report_position()
    assert window.library.lessons.position(lesson_id) == index_of(window, "The Swedish Transport Administration")
    assert window.library.lessons.last_opened() == lesson_id


def test_interface_in_japanese(window: MainWindow) -> None:
    window.set_language("ja")
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:2] == ["ファイル(&F)", "表示(&V)"]
    assert window.vocab.title.text() == "このレッスンの単語"
    assert window.panel.search.placeholderText().startswith("全レッスンを検索")
    window.set_language("en")
    assert window.menuBar().actions()[0].text() == "&File"


def test_reference_lesson_is_ours_in_the_repository() -> None:
    ours = Path(__file__).resolve().parents[2] / "data" / "reference" / "night_trains.txt"
    assert ours.exists() and ours == REFERENCE


def test_dropping_files_imports_them(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    page = tmp_path / "rivers.txt"
    page.write_text(SECOND_PAGE, encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(page))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.library.lessons.count() == 2, timeout=5000)
    qtbot.waitUntil(lambda: window.lesson is not None and window.lesson.title.startswith("A Second"), timeout=5000)


def test_missing_japanese_font_is_said_once(window: MainWindow, dialog_log: DialogLog) -> None:
    window.ja_family = None
    window.warn_missing_fonts()
    window.warn_missing_fonts()
    assert dialog_log.names() == ["inform"]
    assert "Japanese font" in dialog_log.calls[0][1][1]


def test_japanese_text_uses_a_real_japanese_font(window: MainWindow) -> None:
    from PySide6.QtGui import QFontDatabase

    assert window.ja_family is not None, "install fonts-ipaexfont-gothic or fonts-noto-cjk"
    assert QFontDatabase.WritingSystem.Japanese in QFontDatabase.writingSystems(window.ja_family)
    window.article.set_shown(index_of(window, "Austria’s national railway company"), True)
    block = window.article.block_for(index_of(window, "Austria’s national railway company"), extra=True)
    assert block.begin().fragment().charFormat().fontFamilies()[0] == window.ja_family


def test_a_large_drop_is_parsed_in_worker_processes_and_made_searchable(
        qtbot: QtBot, window: MainWindow, dialog_log: DialogLog, tmp_path: Path) -> None:
    paths = []
    for i in range(30):
        page = tmp_path / f"page{i:02d}.txt"
        page.write_text(f"Harbour News {i}\n\nBoats number {i} came back to the harbour of Kobe.\n\n"
                        f"{i}隻の船が神戸港に戻った。\n", encoding="utf-8")
        paths.append(str(page))
    (tmp_path / "blank.txt").write_bytes(b"   \n")
    paths.append(str(tmp_path / "blank.txt"))
    before = window.library.lessons.count()
    dialog_log.files = paths
    window.menus.actions["import"].trigger()
    qtbot.waitUntil(lambda: "inform" in dialog_log.names(), timeout=60_000)
    summary = dialog_log.calls[-1][1][2]
    assert summary.startswith("30 of 31 files imported.") and "blank.txt" in summary
    assert window.library.lessons.count() == before + 30
    assert window.library.search.pending() == 0  # indexed by the worker, not at the first search
    assert len(window.library.search.query("神戸港")) == 30


def test_an_import_that_finishes_while_its_progress_updates(
        monkeypatch, window: MainWindow, dialog_log: DialogLog) -> None:
    """A window-modal progress dialog runs the event loop in setValue, where the worker's "done" can
    arrive and close the dialog; the progress update must not then touch the closed dialog."""
    from PySide6.QtWidgets import QProgressDialog

    flow = window.import_flow
    progress = QProgressDialog("Importing…", "Cancel", 0, 2, window)
    flow._progress = progress
    monkeypatch.setattr(progress, "setValue", lambda _value: flow._imported([]))
    flow._on_progress(2, 2, "last.txt")  # raised AttributeError on None before
    assert flow._progress is None and not progress.isVisible()
