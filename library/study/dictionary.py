"""The offline English→Japanese dictionary: a compact lookup table built once from JMdict
(the optional `jamdict-data` package) plus the learner's own dictionaries imported from CSV/TSV.

The table lives in its own file in the user's data folder (not in the library: it is derived
data, shared by every library and rebuilt at will). Rows are keyed by an English lemma or
gloss ("access", "generative ai"); each key keeps its best senses, ranked.
"""

from __future__ import annotations

import re
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from library.study.dictionary_import import (
    DictionaryFileError,
    Row,
    is_tsv,
    normalise_key,
    open_text,
    rows_of,
    store_rows,
    text_lines,
)
from library.wordforms import lemmas_of

JMDICT_SOURCE = "jmdict"


def install_hint() -> str:
    """How a learner gets the JMdict data: the pip extra, or, in the packaged app (no pip), its dictionary build."""
    if getattr(sys, "frozen", False):  # set by the packaged build's start-up
        return "the Study Reader build that includes the dictionary (made by scripts/build-app.sh --dictionary)"
    return "pip install 'study-reader[dictionary]'"


INSTALL_HINT = install_hint()
JMDICT_ATTRIBUTION = (
    "This program uses the JMdict dictionary file, the property of the Electronic Dictionary "
    "Research and Development Group (EDRDG), used in conformance with the Group's licence "
    "(Creative Commons Attribution-ShareAlike 4.0). https://www.edrdg.org/edrdg/licence.html"
)
KEEP_PER_KEY = 12  # senses kept for one English key
MAX_KEY_WORDS = 4  # longer glosses are definitions, not keys
TABLE_VERSION = "1"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entries (
    key TEXT NOT NULL,
    rank INTEGER NOT NULL,
    source TEXT NOT NULL,
    headword TEXT NOT NULL,
    reading TEXT NOT NULL DEFAULT '',
    gloss TEXT NOT NULL DEFAULT '',
    pos TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS entries_key ON entries(key, rank);
CREATE INDEX IF NOT EXISTS entries_source ON entries(source);
"""


class DictionaryError(Exception):
    """A dictionary that cannot be built or imported; str(exc) says why in one line."""


@dataclass
class Sense:
    """One dictionary answer: a Japanese headword with its reading and the English it glosses."""

    headword: str
    reading: str
    gloss: str
    pos: str
    source: str
    key: str

    def line(self) -> str:
        """One line for the command line and for cards."""
        reading = f"【{self.reading}】" if self.reading and self.reading != self.headword else ""
        pos = f" ({self.pos})" if self.pos else ""
        return f"{self.headword}{reading} — {self.gloss}{pos}"


@dataclass
class Lookup:
    """What the dictionaries say about a word: the keys tried and the senses found."""

    query: str
    lemmas: list[str]
    senses: list[Sense] = field(default_factory=list)
    jmdict: str = "missing"  # "ready", "missing" (package not installed) or "unbuilt"

    def japanese(self) -> list[str]:
        """The Japanese headwords found, best first."""
        return [s.headword for s in self.senses]

    def to_json(self) -> dict[str, Any]:
        """The documented JSON form of `study-reader lookup --json`."""
        return {
            "query": self.query,
            "lemmas": self.lemmas,
            "jmdict": self.jmdict,
            "senses": [asdict(s) for s in self.senses],
        }


def jmdict_source_path() -> Path | None:
    """The JMdict database the `jamdict-data` package ships, or None when it is not installed."""
    try:
        import jamdict_data
    except ImportError:
        return None
    path = Path(getattr(jamdict_data, "JAMDICT_DB_PATH", Path(jamdict_data.__file__).parent / "jamdict.db"))
    return path if path.exists() else None


_PAREN = re.compile(r"\s*[(\[][^)\]]*[)\]]\s*")
_LEADING = re.compile(r"^(?:to be |to |a |an |the |one's |oneself )", re.IGNORECASE)
_PRIORITY = re.compile(r"^(?:ichi|news|spec|gai)(\d)$|^nf(\d\d)$")
_POS_SHORT = (
    ("suru", "n., vs"),
    ("pre-noun", "adj."),
    ("adjectival noun", "adj. (na)"),
    ("adjective", "adj."),
    ("adverb", "adv."),
    ("noun", "n."),
    ("verb", "v."),
    ("expression", "exp."),
    ("conjunction", "conj."),
    ("pronoun", "pron."),
    ("interjection", "int."),
    ("prefix", "pref."),
    ("suffix", "suf."),
    ("counter", "ctr."),
)


def gloss_keys(gloss: str) -> list[tuple[str, int]]:
    """The English keys a JMdict gloss is found under, each with a penalty (0 for the gloss itself):
    'access (e.g. to a computer)' → access; 'to access' → access; 'autonomy; self-government' → both."""
    out: list[tuple[str, int]] = []
    for part in gloss.split(";"):
        plain = normalise_key(_PAREN.sub(" ", part))
        penalty = 0 if plain == normalise_key(part) else 1
        stripped = _LEADING.sub("", plain)
        if stripped != plain:
            penalty = max(penalty, 0 if plain.startswith("to ") else 1)
        key = stripped.strip(" .,!?")
        if key and len(key.split()) <= MAX_KEY_WORDS and len(key) <= 40:
            out.append((key, penalty))
    return out


def _priority_score(tags: Iterable[str]) -> int:
    """Lower is more common: ichi1/news1/spec1/gai1 and the nfXX frequency bands of JMdict."""
    base, band = 30, 48
    for tag in tags:
        m = _PRIORITY.match(tag)
        if not m:
            continue
        if m.group(1):
            base = min(base, 0 if m.group(1) == "1" else 10)
        else:
            band = min(band, int(m.group(2)))
    return base + band // 2


def _short_pos(labels: list[str]) -> str:
    for label in labels:
        low = label.lower()
        for needle, short in _POS_SHORT:
            if needle in low:
                return short
    return ""


class Dictionary:
    """The dictionary file: lookups, the JMdict build and the learner's own imports."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    # --- state --------------------------------------------------------------------
    @contextmanager
    def _connect(self, write: bool = False) -> Iterator[sqlite3.Connection]:
        if write:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(self.path), timeout=10, isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA busy_timeout = 10000")
            if write:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.executescript(SCHEMA)
            yield conn
        finally:
            conn.close()

    def meta(self) -> dict[str, str]:
        """What the file records about itself (JMdict version, build time, sources)."""
        if not self.path.exists():
            return {}
        with self._connect() as conn:
            try:
                return dict(conn.execute("SELECT key, value FROM meta"))
            except sqlite3.OperationalError:
                return {}

    def jmdict_state(self) -> str:
        """'ready' when the JMdict table is built, 'unbuilt' when it can be, 'missing' without the package."""
        if self.meta().get("jmdict.built"):
            return "ready"
        return "unbuilt" if jmdict_source_path() is not None else "missing"

    def sources(self) -> dict[str, int]:
        """Each dictionary in the file with its number of rows."""
        if not self.path.exists():
            return {}
        with self._connect() as conn:
            try:
                return dict(conn.execute("SELECT source, count(*) FROM entries GROUP BY source ORDER BY source"))
            except sqlite3.OperationalError:
                return {}

    # --- lookup -------------------------------------------------------------------
    def lookup(self, word: str, limit: int = 8, auto_build: bool = False) -> Lookup:
        """Senses for a word or phrase, trying it as written and then its lemmas; the learner's own
        dictionaries come first. With auto_build, builds the JMdict table first if it can."""
        query = normalise_key(word)
        keys = [query] + [k for k in lemmas_of(query) if k != query]
        state = self.jmdict_state()
        if auto_build and state == "unbuilt":
            self.build_jmdict()
            state = "ready"
        result = Lookup(word, keys, jmdict=state)
        if not self.path.exists() or not query:
            return result
        marks = ",".join("?" * len(keys))
        order = " ".join(f"WHEN ? THEN {i}" for i in range(len(keys)))
        with self._connect() as conn:
            try:
                rows = conn.execute(
                    f"SELECT key, source, headword, reading, gloss, pos FROM entries WHERE key IN ({marks})"
                    f" ORDER BY source = '{JMDICT_SOURCE}', CASE key {order} END, rank LIMIT ?",
                    [*keys, *keys, limit * 2],
                ).fetchall()
            except sqlite3.OperationalError:
                return result
        seen: set[tuple[str, str]] = set()
        for key, source, headword, reading, gloss, pos in rows:
            if (headword, source) in seen:
                continue
            seen.add((headword, source))
            result.senses.append(Sense(headword, reading, gloss, pos, source, key))
            if len(result.senses) >= limit:
                break
        return result

    def has_entries(self) -> bool:
        """Whether any dictionary (JMdict or my own) has a row, without counting them all."""
        if not self.path.exists():
            return False
        with self._connect() as conn:
            try:
                return conn.execute("SELECT 1 FROM entries LIMIT 1").fetchone() is not None
            except sqlite3.OperationalError:
                return False

    def first_senses(self, words: Iterable[str]) -> dict[str, Sense]:
        """The best sense of each word (ranked as `lookup` ranks them) over one connection: glosses
        over a lesson's hard words ask for dozens at once, and a connection per word costs ~4 ms."""
        out: dict[str, Sense] = {}
        if not self.path.exists():
            return out
        with self._connect() as conn:
            for word in words:
                query = normalise_key(word)
                if not query:
                    continue
                keys = [query] + [k for k in lemmas_of(query) if k != query]
                marks = ",".join("?" * len(keys))
                order = " ".join(f"WHEN ? THEN {i}" for i in range(len(keys)))
                try:
                    row = conn.execute(
                        f"SELECT key, source, headword, reading, gloss, pos FROM entries WHERE key IN ({marks})"
                        f" ORDER BY source = '{JMDICT_SOURCE}', CASE key {order} END, rank LIMIT 1",
                        [*keys, *keys],
                    ).fetchone()
                except sqlite3.OperationalError:
                    return out
                if row is not None:
                    key, source, headword, reading, gloss, pos = row
                    out[word] = Sense(headword, reading, gloss, pos, source, key)
        return out

    # --- JMdict ---------------------------------------------------------------------
    def build_jmdict(self, source: Path | None = None, progress: Callable[[str], None] | None = None) -> dict[str, Any]:
        """Build (or rebuild) the English→Japanese table from JMdict; returns what was built.
        Raises DictionaryError when the package is not installed."""
        src = source or jmdict_source_path()
        if src is None:
            raise DictionaryError(f"the JMdict data is not installed; install it with: {INSTALL_HINT}")
        started = time.perf_counter()
        say = progress or (lambda _m: None)
        say("reading JMdict…")
        jm = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
        try:
            rows = self._jmdict_rows(jm)
            version = dict(jm.execute("SELECT key, value FROM meta")).get("jmdict.version", "")
        finally:
            jm.close()
        say(f"writing {len(rows)} senses…")
        with self._connect(write=True) as conn:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("DELETE FROM entries WHERE source = ?", [JMDICT_SOURCE])
            conn.executemany(
                "INSERT INTO entries (key, rank, source, headword, reading, gloss, pos) VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            conn.executemany(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                [
                    ("jmdict.built", time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())),
                    ("jmdict.version", version),
                    ("table.version", TABLE_VERSION),
                ],
            )
            conn.execute("COMMIT")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute("VACUUM")
        return {
            "rows": len(rows),
            "keys": len({r[0] for r in rows}),
            "seconds": round(time.perf_counter() - started, 2),
            "bytes": self.path.stat().st_size,
            "path": str(self.path),
        }

    @staticmethod
    def _jmdict_rows(jm: sqlite3.Connection) -> list[tuple[str, int, str, str, str, str, str]]:
        """Ranked rows (key, rank, source, headword, reading, gloss, pos), the best KEEP_PER_KEY per key."""
        headword: dict[int, tuple[str, str, int]] = {}
        kana_first: dict[int, str] = {}
        kana_prio: dict[int, int] = {}
        for idseq, text, prio in jm.execute(
            "SELECT k.idseq, k.text, group_concat(p.text) FROM Kana k LEFT JOIN KNP p ON p.kid = k.ID"
            " GROUP BY k.ID ORDER BY k.ID"
        ):
            if idseq not in kana_first:
                kana_first[idseq] = text
                kana_prio[idseq] = _priority_score((prio or "").split(","))
        for idseq, text, prio in jm.execute(
            "SELECT k.idseq, k.text, group_concat(p.text) FROM Kanji k LEFT JOIN KJP p ON p.kid = k.ID"
            " GROUP BY k.ID ORDER BY k.ID"
        ):
            if idseq not in headword:
                headword[idseq] = (text, kana_first.get(idseq, ""), _priority_score((prio or "").split(",")))
        kana_only: set[int] = set()
        misc: dict[int, list[str]] = {}
        for sid, text in jm.execute("SELECT sid, text FROM misc"):
            misc.setdefault(sid, []).append(text)
        pos: dict[int, list[str]] = {}
        for sid, text in jm.execute("SELECT sid, text FROM pos"):
            pos.setdefault(sid, []).append(text)
        senses: dict[int, list[tuple[int, list[str]]]] = {}
        for sid, idseq, gloss in jm.execute(
            "SELECT s.ID, s.idseq, group_concat(g.text, '; ') FROM Sense s JOIN SenseGloss g ON g.sid = s.ID"
            " WHERE g.lang = 'eng' GROUP BY s.ID ORDER BY s.ID"
        ):
            senses.setdefault(idseq, []).append((sid, [gloss]))
            if "word usually written using kana alone" in misc.get(sid, []):
                kana_only.add(idseq)
        best: dict[str, list[tuple[int, int, str, str, str, str]]] = {}
        order = 0
        for idseq, entry_senses in senses.items():
            kana = kana_first.get(idseq, "")
            if idseq in headword and idseq not in kana_only:
                word, reading, prio = headword[idseq]
            else:
                word, reading, prio = kana, kana, kana_prio.get(idseq, 54)
            if not word:
                continue
            last_pos: list[str] = []
            for n, (sid, glosses) in enumerate(entry_senses):
                labels = pos.get(sid) or last_pos  # JMdict leaves a sense's POS to the previous one
                last_pos = labels
                penalty = 0
                tags = misc.get(sid, [])
                if any(t in ("archaism", "obsolete term", "obscure term", "rare term") for t in tags):
                    penalty += 40
                gloss_text = glosses[0]
                for k, (key, key_penalty) in enumerate(gloss_keys(gloss_text)):
                    score = prio + n * 6 + k * 3 + key_penalty * 15 + penalty
                    order += 1
                    best.setdefault(key, []).append((score, order, word, reading, gloss_text, _short_pos(labels)))
        rows: list[tuple[str, int, str, str, str, str, str]] = []
        for key, found in best.items():
            found.sort()
            seen: set[str] = set()
            rank = 0
            for _score, _order, word, reading, gloss_text, short in found:
                if word in seen:
                    continue
                seen.add(word)
                rows.append((key, rank, JMDICT_SOURCE, word, reading, gloss_text, short))
                rank += 1
                if rank >= KEEP_PER_KEY:
                    break
        return rows

    # --- the learner's own dictionaries ---------------------------------------------
    def import_file(self, path: str | Path, name: str | None = None) -> int:
        """Import a CSV or TSV dictionary (English, Japanese[, reading[, note]] a row; a header row is
        skipped), read as a stream and refused over its size limit (dictionary_import.py); replaces
        an earlier import of the same name. Returns the number of entries."""
        p = Path(path)
        source = f"user:{name or p.stem}"
        try:
            with open_text(p) as fh:
                sample = fh.read(2000)
                fh.seek(0)
                return self._store(source, rows_of(fh, source, is_tsv(p, sample)))
        except DictionaryFileError as exc:
            raise DictionaryError(str(exc)) from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise DictionaryError(f"cannot read the file ({getattr(exc, 'strerror', None) or exc})") from exc

    def import_text(self, text: str, name: str, tsv: bool = False) -> int:
        """Import dictionary rows given as text (see import_file)."""
        source = f"user:{name}"
        try:
            return self._store(source, rows_of(text_lines(text), source, tsv))
        except DictionaryFileError as exc:
            raise DictionaryError(str(exc)) from exc

    def _store(self, source: str, rows: Iterable[Row]) -> int:
        existed = self.path.exists()
        try:
            with self._connect(write=True) as conn:
                return store_rows(conn, source, rows)
        except DictionaryFileError:
            if not existed:  # a refused first import leaves no dictionary file behind either
                for leftover in (self.path, *(self.path.with_name(self.path.name + s) for s in ("-wal", "-shm"))):
                    leftover.unlink(missing_ok=True)
            raise

    def remove(self, name: str) -> int:
        """Remove one of the learner's dictionaries; returns how many rows went."""
        if not self.path.exists():
            return 0
        with self._connect(write=True) as conn:
            return conn.execute("DELETE FROM entries WHERE source = ?", [f"user:{name}"]).rowcount
