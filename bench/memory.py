"""Peak memory of a fresh window open on a lesson, as `memory_reference` and `memory_big_lesson` in
bench/run.py measure it (the window started by bench/window.py's `startup`, its own peak RSS),
without building the scale library: a library of the reference lesson alone, and one of the
generated 100,000-word book alone.

    python bench/memory.py [--repeat N] [--levelled] [--big]

--levelled levels the lesson before the window starts; --big measures the book too."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from generate import big_lesson_text  # noqa: E402
from run import page_bytes  # noqa: E402
from window import compile_sources, startup  # noqa: E402

from library import Library  # noqa: E402


def one_lesson_library(path: Path, data: bytes, name: str, levelled: bool) -> int:
    """A library of one lesson, opened at its start as bench_window's is; the lesson's id."""
    lib = Library(path)
    lesson = lib.lessons.import_bytes(data, name).lesson_id
    lib.lessons.set_position(lesson, 0)
    if levelled:
        lib.study.levels.relevel(lesson)
    lib.close()
    return lesson


def measure(tmp: Path, data: bytes, name: str, levelled: bool, repeat: int) -> tuple[float, list[float]]:
    """(peak MB over the starts, start-up times in ms) of a window on a library of that one lesson."""
    library = tmp / f"{Path(name).stem}.db"
    lesson = one_lesson_library(library, data, name, levelled)
    times, rss = startup(library, tmp / f"home-{Path(name).stem}", repeat, lesson=lesson)
    return rss / 1024, times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--levelled", action="store_true")
    parser.add_argument("--big", action="store_true")
    args = parser.parse_args()
    compile_sources()
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        peak, times = measure(tmp, page_bytes()[0], "reference.txt", args.levelled, args.repeat)
        print(f"memory_reference   {peak:7.1f} MB   (peak over {args.repeat} starts)")
        print(f"startup_reference  {sorted(times)[len(times) // 2]:7.0f} ms   median ({max(times):.0f} worst)")
        if args.big:
            peak, _ = measure(tmp, big_lesson_text().encode(), "big-book.txt", args.levelled, args.repeat)
            print(f"memory_big_lesson  {peak:7.1f} MB   (the book alone, not in a scale library)")


if __name__ == "__main__":
    main()
