"""Page-view commands: `show ID --lines [--json]`, `fix ID N ROLE [--to M]` and the other
changes to a lesson's lines, `fix ID --undo`, `fix ID --swap-languages`, and `reimport ID`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from library import ImportRefused, Library
from library.lessons import read_page
from library.pagelines import SETTABLE, DecisionError, PageLine
from library.pageroles import NoSuchTarget
from library.plural import plural
from library.sourcefile import reimport_from
from reader.cli.delete_ask import delete_go_ahead
from reader.cli.fixsaid import changes_said, undone_said
from reader.cli.output import OK, REFUSED, USAGE, one_line, shown
from reader.cli.parsing import number
from reader.cli.reimport_loss import go_ahead

PAGE_COMMANDS = ("fix", "reimport")
ROLE_NAMES = tuple(str(r) for r in SETTABLE)


def add_page_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add `fix` and `reimport` to the command line's subcommands."""
    p = sub.add_parser(
        "fix",
        parents=[common],
        help="change a line of a lesson's page (see `show ID --lines`): its role, text, or place",
    )
    p.add_argument("id", type=number)
    p.add_argument("n", type=number, nargs="?", metavar="N", help="the line's number")
    p.add_argument("role", nargs="?", metavar="ROLE", help=f"the line's new role: {', '.join(ROLE_NAMES)}")
    p.add_argument("--to", type=number, metavar="M", help="for a translation: the paragraph (block) it translates")
    # The changes exclude each other; that is checked in fix_command so that a clash is refused in one line.
    p.add_argument("--undo", action="store_true", help="take the last change back")
    p.add_argument("--join", action="store_true", help="join line N with the line after it")
    p.add_argument("--split", type=number, metavar="AT", help="split line N in two at character AT")
    p.add_argument("--text", metavar="TEXT", help="replace line N's text")
    p.add_argument("--delete", action="store_true", help="take line N out of the lesson")
    p.add_argument("--move", choices=("up", "down"), help="move line N up or down")
    p.add_argument(
        "--split-lesson", action="store_true", help="line N and the lines after it become a lesson of their own"
    )
    p.add_argument(
        "--swap-languages",
        action="store_true",
        help="the lines taken as translations are the English, and the paragraphs their translations",
    )
    p.add_argument("--json", action="store_true", help="print the lines after the change as JSON")
    p.add_argument("--yes", action="store_true", help="with --delete: delete a paragraph holding your own work")
    p = sub.add_parser(
        "reimport",
        parents=[common],
        help="import a lesson again from its stored source, or from FILE (a changed copy of it), keeping the changes"
        " to its lines",
    )
    p.add_argument("id", type=number)
    p.add_argument("file", nargs="?", metavar="FILE", help="the changed copy of the lesson's source file to read")
    p.add_argument("--yes", action="store_true",
                   help="re-import even where the user's own translations or questions would find no text (lost), or"
                        " FILE has almost nothing in common with the lesson")


def print_lines(lib: Library, lesson_id: int, as_json: bool) -> int:
    """`show ID --lines`: each line's number, role, target, confidence and text."""
    try:
        lines = lib.pages.lines(lesson_id)
    except KeyError:
        print(f"study-reader: no lesson with id {lesson_id}", file=sys.stderr)
        return REFUSED
    except ImportRefused as exc:
        print(f"study-reader: lesson {lesson_id}: its source cannot be read again ({one_line(exc)})", file=sys.stderr)
        return REFUSED
    _print(lines, as_json)
    return OK


def _print(lines: list[PageLine], as_json: bool) -> None:
    if as_json:
        print(json.dumps([ln.to_json() for ln in lines], ensure_ascii=False, indent=2))
        return
    numbers = _paragraph_numbers(lines)
    for ln in lines:
        role = str(ln.role)
        # The block index (what --to M takes) and, for a paragraph, its ¶N as the window counts it.
        for k, target in enumerate(ln.targets or ((ln.target,) if ln.target is not None else ())):
            role = f"{role}{',' if k else ' →'} {target}" + (f" ¶{numbers[target]}" if target in numbers else "")
        if ln.block is not None:
            role = f"{role} {ln.block}" + (f" ¶{numbers[ln.block]}" if ln.block in numbers else "")
        print(f"{ln.n}\t{role}\t{ln.confidence:.1f}\t{ln.text}")


def _paragraph_numbers(lines: list[PageLine]) -> dict[int, int]:
    """Each paragraph block's ¶N as the window and the reader count them (1, 2, …; headings not counted)."""
    numbers: dict[int, int] = {}
    for ln in lines:
        if ln.role == "paragraph" and ln.block is not None and ln.block not in numbers:
            numbers[ln.block] = len(numbers) + 1
    return numbers


def fix_command(lib: Library, args: argparse.Namespace) -> int:
    """`fix ID N ROLE [--to M]`, `fix ID N --join|--split AT|--text T|--delete|--move up|down`, `fix ID --undo`,
    `fix ID --swap-languages`."""
    pages = lib.pages
    clash = _clash(args)
    if clash:
        print(f"study-reader: {clash}", file=sys.stderr)
        return USAGE
    try:
        lib.lessons.get(args.id)
    except KeyError:
        print(f"study-reader: no lesson with id {args.id}", file=sys.stderr)
        return REFUSED
    titled = _has_title_line(lib, args.id)
    before = pages.decisions(args.id)
    try:
        if args.undo:
            if pages.undo(args.id) is None:
                print(f"study-reader: lesson {args.id} has no change to take back", file=sys.stderr)
                return REFUSED
        elif args.swap_languages:
            pages.swap_languages(args.id)
        elif args.n is None:
            print("study-reader: fix needs a line number N (see `show ID --lines`) or --undo", file=sys.stderr)
            return USAGE
        elif args.join:
            pages.join(args.id, args.n)
        elif args.split is not None:
            pages.split(args.id, args.n, args.split)
        elif args.text is not None:
            pages.set_text(args.id, args.n, args.text)
        elif args.delete:
            if not delete_go_ahead(lib, args.id, args.n, args.yes):
                return REFUSED
            pages.delete(args.id, args.n)
        elif args.move is not None:
            pages.move(args.id, args.n, -1 if args.move == "up" else 1)
        elif args.split_lesson:
            made = pages.split_lesson(args.id, args.n)
            print(f"{made}\t{lib.lessons.get(made).title}\tsplit off lesson {args.id} from line {args.n}")
        elif args.role is None:
            print(f"study-reader: fix ID N needs a role ({', '.join(ROLE_NAMES)}) or a change", file=sys.stderr)
            return USAGE
        elif args.role not in ROLE_NAMES:
            print(f"study-reader: no such role: {args.role!r} (roles: {', '.join(ROLE_NAMES)})", file=sys.stderr)
            return USAGE
        else:
            pages.set_role(args.id, args.n, args.role, args.to)
    except NoSuchTarget as exc:  # --to M names no block this line can translate
        print(f"study-reader: lesson {args.id}: {one_line(exc)}", file=sys.stderr)
        return USAGE
    except DecisionError as exc:
        print(f"study-reader: lesson {args.id}: {one_line(exc)}", file=sys.stderr)
        return REFUSED
    except ImportRefused as exc:
        print(f"study-reader: lesson {args.id}: its source cannot be read again ({one_line(exc)})", file=sys.stderr)
        return REFUSED
    lib.search.index_pending()
    lib.study.levels.level_pending()  # the lesson's text changed: its levels are worked out again
    if not args.split_lesson and not args.json:  # (that one said the lesson it made; JSON is the lines alone)
        after = pages.decisions(args.id)
        said = undone_said(before[-1]) if args.undo else changes_said(after[len(before) :], args.split)
        print(f"{args.id}\t{said}")
    if titled and not _has_title_line(lib, args.id):
        print(f"{args.id}\tthe lesson has no title line now: its title is “{lib.lessons.get(args.id).title}”")
    if args.json:
        _print(pages.lines(args.id), True)
    return OK


def _has_title_line(lib: Library, lesson_id: int) -> bool:
    """True where one of the lesson's lines has the title role (False for a page that cannot be read)."""
    try:
        return any(ln.role == "title" for ln in lib.pages.lines(lesson_id))
    except (ImportRefused, DecisionError):
        return False


def _changes(args: argparse.Namespace) -> list[str]:
    """The change options given (each of them excludes the others)."""
    given = {
        "--undo": args.undo,
        "--join": args.join,
        "--split": args.split is not None,
        "--text": args.text is not None,
        "--delete": args.delete,
        "--move": args.move is not None,
        "--split-lesson": args.split_lesson,
        "--swap-languages": args.swap_languages,
    }
    return [name for name, on in given.items() if on]


def _clash(args: argparse.Namespace) -> str:
    """Why the options given do not go together, or "" when they do."""
    changes = _changes(args)
    if len(changes) > 1:
        return f"fix takes one change at a time, not {' and '.join(changes)}"
    if changes and args.role is not None:
        return f"give a role or a change ({changes[0]}), not both"
    if args.to is not None and changes:
        return f"--to goes with the role translation, not with {changes[0]}"
    if args.to is not None and args.role is not None and args.role != "translation":
        return f"--to goes with the role translation, not with {args.role}"
    if args.to is not None and args.role is None:
        return "--to goes with the role translation (fix ID N translation --to M)"
    if args.undo and args.n is not None:
        return "fix ID --undo takes no line number"
    if args.swap_languages and args.n is not None:
        return "fix ID --swap-languages takes no line number (it swaps the whole page)"
    return ""


def reimport_command(lib: Library, args: argparse.Namespace) -> int:
    """`reimport ID [FILE]`: the lesson imported again from FILE (which becomes its source) or from its stored
    source, its decisions kept where their lines are; it says which it read."""
    try:
        if args.file is None:
            if not go_ahead(lib, args.id, lib.lessons.source(args.id), args.yes):
                return REFUSED
            missed, read = lib.pages.reimport(args.id), "its stored source"
        else:
            path = Path(args.file)
            try:
                data = read_page(path)
            except OSError as exc:
                print(f"study-reader: {shown(path)}: cannot read the file ({exc.strerror or exc})", file=sys.stderr)
                return REFUSED
            if not go_ahead(lib, args.id, data, args.yes, args.file):
                return REFUSED
            missed, read = reimport_from(lib, args.id, data), shown(path)
    except KeyError:
        print(f"study-reader: no lesson with id {args.id}", file=sys.stderr)
        return REFUSED
    except (DecisionError, ImportRefused) as exc:
        print(f"study-reader: lesson {args.id}: {one_line(exc)}", file=sys.stderr)
        return REFUSED
    lib.search.index_pending()
    lib.study.levels.level_pending()
    kept = plural(len(lib.pages.decisions(args.id)), "change")
    lost = lib.pages.lost
    print(f"{args.id}\treimported from {read}\t{kept} kept\t{len(missed) + len(lost)} not kept")
    for d in missed:
        why = lib.pages.not_kept.get(d, "the line is no longer on the page")
        print(f"  not kept: {d.op} of line {d.n} “{d.text[:60]}” ({why})")
    for said in lost:
        print(f"  not kept: {said}")
    return OK
