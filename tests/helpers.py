"""Small helpers the tests share."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest


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


def pretend_read_only_mount(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the store's statvfs report ST_RDONLY, as on a read-only mount (root ignores chmod)."""
    from library.store import connection

    real = os.statvfs

    class ReadOnly:
        def __init__(self, result: os.statvfs_result) -> None:
            self._result = result
            self.f_flag = result.f_flag | os.ST_RDONLY

        def __getattr__(self, name: str) -> object:
            return getattr(self._result, name)

    monkeypatch.setattr(connection.os, "statvfs", lambda p: ReadOnly(real(p)))


def trip_the_importer_on(monkeypatch: pytest.MonkeyPatch, bad_name: str, *also: object) -> None:
    """Make parse_page and parse_pages fail on the file named `bad_name` as an importer defect
    would (a RecursionError, as a deeply nested page once raised), in library.importer and in
    each module of `also` that holds its own reference to them."""
    import library.importer

    def failing(real: Any) -> Any:
        def parse(data: bytes, name: str, *args: object, **kwargs: object) -> object:
            if name == bad_name:
                raise RecursionError("maximum recursion depth exceeded")
            return real(data, name, *args, **kwargs)

        return parse

    for attr in ("parse_page", "parse_pages"):
        wrapped = failing(getattr(library.importer, attr))
        for module in (library.importer, *also):
            if hasattr(module, attr):
                monkeypatch.setattr(module, attr, wrapped)
