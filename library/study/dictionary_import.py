"""The learner's own dictionaries from CSV or TSV, read as a stream: memory stays flat whatever the size.

A row is English, Japanese[, reading[, note]]; a header row is skipped. Files over
MAX_DICTIONARY_BYTES are refused by their size, unread; a cell over the csv module's field limit
(131,072 characters), a quote never closed or other malformed quoting is refused with its line
number. Control characters (NUL, ESC, C1) are removed from every cell and line breaks inside a
quoted cell become spaces: a lookup card or a terminal must not get them, and a cell of nothing
else is empty, so its row is skipped like any row without English or Japanese.
"""

from __future__ import annotations

import codecs
import csv
import io
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

MAX_DICTIONARY_BYTES = 64 * 1024 * 1024  # a big learner's dictionary is a few MB (JMdict as CSV is ~60 MB)
BATCH = 5000
_HEADERS = ("english", "word", "term", "en")
# Tab, line breaks and other spacing become spaces; every other control goes.
_CONTROLS = {c: " " if chr(c) in "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85" else None
             for c in (*range(0x20), 0x7F, *range(0x80, 0xA0))}

Row = tuple[str, int, str, str, str, str, str]


class DictionaryFileError(Exception):
    """A dictionary file that cannot be imported; str(exc) is one line saying why."""


def file_encoding(path: Path) -> str:
    """UTF-8 (with or without a mark), UTF-16 with a mark, or Shift_JIS: the first that decodes the
    whole file, checked in pieces so the file is never held in memory."""
    with path.open("rb") as fh:
        head = fh.read(4)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    for encoding in ("utf-8-sig", "cp932"):
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            with path.open("rb") as fh:
                while chunk := fh.read(1 << 20):
                    decoder.decode(chunk)
                decoder.decode(b"", final=True)
            return encoding
        except UnicodeDecodeError:
            continue
    raise DictionaryFileError("the file is not UTF-8, UTF-16 or Shift_JIS text")


def open_text(path: Path) -> IO[str]:
    """The file as text, checked for size and encoding first."""
    try:
        size = path.stat().st_size
        if size > MAX_DICTIONARY_BYTES:
            mb = 1024 * 1024
            limit = MAX_DICTIONARY_BYTES // mb
            raise DictionaryFileError(f"the file is too large ({size:,} bytes; the limit is {limit} MB)")
        encoding = file_encoding(path)
        return path.open("r", encoding=encoding, newline="")
    except OSError as exc:
        raise DictionaryFileError(f"cannot read the file ({exc.strerror or exc})") from exc


def normalise_key(text: str) -> str:
    """The form English keys are stored and looked up in: lower case, single spaces, plain apostrophes."""
    return " ".join(text.replace("’", "'").lower().split())


def is_tsv(path: Path, sample: str) -> bool:
    """Tab-separated by its suffix, or by a tab in its first lines."""
    return path.suffix.lower() in (".tsv", ".tab") or "\t" in sample


def rows_of(lines: Iterable[str], source: str, tsv: bool) -> Iterator[Row]:
    """Dictionary rows (rank 0 here; the store ranks them) from the file's lines."""
    # strict: a quote left open is an error, not a cell that swallows the rest of the file.
    reader = csv.reader(lines, delimiter="\t" if tsv else ",", strict=True)
    row_start = 1  # the line the row being read starts on
    try:
        for n, cells in enumerate(reader):
            row_start = reader.line_num + 1
            cells = [clean_cell(c) for c in cells]
            if len(cells) < 2 or not cells[0] or not cells[1] or cells[0].startswith("#"):
                continue
            if n == 0 and cells[0].lower() in _HEADERS:
                continue
            reading = cells[2] if len(cells) > 2 else ""
            note = cells[3] if len(cells) > 3 else ""
            yield normalise_key(cells[0]), 0, source, cells[1], reading, cells[0] + (f"; {note}" if note else ""), ""
    except csv.Error as exc:  # a field over 131,072 characters, a quote left open or misplaced
        if "unexpected end of data" in str(exc):
            raise DictionaryFileError(f"line {row_start}: a quote (\") opened in this row is never closed") from exc
        raise DictionaryFileError(f"line {reader.line_num}: {exc}") from exc


def clean_cell(cell: str) -> str:
    """A cell without control characters (line breaks and tabs made spaces), stripped."""
    if cell.isprintable():  # nearly every cell: no translate for it
        return cell.strip()
    return cell.translate(_CONTROLS).strip()


def store_rows(conn: sqlite3.Connection, source: str, rows: Iterable[Row]) -> int:
    """Replace `source`'s rows with `rows` in one transaction, in batches; rank each key's senses in
    file order. Nothing changes if reading fails part way."""
    count = 0
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("DELETE FROM entries WHERE source = ?", [source])
        batch: list[Row] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH:
                count += _insert(conn, batch)
        count += _insert(conn, batch)
        if not count:
            raise DictionaryFileError("no dictionary rows found (expected: English, Japanese[, reading[, note]])")
        # Each key's senses ranked in file order, in SQL: no dict of every key in memory.
        conn.execute(
            "UPDATE entries SET rank = r.n FROM (SELECT rowid AS id, row_number() OVER"
            " (PARTITION BY key ORDER BY rowid) - 1 AS n FROM entries WHERE source = ?) AS r"
            " WHERE entries.rowid = r.id",
            [source],
        )
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return count


def _insert(conn: sqlite3.Connection, batch: list[Row]) -> int:
    conn.executemany(
        "INSERT INTO entries (key, rank, source, headword, reading, gloss, pos) VALUES (?, ?, ?, ?, ?, ?, ?)", batch
    )
    n = len(batch)
    batch.clear()
    return n


def text_lines(text: str) -> io.StringIO:
    """Text already in memory, as lines for rows_of."""
    return io.StringIO(text, newline="")
