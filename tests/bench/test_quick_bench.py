"""The benchmark's quick mode runs from a clean tree and reports every figure (timings are not judged here)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXPECTED = {
    "import_reference",
    "index_reference",
    "bulk_import_rate",
    "bulk_index_rate",
    "import_big_lesson",
    "import_epub_100k",
    "dictionary_lookup",
    "mark_saved_words",
    "search_en",
    "search_ja",
    "library_panel",
    "open_reference",
    "translation_toggle",
    "hover_card",
    "open_big_lesson",
    "scroll_big_lesson",
    "toggle_big_lesson",
    "startup_reference",
    "memory_reference",
    "startup_library",
    "memory_big_lesson",
    "levels_list_load",
    "levels_book_cold",
    "levels_book_rich_cold",
    "levels_list_added",
    "levels_status_change",
}


def test_quick_benchmark_runs(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    res = subprocess.run(
        [
            sys.executable,
            str(REPO / "bench" / "run.py"),
            "--quick",
            "--lessons",
            "40",
            "--json",
            "--data",
            str(tmp_path),
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert res.returncode in (0, 1), res.stderr[-2000:]  # 1: a budget missed, which is the benchmark's verdict
    figures = {}
    for line in res.stdout.splitlines():
        row = json.loads(line)
        figures[row["figure"]] = row
    assert set(figures) >= EXPECTED, sorted(EXPECTED - set(figures))
    assert all(row["median"] >= 0 and isinstance(row["ok"], bool) for row in figures.values())
    assert (res.returncode == 0) == all(row["ok"] for row in figures.values())
