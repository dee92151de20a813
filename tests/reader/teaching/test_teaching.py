"""The tutor's features in the window: edit with undo, re-anchor a note, present, handouts, packs."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow
from reader.teaching import dialogs as teaching_dialogs
from reader.teaching.handout import HandoutOptions
from tests.helpers import dump
from tests.reader.conftest import DialogLog, index_of, point_of

KEY_JA = "オーストリアの国営鉄道会社"


def click(qtbot: QtBot, window: MainWindow, pos: QPoint) -> None:
    qtbot.mouseClick(window.article.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def key(
    qtbot: QtBot, window: MainWindow, k: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    window.activateWindow()
    qtbot.keyClick(window.article, k, mods)


def edit_mode(qtbot: QtBot, window: MainWindow) -> None:
    window.article.setFocus()
    key(qtbot, window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.teaching.panel.isVisible()


def test_edit_a_translation_then_undo_and_redo(qtbot: QtBot, window: MainWindow) -> None:
    edit_mode(qtbot, window)
    view, panel = window.article, window.teaching.panel
    click(qtbot, window, point_of(view, "its first new routes"))  # focus (and show) the paragraph
    index = index_of(window, "Austria’s national railway company")
    assert view.focus_index == index
    qtbot.waitUntil(lambda: panel.translation_edit.toPlainText() != "", timeout=1000)
    assert panel.translation_edit.toPlainText().startswith(KEY_JA)
    panel.translation_edit.setFocus()
    panel.translation_edit.selectAll()
    qtbot.keyClick(panel.translation_edit, Qt.Key.Key_Delete)
    panel.translation_edit.insertPlainText("先生が直した訳です。")  # as an input method commits it
    qtbot.mouseClick(panel.buttons["save_translation"], Qt.MouseButton.LeftButton)
    assert "先生が直した訳です。" in view.visible_text() and KEY_JA not in view.visible_text()
    assert window.lesson is not None and window.lesson.id is not None
    assert window.library.lessons.get(window.lesson.id).blocks[index].user_translations == {
        "ja": "先生が直した訳です。"
    }

    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert KEY_JA in view.visible_text() and "先生が直した訳です。" not in view.visible_text()
    assert window.library.lessons.get(window.lesson.id).blocks[index].user_translations == {}
    assert panel.translation_edit.toPlainText().startswith(KEY_JA)

    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert "先生が直した訳です。" in view.visible_text()


def test_reanchor_note_2_by_selecting_text(qtbot: QtBot, window: MainWindow) -> None:
    edit_mode(qtbot, window)
    view, panel = window.article, window.teaching.panel
    panel.tabs.setCurrentIndex(1)
    row = next(i for i in range(panel.notes.count()) if panel.notes.item(i).text().startswith("※2"))
    assert "“carbon emissions”" in panel.notes.item(row).text()
    panel.notes.setCurrentRow(row)
    # drag across "pushing" with the mouse, as a tutor selects it
    start = point_of(view, "pushing")
    cursor = view.document().find("pushing", 0, QTextDocument.FindFlag.FindCaseSensitively)
    end_cursor = QTextCursor(view.document())
    end_cursor.setPosition(cursor.selectionEnd())
    end = view.cursorRect(end_cursor).center()
    left = QPoint(view.cursorRect(QTextCursor(cursor.block())).left(), start.y())
    first = QTextCursor(view.document())
    first.setPosition(cursor.selectionStart())
    left = QPoint(view.cursorRect(first).left() + 1, start.y())
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=left)
    qtbot.mouseMove(view.viewport(), QPoint(left.x() + 5, left.y()))
    qtbot.mouseMove(view.viewport(), end)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=end)
    if view.textCursor().selectedText() != "pushing":  # the platform did not carry the drag: select as it would
        sel = QTextCursor(view.document())
        sel.setPosition(cursor.selectionStart())
        sel.setPosition(cursor.selectionEnd(), QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(sel)
    assert view.textCursor().selectedText() == "pushing"
    qtbot.mouseClick(panel.buttons["anchor_note"], Qt.MouseButton.LeftButton)

    assert window.lesson is not None and window.lesson.id is not None
    data = window.library.lessons.get(window.lesson.id).to_json()
    note2 = next(n for n in data["notes"] if n["marker"] == "※2")
    assert note2["anchor_text"] == "pushing"
    assert "“pushing”" in panel.notes.item(row).text()
    # the article marks the new place: hovering "pushing" shows note ※2
    qtbot.mouseMove(view.viewport(), point_of(view, "pushing"))
    qtbot.waitUntil(view.card.isVisible, timeout=1000)
    assert "※2" in view.card.text()
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    data = window.library.lessons.get(window.lesson.id).to_json()
    assert next(n for n in data["notes"] if n["marker"] == "※2")["anchor_text"] == "carbon emissions"


def test_add_a_glossary_entry_and_a_question(qtbot: QtBot, window: MainWindow, monkeypatch) -> None:
    answers = iter(
        [
            ["export", "v.", "to send goods to sell in another country", "輸出する"],
            ["Who says the trains are returning?", "Transport officials"],
        ]
    )
    monkeypatch.setattr(teaching_dialogs, "ask_fields", lambda *a: next(answers))
    edit_mode(qtbot, window)
    panel = window.teaching.panel
    qtbot.mouseClick(panel.buttons["add_entry"], Qt.MouseButton.LeftButton)
    assert window.vocab.model.rowCount() == 5
    assert panel.entries.item(4).text().startswith("export v.")
    click(qtbot, window, point_of(window.article, "Overnight trains are returning"))
    qtbot.waitUntil(lambda: panel.para_label.text().startswith("Overnight trains"), timeout=1000)
    qtbot.mouseClick(panel.buttons["add_question"], Qt.MouseButton.LeftButton)
    assert panel.questions.item(0).text() == "Who says the trains are returning? — Transport officials"
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.vocab.model.rowCount() == 4 and panel.questions.count() == 0


def test_presentation_mode(qtbot: QtBot, window: MainWindow) -> None:
    window.article.setFocus()
    key(qtbot, window, Qt.Key.Key_F5)
    pres = window.teaching.presentation
    assert pres is not None and pres.isVisible()
    qtbot.addWidget(pres)
    screen = QGuiApplication.primaryScreen()
    assert pres.screen() is screen and pres.isFullScreen()
    assert pres.geometry() == screen.geometry()
    size = screen.geometry()
    assert pres.pixel_size >= min(size.height() // 14, size.width() // 30)  # type sized to the screen
    assert pres.view.document().size().height() >= size.height() * 0.6  # the text fills it
    assert pres.focused_text().startswith("Overnight trains are returning")
    # move with the keys a clicker sends
    target = index_of(window, "Austria’s national railway company")
    while pres.focus_index != target:
        qtbot.keyClick(pres, Qt.Key.Key_Right)
    qtbot.keyClick(pres, Qt.Key.Key_PageDown)
    qtbot.keyClick(pres, Qt.Key.Key_Left)
    assert pres.focus_index == target
    assert KEY_JA not in pres.visible_text()
    qtbot.keyClick(pres, Qt.Key.Key_T)
    assert KEY_JA in pres.visible_text()
    qtbot.keyClick(pres, Qt.Key.Key_T)
    assert KEY_JA not in pres.visible_text()
    # notes of the focused paragraph
    while pres.focus_index != index_of(window, "Rail companies are ordering"):
        qtbot.keyClick(pres, Qt.Key.Key_Up)
    qtbot.keyClick(pres, Qt.Key.Key_N)
    assert "寝台列車" in pres.visible_text()
    # the quiz: glossary words blanked, revealed one by one
    qtbot.keyClick(pres, Qt.Key.Key_Q)
    assert "sleepers" not in pres.focused_text() and "＿＿＿" in pres.focused_text()
    reserve_para = index_of(window, "Yet travelers soon")
    assert "reserve" not in pres._paragraph_plain(reserve_para).lower().replace("reserved", "")
    qtbot.keyClick(pres, Qt.Key.Key_Space)
    assert "comfortable sleepers to" in pres.focused_text() and pres.hidden_count() == 0
    qtbot.keyClick(pres, Qt.Key.Key_Space)  # nothing left here: on to the next paragraph
    assert pres.focus_index > index_of(window, "Rail companies are ordering")
    while pres.focus_index != reserve_para:
        qtbot.keyClick(pres, Qt.Key.Key_Down)
    text = pres.focused_text()
    assert text.count("＿＿＿") == 2 and "reserved" not in text and "berths" not in text
    qtbot.keyClick(pres, Qt.Key.Key_Space)
    assert "reserved" in pres.focused_text() and "berths" not in pres.focused_text()
    qtbot.keyClick(pres, Qt.Key.Key_Space)
    assert "berths" in pres.focused_text()
    qtbot.keyClick(pres, Qt.Key.Key_Q)
    assert "＿＿＿" not in pres.visible_text()
    qtbot.keyClick(pres, Qt.Key.Key_Escape)
    assert not pres.isVisible() and window.teaching.presentation is None
    assert window.article.focus_index == reserve_para  # the window follows where the class got to


def test_export_handout_from_the_window(qtbot: QtBot, window: MainWindow, monkeypatch, tmp_path: Path) -> None:
    target = tmp_path / "worksheet.pdf"
    monkeypatch.setattr(teaching_dialogs, "ask_handout_options", lambda *a: HandoutOptions(worksheet=True))
    monkeypatch.setattr(teaching_dialogs, "save_file", lambda *a: str(target))
    window.teaching.actions["handout"].trigger()
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(target).pages)
    assert "Word bank" in " ".join(text.split()) and "__________" in text


def test_pack_exported_from_one_window_and_dropped_on_another(
    qtbot: QtBot, window: MainWindow, monkeypatch, tmp_path: Path, settings, dialog_log: DialogLog
) -> None:
    assert window.lesson is not None and window.lesson.id is not None
    lid = window.lesson.id
    window.library.editing.add_question(lid, 0, "Why are night trains coming back?")
    window.library.editing.set_translation(lid, 0, "ja", "夜行列車が…")
    pack = tmp_path / "lesson.studypack"
    monkeypatch.setattr(teaching_dialogs, "save_file", lambda *a: str(pack))
    window.teaching.actions["pack_export"].trigger()
    assert pack.exists()
    expected = window.library.lessons.get(lid).to_json()

    student_lib = Library(tmp_path / "student.db")
    student = MainWindow(student_lib, settings, lang="en", theme="light")
    qtbot.addWidget(student)
    student.show()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(pack))])
    drop = QDropEvent(
        QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    student.dropEvent(drop)
    assert student.lesson is not None
    got = student.lesson.to_json()
    got["id"] = expected["id"]
    assert got == expected
    # the question came with the pack, and it is for handouts and edit mode, not the reading view
    assert [q.text for q in student.lesson.questions] == ["Why are night trains coming back?"]
    student.article.set_shown(0, True)
    assert "夜行列車が…" in student.article.visible_text()  # the top of the lesson is on screen
    assert "Why are night trains coming back?" not in student.article.visible_text()
    # a pack that escapes its folder is refused with one line, and nothing changes
    import zipfile

    bad = tmp_path / "bad.studypack"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("../../outside.txt", "x")
    student_lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = dump(tmp_path / "student.db")
    dialog_log.calls.clear()
    student.import_files([str(bad)])
    assert dialog_log.names() == ["error"]
    assert "escapes" in dialog_log.calls[0][1][2] and "\n" not in dialog_log.calls[0][1][2]
    assert dump(tmp_path / "student.db") == before
    assert not (tmp_path.parent / "outside.txt").exists()
    student.close()
    student_lib.close()


@pytest.fixture(autouse=True)
def _no_leftover_presentations() -> None:
    yield
    for w in QApplication.topLevelWidgets():
        if w.objectName() == "Presentation":
            w.close()


def test_saving_a_worksheet_shows_a_busy_cursor_while_it_works(
    qtbot: QtBot, window: MainWindow, monkeypatch, tmp_path: Path
) -> None:
    from reader.teaching import handout

    target = tmp_path / "worksheet.pdf"
    monkeypatch.setattr(teaching_dialogs, "ask_handout_options", lambda *a: HandoutOptions(worksheet=True))
    monkeypatch.setattr(teaching_dialogs, "save_file", lambda *a: str(target))
    real, shapes = handout.write_pdf, []

    def write_pdf(*args):  # type: ignore[no-untyped-def]
        cursor = QGuiApplication.overrideCursor()
        shapes.append(cursor.shape() if cursor is not None else None)
        return real(*args)

    monkeypatch.setattr(handout, "write_pdf", write_pdf)
    window.teaching.actions["handout"].trigger()
    assert target.exists() and shapes == [Qt.CursorShape.WaitCursor]
    assert QGuiApplication.overrideCursor() is None  # and it is back to normal after
