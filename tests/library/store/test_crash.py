"""Crash safety: a bulk import killed with SIGKILL at random points leaves a whole library,
holding everything the killed process had been told was saved."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import random
import signal
import sqlite3
import time
from multiprocessing.connection import Connection
from pathlib import Path

import pytest

from tests.library import crash_child
from tests.library.wholeness import problems

KILLS = int(os.environ.get("STUDY_READER_KILLS", "60"))

pytestmark = pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")


def _read_reports(conn: Connection) -> list[str]:
    """Every line the child sent before it died."""
    lines = []
    try:
        while conn.poll(0):
            lines.append(conn.recv_bytes().decode())
    except EOFError:
        pass
    return lines


def _kill_group(pid: int) -> None:
    """SIGKILL the child and its import workers (its own process group), and reap the child."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)


def test_sigkill_at_random_points_leaves_only_whole_lessons(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("forkserver")
    # The server imports the library once; each child then starts in milliseconds.
    ctx.set_forkserver_preload(["tests.library.crash_child"])
    path = tmp_path / "lib.db"
    rng = random.Random(8)
    cache: dict[str, dict[str, object]] = {}
    lessons: set[int] = set()
    translations: dict[tuple[int, int], str] = {}  # saved, as the child was told
    pending: dict[tuple[int, int], str] = {}  # being saved when the child was killed, perhaps
    kills = states_seen = 0
    max_lessons = 0
    for round_no in range(KILLS):
        reader, writer = ctx.Pipe(duplex=False)
        child = ctx.Process(target=crash_child.run, args=(str(path), writer, round_no))
        child.start()
        writer.close()
        # Wait until the child is in its own process group, then let it run a random while.
        assert reader.poll(30), "the child did not start"
        assert reader.recv_bytes() == b"S"
        time.sleep(rng.choice((rng.uniform(0.0, 0.15), rng.uniform(0.1, 0.9))))
        alive = child.is_alive()
        _kill_group(child.pid)  # type: ignore[arg-type]
        child.join(10)
        assert alive, f"the child died by itself (exit code {child.exitcode}) in round {round_no}"
        assert child.exitcode == -signal.SIGKILL
        kills += 1
        for line in _read_reports(reader):
            kind, _, rest = line.partition(" ")
            if kind == "L":
                lessons.add(int(rest))
            elif kind in ("d", "D"):
                lessons.discard(int(rest))
                translations = {k: v for k, v in translations.items() if k[0] != int(rest)}
                pending = {k: v for k, v in pending.items() if k[0] != int(rest)}
            elif kind == "t":
                lid, pos, text = rest.split(" ", 2)
                pending[(int(lid), int(pos))] = text
            elif kind == "T":
                lid, pos, text = rest.split(" ", 2)
                translations[(int(lid), int(pos))] = text
                pending.pop((int(lid), int(pos)), None)
        reader.close()

        if not path.exists():  # killed while the new library was made: it never took its name
            assert not lessons, f"after kill {kills}: the library is gone"
            continue  # (opening it here would make the 0-byte file the next open refuses)
        found = problems(path, cache)
        assert found == [], f"after kill {kills}: {found[:5]}"
        conn = sqlite3.connect(path)
        try:
            if not conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'lessons'").fetchone()[0]:
                assert not lessons, f"after kill {kills}: the schema is gone"
                continue  # killed before the schema was created: nothing was saved yet
            stored = {r[0] for r in conn.execute("SELECT id FROM lessons")}
            assert lessons <= stored, f"after kill {kills}: committed lessons lost: {sorted(lessons - stored)}"
            for (lid, pos), text in translations.items():
                row = conn.execute(
                    "SELECT text FROM user_translations WHERE lesson_id = ? AND block_pos = ? AND lang = 'ja'",
                    (lid, pos),
                ).fetchone()
                assert row is not None and row[0] in (text, pending.get((lid, pos))), (
                    f"after kill {kills}: translation {lid}/{pos} lost"
                )
            max_lessons = max(max_lessons, len(stored))
        finally:
            conn.close()
        states_seen += 1
    assert kills >= 50
    assert len(cache) > 20, "the children imported too little for the test to mean much"
    print(f"{kills} kills, {len(cache)} distinct lessons checked, up to {max_lessons} lessons at once")
