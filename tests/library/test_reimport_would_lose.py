"""Before a re-import, what of the user's own work it would lose can be known without changing anything:
the re-import is made and rolled back (library.sourcefile.would_lose)."""

from __future__ import annotations

from pathlib import Path

from library import Library
from library.sourcefile import reimport_from, would_lose

TWO_POSTS = Path(__file__).resolve().parents[1] / "data" / "pageview" / "two_posts.txt"
GONE = "Students asked for the change because they wanted a quiet place to study after work."


def test_what_a_reimport_would_lose_is_said_and_nothing_changes(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        lid = lib.lessons.import_file(TWO_POSTS).lesson_id
        block = next(k for k, b in enumerate(lib.lessons.get(lid).blocks) if b.text == GONE)
        lib.editing.set_translation(lid, block, "ja", "静かな場所がほしかった。")
        lib.editing.add_question(lid, block, "What did the students want?", "a quiet place")
        snapshot, source = lib.editing.snapshot(lid), lib.lessons.source(lid)
        changed = TWO_POSTS.read_bytes().replace(GONE.encode() + b"\n\n", b"")
        lost = would_lose(lib, lid, changed)
        assert len(lost) == 2 and "静かな場所がほしかった。" in lost[0] and "What did the students want?" in lost[1]
        assert lib.editing.snapshot(lid) == snapshot and lib.lessons.source(lid) == source
        assert lib.lessons.get(lid).blocks[block].translation("ja") == "静かな場所がほしかった。"
        assert would_lose(lib, lid, TWO_POSTS.read_bytes().replace(b"weekdays", b"week days")) == []
        reimport_from(lib, lid, changed)  # and the re-import made says the same
        assert lib.pages.lost == lost
