"""The studying subcommands: `lookup`, `dictionary build|import|list|remove`, `words list|add|export`.
No Qt is imported here."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

from library import Library
from library.study.dictionary import INSTALL_HINT, DictionaryError
from library.study.export import export_anki, export_csv
from library.study.levels import word_level_info
from library.study.meanings import fill_meanings
from library.study.saved_levels import level_matches, level_rank, parse_level_filter, prepare, saved_word_level
from library.study.seeding import NOT_A_WORD
from library.study.typed_words import saved_as, typed_word, why_not_a_word
from library.study.words import SORTS, STATUSES
from library.wordforms import forms_of, lemma_of
from reader.cli.output import OK, REFUSED, USAGE, one_line, shown
from reader.cli.seeding import add_seed_parser, seed_command

STUDY_COMMANDS = ("lookup", "dictionary", "words")


def add_study_commands(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Register the studying subcommands."""
    p = sub.add_parser("lookup", parents=[common], help="look a word or phrase up (English → Japanese)",
                       usage="study-reader lookup [options] PHRASE")
    p.add_argument("word", nargs="+", metavar="PHRASE",
                   help="a word, or the words of one phrase (lookup give up): words given are looked up together,"
                   " as one phrase; look up other words with a lookup each")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=8)
    p = sub.add_parser("dictionary", parents=[common], help="build the offline dictionary, or import your own")
    dsub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    dsub.add_parser("build", parents=[common], help="build the English→Japanese table from JMdict (once)")
    d = dsub.add_parser(
        "import", parents=[common], help="import your own dictionary (CSV or TSV: English, Japanese[, reading[, note]])"
    )
    d.add_argument("file", metavar="FILE")
    d.add_argument("--name", help="the dictionary's name (default: the file's name)")
    dsub.add_parser("list", parents=[common], help="the dictionaries and their sizes")
    d = dsub.add_parser("remove", parents=[common], help="remove one of your own dictionaries")
    d.add_argument("name")
    p = sub.add_parser("words", parents=[common], help="my words: list, add, export, seed")
    wsub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    w = wsub.add_parser("list", parents=[common], help="the saved words")
    w.add_argument("--status", choices=STATUSES)
    w.add_argument("--lesson", type=int, metavar="ID", help="only words saved from this lesson")
    w.add_argument(
        "--level",
        type=_level_filter,
        metavar="LEVEL",
        help="only words of this CEFR level (A1…C2), of a level and above (B2+), or without one (none)",
    )
    w.add_argument(
        "--sort",
        choices=(*SORTS, "level"),
        default="date",
        help="order (default: date saved, newest first; level: A1 to C2, words without a level last)",
    )
    w.add_argument("--json", action="store_true")
    w = wsub.add_parser("add", parents=[common], help="save words (each argument one word; quote a phrase)")
    w.add_argument("word", nargs="+", help='a word, or a phrase in quotes ("give up")')
    w.add_argument("--status", choices=STATUSES, help="new for a word not saved before; one saved keeps its own")
    w.add_argument("--note")
    w = wsub.add_parser("export", parents=[common], help="export to Anki (.apkg) or CSV")
    w.add_argument("--anki", metavar="FILE", help="write an Anki package")
    w.add_argument("--csv", metavar="FILE", help="write a CSV file")
    w.add_argument("--status", choices=STATUSES, help="only words with this status")
    add_seed_parser(wsub, common)  # words seed --level/--top/--apkg/--list


def _level_filter(value: str) -> str:
    """`--level`'s value, or the usage error that names the values allowed (exit status 2)."""
    try:
        return parse_level_filter(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _glossary_entries(lib: Library, word: str) -> list[dict[str, Any]]:
    """Entries of the lessons' own word lists for any form of the word."""
    forms = sorted(forms_of(lemma_of(word)) | {" ".join(word.lower().split())})
    marks = ",".join("?" * len(forms))
    rows = lib.db.execute(
        "SELECT g.term, g.part_of_speech, g.definition, g.translation, g.lesson_id,"
        f" coalesce(l.user_title, l.title) FROM glossary g JOIN lessons l ON l.id = g.lesson_id"
        f" WHERE lower(g.term) IN ({marks}) ORDER BY g.lesson_id DESC LIMIT 10",
        forms,
    ).fetchall()
    return [
        {"term": r[0], "pos": r[1], "definition": r[2], "translation": r[3], "lesson_id": r[4], "lesson": r[5]}
        for r in rows
    ]


def _fill_meanings(lib: Library) -> None:
    """Words saved before the dictionary existed get its meaning, as the window gives them."""
    try:
        fill_meanings(lib.study.words, lib.study.dictionary)
    except (DictionaryError, sqlite3.DatabaseError) as exc:  # a damaged dictionary must not stop a listing
        print(f"study-reader: meanings not filled in: {one_line(exc)}", file=sys.stderr)


def lookup_command(lib: Library, args: argparse.Namespace) -> int:
    """Print the dictionary entries, the lessons' glossary entries and the saved word for a word."""
    word = " ".join(args.word)
    dictionary = lib.study.dictionary
    if dictionary.jmdict_state() == "unbuilt":
        print("building the offline dictionary from JMdict (once; this takes a little while)…", file=sys.stderr)
    try:
        found = dictionary.lookup(word, limit=args.limit, auto_build=True)
    except DictionaryError as exc:
        print(f"study-reader: {one_line(exc)}", file=sys.stderr)
        return REFUSED
    glossary = _glossary_entries(lib, word)
    _fill_meanings(lib)
    saved = lib.study.words.get(word)
    missing = found.jmdict == "missing"
    if args.json:
        out = found.to_json()
        out["glossary"] = glossary
        out["saved"] = saved.to_json() if saved else None
        if " " not in word.strip():
            out.update(word_level_info(word.strip()).to_json())
        if missing:
            out["hint"] = f"the offline JMdict dictionary is not installed: {INSTALL_HINT}"
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0 if found.senses or glossary else 1
    others = [k for k in found.lemmas if k != word.strip().lower()]  # the lemmas tried besides the word itself
    print(word + (f"  (lemma: {', '.join(others)})" if others else ""))
    for s in found.senses:
        source = "" if s.source == "jmdict" else f"  [{s.source.removeprefix('user:')}]"
        print(f"  {s.line()}{source}")
    for g in glossary:
        print(
            f"  in “{g['lesson']}”: "
            + " ".join(x for x in (g["term"], g["pos"], g["definition"], g["translation"]) if x)
        )
    if " " not in word.strip():
        info = word_level_info(word.strip())
        shown_level = (info.level or "unlisted") + (" (estimated from its frequency)" if info.estimated else "")
        print(f"  level: {shown_level}, among the {info.band} most common words" if info.band != "rarer"
              else f"  level: {shown_level}, rarer than the 10k most common words")
    if saved:
        print(f"  my words: {saved.status}" + (f" — {saved.note}" if saved.note else ""))
    if missing:
        print(
            f"The offline English→Japanese dictionary (JMdict) is not installed. Install it with:\n"
            f"  {INSTALL_HINT}\nthen run: study-reader dictionary build",
            file=sys.stderr,
        )
    if not found.senses and not glossary:
        print(f"no entries for {word!r}")
        return 1
    return 0


def dictionary_command(lib: Library, args: argparse.Namespace) -> int:
    """Build, import, list or remove dictionaries."""
    dictionary = lib.study.dictionary
    try:
        if args.action == "build":
            info = dictionary.build_jmdict(progress=lambda m: print(m, file=sys.stderr))
            size = info["bytes"] / 1_000_000
            print(
                f"built {info['rows']} senses under {info['keys']} English keys in {info['seconds']} s;"
                f" {size:.1f} MB at {info['path']}"
            )
        elif args.action == "import":
            n = dictionary.import_file(args.file, args.name)
            print(f"imported {n} entries from {shown(args.file)} as “{args.name or Path(args.file).stem}”")
        elif args.action == "list":
            meta = dictionary.meta()
            state = dictionary.jmdict_state()
            print(
                f"JMdict: {state}"
                + (f" (built {meta.get('jmdict.built')})" if state in ("ready", "stale") else "")
                + (" — out of date: it answers, and `dictionary build` (or the window's next start) builds"
                   " it again" if state == "stale" else "")
                + (f" — install it with: {INSTALL_HINT}" if state == "missing" else "")
            )
            for source, n in dictionary.sources().items():
                if source != "jmdict":
                    print(f"{source.removeprefix('user:')}: {n} entries")
        elif args.action == "remove":
            n = dictionary.remove(args.name)
            if not n:
                print(f"study-reader: no dictionary called {args.name!r}", file=sys.stderr)
                return REFUSED
            print(f"removed {args.name} ({n} entries)")
    except DictionaryError as exc:  # a dictionary file refused, or the dictionary cannot be built
        print(f"study-reader: {one_line(exc)}", file=sys.stderr)
        return REFUSED
    return OK


def words_command(lib: Library, args: argparse.Namespace) -> int:
    """List, add or export my words."""
    words = lib.study.words
    if args.action == "seed":
        return seed_command(lib, args)
    if args.action == "list":
        known = lib.db.execute("SELECT 1 FROM lessons WHERE id = ?", [args.lesson]).fetchone()
        if args.lesson is not None and not known:
            print(f"study-reader: no lesson with id {args.lesson}", file=sys.stderr)
            return 1
        _fill_meanings(lib)
        table = words.table(args.status, args.lesson, "word" if args.sort == "level" else args.sort)
        prepare(w.text for w in table)
        levels = {w.id: saved_word_level(w.text, w.sentence) for w in table}
        if args.level:
            table = [w for w in table if level_matches(levels[w.id], args.level)]
        if args.sort == "level":
            table.sort(key=lambda w: (level_rank(levels[w.id]), w.text.casefold()))  # by the word shown
        if args.json:
            print(json.dumps([{**w.to_json(), "level": levels[w.id]} for w in table], ensure_ascii=False, indent=2))
            return 0
        for w in table:
            print(
                f"{w.status:<9} {w.text}"
                + (f" ({w.lemma})" if w.lemma != w.text.lower() else "")
                + (f" [{levels[w.id] or '—'}]" if args.level or args.sort == "level" else "")
                + (f" — {w.gloss}" if w.gloss else "")
                + (f"  [due {w.due[:10]}]" if args.sort == "due" and w.due else "")
            )
        return 0
    if args.action == "add":
        return _add_words(lib, args)
    if not args.anki and not args.csv:
        print("study-reader: say where to export: --anki FILE and/or --csv FILE", file=sys.stderr)
        return USAGE
    rows = words.list(args.status)
    if args.anki:
        n = export_anki(rows, args.anki, profile_id=words.profile_id)
        print(f"exported {n} words to {shown(args.anki)}")
    if args.csv:
        n = export_csv(rows, args.csv)
        print(f"exported {n} words to {shown(args.csv)}")
    return OK


def _add_words(lib: Library, args: argparse.Namespace) -> int:
    """`words add`: each argument one word or phrase (`words add resilient tangible` saves two, `words
    add "give up"` one phrase). One argument that is not a word refuses the whole command; a word
    saved already keeps its status unless --status is given."""
    words = lib.study.words
    typed = [typed_word(a) for a in args.word]
    for raw, text in zip(args.word, typed, strict=True):
        why = why_not_a_word(text)
        if why is not None:
            shown_word = raw if len(raw) <= 40 else raw[:40] + "…"
            why = "not a word or a phrase: letters, with ' and - inside" if why == NOT_A_WORD else why
            print(f"study-reader: {shown_word!r} not saved: {why}", file=sys.stderr)
            return REFUSED
    for text in dict.fromkeys(typed):
        head = saved_as(text)
        old = words.get(head)
        word = words.save(head, args.status, note=args.note, written=text)
        if old is None:
            print(f"saved {word.text} as {word.status}")
        elif old.status != word.status:
            print(f"saved {word.text} as {word.status} (it was {old.status})")
        else:
            print(f"{word.text} is saved already ({word.status})")
    return OK


STUDY_HANDLERS = {"lookup": lookup_command, "dictionary": dictionary_command, "words": words_command}
