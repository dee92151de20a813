"""Glosses figures: opening the reference lesson with glosses over hard words on, and scrolling it.

    python bench/glosses.py [--quick]
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from figures import Figure  # noqa: E402

REFERENCE = HERE.parent.parent / "shared" / "seeds" / "000_e3543465f285a1b2.txt"
OWN_REFERENCE = HERE.parent / "tests" / "data" / "reference" / "night_trains.txt"
SAMPLE = HERE.parent / "resources" / "samples" / "01_coral_reefs.txt"


def _dictionary(tmp: Path) -> str:
    """The dictionary the glosses use: the JMdict table (built here, or the study figures' copy), else none."""
    from library.facade import data_dir
    from library.study.dictionary import Dictionary, jmdict_source_path

    target = data_dir() / "dictionary.db"
    built = tmp / "dictionary.db"  # bench/study.py builds it in the same folder
    if built.exists() and Dictionary(built).jmdict_state() == "ready":
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(built, target)
        return "JMdict"
    if jmdict_source_path() is not None:
        Dictionary(target).build_jmdict()
        return "JMdict"
    return "no dictionary (word list glosses only)"


def bench_glosses(tmp: Path, quick: bool) -> list[Figure]:
    """Open the reference lesson with glosses on (≤ 30 ms) and jump-scroll it (≤ 16 ms a frame)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["XDG_DATA_HOME"] = str(tmp / "glosses-data")
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from library import Library
    from reader.mainwindow import MainWindow

    app = QApplication.instance() or QApplication([])
    which = _dictionary(tmp)
    library = Library(tmp / "glosses.db")
    page = REFERENCE if REFERENCE.exists() else OWN_REFERENCE
    reference = library.lessons.import_file(page).lesson_id
    other = library.lessons.import_file(SAMPLE).lesson_id
    settings = QSettings(str(tmp / "glosses.ini"), QSettings.Format.IniFormat)
    settings.setValue("view/glosses", True)
    settings.setValue("view/gloss_threshold", "B2")
    window = MainWindow(library, settings, lang="en", theme="light")
    window.interactive = False
    window.resize(1280, 800)
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    window.show()
    app.processEvents()
    article = window.article

    def opening() -> list[float]:
        samples: list[float] = []
        for _ in range(10 if quick else 30):
            window.open_lesson(other)
            app.processEvents()
            t = time.perf_counter()
            window.open_lesson(reference)
            article.viewport().repaint()
            samples.append((time.perf_counter() - t) * 1000)
        return samples

    def scrolling() -> list[float]:
        bar = article.verticalScrollBar()
        steps = []
        for k in range(30 if quick else 100):
            t = time.perf_counter()
            bar.setValue(int(bar.maximum() * (k * 37 % 100) / 100))
            article.viewport().repaint()
            steps.append((time.perf_counter() - t) * 1000)
        return steps

    samples = opening()
    glossed = len(window.glosses.layer.glosses())
    first = samples[0]
    steps = scrolling()
    window.glosses.set_on(False)  # the same, bare, for what the glosses add on this machine now
    plain, plain_steps = opening(), scrolling()
    window.close()
    library.close()
    return [
        Figure("open_reference_glosses", "ms", statistics.median(samples), max(samples), 30.0,
               note=f"reference lesson with glosses on (B2+, {glossed} glosses, {which}); the first open in a "
               f"process, which looks the words up, took {first:.1f} ms; without glosses "
               f"{statistics.median(plain):.1f} ms"),
        Figure("scroll_reference_glosses", "ms", max(steps), statistics.median(steps), 16.0,
               note=f"worst (then median) jump-scroll with repaint, glosses on; without glosses worst "
               f"{max(plain_steps):.1f} ms"),
    ]


def main() -> int:
    """Print the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        for figure in bench_glosses(Path(tmp), "--quick" in sys.argv):
            print(f"{figure.name}: {figure.median:.1f} {figure.unit} (other {figure.worst:.1f}; budget "
                  f"{figure.budget}) {figure.note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
