"""Studying in the window: look a word up, save it, see it marked in another lesson, review it,
export it; phrases, the L key, the context menu, read aloud, progress."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QTextCursor, QTextDocument
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from library.study import dictionary as dictionary_module
from reader.mainwindow import MainWindow
from reader.window import dialogs
from tests.reader.conftest import index_of, point_of
from tests.study_data import install_jmdict, install_tiny_dictionary, write_other_lesson, write_privacy_lesson

AMBER = QColor("#ffe3a3")


@pytest.fixture
def real_or_tiny_dictionary(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> str:
    """JMdict where the package is installed, otherwise the hand-made dictionary."""
    if dictionary_module.jmdict_source_path() is not None:
        install_jmdict(tmp_path_factory)
        return "jmdict"
    install_tiny_dictionary(with_reference_words=True)
    return "tiny"


@pytest.fixture
def no_jmdict(monkeypatch: pytest.MonkeyPatch) -> None:
    """As where the dictionary extra is not installed, with the learner's own dictionary."""
    monkeypatch.setattr(dictionary_module, "jmdict_source_path", lambda: None)
    install_tiny_dictionary(with_reference_words=True)


def double_click(qtbot: QtBot, window: MainWindow, text: str) -> QPoint:
    pos = point_of(window.article, text)
    qtbot.mouseDClick(window.article.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    return pos


def has_tint(window: MainWindow, text: str, colour: QColor) -> bool:
    """Whether the word on screen is painted with (a blend towards) the given mark colour."""
    view = window.article
    cursor = view.document().find(text, 0, QTextDocument.FindFlag.FindCaseSensitively)
    start = QTextCursor(view.document())
    start.setPosition(cursor.selectionStart())
    end = QTextCursor(view.document())
    end.setPosition(cursor.selectionEnd())
    left, right = view.cursorRect(start), view.cursorRect(end)
    image = view.grab().toImage()  # the marks are a layer over the viewport
    ratio = image.devicePixelRatio()
    off = view.viewport().pos()
    y = int((off.y() + left.top() + left.height() * 0.3) * ratio)
    for x in range(int((off.x() + left.left()) * ratio) + 1, int((off.x() + right.left()) * ratio) - 1):
        pixel = image.pixelColor(x, y)
        if pixel.red() > 200 and pixel.blue() < pixel.green() - 25 and abs(pixel.green() - colour.green()) < 40:
            return True
    return False


def test_look_up_save_mark_review_export(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, real_or_tiny_dictionary: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    study, view = window.study, window.article
    assert "Double-click a word" in study.hint.text()
    shown = set(view.shown)
    double_click(qtbot, window, "privacy")
    card = study.card
    assert card.isVisible()
    assert view.shown == shown  # the double-click's first click did not leave a translation open
    text = card.text()
    assert "privacy" in text and "the condition of being alone" in text  # the lesson's entry
    assert "プライバシー" in text  # the dictionary's
    qtbot.keyClicks(card.note, "self-rule")
    qtbot.mouseClick(card.buttons["learning"], Qt.MouseButton.LeftButton)
    saved = window.library.study.words.get("privacy")
    assert saved is not None and saved.status == "learning" and saved.note == "self-rule"
    assert (
        saved.sentence
        == "A train designer told Swedish radio last spring that night passengers “mostly want privacy” above all else."
    )
    assert "プライバシー" in saved.gloss
    assert "In my words: learning" in card.status.text()
    assert ("privacy", "learning") in study.marks.marked_words()
    qtbot.keyClick(card, Qt.Key.Key_Escape)
    assert not card.isVisible()
    assert study.due_button.text() == "Review: 1 due"

    # Another lesson that contains the word shows it marked.
    other = window.library.lessons.import_file(write_privacy_lesson(tmp_path)).lesson_id
    window.open_lesson(other)
    assert study.marks.marked_words() == [("privacy", "learning"), ("privacy", "learning")]
    view.verticalScrollBar().setValue(0)
    qtbot.wait(10)
    assert has_tint(window, "privacy", AMBER)
    # the View toggle hides the marks
    study.actions["mark_words"].trigger()
    assert not study.marks.isVisible() and not has_tint(window, "privacy", AMBER)
    study.actions["mark_words"].trigger()
    assert study.marks.isVisible()

    # Review it with the keyboard.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = study.review_dialog
    assert dialog is not None and dialog.isVisible()
    assert "privacy" in dialog.front.text() and "<b>privacy</b>" in dialog.front.text()
    assert not dialog.back.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Space)
    assert dialog.back.isVisible() and "プライバシー" in dialog.back.text() and "self-rule" in dialog.back.text()
    assert dialog.grade_buttons[3].text().startswith("3 Good · ")
    qtbot.keyClick(dialog, Qt.Key.Key_3)
    assert "All done for now: 1 reviewed." in dialog.front.text()
    assert study.due_button.text() == "Review: nothing due"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()

    # Export it to Anki from the File menu.
    target = tmp_path / "mine.apkg"
    monkeypatch.setattr(dialogs, "choose_save_file", lambda *a: str(target))
    study.actions["export_anki"].trigger()
    with zipfile.ZipFile(target) as z:
        z.extract("collection.anki2", tmp_path)
    conn = sqlite3.connect(tmp_path / "collection.anki2")
    fields = [row[0].split("\x1f") for row in conn.execute("SELECT flds FROM notes")]
    conn.close()
    assert fields[0][0] == "privacy" and "mostly want <b>privacy</b>" in fields[0][4]
    csv_target = tmp_path / "mine.csv"
    monkeypatch.setattr(dialogs, "choose_save_file", lambda *a: str(csv_target))
    study.actions["export_csv"].trigger()
    assert "self-rule" in csv_target.read_text(encoding="utf-8-sig")


def test_saved_sentence_keeps_the_paragraphs_translation(qtbot: QtBot, window: MainWindow, no_jmdict: None) -> None:
    double_click(qtbot, window, "new routes")  # the middle of it: "routes"
    study = window.study
    assert study.card.content is not None and study.card.content.text == "routes"
    assert "lemma: route" in study.card.text()
    qtbot.keyClick(study.card, Qt.Key.Key_2)  # 2 = learning
    saved = window.library.study.words.get("route")
    assert saved is not None and saved.status == "learning"
    assert saved.sentence_translation.startswith("オーストリアの国営鉄道会社")
    assert saved.block_pos == index_of(window, "Austria's national railway company")


def test_single_click_still_shows_the_translation(qtbot: QtBot, window: MainWindow, no_jmdict: None) -> None:
    pos = point_of(window.article, "its first new routes")
    qtbot.mouseClick(window.article.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert window.article.is_shown(index_of(window, "Austria's national railway company"))
    assert not window.study.card.isVisible()


def test_without_the_dictionary_extra_the_card_says_how_to_install(
    qtbot: QtBot, window: MainWindow, no_jmdict: None
) -> None:
    double_click(qtbot, window, "reserved")
    text = window.study.card.text()
    assert "lemma: reserve" in text
    assert "to arrange for something, such as a seat" in text  # the lesson's glossary
    assert "予約する" in text and "[tiny]" in text  # the learner's own dictionary
    assert "pip install &#x27;study-reader[dictionary]&#x27;" in text or "study-reader[dictionary]" in text


def test_select_a_phrase_and_press_l(qtbot: QtBot, window: MainWindow, no_jmdict: None) -> None:
    view = window.article
    found = view.document().find("carbon emissions")
    point_of(view, "carbon emissions")
    cursor = QTextCursor(view.document())
    cursor.setPosition(found.selectionStart())
    cursor.setPosition(found.selectionEnd(), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_L)
    card = window.study.card
    assert card.isVisible() and card.content is not None and card.content.text == "carbon emissions"
    qtbot.mouseClick(card.buttons["new"], Qt.MouseButton.LeftButton)
    assert window.library.study.words.get("carbon emissions") is not None
    assert ("carbon emissions", "new") in window.study.marks.marked_words()


def test_l_without_a_selection_says_what_to_do(qtbot: QtBot, window: MainWindow, no_jmdict: None) -> None:
    view = window.article
    cursor = view.textCursor()
    cursor.clearSelection()
    cursor.setPosition(0)
    view.setTextCursor(cursor)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_L)
    assert "Select a word or phrase first" in window.statusBar().currentMessage() or window.study.card.isVisible()


def test_context_menu_offers_look_up(qtbot: QtBot, window: MainWindow, no_jmdict: None) -> None:
    study = window.study
    menu = study.context_menu(point_of(window.article, "privacy"))
    texts = [a.text() for a in menu.actions()]
    assert "Look up “privacy”" in texts and "Read aloud" in texts
    look = next(a for a in menu.actions() if a.text() == "Look up “privacy”")
    look.trigger()
    assert study.card.isVisible() and study.card.content is not None and study.card.content.text == "privacy"
    menu.deleteLater()


def test_study_menu_lists_the_studying_actions(window: MainWindow) -> None:
    menu = window.study.study_menu
    assert menu.title() == "&Study"
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == [
        "&Look up word", "Read paragraph &aloud", "My &words", "&Review my words", "My &progress",
        "Mark &known words…", "Read &next…",
    ]
    assert window.study.actions["lookup"].shortcut().toString() == "L"


def test_read_aloud_disabled_with_a_reason_when_there_is_no_engine(window: MainWindow, monkeypatch) -> None:
    speech = window.study.speech
    monkeypatch.setattr(speech, "_checked", True)
    monkeypatch.setattr(speech, "_engine", None)
    monkeypatch.setattr(speech, "reason", "Reading aloud is unavailable: this system has no speech engine")
    window.study._check_speech()
    action = window.study.actions["read_aloud"]
    assert not action.isEnabled() and "no speech engine" in action.toolTip()
    assert not window.study.card.speak.isEnabled() and "no speech engine" in window.study.card.speak.toolTip()


def test_read_aloud_speaks_the_focused_paragraph(window: MainWindow, monkeypatch) -> None:
    spoken: list[str] = []

    class FakeEngine:
        def stop(self) -> None:
            pass

        def say(self, text: str) -> None:
            spoken.append(text)

    speech = window.study.speech
    monkeypatch.setattr(speech, "_checked", True)
    monkeypatch.setattr(speech, "_engine", FakeEngine())
    window.study._check_speech()
    assert window.study.actions["read_aloud"].isEnabled()
    index = index_of(window, "Austria's national railway company")
    window.article.set_focus_index(index)
    window.article.setFocus()
    window.study.actions["read_aloud"].trigger()
    assert spoken and spoken[0].startswith("Austria")


def test_progress_view_shows_levels(qtbot: QtBot, window: MainWindow, tmp_path: Path, no_jmdict: None) -> None:
    words = window.library.study.words
    for w in ("the", "a", "of", "autonomy"):
        words.save(w, "known")
    other = window.library.lessons.import_file(write_other_lesson(tmp_path)).lesson_id
    dialog = window.study.open_progress()
    assert dialog.isVisible()
    QAbstractItemModelTester(dialog.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert dialog.figures["Known words"].text() == "4"
    rows = {dialog.model.levels[r].lesson_id: r for r in range(dialog.model.rowCount())}
    unknown = dialog.model.data(dialog.model.index(rows[other], 2))
    assert unknown.endswith(")") and "%" in unknown
    assert dialog.chart.points[-1][1] == 4
    dialog.table.doubleClicked.emit(dialog.model.index(rows[other], 0))
    assert window.current_id() == other


def test_about_names_the_dictionary_licence() -> None:
    from reader.ui.i18n import Translator
    from reader.window.dialogs import about_dictionary_html

    text = about_dictionary_html(Translator("en"))
    assert "JMdict" in text and "Creative Commons Attribution-ShareAlike 4.0" in text and "EDRDG" in text


def test_known_words_read_plain_unless_the_view_asks_to_mark_them(
    qtbot: QtBot, window: MainWindow, no_jmdict: None
) -> None:
    from tests.reader.window.test_profiles_window import marks_of, save_word

    save_word(qtbot, window, "privacy", Qt.Key.Key_3)  # 3 = known
    assert window.library.study.words.get("privacy").status == "known"  # type: ignore[union-attr]
    assert marks_of(window, "privacy") == set()  # known: no underline, as in Lute and LingQ
    action = window.study.actions["mark_known"]
    assert not action.isChecked() and action.text() == "Mark &known words too"
    action.trigger()  # View → Mark known words too
    assert marks_of(window, "privacy") == {"known"}
    assert window.settings.value("view/mark_known") in (True, "true")
    action.trigger()
    assert marks_of(window, "privacy") == set()
