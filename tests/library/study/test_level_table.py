"""The per-machine table of word levels: built on first use from cefrpy's list, giving each word's
easiest level as the list read whole does, built again when its stamp changes, and levelling
without holding the whole list in memory."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from library.study import level_table, word_table
from library.study.levels import level_text

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(autouse=True)
def _fresh_table() -> Iterator[None]:
    """Each test opens the table in its own folder (the isolated STUDY_READER_DICTIONARY_DIR)."""
    level_table.close()
    yield
    level_table.close()


def test_the_table_is_built_on_first_use_and_gives_each_words_easiest_level() -> None:
    path = level_table.table_path()
    assert not path.exists()
    whole = word_table.cefr_table()
    found = level_table.levels_of([*whole, "chatbot", "don't", "x-ray-ish"])
    assert path.is_file() and found == whole  # every listed word; the others left out
    assert level_table.levels_of(["river", "the", "autonomy"]) == {w: whole[w] for w in ("river", "the", "autonomy")}


def test_a_table_with_another_stamp_is_built_again() -> None:
    level_table.load()
    path = level_table.table_path()
    level_table.close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE meta SET value = 'old' WHERE key = 'table.stamp'")
        conn.execute("DELETE FROM levels WHERE word = 'river'")
    conn.close()
    assert level_table.levels_of(["river"]) == {"river": word_table.cefr_table()["river"]}
    assert level_table._stamp_of(path) == level_table.source_stamp()


def test_a_new_table_version_builds_the_table_again(monkeypatch: pytest.MonkeyPatch) -> None:
    level_table.load()
    level_table.close()
    before = level_table._stamp_of(level_table.table_path())
    monkeypatch.setattr(level_table, "TABLE_VERSION", "test")
    assert "river" in level_table.levels_of(["river"])
    after = level_table._stamp_of(level_table.table_path())
    assert before != after and after is not None and after.startswith("test|")


def test_where_no_table_can_be_written_the_levels_are_read_into_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder would be", encoding="utf-8")
    monkeypatch.setenv("STUDY_READER_DICTIONARY_DIR", str(blocker))
    assert level_table.levels_of(["river", "chatbot"]) == {"river": word_table.cefr_table()["river"]}
    assert blocker.is_file()


def test_a_paragraph_is_levelled_the_same_from_the_table_as_from_the_list_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from library.study import levels

    paragraph = [
        "The night train left the capital on time, and the passengers settled into their well-worn seats.",
        "Engineers had tired of the delays; the railway's owners promised a faster, quieter service by 2030.",
    ]
    levels._words.clear()
    from_table = level_text(paragraph)
    levels._words.clear()
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("STUDY_READER_DICTIONARY_DIR", str(blocker))
    level_table.close()
    in_memory = level_text(paragraph)
    levels._words.clear()
    assert from_table.counts == in_memory.counts and from_table.lemmas == in_memory.lemmas
    assert from_table.counts["A1"] > 10 and from_table.names == 0


def test_levelling_does_not_hold_the_whole_list(tmp_path: Path) -> None:
    # In a fresh process, as a window levelling its first lesson.
    code = (
        "from library.study import word_table; from library.study.levels import level_text;"
        " found = level_text(['The night train left the capital on time.']);"
        " print(found.counts['A1'], word_table._levels is None)"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env,
                         cwd=REPO).stdout.split()
    assert int(out[0]) > 5 and out[1] == "True"


def test_guessed_lemmas_are_checked_the_same_from_the_table_as_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from library.study import levels
    from tests.library.study.test_levels import GUESSED, GUESSED_COUNT

    levels._words.clear()
    from_table = level_text([GUESSED])
    levels._words.clear()
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("STUDY_READER_DICTIONARY_DIR", str(blocker))
    level_table.close()
    in_memory = level_text([GUESSED])
    levels._words.clear()
    assert from_table.counts == in_memory.counts == GUESSED_COUNT and from_table.lemmas == in_memory.lemmas


def test_the_stamp_is_read_without_importing_lemminflect() -> None:
    # In a fresh process: opening the table (its stamp checked) imports neither lemminflect nor numpy.
    code = (
        "import sys; from library.study import level_table; level_table.load();"
        " print('lemminflect' in sys.modules, 'numpy' in sys.modules)"
    )
    level_table.load()  # built here first
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env,
                         cwd=REPO).stdout.split()
    assert out == ["False", "False"]


@pytest.mark.parametrize("module", ["level_table", "distractor_table"])
def test_a_rebuild_never_writes_into_the_file_another_process_has_open(module: str) -> None:
    """Another process reads the table in place (memory-mapped): a rebuild writes a new file and
    renames it over the old one, so the old file's bytes never change (or shrink) under that reader."""
    import importlib

    table = importlib.import_module(f"library.study.{module}")
    path = table.build_table()
    reader = os.open(path, os.O_RDONLY)  # as another process holds it
    try:
        before = os.pread(reader, os.fstat(reader).st_size, 0)
        inode = os.fstat(reader).st_ino
        table.build_table()
        assert os.stat(path).st_ino != inode  # a new file under the name
        assert os.fstat(reader).st_size == len(before) and os.pread(reader, len(before), 0) == before
    finally:
        os.close(reader)
