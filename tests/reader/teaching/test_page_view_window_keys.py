"""The window's keys work while the page view (a window of its own) has the focus: Ctrl+Q quits, F1 lists
the keys, Ctrl+2 goes back to the article, and every window-wide key of the F1 list reaches its action from
the view's lines and its text box (focus mode excepted: it would hide the panels the view made room in)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from reader.teaching.page_part import NOT_IN_VIEW
from reader.ui.i18n import KEYS_HELP
from reader.window import dialogs
from tests.reader.teaching.test_page_view import bees, open_page_view  # noqa: F401

CTRL = Qt.KeyboardModifier.ControlModifier


def press_sequence(qtbot: QtBot, widget: QWidget, sequence: QKeySequence) -> None:
    combined = sequence[0]
    widget.setFocus()
    qtbot.keyClick(widget, combined.key(), combined.keyboardModifiers())


def test_ctrl_q_quits_from_the_page_view(qtbot: QtBot, bees: MainWindow) -> None:  # noqa: F811
    view = open_page_view(qtbot, bees)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Q, CTRL)
    assert not bees.isVisible() and not view.isVisible()


def test_f1_and_ctrl_2_from_the_page_view(qtbot: QtBot, bees: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "shortcuts", lambda _parent, title, _text: shown.append(title))
    view = open_page_view(qtbot, bees)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_F1)
    assert shown == ["Keyboard shortcuts"]
    qtbot.keyClick(view.table, Qt.Key.Key_2, CTRL)  # Go to article
    qtbot.waitUntil(bees.isActiveWindow, timeout=1000)
    assert bees.article.hasFocus()


@pytest.mark.parametrize("where", ["lines", "text box"])
def test_every_window_key_of_the_f1_list_works_in_the_page_view(qtbot: QtBot, bees: MainWindow,  # noqa: F811
                                                                where: str) -> None:
    listed = set(re.findall(r"(?:Ctrl\+|Shift\+|Alt\+)*(?:F\d+|Del|[A-Z0-9=+-])(?=[ /)\n]|$)", KEYS_HELP))
    keyed = {name: action for name, action in bees.menus.actions.items()
             if action in bees.actions() and any(k.toString() in listed for k in action.shortcuts())}
    assert {"quit", "keys", "undo", "zoom_in", "focus_article", "focus_mode"} <= set(keyed)  # the list was read
    view = open_page_view(qtbot, bees)
    widget = view.table if where == "lines" else view.text
    for name, action in keyed.items():
        if name in NOT_IN_VIEW or not action.isEnabled() or (where == "text box" and name in ("undo", "redo")):
            continue  # (nothing to undo yet; in the text box its own undo comes first)
        fired: list[bool] = []
        action.triggered.disconnect()  # counted, not run: the test is of the key reaching the action
        action.triggered.connect(lambda _c=False, f=fired: f.append(True))
        sequence = next(k for k in action.shortcuts() if k.toString() in listed)
        press_sequence(qtbot, widget, sequence)
        assert fired == [True], f"{sequence.toString()} ({name}) does nothing in the page view's {where}"
