"""Small things a newcomer notices: the accent bar, the dark card's note box, the font dialog, the speaker."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QHelpEvent
from PySide6.QtWidgets import QApplication, QFontDialog, QToolTip
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from reader.ui.themes import THEMES
from reader.window import dialogs
from tests.reader.conftest import index_of
from tests.reader.study.test_study_window import double_click, no_jmdict  # noqa: F401  (a fixture)
from tests.reader.ui.test_disabled_look import ink

REAL_CHOOSE_FONT = dialogs.choose_font  # before the fixtures replace it


def accent_rows(window: MainWindow, x: int, top: int, bottom: int) -> int:
    """How many pixel rows of the viewport between top and bottom show the accent colour at x."""
    image = window.article.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    accent = QColor(window.theme.accent)
    rows = 0
    for y in range(max(0, top), bottom):
        pixel = image.pixelColor(int((x + 1) * ratio), int(y * ratio))
        distance = abs(pixel.red() - accent.red()) + abs(pixel.green() - accent.green())
        if distance + abs(pixel.blue() - accent.blue()) < 40:
            rows += 1
    return rows


def test_a_one_line_translation_gets_a_whole_accent_bar(qtbot: QtBot, window: MainWindow) -> None:
    view = window.article
    index = index_of(window, "Rail companies are ordering")
    view.setFocus()
    view.set_focus_index(index)
    qtbot.keyClick(view, Qt.Key.Key_A)  # the learner's own translation: "私の訳です。", one line
    qtbot.waitUntil(lambda: "私の訳です。" in view.visible_text(), timeout=2000)
    if not view.is_shown(index):
        qtbot.keyClick(view, Qt.Key.Key_T)
    qtbot.wait(QApplication.doubleClickInterval() + 50)
    block = view.block_for(index, extra=True)
    lines = block.layout()
    assert block.text() == "私の訳です。" and lines.lineCount() == 1
    bar = view.verticalScrollBar().value()
    rect = view.document().documentLayout().blockBoundingRect(block)
    text_top = int(lines.position().y()) - bar
    text_height = int(lines.boundingRect().height())
    assert accent_rows(window, int(rect.left()), text_top - 10, text_top + text_height + 10) >= text_height - 2


def test_the_card_shows_the_words_level_and_band_in_one_line(
    qtbot: QtBot, window: MainWindow, no_jmdict: None  # noqa: F811
) -> None:
    double_click(qtbot, window, "privacy")
    card = window.study.card
    assert card.isVisible()
    from library.study.levels import word_level_info

    info = word_level_info("privacy")
    shown = card.body.text()
    assert info.level and not info.estimated
    assert f"Level {info.level} · top " in shown or f"Level {info.level} · rarer" in shown


def test_the_dark_cards_note_box_has_a_border(
    qtbot: QtBot, window: MainWindow, no_jmdict: None  # noqa: F811
) -> None:
    window.set_theme("dark")
    double_click(qtbot, window, "privacy")
    card = window.study.card
    assert card.isVisible()
    image = card.grab().toImage()
    note = card.note.geometry()
    edge = image.pixelColor(note.left() + note.width() // 2, note.top())
    inside = image.pixelColor(note.left() + note.width() // 2, note.top() + note.height() // 2)
    card_bg = image.pixelColor(note.left() - 3 if note.left() > 3 else 1, note.top() + 2)
    assert edge != card_bg and inside != card_bg, "the note box cannot be told from the card"
    window.set_theme("light")


def test_the_font_dialog_opens_on_the_regular_style(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "choose_font", REAL_CHOOSE_FONT)
    opened_on: list[QFont] = []

    def fake(font: QFont, *_args: object) -> tuple[bool, QFont]:
        opened_on.append(QFont(font))
        return False, font

    monkeypatch.setattr(QFontDialog, "getFont", fake)
    window.menus.actions["font"].trigger()
    assert opened_on
    style = opened_on[0].styleName()
    assert style and not any(word in style for word in ("Italic", "Condensed", "Oblique", "Bold")), style


@pytest.fixture
def no_speech_module(monkeypatch: pytest.MonkeyPatch) -> None:
    """A system without Qt's speech module, from before the window starts (None in sys.modules makes
    the import fail as a missing module does)."""
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_the_speaker_looks_off_and_says_why_where_reading_aloud_is_not_installed(
    qtbot: QtBot, no_speech_module: None, window: MainWindow, no_jmdict: None, theme: str  # noqa: F811
) -> None:
    window.set_theme(theme)
    double_click(qtbot, window, "privacy")
    card = window.study.card
    assert card.isVisible()
    speak = card.speak
    faded = ink(speak.grab().toImage())
    assert faded <= 2.5, f"{theme}: the speaker stands out ({faded:.1f}:1) though nothing can be read aloud"
    qtbot.mouseMove(speak)  # the pointer rests on it: its tooltip says why
    centre = speak.rect().center()
    QApplication.sendEvent(speak, QHelpEvent(QEvent.Type.ToolTip, centre, speak.mapToGlobal(centre)))
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert "Reading aloud needs Qt's speech module" in QToolTip.text(), QToolTip.text()
    QToolTip.hideText()


REAL_ASK_TEXT = dialogs.ask_text


LONG_TITLE = "How the overnight sleeper trains came back to Europe after twenty years"
DESKTOP_PT = 11.0  # the interface font many desktops set (Qt's offscreen default is 9 pt)


@pytest.fixture
def desktop_font() -> Iterator[None]:
    """The application's interface font at a desktop's usual size, as a learner's system gives it."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = QFont(app.font())
    font = QFont(before)
    font.setPointSizeF(DESKTOP_PT)
    app.setFont(font)
    yield
    app.setFont(before)


def test_rename_shows_the_whole_title_and_the_heading_follows(
    qtbot: QtBot, desktop_font: None, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit

    monkeypatch.setattr(dialogs, "ask_text", REAL_ASK_TEXT)
    lesson_id = window.reading.lesson_id
    assert lesson_id is not None
    window.library.lessons.rename(lesson_id, LONG_TITLE)
    window.reading.reload_if_open(lesson_id)
    seen: dict[str, int] = {}

    def answer() -> None:
        """Measure the rename box while it is up, as the user sees it, then give the new title."""
        up = [w for w in QApplication.topLevelWidgets() if isinstance(w, QInputDialog) and w.isVisible()]
        dialog = up[0] if up else None
        if dialog is None:
            QTimer.singleShot(20, answer)  # not up yet
            return
        edit = dialog.findChild(QLineEdit)
        assert edit is not None
        seen["room"] = edit.contentsRect().width()
        seen["text"] = edit.fontMetrics().horizontalAdvance(edit.text())
        seen["width"] = dialog.width()
        seen["title"] = dialog.fontMetrics().horizontalAdvance(dialog.windowTitle())
        dialog.setTextValue("AI Models and China: the new limits")
        dialog.done(int(QDialog.DialogCode.Accepted))

    QTimer.singleShot(20, answer)
    window.activateWindow()
    qtbot.keyClick(window.article, Qt.Key.Key_F2)
    assert seen, "no rename box"
    cut = []  # each told apart: the box can be too narrow for either
    if seen["room"] < seen["text"]:
        cut.append(f"the title ({seen['text']} px) in a box with room for {seen['room']} px")
    if seen["width"] < seen["title"] + 100:  # the title bar's buttons and icon take about 100 px
        cut.append(f"the window title ({seen['title']} px) on a box {seen['width']} px wide")
    assert not cut, f"at {DESKTOP_PT:g} pt the rename box cuts " + " and ".join(cut)
    assert window.windowTitle().startswith("AI Models and China: the new limits")
    window.article.verticalScrollBar().setValue(0)
    assert window.article.visible_text().startswith("AI Models and China: the new limits")


def test_a_known_words_line_is_not_dotted_like_a_notes(
    qtbot: QtBot, window: MainWindow, no_jmdict: None  # noqa: F811
) -> None:
    from PySide6.QtGui import QTextCursor, QTextDocument

    from reader.article.word_marks import COLOURS

    window.study.actions["mark_known"].trigger()  # View → Mark known words too (known words read plain)
    double_click(qtbot, window, "privacy")
    card = window.study.card
    qtbot.keyClick(card, Qt.Key.Key_3)  # known
    qtbot.keyClick(card, Qt.Key.Key_Escape)
    qtbot.wait(50)
    view = window.article
    found = view.document().find("privacy", 0, QTextDocument.FindFlag.FindCaseSensitively)
    start, end = QTextCursor(view.document()), QTextCursor(view.document())
    start.setPosition(found.selectionStart())
    end.setPosition(found.selectionEnd())
    left, right = view.cursorRect(start), view.cursorRect(end)
    image = view.grab().toImage()
    ratio = image.devicePixelRatio()
    off = view.viewport().pos()
    green = QColor(COLOURS[False]["known"][1])

    def greenish(c: QColor) -> bool:
        return abs(c.red() - green.red()) + abs(c.green() - green.green()) + abs(c.blue() - green.blue()) < 140

    best = 0.0
    for dy in range(int(left.height() * 0.6), left.height() + 2):  # the row the line is drawn on
        y = int((off.y() + left.top() + dy) * ratio)
        xs = range(int((off.x() + left.left() + 2) * ratio), int((off.x() + right.left() - 2) * ratio))
        covered = sum(greenish(image.pixelColor(x, y)) for x in xs) / max(1, len(xs))
        best = max(best, covered)
    assert best >= 0.85, f"the known word's line covers {best:.0%} of the word: dotted, like a note's"
