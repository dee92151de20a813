"""The levelled worksheet's word lists are worked out once per machine, by `study-reader level` (the
window runs it once it is up): a first worksheet of a process then reads a few rows of a table, not
cefrpy's list of 248,000 rows nor wordfreq's list, and gets the same gaps and distractors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
GLACIER = ROOT / "tests" / "data" / "glacier.txt"

FIRST_WORKSHEET = """
import json, sys
from pathlib import Path
from library import Library
from reader.teaching.levelled_worksheet import distractors, make_blanks
with Library(Path(sys.argv[1])) as lib:
    lesson = lib.lessons.get(lib.lessons.list()[0].id)
    lib.study.levels.of(lesson.id)  # the lesson levelled, as the window has it before a worksheet
    loaded = set(sys.modules)
    blanks = make_blanks(lesson, "B1")
    found = distractors(blanks, {b.gloss.word.lower() for b in blanks}, lesson.title + "B1")
print(json.dumps({"loaded": sorted(set(sys.modules) - loaded), "gaps": [b.gloss.word for b in blanks],
                  "distractors": [form for form, _b in found]}))
"""


def _run(args: list[str], env: dict[str, str]) -> str:
    done = subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_level_command_builds_the_worksheet_lists_and_a_first_worksheet_reads_no_word_list(
    tmp_path: Path,
) -> None:
    from library import Library

    library = tmp_path / "lib.db"
    with Library(library) as lib:
        lib.lessons.import_file(GLACIER)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    assert _run(["-m", "reader", "--library", str(library), "level"], env) == "1 lesson levelled\n"
    assert (Path(env["STUDY_READER_DICTIONARY_DIR"]) / "worksheet-words.db").is_file()
    first = json.loads(_run(["-c", FIRST_WORKSHEET, str(library)], env).splitlines()[-1])
    assert not {"cefrpy", "wordfreq"} & set(first["loaded"]), first["loaded"]
    assert {"glacier", "evacuated", "pledged"} <= {w.lower() for w in first["gaps"]}
    assert len(first["distractors"]) >= len(first["gaps"]) // 2
