"""Exporting my words: an Anki package (.apkg) whose ids are stable, so importing a newer export
updates the notes instead of duplicating them; and CSV."""

from __future__ import annotations

import csv
import hashlib
import html
import itertools
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from library.files import write_atomically
from library.study.words import Word, form_in

# A cell a spreadsheet would read as a formula (=HYPERLINK(…) opens a link, DDE runs programs):
# what OWASP's CSV-injection guidance lists, tab and carriage return included.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

FIELDS = ("Word", "Lemma", "Status", "Gloss", "Sentence", "Translation", "Note")
CSV_FIELDS = (
    "word",
    "lemma",
    "status",
    "gloss",
    "sentence",
    "sentence_translation",
    "note",
    "lesson_id",
    "created_at",
    "updated_at",
)


def stable_id(name: str) -> int:
    """A fixed Anki id (model or deck) from a name: the same on every machine and every export."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:6], "big") | (1 << 40)


def note_guid(word: Word, profile_id: int = 1) -> str:
    """A note's guid from the word's lemma, so a re-export updates the same note."""
    import genanki

    return str(genanki.guid_for("study-reader", profile_id, word.lemma))


def _cloze_sentence(word: Word) -> str:
    """The sentence with the saved word in bold."""
    span = form_in(word.sentence, word)
    if span is None:
        return html.escape(word.sentence)
    start, end = span
    s = word.sentence
    return f"{html.escape(s[:start])}<b>{html.escape(s[start:end])}</b>{html.escape(s[end:])}"


def export_anki(
    words: Iterable[Word], path: str | Path, deck_name: str = "Study Reader — my words", profile_id: int = 1
) -> int:
    """Write an .apkg holding one note per word; returns how many."""
    import genanki

    model = genanki.Model(
        stable_id("study-reader model v1"),
        "Study Reader word",
        fields=[{"name": f} for f in FIELDS],
        templates=[
            {
                "name": "Word → meaning",
                "qfmt": "<div class=word>{{Word}}</div><div class=sentence>{{Sentence}}</div>",
                "afmt": "{{FrontSide}}<hr id=answer><div class=gloss>{{Gloss}}</div>"
                "<div class=translation>{{Translation}}</div><div class=note>{{Note}}</div>",
            }
        ],
        css=".card{font-family:sans-serif;font-size:20px;text-align:center}"
        ".word{font-size:32px;font-weight:bold;margin-bottom:12px}.sentence{font-size:18px;color:#444}"
        ".translation{font-size:17px;color:#24405f;margin-top:8px}.gloss{font-size:20px}.note{color:#666}",
    )
    deck = genanki.Deck(stable_id(f"study-reader deck {profile_id}"), deck_name)
    count = 0
    for word in words:
        fields = [
            html.escape(word.text),
            html.escape(word.lemma),
            word.status,
            html.escape(word.gloss),
            _cloze_sentence(word),
            html.escape(word.sentence_translation),
            html.escape(word.note),
        ]
        deck.add_note(
            genanki.Note(
                model=model, fields=fields, guid=note_guid(word, profile_id), tags=[f"study-reader::{word.status}"]
            )
        )
        count += 1
    write_atomically(path, lambda part: _write_package(genanki.Package(deck), part))
    return count


def _write_package(package: Any, dest: Path) -> None:
    """Write an Anki package as genanki's `write_to_file` does, but with its collection in a
    temporary folder that is removed afterwards (genanki leaves its own in the temp folder)."""
    with tempfile.TemporaryDirectory(prefix="study-reader-anki-") as scratch:
        collection = Path(scratch) / "collection.anki2"
        conn = sqlite3.connect(collection)
        try:
            timestamp = time.time()
            package.write_to_db(conn.cursor(), timestamp, itertools.count(int(timestamp * 1000)))
            conn.commit()
        finally:
            conn.close()
        with zipfile.ZipFile(dest, "w") as out:
            out.write(collection, "collection.anki2")
            out.writestr("media", "{}")


def csv_safe(text: str) -> str:
    """A cell's text that a spreadsheet shows as text: a leading single quote before a formula start."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def export_csv(words: Iterable[Word], path: str | Path) -> int:
    """Write my words as CSV (UTF-8 with a BOM so spreadsheet programs read the Japanese), all at
    once so a kill leaves the previous export whole; returns how many."""
    count = 0

    def write(part: Path) -> None:
        nonlocal count
        with open(part, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(CSV_FIELDS)
            for w in words:
                texts = (w.text, w.lemma, w.status, w.gloss, w.sentence, w.sentence_translation, w.note)
                lesson = w.lesson_id if w.lesson_id is not None else ""
                writer.writerow([*(csv_safe(t) for t in texts), lesson, w.created_at, w.updated_at])
                count += 1

    write_atomically(path, write)
    return count
