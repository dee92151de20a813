"""Small helpers the tests share."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path


def dump(path: Path) -> list[str]:
    """The whole library as SQL text, for comparing before and after (nothing if there is no file)."""
    if not path.exists():
        return []
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def damage(path: Path) -> None:
    """Overwrite one page in the middle of a checkpointed library with garbage."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with path.open("r+b") as f:
        f.seek(4096 * 3)
        f.write(os.urandom(4096))
