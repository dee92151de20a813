"""Window figures for the benchmark: start-up, opening lessons, toggles, hover cards, memory.

Each function builds what it needs and returns Figure objects (see bench/run.py)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from figures import Figure, timed

REPO = Path(__file__).resolve().parents[1]


def _child_env(library: Path, home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STUDY_READER")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        STUDY_READER_LIBRARY=str(library),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        STUDY_READER_DICTIONARY_DIR=str(home / "dictionary"),  # never the user's own table
        PYTHONPATH=str(REPO),
    )
    # The usual start, with the dictionary prepared: its one-time build on a machine's first start
    # (dictionary_build in bench/study.py, ~350 MB at its peak) is not what this start-up figure measures.
    conf = home / "config" / "study-reader" / "Study Reader.conf"
    conf.parent.mkdir(parents=True, exist_ok=True)
    if not conf.exists():
        conf.write_text("[dictionary]\nprepare_at_start=false\n", encoding="utf-8")
    return env


STARTUP = textwrap.dedent(
    """
    import glob, os, resource, sys
    from PySide6.QtCore import QTimer
    import reader.app as app_module

    SETTLE_MS = int(os.environ.get("BENCH_SETTLE_MS", "2000"))

    def peak_kb():
        # The window's own peak. Not getrusage's ru_maxrss: on Linux a process started by fork (or
        # vfork) and exec keeps its parent's peak in it, so a large benchmark process would be
        # counted in. VmHWM is the peak of this process's own memory since exec.
        try:
            with open("/proc/self/status", encoding="ascii") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1])
        except OSError:
            pass
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak // 1024 if sys.platform == "darwin" else peak  # bytes there, kB elsewhere

    def finish():
        print("rss", peak_kb(), flush=True)
        # Leave as a clean close would: no session marker (else the next start checks the file).
        for marker in glob.glob(os.environ["STUDY_READER_LIBRARY"] + f".session-{os.getpid()}"):
            os.remove(marker)
        os._exit(0)

    def frame_done():
        # The article painted first; the rest of the window's first frame is painted by now.
        print("painted", flush=True)
        # Memory is read once the window has settled: the background check and backup,
        # and whatever else runs after the first paint, included.
        QTimer.singleShot(SETTLE_MS, finish)

    # Watch the window's own first-paint signal: an application-wide event filter would itself
    # slow the start (every event of every widget through Python).
    original = app_module.open_window
    def open_window(*args, **kwargs):
        window = original(*args, **kwargs)
        window.article.first_painted.connect(lambda: QTimer.singleShot(0, frame_done))
        return window
    app_module.open_window = open_window
    sys.exit(app_module.run_app(sys.argv[1:]))
    """
)


def compile_sources() -> None:
    """Compile the program's modules to bytecode, as installing it does (pip compiles on install).

    Without it, and with PYTHONDONTWRITEBYTECODE set (as on some machines), every start would
    compile the sources again and the figure would measure the compiler."""
    import compileall

    for package in ("reader", "library", "resources"):
        compileall.compile_dir(str(REPO / package), quiet=1)


def startup(library: Path, home: Path, repeat: int, lesson: int | None = None) -> tuple[list[float], int]:
    """Whole-process wall times (ms) from launch to the article's first paint, and the window process's
    own peak RSS (kB), whatever the memory of the process that starts it."""
    times: list[float] = []
    rss = 0
    args = [sys.executable, "-c", STARTUP, "--library", str(library)]
    if lesson is not None:
        args += ["--lesson", str(lesson)]
    for _ in range(repeat):
        t = time.perf_counter()
        proc = subprocess.Popen(args, env=_child_env(library, home), stdout=subprocess.PIPE, text=True)
        line = proc.stdout.readline() if proc.stdout else ""
        elapsed = (time.perf_counter() - t) * 1000
        if not line.startswith("painted"):
            proc.kill()
            raise RuntimeError("the window did not paint")
        settled = proc.stdout.readline() if proc.stdout else ""
        proc.wait(timeout=60)
        times.append(elapsed)
        rss = max(rss, int(settled.split()[1]))
    return times, rss


def in_process(library_path: Path, reference_id: int, big_id: int | None, quick: bool) -> list[Figure]:
    """Open, toggle, hover and scroll in a window in this process."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPoint, QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from library import Library
    from reader.mainwindow import MainWindow

    app = QApplication.instance() or QApplication([])
    library = Library(library_path)
    settings = QSettings(str(library_path.with_suffix(".ini")), QSettings.Format.IniFormat)
    settings.setValue("dictionary/prepare_at_start", False)  # reading is measured, not the first-start build
    window = MainWindow(library, settings)
    window.interactive = False
    window.resize(1280, 800)
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    window.show()
    app.processEvents()
    article = window.article
    other = next(i for i in library.lessons.ids() if i not in (reference_id, big_id))
    figures: list[Figure] = []

    def open_reference() -> None:
        window.open_lesson(other)
        t = time.perf_counter()
        window.open_lesson(reference_id)
        article.viewport().repaint()
        samples.append((time.perf_counter() - t) * 1000)

    samples: list[float] = []
    for _ in range(10 if quick else 30):
        open_reference()
    figures.append(
        Figure(
            "open_reference",
            "ms",
            statistics.median(samples),
            max(samples),
            30.0,
            note="build, lay out and paint the reference lesson",
        )
    )

    # The oldest lesson is the last row of the library list: opening it selects that row, which
    # must fetch its page only, not every page above it.
    oldest = min(library.lessons.ids())
    old_samples: list[float] = []
    for _ in range(5 if quick else 15):
        window.open_lesson(reference_id)
        window.refresh_lessons()  # the list as at start: only its first page fetched
        QApplication.processEvents()  # (and laid out, as it is long before the learner opens another lesson)
        t = time.perf_counter()
        window.open_lesson(oldest)
        article.viewport().repaint()  # as open_reference, and the list, whose selection moved
        window.panel.lessons_view.viewport().repaint()
        old_samples.append((time.perf_counter() - t) * 1000)
    figures.append(
        Figure(
            "open_oldest_lesson",
            "ms",
            statistics.median(old_samples),
            max(old_samples),
            None,
            note="open the oldest lesson, the list's last row (its page fetched, not those above it), "
            "selected and painted; a longer generated lesson than the reference",
        )
    )
    window.open_lesson(reference_id)

    paragraphs = article.paragraphs()
    target = paragraphs[min(5, len(paragraphs) - 1)]

    def toggle() -> None:
        article.toggle(target)
        article.viewport().repaint()

    times = timed(toggle, 20 if quick else 60)
    figures.append(
        Figure(
            "translation_toggle",
            "ms",
            statistics.median(times),
            max(times),
            16.0,
            note="show or hide a paragraph's translation, repainted",
        )
    )

    note = next(n for n in article.lesson.notes if n.anchor is not None) if article.lesson else None
    if note is not None and note.anchor is not None:
        article.scroll_to(note.anchor.block)
        app.processEvents()
        start, _end = article.built.doc_span(note.anchor.block, note.anchor.start, note.anchor.end)
        cursor = article.textCursor()
        cursor.setPosition(start + 1)
        rect = article.cursorRect(cursor)
        point = QPoint(rect.center().x(), rect.center().y())

        def hover() -> None:
            article.card.close_card()
            article._on_hover(point)
            article.card.repaint()

        times = timed(hover, 20 if quick else 60)
        shown = article.card.isVisible()
        figures.append(
            Figure(
                "hover_card",
                "ms",
                statistics.median(times),
                max(times),
                16.0,
                note="hover a noted term until its card is painted" + ("" if shown else " (NOT SHOWN)"),
            )
        )

    if big_id is not None:
        samples = []
        for _ in range(2 if quick else 5):
            window.open_lesson(other)
            app.processEvents()
            t = time.perf_counter()
            window.open_lesson(big_id)
            article.viewport().repaint()
            samples.append((time.perf_counter() - t) * 1000)
        figures.append(
            Figure(
                "open_big_lesson",
                "ms",
                statistics.median(samples),
                max(samples),
                300.0,
                note="100,000-word lesson to its first painted screen",
            )
        )
        # A reader looks at the first screen before scrolling; meanwhile the rest is laid out.
        settle = time.perf_counter() + 2.0
        while time.perf_counter() < settle:
            app.processEvents()
        bar = article.verticalScrollBar()
        steps = []
        for k in range(30 if quick else 100):
            t = time.perf_counter()
            bar.setValue(int(bar.maximum() * (k * 37 % 100) / 100))
            article.viewport().repaint()
            steps.append((time.perf_counter() - t) * 1000)
        figures.append(
            Figure(
                "scroll_big_lesson",
                "ms",
                max(steps),
                statistics.median(steps),
                16.0,
                note="worst (then median) jump-scroll with repaint in the big lesson: never over a frame",
            )
        )
        big = big_id

        def toggle_big() -> None:
            article.toggle(article.paragraphs()[len(article.paragraphs()) // 2])
            article.viewport().repaint()

        times = timed(toggle_big, 10 if quick else 30)
        figures.append(
            Figure(
                "toggle_big_lesson",
                "ms",
                statistics.median(times),
                max(times),
                16.0,
                note=f"translation toggle in lesson {big}",
            )
        )
    window.close()
    library.close()
    return figures
