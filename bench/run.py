"""Study Reader benchmark: measures each figure, prints it next to its budget, and exits
non-zero when a budget is missed. Builds all its data itself.

    python bench/run.py            # full run
    python bench/run.py --quick    # fewer repeats and smaller data (under a minute)
    python bench/run.py --json     # JSON lines only
    python bench/run.py --built-app  # the packaged build's start beside the installed one
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from figures import Figure, timed  # noqa: E402
from generate import big_lesson_text, lesson_text  # noqa: E402
from levels import bench_levels  # noqa: E402

from library import Library  # noqa: E402
from library.bulk import import_many  # noqa: E402

REFERENCE = REPO.parent / "shared" / "seeds" / "000_e3543465f285a1b2.txt"
SAMPLE = REPO / "resources" / "samples" / "01_coral_reefs.txt"


def page_bytes() -> tuple[bytes, str]:
    if REFERENCE.exists():
        return REFERENCE.read_bytes(), "reference page"
    return SAMPLE.read_bytes(), "built-in sample (reference page not found)"


def bench_import(tmp: Path, quick: bool) -> list[Figure]:
    data, what = page_bytes()
    lib = Library(tmp / "import.db")
    for i in range(20):  # a library that is not empty
        lib.lessons.import_bytes(lesson_text(i).encode(), f"g{i}.txt")
    counter = iter(range(10**9))

    def one() -> None:
        # A byte appended makes each page new, so every run parses and stores.
        lib.lessons.import_bytes(data + f"\n{next(counter)}\n".encode(), "ref.txt")

    for _ in range(5):
        one()
    times = timed(one, 30 if quick else 100)
    index_times = timed(lambda: lib.search.index_pending(limit=1), 30 if quick else 100)
    lib.close()
    return [
        Figure(
            "import_reference",
            "ms",
            statistics.median(times),
            max(times),
            5.0,
            note=f"{what}: decode, parse, store in one transaction",
        ),
        Figure(
            "index_reference",
            "ms",
            statistics.median(index_times),
            max(index_times),
            None,
            note="adding one such lesson to the search index, done after the import commits",
        ),
    ]


def bench_bulk(tmp: Path, quick: bool) -> list[Figure]:
    n = 300 if quick else 1000
    items = [(f"lesson{i}.txt", lesson_text(10_000 + i).encode()) for i in range(n)]
    stored, indexed, overall = [], [], []
    for run in range(1 if quick else 3):
        lib = Library(tmp / f"bulk{run}.db")
        t = time.perf_counter()
        result = import_many(lib.lessons, items=items)
        t1 = time.perf_counter()
        lib.search.index_pending()
        t2 = time.perf_counter()
        assert len(result.imported) == n, result.refused[:3]
        stored.append(n / (t1 - t))
        indexed.append(n / (t2 - t1))
        overall.append(n / (t2 - t))
        lib.close()
    return [
        Figure(
            "bulk_import_rate",
            "lessons/s",
            statistics.median(stored),
            min(stored),
            300.0,
            higher_is_better=True,
            note=f"{n} generated lessons parsed in worker processes and stored, each whole, readable at once",
        ),
        Figure(
            "bulk_index_rate",
            "lessons/s",
            statistics.median(indexed),
            min(indexed),
            300.0,
            higher_is_better=True,
            note="making them searchable (the window indexes each batch as it is stored)",
        ),
        Figure(
            "bulk_import_and_index_rate",
            "lessons/s",
            statistics.median(overall),
            min(overall),
            None,
            higher_is_better=True,
            note="the two one after the other",
        ),
    ]


def bench_big_import(tmp: Path, quick: bool) -> list[Figure]:
    lib = Library(tmp / "big-import.db")
    times = []
    for k in range(2 if quick else 5):
        data = big_lesson_text(seed=100 + k).encode()
        t = time.perf_counter()
        lib.lessons.import_bytes(data, f"book{k}.txt")
        times.append((time.perf_counter() - t) * 1000)
    words = lib.lessons.list()[0].word_count
    lib.close()
    return [
        Figure(
            "import_big_lesson",
            "ms",
            statistics.median(times),
            max(times),
            200.0,
            note=f"a {words:,}-word plain-text book: decode, parse, store in one transaction",
        )
    ]


GENERATOR_VERSION = 2  # 2: lessons levelled at build, as the window's imports leave them
DATA = HERE / "data"


def scale_library(n: int) -> Path:
    """A library of `n` generated lessons plus the reference page and a 100,000-word lesson,
    built once and kept in bench/data/ (rebuilt when the generator or schema changes)."""
    import hashlib

    from library.store.schema import schema_sql

    DATA.mkdir(exist_ok=True)
    schema = hashlib.sha256(schema_sql().encode()).hexdigest()[:8]
    path = DATA / f"library-{n}-g{GENERATOR_VERSION}-{schema}.db"
    if path.exists():
        return path
    t = time.perf_counter()
    tmp = path.with_suffix(".part")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    lib = Library(tmp)
    chunk = 1000
    for start in range(0, n, chunk):
        items = [(f"lesson{i}.txt", lesson_text(i).encode()) for i in range(start, min(n, start + chunk))]
        import_many(lib.lessons, items=items)
    lib.lessons.import_bytes(big_lesson_text().encode(), "big-book.txt")
    data, _ = page_bytes()
    lib.lessons.import_bytes(data, "reference.txt")
    lib.search.index_pending()
    # Levelled as a window's import leaves them: an unlevelled library makes every start level it in a
    # child process, and the start-ups measured one after the other would run beside those children.
    lib.study.levels.level_pending()
    lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    lib.close()
    tmp.rename(path)
    print(f"(built a {n}-lesson library in {time.perf_counter() - t:.0f} s: {path.name})", file=sys.stderr)
    return path


def working_copy(path: Path, tmp: Path) -> Path:
    """A copy of a cached library that a benchmark may change."""
    import shutil

    dest = tmp / path.name
    if not dest.exists():
        shutil.copyfile(path, dest)
    return dest


def lesson_ids(path: Path) -> tuple[int, int]:
    """(reference lesson id, big lesson id) in a scale library."""
    lib = Library(path)
    ref = lib.db.execute("SELECT id FROM lessons WHERE source_name = 'reference.txt'").fetchone()[0]
    big = lib.db.execute("SELECT id FROM lessons WHERE source_name = 'big-book.txt'").fetchone()[0]
    lib.close()
    return int(ref), int(big)


def bench_search(path: Path, quick: bool) -> list[Figure]:
    lib = Library(path)
    n = lib.lessons.count()
    queries = {
        "en": ["library", "farmers", "Osaka", "open source", "river"],
        "ja": ["中国", "日本", "学校", "オープンAI"],
    }
    figures = []
    for lang, words in queries.items():
        for w in words:  # warm the page cache once
            lib.search.query(w, limit=50)
        times = [
            t
            for _ in range(3 if quick else 10)
            for w in words
            for t in timed(lambda w=w: lib.search.query(w, limit=50), 1)
        ]
        figures.append(
            Figure(
                f"search_{lang}",
                "ms",
                statistics.median(times),
                max(times),
                50.0,
                note=f"first page of results over {n} lessons",
            )
        )
    lib.close()
    return figures


def bench_panel(path: Path, quick: bool) -> list[Figure]:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from reader.mainwindow import MainWindow

    app = QApplication.instance() or QApplication([])
    lib = Library(path)
    settings = QSettings(str(path.with_suffix(".ini")), QSettings.Format.IniFormat)
    settings.setValue("dictionary/prepare_at_start", False)  # reading is measured, not the first-start build
    window = MainWindow(lib, settings)
    window.interactive = False
    window.resize(1280, 800)
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    window.show()
    app.processEvents()

    def refresh() -> None:
        window.refresh_lessons()
        window.panel.repaint()

    times = timed(refresh, 5 if quick else 15)
    window.close()
    n = lib.lessons.count()
    lib.close()
    return [
        Figure(
            "library_panel",
            "ms",
            statistics.median(times),
            max(times),
            50.0,
            note=f"list {n} lessons in the library panel and paint it",
        )
    ]


def in_child(part: str, path: Path, quick: bool) -> list[Figure]:
    """Run a window benchmark in a process of its own (one window per process, as in use)."""
    import os
    import subprocess

    args = [sys.executable, str(Path(__file__).resolve()), "--part", part, "--library-file", str(path)]
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    res = subprocess.run(args + (["--quick"] if quick else []), capture_output=True, text=True, env=env, timeout=900)
    if res.returncode != 0:
        raise RuntimeError(f"benchmark part {part} failed: {res.stderr[-1500:]}")
    return [Figure(**json.loads(line)) for line in res.stdout.splitlines() if line.startswith("{")]


def run_part(part: str, path: Path, quick: bool) -> None:
    """The child side of in_child: measure one part and print its figures as JSON."""
    from dataclasses import asdict

    if part == "panel":
        figures = bench_panel(path, quick)
    else:
        from window import in_process

        ref, big = lesson_ids(path)
        figures = in_process(path, ref, big, quick)
    for f in figures:
        print(json.dumps(asdict(f), ensure_ascii=False))


def bench_window(tmp: Path, path: Path, quick: bool) -> list[Figure]:
    from built_app import bench_built_app
    from window import compile_sources, startup

    compile_sources()  # start-ups run the program as installed: from bytecode

    ref, big = lesson_ids(path)
    figures = in_child("window", working_copy(path, tmp), quick)
    # Start-up and memory: separate processes.
    small = tmp / "small.db"
    lib = Library(small)
    data, _ = page_bytes()
    small_ref = lib.lessons.import_bytes(data, "reference.txt").lesson_id
    lib.lessons.set_position(small_ref, 0)
    lib.close()
    times, rss = startup(small, tmp / "home-small", 3 if quick else 7, lesson=small_ref)
    figures += bench_built_app(tmp, small, small_ref, quick)  # the packaged build beside it, when there is one
    figures.append(
        Figure(
            "startup_reference",
            "ms",
            statistics.median(times),
            max(times),
            600.0,
            note="process start to the painted window, reference lesson open",
        )
    )
    figures.append(
        Figure(
            "memory_reference", "MB", rss / 1024, rss / 1024, 150.0, note="peak memory with the reference lesson open"
        )
    )
    big_lib = working_copy(path, tmp)
    n = Library(big_lib).lessons.count()
    times, _ = startup(big_lib, tmp / "home-big", 3 if quick else 7, lesson=ref)
    figures.append(
        Figure(
            "startup_library",
            "ms",
            statistics.median(times),
            max(times),
            600.0,
            note=f"process start to the painted window on a {n}-lesson library",
        )
    )
    times, rss = startup(big_lib, tmp / "home-big2", 1 if quick else 3, lesson=big)
    figures.append(
        Figure(
            "memory_big_lesson",
            "MB",
            rss / 1024,
            rss / 1024,
            250.0,
            note=f"peak memory with the 100,000-word lesson open in a {n}-lesson library",
        )
    )
    return figures


def everything(tmp: Path, n: int, quick: bool) -> list[Figure]:
    """Every figure, on a scale library of `n` lessons."""
    figures: list[Figure] = []
    figures += bench_import(tmp, quick)
    figures += bench_bulk(tmp, quick)
    figures += bench_big_import(tmp, quick)
    path = scale_library(n)
    figures += bench_search(working_copy(path, tmp), quick)
    figures += bench_levels(tmp, quick, path)
    figures += in_child("panel", working_copy(path, tmp), quick)
    figures += bench_window(tmp, path, quick)
    for extra in extras():
        figures += extra(tmp, quick)
    return figures


def built_app_only(tmp: Path, quick: bool) -> list[Figure]:
    """The installed and the packaged build's start-ups alone (`--built-app`)."""
    from built_app import bench_built_app
    from window import compile_sources

    compile_sources()
    small = tmp / "small.db"
    lib = Library(small)
    lesson = lib.lessons.import_bytes(page_bytes()[0], "reference.txt").lesson_id
    lib.lessons.set_position(lesson, 0)
    lib.close()
    return bench_built_app(tmp, small, lesson, quick)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; returns 1 if a budget is missed."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repeats, smaller data (under a minute)")
    parser.add_argument("--json", action="store_true", help="print JSON lines only")
    parser.add_argument("--lessons", type=int, help="lessons in the scale library (default 10000; quick 1000)")
    parser.add_argument("--data", type=Path, help="where generated libraries are kept (default bench/data)")
    parser.add_argument("--markdown", type=Path, help="also write the figures as a Markdown report to this file")
    parser.add_argument("--built-app", action="store_true",
                        help="measure only the packaged build's start beside the installed one")
    parser.add_argument("--part", choices=("panel", "window"), help=argparse.SUPPRESS)
    parser.add_argument("--library-file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.part:
        run_part(args.part, args.library_file, args.quick)
        return 0
    global DATA
    if args.data is not None:
        DATA = args.data
    n = args.lessons or (1000 if args.quick else 10_000)
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        if args.built_app:
            figures += built_app_only(tmp, args.quick)
        else:
            figures += everything(tmp, n, args.quick)
    if not args.json:
        print(f"{'figure':<22} {'median':>10} {'worst':>10} {'budget':>12}  {'':4} note")
        for f in figures:
            budget = "-" if f.budget is None else (f"≥ {f.budget:g}" if f.higher_is_better else f"≤ {f.budget:g}")
            status = "ok" if f.ok else "MISS"
            print(f"{f.name:<22} {f.median:>10.2f} {f.worst:>10.2f} {budget:>9} {f.unit:<9} {status:4} {f.note}")
        print()
    if args.markdown is not None:
        args.markdown.write_text(markdown_report(figures, args.quick, n), encoding="utf-8")
    for f in figures:
        print(
            json.dumps(
                {
                    "figure": f.name,
                    "unit": f.unit,
                    "median": round(f.median, 3),
                    "worst": round(f.worst, 3),
                    "budget": f.budget,
                    "higher_is_better": f.higher_is_better,
                    "ok": f.ok,
                    "note": f.note,
                },
                ensure_ascii=False,
            )
        )
    return 0 if all(f.ok for f in figures) else 1


def machine() -> str:
    """One line about the machine the figures come from."""
    import os
    import platform

    import PySide6

    cpu = "unknown processor"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, PySide6 {PySide6.__version__}"
    )


def markdown_report(figures: list[Figure], quick: bool, lessons: int) -> str:
    """The figures as the Markdown page docs/benchmarks.md holds."""
    lines = [
        "# Benchmarks",
        "",
        f"Measured by `python bench/run.py{' --quick' if quick else ''}` on {time.strftime('%Y-%m-%d')}, "
        f"with a generated library of {lessons} lessons.",
        "",
        f"Machine: {machine()}.",
        "",
        "| figure | median | worst | budget | unit | within budget | what |",
        "|---|---:|---:|---:|---|---|---|",
    ]
    for f in figures:
        budget = "–" if f.budget is None else (f"≥ {f.budget:g}" if f.higher_is_better else f"≤ {f.budget:g}")
        ok = "yes" if f.ok else "NO"
        lines.append(f"| {f.name} | {f.median:.2f} | {f.worst:.2f} | {budget} | {f.unit} | {ok} | {f.note} |")
    lines += [
        "",
        "Each figure is the median of several runs (worst beside it); the script exits non-zero when a budget is"
        " missed. `scroll_big_lesson` is judged by its worst step.",
        "",
    ]
    return "\n".join(lines)


def extras() -> list[Callable[[Path, bool], list[Figure]]]:
    """Figures measured in bench/formats.py (EPUB import), bench/study.py (dictionary, marks) and
    bench/pages.py (a lesson assembled again after a change to its lines) and bench/glosses.py (the
    reference lesson opened and scrolled with glosses on)."""
    from formats import bench_epub
    from glosses import bench_glosses
    from pages import bench_pages
    from study import bench_study

    return [bench_epub, bench_study, bench_pages, bench_glosses]


if __name__ == "__main__":
    sys.exit(main())
