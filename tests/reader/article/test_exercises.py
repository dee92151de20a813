"""A page's exercises in the reading view: after the body, under their titles, as plain text."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from library.model import Block, Exercise, Lesson
from reader.mainwindow import MainWindow
from tests.reader.conftest import point_of

CLOZE_PAGE = Path(__file__).resolve().parents[2] / "data" / "corpus" / "ja_cloze_word_bank.txt"
GAP_LINE = "Harbor Town will run ( 1 ) buses again."


def test_an_imported_cloze_is_shown_after_the_body_under_its_title(qtbot: QtBot, window: MainWindow) -> None:
    lesson_id = window.library.lessons.import_file(CLOZE_PAGE).lesson_id
    window.open_lesson(lesson_id)
    lines = window.article.visible_text().splitlines()
    last_paragraph = next(i for i, line in enumerate(lines) if line.startswith("Now many young workers"))
    title = lines.index("穴埋め問題")
    assert title > last_paragraph
    assert lines[title + 1] == "次の( )に入る語を下の語群から選びなさい。"
    assert lines[title + 2].startswith(GAP_LINE)
    assert lines[title + 3] == "語群: night / used / shifts / routes"
    # The gap line is no paragraph: clicking it opens no translation and no prompt for one.
    before = window.article.visible_text()
    qtbot.mouseClick(window.article.viewport(), Qt.MouseButton.LeftButton, pos=point_of(window.article, GAP_LINE))
    assert window.article.visible_text() == before
    assert GAP_LINE not in "\n".join(b.text for b in window.lesson.blocks) if window.lesson else False


def test_exercise_lines_are_text_not_markup(qtbot: QtBot) -> None:
    from reader.article.document import DocStyle
    from reader.article.view import ArticleView
    from reader.ui.themes import theme_named

    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    lesson = Lesson("A title", blocks=[Block("paragraph", "One paragraph.")],
                    exercises=[Exercise("cloze", "", ["<b>( 1 )</b> &amp; ____"])])
    view.set_lesson(lesson, DocStyle(theme_named("light"), "DejaVu Serif", None))
    lines = view.visible_text().splitlines()
    # No title on the page: the exercise is named as one.
    assert lines[-2:] == ["Exercise", "<b>( 1 )</b> &amp; ____"]
