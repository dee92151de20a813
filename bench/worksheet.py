"""The first levelled worksheet of a process: its gaps (the lesson levelled, each gap's word class),
its distractors, and a second sheet written as a PDF, each run in a fresh process as a teacher's
first worksheet of the day is (the per-machine level table and the worksheets' word lists already
built, as `study-reader level` builds them after the first start; their build is timed apart).

    python bench/worksheet.py [--runs N]

Copied into an older checkout it measures that one (the figures before the word lists were a table).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PAGE = ROOT / "tests" / "data" / "glacier.txt"  # a page of our own (a glacier above a Swiss town)


def one() -> dict[str, float]:
    """Times (ms) of one first worksheet in this process."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from library import Library
    from library.study import level_table

    level_table.load()  # built where it is stale: a build is not a worksheet's cost
    app = QApplication.instance() or QApplication([])
    from library.study.glosses import words_above
    from reader.teaching.level_report import english_blocks
    from reader.teaching.levelled_worksheet import distractors, make_blanks, write_worksheet

    labels = {"title": "Worksheet ({level})", "bank": "Word bank", "key": "Answer key"}
    with tempfile.TemporaryDirectory() as tmp, Library(Path(tmp) / "lib.db") as lib:
        lesson = lib.lessons.get(lib.lessons.import_file(PAGE).lesson_id)
        assert lesson is not None
        c0, t0 = time.process_time(), time.perf_counter()
        words_above(english_blocks(lesson), "B1", lesson.glossary, None)  # what make_blanks levels first
        t1 = time.perf_counter()
        blanks = make_blanks(lesson, "B1")  # its words' levels known now: the gaps' word classes
        t2 = time.perf_counter()
        found = distractors(blanks, {b.gloss.word.lower() for b in blanks}, lesson.title + "B1")
        c3, t3 = time.process_time(), time.perf_counter()
        write_worksheet(lesson, "B1", Path(tmp) / "sheet.pdf", labels)  # again: now with all loaded
        t4 = time.perf_counter()
    del app
    return {"levelling": (t1 - t0) * 1000, "gaps": (t2 - t1) * 1000, "distractors": (t3 - t2) * 1000,
            "first": (t3 - t0) * 1000,
            "first_cpu": (c3 - c0) * 1000, "pdf_after": (t4 - t3) * 1000, "blanks": len(blanks), "found": len(found)}


def main() -> None:
    if "--one" in sys.argv:
        print(json.dumps(one()))
        return
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5
    sys.path.insert(0, str(ROOT))
    from library.study import level_table

    level_table.load()
    try:
        from library.study import distractor_table
    except ImportError:  # an older checkout, measured for comparison: it has no such table
        distractor_table = None  # type: ignore[assignment]
    if distractor_table is not None and not distractor_table.is_current():
        started = time.perf_counter()
        distractor_table.ensure()
        print(f"worksheets' word lists built in {time.perf_counter() - started:.1f} s"
              f" ({distractor_table.table_path().stat().st_size / 1e6:.1f} MB)")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    results = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, __file__, "--one"], env=env, capture_output=True, text=True,
                              check=True)
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    print(f"first levelled worksheet of a process, {PAGE.name} at B1, {runs} fresh processes"
          f" ({results[0]['blanks']:.0f} gaps, {results[0]['found']:.0f} distractors):")
    for key, name in (("levelling", "the lesson's words levelled"), ("gaps", "the gaps' word classes"),
                      ("distractors", "distractors"), ("first", "first worksheet (the three)"),
                      ("first_cpu", "  the same, CPU time"),
                      ("pdf_after", "a second sheet, PDF written")):
        values = [r[key] for r in results]
        print(f"  {name:32} median {statistics.median(values):7.0f} ms   worst {max(values):7.0f} ms")


if __name__ == "__main__":
    main()
