"""The child process the kill test starts: imports and edits lessons in a loop until it is killed.

After each transaction commits it sends one line through `out`, so the test can check that
nothing the child was told is saved went missing:
    L <id>                a lesson was imported
    d <id>                a lesson is about to be deleted (and D <id> once it is)
    t <id> <pos> <text>   a user translation is about to be saved (and T … once it is)
"""

from __future__ import annotations

import os
import random
import uuid
from multiprocessing.connection import Connection
from pathlib import Path

from library import Library
from library.bulk import import_many

REPO = Path(__file__).resolve().parents[2]
TEMPLATES = sorted((REPO / "tests" / "data" / "pages").glob("*.txt")) + sorted(
    (REPO / "resources" / "samples").glob("*.txt")
)
MAX_LESSONS = 40


def page(template: bytes, nonce: str) -> bytes:
    """A template page made unique by a line after its title (ASCII fits every template's encoding)."""
    nl = b"\r\n" if b"\r\n" in template else b"\n"
    head, sep, rest = template.partition(nl + nl)
    line = f"Reporter's note {nonce}: this story was filed from the field today.".encode()
    return head + sep + line + nl + nl + rest


def run(library_path: str, out: Connection, seed: int) -> None:
    """Loop forever: bulk-import a few pages (worker processes), index, edit, sometimes delete."""
    os.setsid()  # so the test can kill this process and its import workers together
    out.send_bytes(b"S")
    rng = random.Random(seed)
    templates = [p.read_bytes() for p in TEMPLATES]

    def report(line: str) -> None:
        out.send_bytes(line.encode())

    with Library(library_path) as lib:
        while True:
            items = [
                (f"p{uuid.uuid4().hex[:8]}.txt", page(rng.choice(templates), uuid.uuid4().hex))
                for _ in range(rng.randint(1, 12))
            ]
            result = import_many(lib.lessons, items=items, workers=2, batch=rng.randint(1, 4))
            for _name, lesson_id in result.imported:
                report(f"L {lesson_id}")
            lib.search.index_pending(limit=rng.randint(1, 20), batch=rng.randint(1, 5))
            ids = lib.lessons.ids()
            for _ in range(rng.randint(0, 6)):
                lesson_id = rng.choice(ids)
                text = f"訳 {uuid.uuid4().hex[:6]}"
                pos = rng.randint(0, 3)
                report(f"t {lesson_id} {pos} {text}")  # about to be saved: the kill may land after the commit
                lib.editing.set_translation(lesson_id, pos, "ja", text)
                report(f"T {lesson_id} {pos} {text}")
                if rng.random() < 0.3:
                    lib.lessons.rename(lesson_id, f"Renamed {uuid.uuid4().hex[:6]}")
            while len(ids) > MAX_LESSONS:
                victim = ids.pop()  # the oldest
                report(f"d {victim}")  # about to go
                lib.lessons.delete(victim)
                report(f"D {victim}")
