"""Teaching commands: `export ID --pdf FILE` (handouts, worksheets) and `pack export` (lesson packs).

Only `export --pdf` needs Qt (to lay out and print the PDF); it starts an offscreen
QGuiApplication when it runs, so every other command stays Qt-free.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from library import ImportRefused, Library
from library.errors import WriteRefused
from library.files import check_destination, write_atomically
from library.packs import Packs, is_pack
from reader.cli.output import OK, REFUSED, one_line, shown


def add_teaching_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add `export` and `pack` to the command line's subcommands."""
    p = sub.add_parser("export", parents=[common], help="export a lesson as a PDF handout or worksheet")
    p.add_argument("id", type=int)
    p.add_argument("--pdf", metavar="FILE", required=True, help="the PDF file to write")
    p.add_argument("--translations", action="store_true", help="print each paragraph's translation under it")
    p.add_argument("--notes", action="store_true", help="print the notes at the end, after the word list")
    p.add_argument("--glossary", action="store_true", help="print the word list")
    p.add_argument("--questions", action="store_true", help="print the comprehension questions")
    p.add_argument("--worksheet", action="store_true", help="a gap-fill worksheet of the word-list words")
    p.add_argument("--answers", action="store_true", help="the worksheet's answer key")
    p = sub.add_parser("pack", help="lesson packs: several lessons and your edits in one file")
    pack_sub = p.add_subparsers(dest="pack_command", metavar="ACTION", required=True)
    e = pack_sub.add_parser("export", parents=[common], help="write lessons to a .studypack file")
    e.add_argument("ids", type=int, nargs="+", metavar="ID")
    e.add_argument("-o", "--output", required=True, metavar="FILE.studypack")


def packs_of(lib: Library) -> Packs:
    """The library's packs area."""
    return getattr(lib, "packs", None) or Packs(lib.db, lib.lessons, lib.editing)


def import_pack(lib: Library, path: Path) -> int:
    """Import one pack, printing a line per lesson; returns the exit status."""
    try:
        result = packs_of(lib).import_pack(path)
    except ImportRefused as exc:
        print(f"study-reader: {shown(path)}: {one_line(exc)}", file=sys.stderr)
        return REFUSED
    for line in result.lines():
        print(f"{shown(path)}: {line}")
    return OK


def pack_command(lib: Library, args: argparse.Namespace) -> int:
    """`pack export ID... -o FILE`."""
    out = Path(args.output)
    if not is_pack(out):
        out = out.with_name(out.name + ".studypack")
    try:
        check_destination(out)  # a pipe or device would be replaced by the renamed pack
        count = packs_of(lib).export(list(args.ids), out)
    except WriteRefused as exc:
        print(f"study-reader: {one_line(exc)}", file=sys.stderr)
        return REFUSED
    except KeyError as exc:
        print(f"study-reader: no lesson with id {exc.args[0]}", file=sys.stderr)
        return REFUSED
    except OSError as exc:
        print(f"study-reader: {shown(out)}: cannot write the pack ({exc.strerror or exc})", file=sys.stderr)
        return REFUSED
    print(f"{shown(out)}: {count} lesson{'s' if count != 1 else ''}")
    return OK


def pdf_is_whole(path: Path) -> bool:
    """Whether a file is a PDF written to its end (its header, and the end-of-file marker near its end)."""
    with path.open("rb") as f:
        head = f.read(5)
        f.seek(max(0, path.stat().st_size - 1024))
        return head == b"%PDF-" and b"%%EOF" in f.read()


def export_command(lib: Library, args: argparse.Namespace) -> int:
    """`export ID --pdf FILE [options]`: a handout, a worksheet or its answer key."""
    try:
        lesson = lib.lessons.get(args.id)
    except KeyError:
        print(f"study-reader: no lesson with id {args.id}", file=sys.stderr)
        return REFUSED
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from reader.teaching.handout import HandoutOptions, write_pdf

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    options = HandoutOptions(
        translations=args.translations,
        notes=args.notes,
        glossary=args.glossary,
        questions=args.questions,
        worksheet=args.worksheet,
        answers=args.answers,
    )
    try:
        # Written beside the target and renamed once whole: Qt's PDF writer reports no write
        # errors, so a full disk would otherwise leave an empty file and a claim of success.
        write_atomically(Path(args.pdf), lambda part: write_pdf(lesson, part, options), whole=pdf_is_whole)
    except WriteRefused as exc:
        print(f"study-reader: {one_line(exc)}", file=sys.stderr)
        return REFUSED
    kind = "answer key" if args.answers else "worksheet" if args.worksheet else "handout"
    print(f"{shown(args.pdf)}: {kind} of “{lesson.title}”")
    return OK
