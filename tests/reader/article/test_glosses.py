"""Glosses over hard words: the View toggle and threshold, what wins over the dictionary, names left
alone, and glosses that stay readable (light but legible, nothing overlapping) in every theme and zoom."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, QSettings, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from library import Library
from library.facade import data_dir
from library.study.dictionary import Dictionary
from reader.article.view import ArticleView
from reader.mainwindow import MainWindow
from reader.ui.themes import THEMES, theme_named
from tests.reader.conftest import point_of

# A hand-made dictionary with senses for hard words of the reference lesson, for a name in it
# (Vienna, which the level list puts at B2) and for the glossary's "berth".
GLOSS_DICTIONARY = """english\tjapanese\treading\tnote
carbon\t炭素\tたんそ\t
domestic\t国内の\tこくないの\t
lawmaker\t議員\tぎいん\t
operator\t運行会社\tうんこうがいしゃ\t
berth\t寝台\tしんだい\t
vienna\tウィーン\t\t
carriage\t客車\tきゃくしゃ\t
emission\t排出\tはいしゅつ\t
decline\t衰退\tすいたい\t
train\t列車\tれっしゃ\t
"""


def install_dictionary() -> Dictionary:
    """The hand-made dictionary in the test's data folder."""
    dictionary = Dictionary(data_dir() / "dictionary.db")
    dictionary.import_text(GLOSS_DICTIONARY, "glosses", tsv=True)
    return dictionary


def shown(window: MainWindow) -> dict[str, str]:
    """word → gloss text of every gloss drawn on the screen now."""
    window.article.viewport().repaint()
    return {gloss.word: text for _rect, text, gloss in window.glosses.layer.placed()}


def scroll_to(window: MainWindow, text: str) -> None:
    """Bring `text` on screen as a reader would."""
    point_of(window.article, text)


def toggle(qtbot: QtBot, window: MainWindow) -> None:
    """Ctrl+Shift+G in the article, as a reader turns glosses on or off."""
    window.article.setFocus()
    keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.article, Qt.Key.Key_G, keys)


def ink_in(view: ArticleView, rect: QRectF) -> int:
    """Pixels inside a document rectangle that differ from the page's background, on screen now."""
    image: QImage = view.grab().toImage()  # the article with the layers over its viewport
    at = view.viewport().geometry().topLeft()
    dx, dy = view.horizontalScrollBar().value() - at.x(), view.verticalScrollBar().value() - at.y()
    background = QColor(view.style_.theme.base if view.style_ else "#ffffff")
    count = 0
    for x in range(int(rect.left() - dx), int(rect.right() - dx)):
        for y in range(int(rect.top() - dy), int(rect.bottom() - dy)):
            if 0 <= x < image.width() and 0 <= y < image.height():
                pixel = image.pixelColor(x, y)
                if abs(pixel.red() - background.red()) + abs(pixel.green() - background.green()) > 60:
                    count += 1
    return count


def layer_ink(view: ArticleView) -> int:
    """Pixels where the article on screen differs from its bare text: what the layers over it draw."""
    whole = view.grab(view.viewport().geometry()).toImage()
    bare = view.viewport().grab().toImage()
    return sum(whole.pixel(x, y) != bare.pixel(x, y) for x in range(0, bare.width(), 2)
               for y in range(0, bare.height(), 2))


def test_toggle_puts_glosses_over_hard_words_only(qtbot: QtBot, window: MainWindow) -> None:
    install_dictionary()
    window.glosses.dictionary_changed()
    scroll_to(window, "carbon emissions")
    assert shown(window) == {}  # off by default
    toggle(qtbot, window)
    assert window.glosses.on and window.settings.value("view/glosses", False, bool)
    scroll_to(window, "carbon emissions")
    glosses = shown(window)
    assert glosses.get("carbon") == "炭素"  # B2
    assert "emissions" not in glosses and "train" not in glosses  # B1, A1: not hard at "B2 and above"
    everything = {g.word: g for g in window.glosses.layer.glosses()}
    assert "Vienna" not in everything  # a name, though the list levels it and the dictionary has it
    assert everything["lawmakers"].text == "議員"  # found through its lemma
    # The lesson's entry for berth defines it in English only: a gloss is Japanese, so the dictionary's.
    assert (everything["berths"].text, everything["berths"].source) == ("寝台", "dictionary")

    # What the reader sees: ink above "carbon" while on, none once off.
    rect = next(r for r, _t, g in window.glosses.layer.placed() if g.word == "carbon")
    assert ink_in(window.article, rect) > 10 and layer_ink(window.article) > 10  # the title may share the screen
    toggle(qtbot, window)
    assert not window.glosses.on
    scroll_to(window, "carbon emissions")
    assert shown(window) == {} and layer_ink(window.article) == 0


def test_gloss_sits_just_above_its_word(qtbot: QtBot, window: MainWindow) -> None:
    install_dictionary()
    toggle(qtbot, window)
    scroll_to(window, "carbon emissions")
    rect = next(r for r, _t, g in window.glosses.layer.placed() if g.word == "carbon")
    word = point_of(window.article, "carbon")
    dx, dy = window.article.horizontalScrollBar().value(), window.article.verticalScrollBar().value()
    assert rect.left() - dx - 30 < word.x() < rect.right() - dx + 30  # over the word
    assert 0 < word.y() + dy - rect.bottom() < rect.height() * 2  # just above it


def test_threshold_c1_and_only_unknown_words(qtbot: QtBot, window: MainWindow) -> None:
    install_dictionary()
    toggle(qtbot, window)
    window.glosses.actions["gloss_C1"].trigger()
    assert window.settings.value("view/gloss_threshold") == "C1"
    words = {g.word for g in window.glosses.layer.glosses()}
    assert "berths" in words and "carbon" not in words and "lawmakers" not in words

    window.library.study.words.save("carriages", "known")
    window.glosses.actions["gloss_unknown"].trigger()
    assert window.glosses.actions["gloss_unknown"].isChecked() and not window.glosses.actions["gloss_C1"].isChecked()
    found = {g.word: g.text for g in window.glosses.layer.glosses()}
    assert found.get("emissions") == "排出" and found.get("decline") == "衰退"  # B1, not marked known
    assert "carriages" not in found  # I know it
    assert "train" not in found  # A1 words stay bare even when unmarked


def test_my_note_wins_over_the_dictionary(qtbot: QtBot, window: MainWindow) -> None:
    install_dictionary()
    window.library.study.words.save("carbon", "learning", note="炭素（C）")
    toggle(qtbot, window)
    carbon = next(g for g in window.glosses.layer.glosses() if g.word == "carbon")
    assert (carbon.text, carbon.source) == ("炭素", "note")  # my note, its first sense only


def test_a_meaning_that_starts_in_english_glosses_with_its_japanese_part(qtbot: QtBot, window: MainWindow) -> None:
    install_dictionary()
    words = window.library.study.words
    words.save("carbon", "learning", gloss="a chemical element found in coal; 炭素")  # the word list's wording first
    words.save("lawmaker", "learning", gloss="to make laws")  # English only: the dictionary's
    words.save("operator", "learning", note="a company that runs trains", gloss="運行会社 (operator)")
    toggle(qtbot, window)
    found = {g.word: (g.text, g.source) for g in window.glosses.layer.glosses()}
    assert found["carbon"] == ("炭素", "note")
    assert found["lawmakers"] == ("議員", "dictionary")
    assert found["operators"] == ("運行会社", "note")
    assert not any(text.isascii() for text, _source in found.values())  # never English, never "a…" or "to…"


def test_without_a_dictionary_the_menu_says_why(qtbot: QtBot, window: MainWindow) -> None:
    window.library.study.words.save("carbon", "learning", note="炭素")
    window.library.study.words.save("domestic", "learning", note="inside the country")  # English: no gloss
    toggle(qtbot, window)
    window.glosses.check_dictionary()
    missing = window.glosses.actions["glosses_missing"]
    assert missing.isVisible() and not missing.isEnabled()
    assert "word list" in missing.text()
    found = {g.word: (g.text, g.source) for g in window.glosses.layer.glosses()}
    assert found == {"carbon": ("炭素", "note")}  # berth's entry is English only, and so is my domestic note


def test_setting_is_remembered(qtbot: QtBot, library: Library, settings: QSettings, reference_id: int) -> None:
    install_dictionary()
    settings.setValue("view/glosses", True)
    settings.setValue("view/gloss_threshold", "C1")
    win = MainWindow(library, settings, lang="en", theme="light")
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    win.open_lesson(reference_id)
    assert win.glosses.actions["glosses"].isChecked() and win.glosses.actions["gloss_C1"].isChecked()
    assert "berths" in {g.word for g in win.glosses.layer.glosses()}
    win.close()


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours."""

    def lum(colour: str) -> float:
        c = QColor(colour)
        parts = [v / 255 for v in (c.red(), c.green(), c.blue())]
        lin = [p / 12.92 if p <= 0.03928 else ((p + 0.055) / 1.055) ** 2.4 for p in parts]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_gloss_colour_is_legible_in_every_theme(theme: str) -> None:
    look = theme_named(theme)
    assert contrast(look.muted, look.base) >= 4.5


def _line_rects(view: ArticleView) -> list[QRectF]:
    """Document rectangles of every visible line of text."""
    doc = view.document()
    layout = doc.documentLayout()
    out = []
    block = doc.begin()
    while block.isValid():
        lines = block.layout()
        if block.isVisible() and lines is not None:
            origin = layout.blockBoundingRect(block).topLeft()
            for n in range(lines.lineCount()):
                line = lines.lineAt(n)
                if line.textLength():
                    out.append(QRectF(origin.x() + line.x(), origin.y() + line.y(),
                                      line.naturalTextWidth(), line.ascent() + line.descent()))
        block = block.next()
    return out


@pytest.mark.parametrize(("theme", "zoom"), [("light", 1.0), ("dark", 1.0), ("light", 1.5), ("dark", 1.5)])
def test_nothing_overlaps(qtbot: QtBot, window: MainWindow, theme: str, zoom: float, tmp_path: Path) -> None:
    install_dictionary()
    window.set_theme(theme)
    window.set_zoom(zoom)
    toggle(qtbot, window)
    window.glosses.actions["gloss_unknown"].trigger()  # the most glosses
    window.article.show_all(True)  # translations between the paragraphs too
    bar = window.article.verticalScrollBar()
    rects: list[QRectF] = []
    for value in range(0, bar.maximum() + 1, max(1, window.article.viewport().height() // 2)):
        bar.setValue(value)
        window.article.viewport().repaint()
        rects += [r for r, _t, _g in window.glosses.layer.placed() if r not in rects]
    assert len(rects) >= 8
    lines = _line_rects(window.article)
    for i, rect in enumerate(rects):
        assert not any(rect.intersects(line) for line in lines), rect
        assert not any(rect.intersects(other) for other in rects[i + 1:]), rect


def test_glosses_follow_words_marked_known_at_once(qtbot: QtBot, window: MainWindow) -> None:
    from tests.reader.study.test_levels_window import _click, _mark, _seed_dialog

    install_dictionary()
    toggle(qtbot, window)
    window.glosses.actions["gloss_unknown"].trigger()
    scroll_to(window, "carbon emissions")
    assert shown(window).get("emissions") == "排出"  # B1, not known yet
    dialog = _seed_dialog(qtbot, window)  # Study → Mark known words…
    _click(qtbot, dialog, "Seed_level")
    dialog.level.setFocus()
    qtbot.keyClicks(dialog.level, "B1")
    assert dialog.level.currentText() == "B1"
    _mark(qtbot, dialog)
    assert window.library.study.words.get("emission") is not None
    scroll_to(window, "carbon emissions")
    glosses = shown(window)
    assert "emissions" not in glosses  # known now: its gloss goes at once
    assert glosses.get("carbon") == "炭素"  # B2 words stay unknown


def test_a_word_marked_known_on_its_card_loses_its_gloss_at_every_threshold(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtWidgets import QPushButton

    from reader.study.lookup_card import LookupCard

    install_dictionary()
    window.glosses.dictionary_changed()
    toggle(qtbot, window)  # B2 and above
    scroll_to(window, "carbon emissions")
    assert shown(window).get("carbon") == "炭素"
    pos = point_of(window.article, "carbon")
    qtbot.mouseDClick(window.article.viewport(), Qt.MouseButton.LeftButton, pos=pos)  # its lookup card
    card = window.findChild(LookupCard, "LookupCard")
    assert card is not None and card.isVisible()
    known = card.findChild(QPushButton, "LookupStatus_known")
    assert known is not None
    qtbot.mouseClick(known, Qt.MouseButton.LeftButton)
    assert window.library.study.words.get("carbon").status == "known"  # type: ignore[union-attr]
    scroll_to(window, "carbon emissions")
    assert "carbon" not in shown(window)  # gone at once
    assert "carbon" not in {g.word for g in window.glosses.layer.glosses()}
    window.glosses.actions["gloss_C1"].trigger()
    window.glosses.actions["gloss_B2"].trigger()
    assert "carbon" not in {g.word for g in window.glosses.layer.glosses()}
