"""`words seed` (mark many words known at once) and `read-next` (lessons nearest a target share of
unknown words). No Qt is imported here."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from library import Library
from library.errors import ImportRefused
from library.plural import plural
from library.study.levels import LEVELS
from library.study.read_next import DEFAULT_BAND, parse_band
from reader.cli.output import OK, USAGE, one_line, shown

READ_NEXT_COMMANDS = ("read-next", "level")


def add_seed_parser(wsub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """`words seed`: from a CEFR level, the most common words, an Anki deck or a word list."""
    w = wsub.add_parser("seed", parents=[common], help="mark many words known at once")
    source = w.add_mutually_exclusive_group(required=True)
    source.add_argument("--level", choices=LEVELS, type=str.upper, help="every word of CEFR A1 up to this level")
    source.add_argument("--top", type=int, metavar="N", help="the N most common English words")
    source.add_argument("--apkg", metavar="FILE", help="the first field of each note of an Anki deck")
    source.add_argument("--list", metavar="FILE", help="a word list: one a line, or CSV (the first column)")
    w.add_argument("--json", action="store_true")


def seed_command(lib: Library, args: argparse.Namespace) -> int:
    """Mark the words of one source known and say how many."""
    from library.study import seeding

    if args.level:
        listed = seeding.WordList(seeding.level_words(args.level))
        source = "CEFR A1" if args.level == "A1" else f"CEFR A1–{args.level}"
    elif args.top is not None:
        if not 1 <= args.top <= seeding.MAX_SEED:
            print(f"study-reader: --top takes 1 to {seeding.MAX_SEED:,}", file=sys.stderr)
            return USAGE
        listed, source = seeding.WordList(seeding.top_words(args.top)), f"the {args.top:,} most common words"
    elif args.apkg:
        listed, source = seeding.deck_list(Path(args.apkg)), shown(args.apkg)
    else:
        listed, source = seeding.read_list(Path(args.list)), shown(args.list)
    if (args.apkg or args.list) and not listed.words:  # an empty file, or nothing in it a word
        why = listed.skipped_text()
        raise ImportRefused(f"{source}: no {'notes' if args.apkg and not why else 'words'} in it"
                            + (f" ({why})" if why else ""))
    done = lib.study.seeding.seed(listed.words, listed.meanings)
    if not (args.apkg or args.list):  # a built-in list's forms of one word are not the learner's duplicates
        done.duplicates = 0
    if args.json:
        print(json.dumps({"marked": done.marked, "already_saved": done.already, "offered": done.offered,
                          "duplicates": done.duplicates, "cut": done.cut, "skipped": listed.skipped}))
        return OK
    if done.marked or not done.already:
        said = f"{plural(done.marked, 'word')} marked known from {source}"
        its = "its" if done.already == 1 else "their"
        asides = [f"{done.already:,} saved before kept {its} status"] if done.already else []
    else:  # every word of it was saved before: nothing to take back
        said, asides = f"0 words marked from {source}", [done.nothing_text()]
    if done.duplicates:  # the same word again, or another form of one given before
        asides.append(plural(done.duplicates, "duplicate"))
    if done.cut:
        asides.append(f"{done.cut:,} past the first {seeding.MAX_SEED:,} not read")
    if listed.skipped:
        asides.append(listed.skipped_text())
    print(said + (f" ({'; '.join(asides)})" if asides else ""))
    return OK


def add_read_next_command(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """`read-next`: the unfinished lessons nearest a target share of unknown words."""
    low, high = (round(x * 100) for x in DEFAULT_BAND)
    p = sub.add_parser("read-next", parents=[common], help="lessons to read next, by their share of unknown words")
    p.add_argument("--target", default=f"{low}-{high}", metavar="LOW-HIGH",
                   help=f"the share of unknown words to aim for, in percent (default: {low}-{high})")
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--json", action="store_true")
    sub.add_parser("level", parents=[common], help="work out the word levels of the lessons that have none yet"
                   " (or were levelled by another version), and the worksheets' word lists where they are not built")


def read_next_command(lib: Library, args: argparse.Namespace) -> int:
    """Print the lessons to read next, nearest the target band first."""
    try:
        band = parse_band(args.target)
    except ValueError as exc:
        print(f"study-reader: {one_line(exc)}", file=sys.stderr)
        return USAGE
    if args.limit < 1:
        print(f"study-reader: --limit is the number of lessons to list, 1 or more (not {args.limit})", file=sys.stderr)
        return USAGE
    lib.study.levels.level_pending()  # lessons imported before levelling existed
    found = lib.study.read_next.lessons(band, args.limit)
    if args.json:
        rows = [{"id": n.lesson_id, "title": n.title, "unknown_share": round(n.unknown_share, 4), "words": n.words}
                for n in found]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return OK
    if not found:
        print("no unfinished lesson to suggest")
    elif lib.study.read_next.knows_no_words():
        print("every lesson is 100% unknown until you mark the words you know (words seed --level A2)")
    for n in found:
        inside = "*" if not n.distance(*band) else " "
        print(f"{n.lesson_id:>5} {inside} {n.unknown_share:6.1%} unknown  {n.title}")
    return OK


def level_command(lib: Library, args: argparse.Namespace) -> int:
    """Level every lesson not levelled yet, then build the levelled worksheet's per-machine word
    lists where they are missing or stale (the window has this done in a process of its own, once
    it is up, so that the word lists never take room in the window's memory, and a first worksheet
    reads a few rows)."""
    from library.study import distractor_table

    print(f"{plural(lib.study.levels.level_pending(), 'lesson')} levelled", flush=True)
    distractor_table.ensure()  # after the levels are committed: the window shows them meanwhile
    return OK


READ_NEXT_HANDLERS = {"read-next": read_next_command, "level": level_command}
