"""What `study-reader check` reports of a library file: its integrity and what each table holds.

Read on a read-only connection, so a damaged library can be checked without being changed.
Uses sqlite-utils' table API; imported here only, so neither the window nor other commands
load it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from library.store import schema
from library.store.connection import connect_read_only, remove_new_sidecars, sidecars


@dataclass
class CheckReport:
    """The outcome of a full integrity check and the row count of each table."""

    path: Path
    version: int
    problems: list[str]
    counts: dict[str, int] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the file passed its check and has every table."""
        return not self.problems and not self.missing

    def lines(self) -> list[str]:
        """The report as lines for the terminal."""
        verdict = "ok" if not self.problems else "; ".join(self.problems)
        out = [f"{self.path}: schema {self.version}, integrity {verdict}"]
        out += [f"  {name}\t{count}" for name, count in self.counts.items()]
        out += [f"  {name}\tmissing" for name in self.missing]
        return out


def check_file(path: Path) -> CheckReport:
    """Run SQLite's full integrity check on `path` and count each table's rows (sqlite3 errors propagate).
    A file that fails is left with nothing beside it that the check made."""
    before = {side for side in sidecars(path) if side.exists()}
    report: CheckReport | None = None
    try:
        report = _check(path)
        return report
    finally:
        if report is None or not report.ok:
            remove_new_sidecars(path, before)


def _check(path: Path) -> CheckReport:
    """The check itself, on a read-only connection closed before it returns."""
    import sqlite_utils

    conn = connect_read_only(path)
    try:
        db = sqlite_utils.Database(conn, execute_plugins=False)
        problems = [str(r[0]) for r in db.execute("PRAGMA integrity_check(20)").fetchall()]
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        present = set(db.table_names())
        known = schema.schema_tables()
        report = CheckReport(path, version, [] if problems == ["ok"] else problems)
        for name in known:
            if name in present:
                report.counts[name] = db.table(name).count
            else:
                report.missing.append(name)
        return report
    finally:
        conn.close()
