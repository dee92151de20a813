"""The article as a reader uses it with the mouse: click to translate, hover notes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QTextCursor
from pytestqt.qtbot import QtBot

from library.model import Block, Lesson, Unplaced
from reader.mainwindow import MainWindow
from reader.ui import hovercard
from tests.reader.conftest import DialogLog, index_of, point_of

JA_KEY_SERVICES = "オーストリアの国営鉄道会社"


def click(qtbot: QtBot, window: MainWindow, pos: QPoint) -> None:
    qtbot.mouseClick(window.article.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_click_shows_translation_under_paragraph_and_click_again_hides_it(qtbot: QtBot, window: MainWindow) -> None:
    view = window.article
    assert JA_KEY_SERVICES not in view.visible_text()
    click(qtbot, window, point_of(view, "its first new routes"))
    lines = view.visible_text().splitlines()
    assert any(line.startswith(JA_KEY_SERVICES) for line in lines)
    # Under the English paragraph: the line right after it on screen.
    english = next(i for i, line in enumerate(lines) if "its first new routes" in line)
    assert lines[english + 1].startswith(JA_KEY_SERVICES)
    layout = view.document().documentLayout()
    index = index_of(window, "Austria’s national railway company")
    para = layout.blockBoundingRect(view.block_for(index))
    trans = layout.blockBoundingRect(view.block_for(index, extra=True))
    assert trans.top() >= para.bottom() and trans.height() > 0
    assert view.cursorRect(QTextCursor(view.block_for(index, extra=True))).left() > view.cursorRect(
        QTextCursor(view.block_for(index))).left()  # set apart: indented

    click(qtbot, window, point_of(view, "its first new routes"))
    assert JA_KEY_SERVICES not in view.visible_text()
    assert layout.blockBoundingRect(view.block_for(index, extra=True)).height() == 0


def test_click_on_paragraph_without_translation_shows_prompt_and_adds_one(
        qtbot: QtBot, window: MainWindow, dialog_log: DialogLog) -> None:
    view = window.article
    click(qtbot, window, point_of(view, "Overnight trains are returning"))
    assert "No translation yet. Add one…" in view.visible_text()
    click(qtbot, window, point_of(view, "Add one…"))
    assert dialog_log.names() == ["ask_translation"]
    assert window.lesson is not None and window.lesson.id is not None
    stored = window.library.lessons.get(window.lesson.id).blocks[0]
    assert stored.user_translations == {"ja": "私の訳です。"}
    assert "私の訳です。" in view.visible_text()


def test_hovering_sleepers_shows_note_1(qtbot: QtBot, window: MainWindow) -> None:
    # How fast the card comes is measured by the benchmark (bench/window.py, hover_card).
    view, card = window.article, window.article.card
    pos = point_of(view, "sleepers")
    qtbot.mouseMove(view.viewport(), pos)
    qtbot.waitUntil(lambda: card.isVisible(), timeout=2000)
    assert "※1" in card.text() and "寝台列車" in card.text()
    assert "https://example.jp/tetsudo/sleeper" in card.text()
    # the card sits just under the term
    term = view.viewport().mapToGlobal(pos)
    assert 0 <= card.pos().y() - term.y() < 60


def test_note_marker_inside_translation_shows_its_note(qtbot: QtBot, window: MainWindow) -> None:
    view = window.article
    index = index_of(window, "However, many of the longest routes")
    view.set_shown(index, True)
    translation = view.block_for(index, extra=True)
    qtbot.mouseMove(view.viewport(), point_of(view, "※4", after=translation.position()))
    qtbot.waitUntil(lambda: view.card.isVisible(), timeout=2000)
    assert view.card.text().startswith("<p") and "Aurora" in view.card.text()
    assert view.card.key == "note:3"


def test_click_pins_the_card_and_escape_closes_it(qtbot: QtBot, window: MainWindow) -> None:
    view = window.article
    pos = point_of(view, "carbon emissions")
    qtbot.mouseMove(view.viewport(), pos)
    click(qtbot, window, pos)
    assert view.card.isVisible() and view.card.pinned
    assert "example.jp/kankyo/carbon-emissions" in view.card.text()
    qtbot.mouseMove(view.viewport(), QPoint(5, view.viewport().height() - 5))
    qtbot.wait(500)
    assert view.card.isVisible()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not view.card.isVisible()


def test_card_hides_after_the_pointer_leaves(qtbot: QtBot, window: MainWindow) -> None:
    view = window.article
    qtbot.mouseMove(view.viewport(), point_of(view, "sleepers"))
    qtbot.waitUntil(view.card.isVisible, timeout=2000)
    qtbot.mouseMove(view.viewport(), QPoint(5, view.viewport().height() - 5))
    qtbot.waitUntil(lambda: not view.card.isVisible(), timeout=1000)


def test_source_link_opens_only_on_click_and_nothing_remote_loads(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    assert hovercard.open_external("https://example.jp/tetsudo/sleeper")
    assert not hovercard.open_external("file:///etc/passwd")
    assert opened == ["https://example.jp/tetsudo/sleeper"]
    assert window.article.loadResource(2, QUrl("https://example.com/a.png")) is None


def test_show_all_and_hide_all(window: MainWindow) -> None:
    view = window.article
    window.menus.actions["show_all"].trigger()
    assert view.shown == view.built.has_translation if view.built else False
    assert len(view.shown) == 3
    window.menus.actions["hide_all"].trigger()
    assert not view.shown


def test_unplaced_material_is_listed(qtbot: QtBot) -> None:
    from reader.article.document import DocStyle
    from reader.article.view import ArticleView
    from reader.ui.themes import theme_named

    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    lesson = Lesson("A title", blocks=[Block("paragraph", "One paragraph.")],
                    unplaced=[Unplaced("迷子の行です。", "ja", "no match")])
    view.set_lesson(lesson, DocStyle(theme_named("light"), "DejaVu Serif", None))
    text = view.visible_text()
    assert "Not placed by the importer (1)" in text and "迷子の行です。" in text


def test_a_card_in_a_screenshot_stays_inside_the_window(qtbot: QtBot) -> None:
    """A window rendered to an image (--screenshot) shows nothing outside it: a card near its
    bottom goes above the word, even where the screen would have room below."""
    from PySide6.QtCore import QPoint, QRect, Qt
    from PySide6.QtWidgets import QLabel, QWidget

    from reader.ui.hovercard import place_card

    window = QWidget()
    qtbot.addWidget(window)
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    window.resize(600, 400)  # smaller than the offscreen screen (800×600)
    window.show()
    card = QLabel("note", window)
    card.resize(300, 150)
    origin = window.mapToGlobal(QPoint(0, 0))
    word = QRect(origin + QPoint(100, 360), QRect(0, 0, 60, 20).size())  # near the bottom
    spot = place_card(card, word)
    assert QRect(origin, window.size()).contains(QRect(spot, card.size()))
    assert spot.y() + card.height() <= word.top()  # above the word
