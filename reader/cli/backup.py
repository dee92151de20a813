"""The maintenance subcommands: `backup`, `restore` and `check`. No Qt is imported here."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from library import Library, default_library_path
from library.errors import LibraryError, WriteRefused
from library.store.backup import backups_dir, copy_database, restore, restore_hint, rolling_backup
from reader.cli.output import LIBRARY, OK, REFUSED, one_line, shown


def add_backup_commands(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Register `backup [--to FILE]`, `restore FILE` and `check`."""
    p = sub.add_parser("backup", parents=[common], help="copy the library to a backup file")
    p.add_argument("--to", metavar="FILE", help="where to write the copy (default: a new rolling backup)")
    p = sub.add_parser("restore", parents=[common], help="replace the library with a backup (the current one is kept)")
    p.add_argument("file", metavar="FILE")
    sub.add_parser("check", parents=[common], help="check the library's integrity and count what each table holds")


def check_command(args: argparse.Namespace) -> int:
    """Print the full integrity check and each table's count; changes nothing, opens even a damaged file."""
    from library.store.inspection import check_file

    path = Path(args.library).expanduser() if args.library else default_library_path()
    if not path.is_file():
        print(f"study-reader: {shown(path)}: no such library file", file=sys.stderr)
        return LIBRARY
    try:
        report = check_file(path)
    except sqlite3.DatabaseError as exc:
        problem = " ".join(str(exc).split())
        print(f"study-reader: {shown(path)} is damaged or not a library ({problem}). {shown(restore_hint(path))}",
              file=sys.stderr)
        return LIBRARY
    for line in report.lines():
        print(line)
    if not report.ok:
        print(f"study-reader: {shown(path)} fails its check. {shown(restore_hint(path))}", file=sys.stderr)
        return LIBRARY
    return OK


def backup_command(lib: Library, args: argparse.Namespace) -> int:
    """Write a checked copy of the open library."""
    path = Path(str(lib.path))
    if args.to:
        dest = Path(args.to).expanduser()
        if dest.resolve() == path.resolve():
            print("study-reader: the backup cannot replace the library itself", file=sys.stderr)
            return REFUSED
    else:
        dest = backups_dir(path)
    try:
        made = copy_database(lib.db.conn, dest) if args.to else rolling_backup(lib.db.conn, path, force=True) or path
    except (OSError, sqlite3.DatabaseError) as exc:  # a full disk, a folder that cannot be written
        print(f"study-reader: {shown(dest)}: cannot write the copy ({one_line(exc)})", file=sys.stderr)
        return REFUSED
    print(f"backed up {shown(path)} to {shown(made)}")
    return OK


def restore_command(args: argparse.Namespace) -> int:
    """Check FILE, keep the current library aside, and put FILE's content in its place."""
    path = Path(args.library).expanduser() if args.library else default_library_path()
    source = Path(args.file).expanduser()
    if source.exists() and path.exists() and source.resolve() == path.resolve():
        print("study-reader: that file is the library itself", file=sys.stderr)
        return REFUSED
    try:
        kept = restore(path, source)
    except LibraryError as exc:  # FILE is no library to restore (checked before anything changes)
        print(f"study-reader: not restored: {one_line(exc)}", file=sys.stderr)
        return REFUSED
    except (WriteRefused, OSError, sqlite3.DatabaseError) as exc:  # the library could not be replaced
        print(f"study-reader: not restored: {shown(path)}: {one_line(exc)}", file=sys.stderr)
        return LIBRARY
    note = f"; the previous library was kept as {shown(kept)}" if kept.exists() else ""
    print(f"restored {shown(path)} from {shown(source)}{note}")
    return OK
