"""A name saved from its card (one that starts its sentence: "Vienna sent…") is saved as a name: no level
on My words and no gloss over it, as the lesson's own names."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from reader.study.my_words_model import KEYS, NO_LEVEL_SHOWN
from tests.reader.article.test_glosses import shown as glosses_shown
from tests.reader.article.test_glosses import toggle
from tests.reader.article.test_phrase_glosses_window import phrases_window  # noqa: F401  (a fixture)
from tests.reader.conftest import point_of
from tests.reader.study.test_my_words import open_page, shown


def test_a_name_saved_from_its_card_has_no_level_and_no_gloss(
    qtbot: QtBot, phrases_window: MainWindow  # noqa: F811
) -> None:
    window = phrases_window
    qtbot.mouseDClick(window.article.viewport(), Qt.MouseButton.LeftButton, pos=point_of(window.article, "Vienna"))
    card = window.study.card
    assert card.content is not None and card.content.name  # the card says it is a name
    qtbot.keyClick(card, Qt.Key.Key_2)
    card.hide()
    assert window.library.study.words.get("Vienna") is not None
    assert [w.text for w in window.library.study.words.list()] == ["Vienna"]  # kept as a name, capital and all
    toggle(qtbot, window)
    point_of(window.article, "Vienna")
    assert "Vienna" not in glosses_shown(window)  # B2 in the level list, but a name
    assert "diplomats" in glosses_shown(window)  # while the words around it keep theirs
    page = open_page(qtbot, window)
    row = shown(page).index("Vienna")
    assert page.proxy.index(row, KEYS.index("level")).data() == NO_LEVEL_SHOWN
