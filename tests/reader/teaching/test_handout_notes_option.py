"""The handout's notes option says what it prints: the notes at the end, after the word list (they are
endnotes, not footnotes at the foot of each page), in English and in Japanese."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QDialog
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from reader.teaching.handout import HandoutOptions, build_html


@pytest.mark.parametrize(("lang", "words"), [("en", ("end", "word list")), ("ja", ("最後", "単語リスト"))])
def test_the_notes_option_names_where_the_notes_go(
    qtbot: QtBot, window: MainWindow, lang: str, words: tuple[str, str]
) -> None:
    window.set_language(lang)
    seen: list[str] = []

    def read_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        seen.extend(box.text() for box in dialog.findChildren(QCheckBox))
        dialog.reject()

    QTimer.singleShot(0, read_dialog)
    window.article.setFocus()
    qtbot.keyClick(window.article, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    notes = next(text for text in seen if text.startswith(("Notes", "注")))
    assert all(w in notes for w in words) and "footnote" not in notes.lower() and "脚注" not in notes
    assert window.lesson is not None and window.lesson.notes
    html = build_html(window.lesson, HandoutOptions(glossary=True, notes=True), None, "serif")
    last_entry = f"<b>{window.lesson.glossary[-1].term}</b>"
    assert html.index("<h2>Notes</h2>") > html.index(last_entry)  # where the label says: after the word list
