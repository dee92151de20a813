"""The command line: import, list, show, search. No Qt is imported here."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sqlite3
import sys
from pathlib import Path
from typing import Any

from library import ImportRefused, Library, default_library_path
from library.errors import LibraryError, WriteRefused
from library.lessons import read_page
from library.packs import is_pack
from library.plural import plural
from library.sourcefile import earlier_copy
from reader.cli.backup import add_backup_commands, backup_command, check_command, restore_command
from reader.cli.output import LIBRARY, OK, REFUSED, USAGE, one_line, safe_output, shown
from reader.cli.pages import PAGE_COMMANDS, add_page_commands, fix_command, print_lines, reimport_command
from reader.cli.parsing import Parser
from reader.cli.profiles import (
    PROFILE_COMMANDS,
    PROFILE_HANDLERS,
    add_profile_commands,
    add_profile_option,
    open_library,
    settle_new_learner,
)
from reader.cli.seeding import READ_NEXT_COMMANDS, READ_NEXT_HANDLERS, add_read_next_command
from reader.cli.signals import Stopped, stop_on_signals
from reader.cli.study import STUDY_COMMANDS, STUDY_HANDLERS, add_study_commands
from reader.cli.teaching import add_teaching_commands, export_command, import_pack, pack_command
from reader.ui.percent import whole_percent
from reader.window_args import app_version

COMMANDS: tuple[str, ...] = ("import", "list", "show", "search", "backup", "restore", "check", *STUDY_COMMANDS)
COMMANDS = (*COMMANDS, "export", "pack")  # teaching: handouts, lesson packs
COMMANDS = (*COMMANDS, *PROFILE_COMMANDS)  # learner profiles
COMMANDS = (*COMMANDS, *PAGE_COMMANDS)  # the page view: a lesson's lines and their roles
COMMANDS = (*COMMANDS, *READ_NEXT_COMMANDS)  # lessons by their share of unknown words
VALUE_OPTIONS = ("--library", "--screenshot", "--size", "--theme", "--lang", "--lesson", "--profile")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = Parser(
        prog="study-reader",
        description="Study Reader: read English articles with their translations, notes and word lists. "
        "With no command, opens the reader window (on FILE if one is given).",
        parents=[_common_options()],
    )
    parser.add_argument("--version", action="version", version=f"study-reader {app_version()}")
    # The common options go before the command (`--library X list`) or after it (`list --library X`).
    # After it, they are unset unless given: a subcommand's default would overwrite the value given before.
    common = _common_options(default=argparse.SUPPRESS)
    sub: Any = parser.add_subparsers(dest="command", metavar="COMMAND")
    p = sub.add_parser("import", parents=[common], help="import pages into the library")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help="print the import reports as JSON lines")
    p.add_argument(
        "--report",
        action="store_true",
        help="print a fuller report: each translation placed, note anchored, glossary entry and unplaced block",
    )
    p.add_argument(
        "--new",
        action="store_true",
        help="import a changed copy of a lesson's source file as another lesson (without it: `reimport ID FILE`)",
    )
    p = sub.add_parser("list", parents=[common], help="list the lessons")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("show", parents=[common], help="print one lesson")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.add_argument("--levels", action="store_true", help="print the lesson's word levels and difficulty instead")
    p.add_argument(
        "--lines", action="store_true", help="print the page's lines instead: number, role, target, confidence, text"
    )
    p = sub.add_parser("search", parents=[common], help="search English and translation text")
    p.add_argument("query")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=50)
    add_teaching_commands(sub, common)
    add_backup_commands(sub, common)
    add_study_commands(sub, common)
    add_profile_commands(sub, common)
    add_page_commands(sub, common)
    add_read_next_command(sub, common)
    parser.commands = sub.choices  # type: ignore[attr-defined]
    return parser


def _common_options(default: str | None = None) -> argparse.ArgumentParser:
    """`--library FILE` and `--profile NAME`, which every command takes (unset when not given: `default`)."""
    common = Parser(add_help=False)
    library = common.add_argument(
        "--library",
        metavar="FILE",
        help=f"library file (default: $STUDY_READER_LIBRARY or {default_library_path()})",
    )
    profile = add_profile_option(common)  # --profile NAME: the learner
    library.default = profile.default = default
    return common


def run_cli(argv: list[str]) -> int:
    """Run one subcommand; returns the exit status. Every failure is one line on stderr."""
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra:  # said by the command's own parser, so its help is the one pointed to (`fix --help`)
        commands = getattr(parser, "commands", {})
        (commands.get(args.command) or parser).error(f"unrecognized arguments: {' '.join(extra)}")
    if args.command is None:
        build_parser().print_help()
        return 0
    real_stdout = sys.stdout
    with safe_output(), stop_on_signals():  # titles and lesson text cannot reorder or recolour the terminal
        try:
            code = _run(args)
            sys.stdout.flush()  # a closed pipe shows here, not as a traceback at exit
            return code
        except Stopped as exc:
            print(f"study-reader: stopped ({exc}); what was not finished was not kept", file=sys.stderr)
            return exc.exit_status
        except BrokenPipeError:
            # The reader of the output went away (`list | head -1`): it has what it wanted, so this is
            # no failure (status 0, nothing said, as other command-line tools do); write nothing more to it.
            if real_stdout is sys.__stdout__ and sys.__stdout__ is not None:
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.__stdout__.fileno())
            return OK


def _run(args: argparse.Namespace) -> int:
    """Open the library and run the subcommand on it."""
    if args.command == "restore":
        return restore_command(args)
    if args.command == "check":  # reads even a library that would be refused, and changes nothing
        return check_command(args)
    missing = _missing_library(args)
    if missing is not None:  # a typo in --library must not make a new, empty library
        print(f"study-reader: {shown(missing)}: no such library file (`import` makes one)", file=sys.stderr)
        return REFUSED
    try:
        lib, made = open_library(args)  # with the learner --profile or $STUDY_READER_PROFILE names
    except LibraryError as exc:
        print(f"study-reader: {one_line(exc)}", file=sys.stderr)
        return LIBRARY
    except ValueError as exc:  # a learner's name that cannot be one
        print(f"study-reader: {one_line(exc)}", file=sys.stderr)
        return REFUSED
    if lib.read_only:
        print(f"study-reader: {shown(lib.path)} is read-only here: opened for reading, nothing changes",
              file=sys.stderr)
    with lib:
        code: int | None = None
        try:
            code = _handle(lib, args)
            return code
        finally:
            settle_new_learner(lib, made, code)


# The commands that only read the library: given a library file that does not exist, they refuse it.
_READING = {"list", "show", "search", "export", "read-next", "backup"}  # lookup: the dictionary, before any import
_READING_ACTIONS: dict[str, set[str | None]] = {
    "words": {"list", "export"}, "dictionary": {"list"}, "profiles": {None, "list"},
}


def _missing_library(args: argparse.Namespace) -> Path | None:
    """The library file a reading command's --library names when there is no such file (None when it
    exists, when the command may make it, or when no --library is given)."""
    reads = args.command in _READING or getattr(args, "action", "") in _READING_ACTIONS.get(args.command, ())
    given = getattr(args, "library", None)
    if not given or str(given) == ":memory:":  # the default library: an empty one until the first import
        return None
    path = Path(given).expanduser()
    return path if reads and not path.exists() else None


def _handle(lib: Library, args: argparse.Namespace) -> int:
    """Run the subcommand on the open library; every failure is one line and its exit status."""
    try:
        return int(HANDLERS[args.command](lib, args))
    except (WriteRefused, ImportRefused) as exc:  # a file given refused: the same status whichever command
        print(f"study-reader: {one_line(exc)}", file=sys.stderr)
        return REFUSED
    except LibraryError as exc:
        print(f"study-reader: {one_line(exc)}", file=sys.stderr)
        return LIBRARY
    except sqlite3.DatabaseError as exc:
        where = "the library is read-only here" if lib.read_only else shown(lib.path)
        print(f"study-reader: {where}: {one_line(exc)}", file=sys.stderr)
        return LIBRARY
    except OverflowError as exc:  # an id beyond SQLite's 64-bit integers
        print(f"study-reader: a number is too large ({one_line(exc)})", file=sys.stderr)
        return USAGE
    except BrokenPipeError:
        raise
    except OSError as exc:
        print(f"study-reader: {shown(exc.filename or '')}: {exc.strerror or one_line(exc)}", file=sys.stderr)
        return REFUSED


def _import(lib: Library, args: argparse.Namespace) -> int:
    status = 0
    lessons_before = lib.lessons.count()
    for raw in args.paths:
        # Each file on its own: whatever goes wrong with one is one line naming it, and the rest
        # are still imported.
        path = Path(raw)
        try:
            status = _import_one(lib, path, args) or status
        except ImportRefused as exc:
            print(f"study-reader: {shown(path)}: {one_line(exc)}", file=sys.stderr)
            status = REFUSED
        except OSError as exc:
            print(f"study-reader: {shown(path)}: cannot read the file ({exc.strerror or exc})", file=sys.stderr)
            status = REFUSED
        except (LibraryError, sqlite3.DatabaseError, BrokenPipeError):
            raise  # the library or the output is the problem, not this file
        except Exception as exc:  # a defect in an importer must not cost the other files
            print(f"study-reader: {shown(path)}: not imported ({type(exc).__name__}: {one_line(exc)})"[:300],
                  file=sys.stderr)
            status = REFUSED
    lib.search.index_pending()
    if lib.lessons.count() != lessons_before:  # a refused or repeated file leaves the library as it was
        lib.study.levels.level_pending()
    return status


def _import_one(lib: Library, path: Path, args: argparse.Namespace) -> int:
    """Import one file (or pack) and print what became of it; returns its exit status."""
    if is_pack(path):  # a lesson pack: its lessons and the tutor's edits
        return import_pack(lib, path)
    data = read_page(path)
    earlier = None if args.new else earlier_copy(lib, path.name, data)
    if earlier is not None:  # as the window asks (Update / Import as new / Cancel): the CLI is told which
        print(
            f"study-reader: {shown(path)}: lesson {earlier[0]} (“{earlier[1]}”) was imported from a file of this"
            f" name, changed since: `study-reader reimport {earlier[0]} {shown(path)}` updates it, `import --new`"
            " makes another lesson",
            file=sys.stderr,
        )
        return REFUSED
    result = lib.lessons.import_bytes(data, path.name)
    if args.json:
        r = result.report
        print(
            json.dumps(
                {"path": str(path), "id": result.lesson_id, "title": result.title, "created": result.created,
                 **dataclasses.asdict(r)},
                ensure_ascii=False,
            )
        )
        return 0
    print(f"{shown(path)}: {result.line()}")
    chapters = [(c.lesson_id, c.title, c.line()) for c in result.chapters or [result]]
    for _id, _title, line in chapters[1:]:  # a book: one lesson per chapter; a page of posts: one per post
        print(f"{shown(path)}: {line}")
    if len(chapters) > 1:
        print(f"{len(chapters)} lessons from {shown(path)}")
    if args.report:
        _print_report(lib, chapters)
    return 0


def _list(lib: Library, args: argparse.Namespace) -> int:
    rows = lib.lessons.list()
    if args.json:
        print(json.dumps([r.__dict__ for r in rows], ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        count = plural(r.paragraphs, "paragraph")
        print(f"{r.id}	{r.imported_at[:10]}	{count}	{whole_percent(r.progress)}	{r.title}")
    return 0


def _show(lib: Library, args: argparse.Namespace) -> int:
    if args.levels:
        from reader.cli.levels import print_levels

        return print_levels(lib, args.id, args.json)
    if args.lines:
        return print_lines(lib, args.id, args.json)
    try:
        lesson = lib.lessons.get(args.id)
    except KeyError:
        print(f"study-reader: no lesson with id {args.id}", file=sys.stderr)
        return REFUSED
    if args.json:
        print(json.dumps(lesson.to_json(), ensure_ascii=False, indent=2))
        return 0
    print(lesson.title)
    print("=" * min(80, len(lesson.title)))
    for caption in lesson.captions:
        print(f"[{caption}]")
    for i, block in enumerate(lesson.blocks):
        print()
        print(f"## {block.text}" if block.kind == "heading" else f"{i}. {block.text}")
        for lang, text in block.all_translations.items():
            print(f"   ({lang}) {text}")
    if lesson.notes:
        print("\nNotes")
        for note in lesson.notes:
            where = ""
            if note.anchor:
                a = note.anchor
                where = f" → “{lesson.blocks[a.block].text[a.start : a.end]}” in paragraph {a.block}"
            print(f"{note.marker}{where}: {note.text}" + (f" ({note.source_url})" if note.source_url else ""))
    if lesson.glossary:
        print(f"\n{lesson.glossary_heading or 'Words'}")
        for g in lesson.glossary:
            print("  " + " ".join(x for x in (g.term, g.pos, g.definition, g.translation) if x))
    if lesson.unplaced:
        print("\nNot placed (place these by hand):")
        for u in lesson.unplaced:
            print(f"  ({u.lang}) {u.text}")
    return 0


def _search(lib: Library, args: argparse.Namespace) -> int:
    hits = lib.search.query(args.query, limit=args.limit)
    if args.json:
        print(json.dumps([h.__dict__ for h in hits], ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print(f"no matches for {args.query!r}")
        return 0
    for h in hits:
        where = "title" if h.block_pos < 0 else f"paragraph {h.block_pos}"
        print(f"{h.lesson_id}\t{h.title}\t{where} ({h.lang})\t{h.snippet}")
    return 0


def _print_report(lib: Library, chapters: list[tuple[int, str, str]]) -> None:
    """The fuller report of one import (of each chapter, for a book)."""
    from library.report import report_lines

    for lesson_id, title, _line in chapters:
        if len(chapters) > 1:
            print(f"  chapter {lesson_id}: {title}")
        for line in report_lines(lib.lessons.get(lesson_id)):
            print(line)


HANDLERS = {"import": _import, "list": _list, "show": _show, "search": _search, "backup": backup_command}
HANDLERS.update(STUDY_HANDLERS)
HANDLERS.update({"export": export_command, "pack": pack_command})
HANDLERS.update(PROFILE_HANDLERS)
HANDLERS.update({"fix": fix_command, "reimport": reimport_command})
HANDLERS.update(READ_NEXT_HANDLERS)
