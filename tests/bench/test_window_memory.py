"""The benchmark's window memory is the window's own: a large process starting it is not counted in."""

from __future__ import annotations

import sys
from pathlib import Path

from library import Library

BENCH = Path(__file__).resolve().parents[2] / "bench"
SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "01_coral_reefs.txt"
BALLAST_MB = 600


def test_window_peak_leaves_out_the_starting_process(tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        from window import startup
    finally:
        sys.path.remove(str(BENCH))
    lib = Library(tmp_path / "small.db")
    lesson = lib.lessons.import_bytes(SAMPLE.read_bytes(), "sample.txt").lesson_id
    lib.close()
    # The starting process holds far more than a window needs, every page of it touched.
    ballast = bytearray(BALLAST_MB * 1024 * 1024)
    ballast[::4096] = b"x" * len(range(0, len(ballast), 4096))
    _times, peak_kb = startup(tmp_path / "small.db", tmp_path / "home", 1, lesson=lesson)
    del ballast
    assert 0 < peak_kb / 1024 < BALLAST_MB / 2
