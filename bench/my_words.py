"""My words figures with 10,000 saved words: the one query, opening the page, sorting, filtering,
by level too (and the levels of 10,000 real words worked out the first time), changing the status
of them all, deleting 100 and putting them back.

    python bench/my_words.py [--quick]
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from figures import Figure, timed  # noqa: E402

from library import Library  # noqa: E402

REFERENCE = HERE.parent / "tests" / "data" / "reference" / "night_trains.txt"
STATUSES = ("new", "learning", "known", "ignored")


def saved_words(lib: Library, n: int) -> None:
    """`n` saved words from the reference lesson, each with a meaning and a sentence of news length."""
    lesson_id = lib.lessons.import_file(REFERENCE).lesson_id
    rows = [
        (
            f"word{i}",
            f"word{i}",
            f"word{i}",
            STATUSES[i % 4],
            f"意味 {i}",
            f"A sentence holding word{i}, about as long as a sentence in a learner's news story.",
            lesson_id,
            i % 20,
        )
        for i in range(n)
    ]
    with lib.db.atomic():
        lib.db.conn.executemany(
            "INSERT INTO words (profile_id, text, lemma, forms, status, gloss, sentence, lesson_id, block_pos)"
            " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        # One status event per word, as saving a word records.
        lib.db.execute("INSERT INTO word_events (profile_id, word_id, status) SELECT 1, id, status FROM words")


def level_first_time(n: int) -> Figure:
    """The levels of `n` real English words (the commonest of wordfreq's list) worked out for the
    first time in the process, as the first level sort or filter of a session does."""
    from PySide6.QtCore import Qt

    from library.study.word_table import frequency_ranks
    from library.study.words import WordRow
    from reader.study.my_words_model import KEYS, MyWordsModel

    ranks = frequency_ranks()
    common = sorted(ranks, key=ranks.__getitem__)[5000 : 5000 + n]  # past the words the bench met already
    rows = [
        WordRow(i, w, w, "new", "", "", f"They said {w} today.", None, "", None, "", "") for i, w in enumerate(common)
    ]
    model = MyWordsModel(lambda t: t)
    model.set_rows(rows)
    started = time.perf_counter()
    model.sort_rows(KEYS.index("level"), Qt.SortOrder.AscendingOrder)
    took = (time.perf_counter() - started) * 1000
    return Figure("my_words_level_cold", "ms", took, took, None, note=f"levels of {n} new real words, first sort")


def figure(name: str, times: list[float], note: str) -> Figure:
    """A figure from wall times in ms (no budget: the product states none for this page)."""
    return Figure(name, "ms", statistics.median(times), max(times), None, note=note)


def bench_my_words(tmp: Path, quick: bool) -> list[Figure]:
    """The page's figures over 10,000 saved words (1,000 with --quick)."""
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from reader.mainwindow import MainWindow
    from reader.study.my_words_model import KEYS

    n = 1000 if quick else 10_000
    repeat = 3 if quick else 7
    app = QApplication.instance() or QApplication([])
    lib = Library(tmp / "words.db")
    saved_words(lib, n)
    if "--indexed" in sys.argv:  # what an index on the events' word would give
        lib.db.execute("CREATE INDEX word_events_word ON word_events(word_id)")
    figures = [figure("my_words_query", timed(lib.study.words.table, repeat), f"the table of {n} words, one query")]
    window = MainWindow(lib, QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat), "en", "light")
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    study = window.study

    def open_page() -> None:
        study.close_my_words()
        study.open_my_words().repaint()

    figures.append(figure("my_words_open", timed(open_page, repeat), f"open the page on {n} words and paint it"))
    page = study.open_my_words()
    header = page.table.horizontalHeader()

    def sort_each() -> None:
        for key in ("text", "status", "due", "lesson", "created"):
            header.setSortIndicator(KEYS.index(key), Qt.SortOrder.AscendingOrder)
            page.table.viewport().repaint()

    sorts = [t / 5 for t in timed(sort_each, repeat)]
    figures.append(figure("my_words_sort", sorts, "sort by a column (word, status, due, lesson, date) and paint"))

    def filter_text() -> None:
        page.search.setText("word99")
        page.table.viewport().repaint()
        page.search.setText("")

    figures.append(figure("my_words_filter", [t / 2 for t in timed(filter_text, repeat)], "type a filter, clear it"))

    def level_sort_and_filter() -> None:
        header.setSortIndicator(KEYS.index("level"), Qt.SortOrder.AscendingOrder)
        page.level_box.setCurrentIndex(page.level_box.findData("B2+"))
        page.table.viewport().repaint()
        page.level_box.setCurrentIndex(0)

    figures.append(figure("my_words_level", timed(level_sort_and_filter, repeat), "sort by level, filter B2+, clear"))
    figures.append(level_first_time(n))

    def delete_and_undo() -> None:
        page.select_ids({row.id for row in page.model.rows[:100]})
        page.delete_selected()
        page.undo()

    figures.append(
        figure(
            "my_words_delete_undo", timed(delete_and_undo, repeat), "delete 100 words (of 10,000, one event each), undo"
        )
    )

    def status_of_all() -> None:
        page.table.selectAll()
        page.set_status("known")
        page.table.selectAll()
        page.set_status("learning")

    figures.append(
        figure("my_words_status_all", [t / 2 for t in timed(status_of_all, repeat)], f"1–4 on all {n} words")
    )

    window.close()
    lib.close()
    return figures


def main() -> int:
    """Print the My words figures."""
    quick = "--quick" in sys.argv
    os.environ.setdefault("XDG_DATA_HOME", tempfile.mkdtemp())
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        figures = bench_my_words(Path(tmp), quick)
    for f in figures:
        print(f"{f.name:<22} {f.median:>10.2f} {f.worst:>10.2f} {f.unit:<3} {f.note}")
    print(f"({time.perf_counter() - t:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
