"""After an import, the window shows what was found and lets the user place or discard what was not placed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from reader.window.import_review import ImportReviewDialog

PAGE = """Bridges Get Smarter

Engineers in Denmark are putting sensors on old bridges to find cracks early.

The sensors send data every hour to a computer that looks for changes.

Officials say the system could save money on repairs.

Words in This Story

sensor – n. a device that finds heat, light or movement


今日はとても良い天気でした。散歩に行きました。

私の好きな食べ物はカレーです。
"""


def _import(qtbot: QtBot, window: MainWindow, path: Path) -> ImportReviewDialog:
    window.import_files([str(path)])
    qtbot.waitUntil(lambda: isinstance(getattr(window, "import_review", None), ImportReviewDialog), timeout=10000)
    dialog = window.import_review
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_review_shows_the_report_and_places_and_discards(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "bridges.txt"
    path.write_text(PAGE, encoding="utf-8")
    dialog = _import(qtbot, window, path)
    assert window.lesson is not None and window.lesson.title == "Bridges Get Smarter"
    summary = dialog.summary.text()
    assert "3 paragraphs, 0 headings" in summary
    assert "0 translations placed" in summary and "1 glossary entries" in summary
    assert "2 blocks not placed" in summary
    assert [dialog.items.item(i).text() for i in range(dialog.items.count())] == [
        "[ja] 今日はとても良い天気でした。散歩に行きました。",
        "[ja] 私の好きな食べ物はカレーです。",
    ]
    # Place the first on the second paragraph, as its translation.
    dialog.items.setCurrentRow(0)
    dialog.target.setCurrentIndex(1)
    qtbot.mouseClick(dialog.place_translation, Qt.MouseButton.LeftButton)
    assert dialog.items.count() == 1
    assert window.lesson.blocks[1].translation("ja") == "今日はとても良い天気でした。散歩に行きました。"
    # Discard the other, explicitly.
    qtbot.mouseClick(dialog.discard, Qt.MouseButton.LeftButton)
    assert dialog.items.count() == 0 and "0 blocks not placed" in dialog.summary.text()
    lesson = window.library.lessons.get(window.lesson.id or 0)
    assert lesson.unplaced == [] and lesson.blocks[1].translation("ja")
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_an_html_page_gets_a_review_too(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><body><nav>Home | News</nav><article><h1>Owls at Night</h1>"
        "<p>Owls can turn their heads a long way to look around.</p>"
        "<p>フクロウは首を大きく回して周りを見ることができます。</p></article></body></html>",
        encoding="utf-8",
    )
    dialog = _import(qtbot, window, path)
    assert "1 translations placed" in dialog.summary.text()
    assert not dialog.box.isVisible()  # nothing to place
    dialog.accept()
    QApplication.processEvents()


def test_review_lists_what_the_import_guessed(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "guessed.txt"
    path.write_text(
        "The river rose by two metres overnight, and the town closed its bridges.\n\n"
        "川の水位が一晩で2メートル上がり、町は橋を閉鎖した。\n\nShare this\n",
        encoding="utf-8",
    )
    dialog = _import(qtbot, window, path)
    assert dialog.guessed.isVisible() and dialog.guessed.title() == "Guessed (2)"
    shown = [dialog.warnings.item(i).text() for i in range(dialog.warnings.count())]
    assert shown == [
        "title guessed (30% sure): The river rose by two metres overnight, and the town closed its bridges.",
        "taken as site text (70% sure): Share this",
    ]
    dialog.accept()


def test_review_hides_the_guesses_when_there_are_none(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "bridges.txt"
    path.write_text(PAGE, encoding="utf-8")
    dialog = _import(qtbot, window, path)
    assert not dialog.guessed.isVisible() and dialog.warnings.count() == 0
    dialog.accept()


def test_a_page_of_several_posts_says_how_many_lessons_it_made(qtbot: QtBot, window: MainWindow) -> None:
    page = Path(__file__).resolve().parents[2] / "data" / "corpus" / "ja_blog_archive_posts.txt"
    _import(qtbot, window, page)
    assert window.statusBar().currentMessage() == "ja_blog_archive_posts.txt: 2 lessons imported."
    assert window.lesson is not None and window.lesson.title == "A Cat Café Opens Near the Station"


def test_the_review_counts_the_exercises_and_names_the_guess(qtbot: QtBot, window: MainWindow) -> None:
    page = Path(__file__).resolve().parents[2] / "data" / "corpus" / "ko_cloze_unheaded.txt"
    dialog = _import(qtbot, window, page)
    assert "1 exercises" in dialog.summary.text().splitlines()
    shown = [dialog.warnings.item(i).text() for i in range(dialog.warnings.count())]
    assert shown == ["exercise found without a heading (60% sure): Fill in each blank with one word from the story."]


def test_each_guess_is_listed_once(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    # The reference page shows its caption three times: two copies passed over, one guess. (The
    # window has the page open already, so a copy with another title is imported.)
    reference = Path(__file__).resolve().parents[2] / "data" / "reference" / "night_trains.txt"
    page = tmp_path / "night_trains_again.txt"
    text = reference.read_text(encoding="utf-8")
    page.write_text(text.replace("Make a Comeback Across Europe", "Return to Europe", 1), encoding="utf-8")
    dialog = _import(qtbot, window, page)
    shown = [dialog.warnings.item(i).text() for i in range(dialog.warnings.count())]
    assert len(shown) == len(set(shown)) == 1, shown
    assert shown[0].startswith("repeated paragraph kept once (80% sure): FILE - A passenger looks out")
    assert dialog.guessed.title() == "Guessed (1)"
    dialog.accept()


def test_the_review_calls_a_placement_low_only_under_its_threshold(qtbot: QtBot, window: MainWindow) -> None:
    page = Path(__file__).resolve().parents[2] / "data" / "corpus" / "ja_labelled_uneven_groups.txt"
    dialog = _import(qtbot, window, page)
    shown = [dialog.warnings.item(i).text() for i in range(dialog.warnings.count())]
    placements = [s for s in shown if s.startswith(("translation placed", "確信度", "推測"))]
    assert placements
    for line in placements:
        sure = int(line.split("(")[1].split("%")[0])
        assert ("low confidence" in line) == (sure < 75), line
    assert any("by a guess" in line for line in placements)
    dialog.accept()


def test_the_sites_own_lines_are_listed_as_guesses_not_left_to_place(qtbot: QtBot, window: MainWindow) -> None:
    page = Path(__file__).resolve().parents[2] / "data" / "corpus" / "zh_hans_blog_site_lines_kept_translation.txt"
    dialog = _import(qtbot, window, page)
    # Only the translations the aligner could not place are left to place, not the site's lines.
    assert [dialog.items.item(i).text() for i in range(dialog.items.count())] == [
        "[zh] 七月里，许多乘客要在烈日下等车十多分钟。",
        "[zh] 这项计划的费用由市政府和公交公司共同承担，预计明年完成全部工程。",
        "[zh] 工人们还会在没有地方种树的车站上方加装小顶棚。",
    ]
    assert "3 blocks not placed" in dialog.summary.text()
    shown = [dialog.warnings.item(i).text() for i in range(dialog.warnings.count())]
    assert "taken as site text (70% sure): 往期推荐" in shown
    assert "taken as site text (70% sure): 每日英语精读" in shown
    dialog.accept()
