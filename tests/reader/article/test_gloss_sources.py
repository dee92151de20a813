"""A meaning the card fills in from the dictionary is not my own note: the gloss over the word stays the
dictionary's sense in context (and follows the dictionary), while a meaning I type on My words wins."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from library.study import dictionary as dictionary_module
from library.study.words import DICTIONARY_GLOSS
from reader.mainwindow import MainWindow
from reader.study.my_words_model import KEYS
from tests.reader.article.test_glosses import GLOSS_DICTIONARY, install_dictionary, toggle
from tests.reader.conftest import point_of
from tests.reader.study.test_my_words import click, open_page, shown


def carbon_gloss(window: MainWindow) -> tuple[str, str]:
    found = next(g for g in window.glosses.layer.glosses() if g.word == "carbon")
    return found.text, found.source


def test_a_meaning_filled_from_the_dictionary_gives_way_and_a_typed_one_wins(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dictionary_module, "jmdict_source_path", lambda: None)
    dictionary = install_dictionary()
    window.glosses.dictionary_changed()
    # Save "carbon" from its card: the card fills its meaning in from the dictionary.
    qtbot.mouseDClick(window.article.viewport(), Qt.MouseButton.LeftButton, pos=point_of(window.article, "carbon"))
    qtbot.keyClick(window.study.card, Qt.Key.Key_2)  # learning
    word = window.library.study.words.get("carbon")
    assert word is not None and word.gloss == "炭素" and word.gloss_source == DICTIONARY_GLOSS
    window.study.card.hide()
    toggle(qtbot, window)
    assert carbon_gloss(window) == ("炭素", "dictionary")  # the sense in context, not "my note"
    dictionary.import_text(GLOSS_DICTIONARY.replace("炭素\tたんそ", "カーボン\t"), "glosses", tsv=True)
    window.glosses.dictionary_changed()
    assert carbon_gloss(window) == ("カーボン", "dictionary")  # it follows the dictionary

    # On My words the filled-in meaning is shown apart; typed over, it is mine and wins.
    page = open_page(qtbot, window)
    row = shown(page).index("carbon")
    meaning = page.proxy.index(row, KEYS.index("gloss"))
    font = meaning.data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.italic() and "dictionary" in meaning.data(Qt.ItemDataRole.ToolTipRole)
    click(qtbot, page, "carbon", "gloss")
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    editor.insert("炭素（元素）")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.state() != QAbstractItemView.State.EditingState)
    word = window.library.study.words.get("carbon")
    assert word is not None and word.gloss_source == ""
    assert not page.proxy.index(row, KEYS.index("gloss")).data(Qt.ItemDataRole.FontRole)
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    assert carbon_gloss(window) == ("炭素", "note")  # my own meaning, its first part
