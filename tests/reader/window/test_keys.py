"""The window without a mouse: a search hit on one Enter, a word looked up from the keyboard, the F1 list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from reader.window.dialogs import shortcut_rows
from tests.reader.conftest import index_of
from tests.reader.study.test_study_window import no_jmdict  # noqa: F401  (a fixture)


def test_a_search_hit_opens_on_one_enter(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.keyClick(window.article, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.panel.search.hasFocus()
    window.panel.search.insert("資金を確保")  # as an input method commits it (QTest types only Latin keys)
    qtbot.keyClick(window.panel.search, Qt.Key.Key_Return)
    index = index_of(window, "Sweden has promised")
    assert window.article.focus_index == index and window.article.is_shown(index)
    assert window.article.hasFocus()


def test_a_word_is_looked_up_from_the_keyboard(
    qtbot: QtBot, window: MainWindow, no_jmdict: None  # noqa: F811
) -> None:
    view = window.article
    window.activateWindow()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home)  # the first paragraph
    assert view.focus_index == index_of(window, "Overnight trains are returning")
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.textCursor().selectedText() == "are"
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.textCursor().selectedText() == "trains"
    qtbot.keyClick(view, Qt.Key.Key_L)
    card = window.study.card
    assert card.isVisible() and card.content is not None and card.content.text == "trains"


@pytest.fixture
def shown_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[list[tuple[str, str]]]:
    """Each dialog the window opens, as its rows of labels (instead of waiting for a click)."""
    seen: list[list[tuple[str, str]]] = []

    def capture(dialog: QDialog) -> int:
        keys = [label.text() for label in dialog.findChildren(QLabel, "ShortcutKeys")]
        what = [label.text() for label in dialog.findChildren(QLabel, "ShortcutWhat")]
        seen.append(list(zip(keys, what, strict=True)))
        return 0

    monkeypatch.setattr(QDialog, "exec", capture)
    return seen


def test_f1_lists_every_shortcut_in_two_columns(
    qtbot: QtBot, window: MainWindow, shown_dialogs: list[list[tuple[str, str]]]
) -> None:
    window.activateWindow()
    qtbot.keyClick(window.article, Qt.Key.Key_F1)
    assert len(shown_dialogs) == 1
    rows = dict(shown_dialogs[0])
    listed = " ".join(rows)
    for keys in ("L", "R", "Ctrl+R", "Ctrl+Shift+P", "Ctrl+Shift+M", "Ctrl+E", "F5", "Ctrl+P", "1 2 3 4", "F11"):
        assert keys in rows or keys in listed.split(" / "), f"{keys} is not in the F1 list"
    # every action with a shortcut in the menus is in the list
    shortcuts = {a.shortcut().toString() for a in window.findChildren(type(window.menus.actions["quit"]))
                 if not a.shortcut().isEmpty()}
    missing = {k for k in shortcuts if not any(k in keys.split(" / ") or k in keys.split() for keys in rows)}
    assert missing <= {"Ctrl+Shift+Z", "Ctrl+Z", "Ctrl+Y", "Ctrl++"}, missing  # in the Ctrl+E line
    assert all(what for what in rows.values())  # two columns: a description for every key


def test_shortcut_rows_split_on_two_spaces() -> None:
    assert shortcut_rows("Ctrl+F  search all lessons\nF2  rename, Ctrl+Del  delete") == [
        ("Ctrl+F", "search all lessons"), ("F2", "rename, Ctrl+Del  delete")]


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("size", [(1280, 800), (800, 600)])
def test_the_f1_list_fits_the_screen_and_shows_every_line_whole(qtbot: QtBot, window: MainWindow,
                                                               monkeypatch: pytest.MonkeyPatch, lang: str,
                                                               size: tuple[int, int]) -> None:
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QScreen

    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(0, 0, *size))
    window.set_language(lang)
    seen: list[QDialog] = []

    def shown(dialog: QDialog) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        seen.append(dialog)
        for label in dialog.findChildren(QLabel, "ShortcutWhat"):  # wrapped where long, never cut
            assert label.height() >= label.heightForWidth(label.width()), label.text()
        assert dialog.width() <= size[0] and dialog.height() <= size[1]
        dialog.hide()
        return 0

    monkeypatch.setattr(QDialog, "exec", shown)
    window.activateWindow()
    qtbot.keyClick(window.article, Qt.Key.Key_F1)
    assert len(seen) == 1


def test_every_key_of_the_page_view_is_in_the_f1_list(window: MainWindow) -> None:
    from reader.teaching.page_view import PAGE_EDITS, PLACE_EDITS, ROLE_EDITS
    from reader.ui.i18n import KEYS_HELP

    line = next(what for keys, what in shortcut_rows(KEYS_HELP) if keys == "Ctrl+Shift+L")
    named = {"Ctrl+Return": "Ctrl+Enter", "Alt+Up": "Alt+↑", "Alt+Down": "Alt+↓"}
    words = set(line.replace(",", " ").replace(";", " ").replace("(", " ").split())
    missing = {k.key for k in (*ROLE_EDITS, *PLACE_EDITS, *PAGE_EDITS) if named.get(k.key, k.key) not in words}
    assert not missing
