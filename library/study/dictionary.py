"""The offline English→Japanese dictionary: a compact lookup table built once per machine from JMdict
(the `jamdict-data` package, which scripts/run.sh installs) plus the learner's own dictionaries
imported from CSV/TSV.

The JMdict table is derived data shared by every library and data folder (dictionary_table.py);
the learner's own dictionaries live in dictionary.db in the data folder. A data folder's
dictionary.db may still hold a JMdict table from before the shared one: it answers until the
shared table is built. Rows are keyed by an English lemma or gloss ("access", "generative ai");
each key keeps its best senses, ranked for learners (jmdict.py).
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from library.study.dictionary_import import (
    DictionaryFileError,
    Row,
    is_tsv,
    open_text,
    rows_of,
    store_rows,
    text_lines,
)
from library.study.dictionary_table import (
    BuildBusy,
    BuildCancelled,
    build_progress,
    build_table,
    source_stamp,
    table_meta,
    table_path,
)
from library.study.jmdict import JMDICT_SOURCE, KEEP_PER_KEY, gloss_keys
from library.study.query_keys import clean_query, noun_keys
from library.study.sense_context import Context
from library.study.sentence_pos import pos_agreement, pos_in_sentence
from library.wordforms import lemmas_of

__all__ = ["JMDICT_SOURCE", "BuildBusy", "BuildCancelled", "Dictionary", "DictionaryBusy", "DictionaryError",
           "Lookup", "Sense", "build_progress", "gloss_keys", "jmdict_source_path", "pos_in_sentence"]


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


class DictionaryBusy(DictionaryError):
    """Another window or process is building the shared JMdict table now."""


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
    jmdict: str = "missing"  # "ready" (a table answers), "missing" (package not installed) or "unbuilt"

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


def lookup_keys(query: str) -> list[str]:
    """The keys a word is looked up under, best first: an inflected form's lemma before the form as
    written ("restrictions" ranks as "restriction": 制限, not the ひも that lists "restrictions" among
    its glosses), a word in its own right ("data", "glasses") before the lemma it could also be."""
    if not query:
        return []
    keys = list(dict.fromkeys(lemmas_of(query)))
    return keys if query in keys else [*keys, query]


# The lemma's senses before the form's as written ("restrictions" ranks as "restriction"), unless one of
# the form's scores better by more than this in the table: "authorities" 当局, a plural of its own (not 権威).
FORM_MARGIN = 1
# A participle's own sense as an adjective or a phrase ("sustained" 持続的, "according (to)" によると) counts
# this much better than its verb's ("to sustain (damage)" 受ける), unless the sentence makes it a verb; a
# rare one (サスペンデッド "suspended") still comes after the verb's common senses (中止).
PARTICIPLE_BONUS = 4


def _inflected_s(query: str, keys: list[str]) -> bool:
    """Whether a word is the -s form of another (a plural, "firms"; or a verb's "-s"), as no adjective is."""
    return query.endswith("s") and " " not in query and any(k != query and query.startswith(k) for k in keys)


def sense_order(query: str, keys: list[str], pos: str | None, sense: Sense, rank: int,
                key_index: int, context: Context | None = None) -> tuple[int, ...]:
    """Where a sense of a word goes, lowest first: the learner's own dictionaries first; then the senses of
    the word's part of speech in its sentence; then, for a form tried after its lemmas, by the table's
    rank (JMdict's is a score), the form's a little after ("authority", then "authorities"), a
    participle's own sense a little before (PARTICIPLE_BONUS); else by the form tried, then the rank.
    With the word's sentence (`context`), a JMdict sense whose gloss shares its words or its field of the
    news scores better by a few points (sense_context.py)."""
    own = sense.source != JMDICT_SOURCE
    agreement = pos_agreement(pos, sense.pos, sense.gloss, sense.key)
    if agreement < 2 and sense.pos.startswith("adj") and _inflected_s(query, keys):
        agreement = 2  # an adjective takes no -s: "energy firms" are companies (会社), not 強固 "firm"
    # Only a form tried after its lemmas is compared with them by score: a word in its own right tried
    # first ("remains", "fell") keeps its place before the lemma it could also be ("remain", "fall": 秋).
    compared = len(keys) > 1 and keys[-1] == query
    if own:  # the learner's: a position in the file, not a score
        return (0, agreement, key_index, rank)
    fits = context.bonus(sense.gloss, sense.key) if context else 0
    if not compared:
        return (1, agreement, key_index, rank - fits)
    participle = (pos != "v" and sense.key == query and query.endswith(("ed", "ing"))
                  and not sense.pos.startswith("v.") and not sense.gloss.lower().startswith("to "))
    return (1, agreement, rank + FORM_MARGIN * key_index - (PARTICIPLE_BONUS if participle else 0) - fits,
            key_index)


class Dictionary:
    """The learner's dictionary file and the shared JMdict table: lookups, the JMdict build, imports."""

    def __init__(self, path: str | Path, table: str | Path | None = None) -> None:
        self.path = Path(path)
        self._table = Path(table) if table is not None else None
        self._stamps: dict[Path, str] = {}

    @property
    def table(self) -> Path:
        """The shared JMdict table's file (per machine; see dictionary_table.py)."""
        return self._table if self._table is not None else table_path()

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

    def _own_meta(self) -> dict[str, str]:
        if not self.path.exists():
            return {}
        with self._connect() as conn:
            try:
                return dict(conn.execute("SELECT key, value FROM meta"))
            except sqlite3.OperationalError:
                return {}

    def meta(self) -> dict[str, str]:
        """What the JMdict table records about itself (JMdict version, build time), from the shared table
        or else a data folder's older one."""
        return table_meta(self.table) or self._own_meta()

    def _stamp(self, source: Path) -> str:
        if source not in self._stamps:
            self._stamps[source] = source_stamp(source)
        return self._stamps[source]

    def jmdict_state(self) -> str:
        """'ready' when the shared table is built from the JMdict installed now; 'stale' when a table
        answers but should be built again (the data or the build changed, or only a data folder's old
        table is there); 'unbuilt' when none is there but one can be built; 'missing' without JMdict."""
        source = jmdict_source_path()
        stamp = table_meta(self.table).get("table.stamp")
        if stamp is not None:
            return "ready" if source is None or stamp == self._stamp(source) else "stale"
        if self._own_meta().get("jmdict.built"):
            return "stale" if source is not None else "ready"
        return "unbuilt" if source is not None else "missing"

    def has_entries(self) -> bool:
        """Whether any dictionary (the learner's or JMdict) can answer now."""
        return self.path.exists() or self.table.is_file()

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
    def lookup(self, word: str, limit: int = 8, auto_build: bool = False, pos: str | None = None,
               sentence: str = "") -> Lookup:
        """Senses for a word or phrase, trying it as written and then its lemmas; the learner's own
        dictionaries come first, then JMdict's; with `pos` ("n", "v", "adj", "adv": the word's part of
        speech in its sentence) the senses of that part of speech first, and with its `sentence` the
        senses it speaks of (sense_context.py). With auto_build, builds the JMdict table first if there
        is none."""
        query = clean_query(word)
        keys = lookup_keys(query)
        state = self.jmdict_state()
        if auto_build and state == "unbuilt":
            self.build_jmdict()
            state = "ready"
        result = Lookup(word, keys, jmdict="ready" if state == "stale" else state)
        if not query:
            return result
        shared = self.table.is_file()
        context = Context(sentence, word) if sentence else None
        # every sense the table keeps when the sentence may bring a later one forward
        fetch = max(limit * (4 if pos else 2), KEEP_PER_KEY if context else 0)
        rows = self._some_rows(keys, fetch, shared)
        if not rows and (nouns := noun_keys(keys)):
            keys = nouns
            rows = self._some_rows(keys, fetch, shared)
        order = {k: i for i, k in enumerate(keys)}
        ranked = [(rank, Sense(headword, reading, gloss, p, source, key))
                  for key, source, headword, reading, gloss, p, rank in rows]
        ranked.sort(key=lambda r: sense_order(query, keys, pos, r[1], r[0], order.get(r[1].key, len(keys)), context))
        senses = [s for _rank, s in ranked]
        seen: set[tuple[str, str]] = set()
        for sense in senses:
            if (sense.headword, sense.source) in seen:
                continue
            seen.add((sense.headword, sense.source))
            result.senses.append(sense)
            if len(result.senses) >= limit:
                break
        return result

    def _some_rows(self, keys: list[str], fetch: int, shared: bool) -> list[tuple[str, str, str, str, str, str, int]]:
        """The rows of the learner's file and of the shared table for the keys."""
        rows = self._rows(self.path, keys, fetch, with_jmdict=not shared) if self.path.exists() else []
        if shared:
            rows += self._rows(self.table, keys, fetch, with_jmdict=True, read_only=True)
        return rows

    def _rows(self, path: Path, keys: list[str], fetch: int, with_jmdict: bool,
              read_only: bool = False) -> list[tuple[str, str, str, str, str, str, int]]:
        """Rows of one file for the keys, each source's in rank order, with their rank."""
        marks = ",".join("?" * len(keys))
        only = "" if with_jmdict else f" AND source != '{JMDICT_SOURCE}'"
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro" if read_only else str(path), uri=read_only, timeout=10)
            try:
                return conn.execute(
                    f"SELECT key, source, headword, reading, gloss, pos, rank FROM entries WHERE key IN ({marks}){only}"
                    " ORDER BY source, key, rank LIMIT ?",
                    [*keys, fetch * len(keys)],
                ).fetchall()
            finally:
                conn.close()
        except sqlite3.Error:
            return []

    def first_senses(self, words: Iterable[str], pos: dict[str, str | None] | None = None,
                     sentences: dict[str, str] | None = None) -> dict[str, Sense]:
        """The best sense of each word, ranked as `lookup` ranks its first (the learner's own
        dictionaries, then JMdict; the senses of the word's part of speech in its sentence, `pos[word]`,
        and those its sentence speaks of, `sentences[word]`; the form as written, then its lemmas; the
        table's rank), in one query per file: glosses over a lesson's hard words ask for dozens at once."""
        pos = pos or {}
        sentences = sentences or {}
        wanted: dict[str, list[str]] = {}
        for word in words:
            query = clean_query(word)
            if query:
                wanted[word] = lookup_keys(query)
        if not wanted:
            return {}
        every = self._every_sense(wanted)
        # A verb glossed nowhere is found as its noun (re-elect: re-election), as lookup finds it.
        nouns = {w: noun_keys(ks) for w, ks in wanted.items() if not any(k in every for k in ks)}
        if any(nouns.values()):
            every.update(self._every_sense(nouns))
            wanted.update({w: ks for w, ks in nouns.items() if ks})
        out: dict[str, Sense] = {}
        for word, forms in wanted.items():
            told = pos.get(word)
            query = clean_query(word)
            context = Context(sentences[word], word) if sentences.get(word) else None
            found = [
                (sense_order(query, forms, told, sense, rank, i, context), sense)
                for i, k in enumerate(forms)
                for rank, sense in every.get(k, [])
            ]
            if found:
                out[word] = min(found, key=lambda f: f[0])[1]
        return out

    def _every_sense(self, wanted: dict[str, list[str]]) -> dict[str, list[tuple[int, Sense]]]:
        """Every sense of the keys the words are looked up under, by key, each with its rank."""
        keys = sorted({k for ks in wanted.values() for k in ks})
        shared = self.table.is_file()
        # key → its senses, each with its rank
        every: dict[str, list[tuple[int, Sense]]] = {}
        for start in range(0, len(keys), 500):  # within SQLite's limit of bound values
            chunk = keys[start : start + 500]
            rows = self._ranked_rows(self.path, chunk, with_jmdict=not shared) if self.path.exists() else []
            if shared:
                rows += self._ranked_rows(self.table, chunk, with_jmdict=True, read_only=True)
            for key, source, headword, reading, gloss, kind, rank in rows:
                every.setdefault(key, []).append((rank, Sense(headword, reading, gloss, kind, source, key)))
        return every

    def _ranked_rows(self, path: Path, keys: list[str], with_jmdict: bool,
                     read_only: bool = False) -> list[tuple[str, str, str, str, str, str, int]]:
        """Every row of one file for the keys, with its rank."""
        marks = ",".join("?" * len(keys))
        only = "" if with_jmdict else f" AND source != '{JMDICT_SOURCE}'"
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro" if read_only else str(path), uri=read_only, timeout=10)
            try:
                return conn.execute(
                    "SELECT key, source, headword, reading, gloss, pos, rank FROM entries"
                    f" WHERE key IN ({marks}){only}",
                    keys,
                ).fetchall()
            finally:
                conn.close()
        except sqlite3.Error:
            return []

    # --- JMdict ---------------------------------------------------------------------
    def build_jmdict(self, source: Path | None = None, progress: Callable[[str], None] | None = None,
                     share: Callable[[float], None] | None = None,
                     cancelled: Callable[[], bool] | None = None) -> dict[str, Any]:
        """Build (or rebuild) the shared English→Japanese table from JMdict; returns what was built.
        `progress` gets a line every tenth, `share` every hundredth. Raises DictionaryError when the
        data is not installed or another window is building it, BuildCancelled when cancelled."""
        src = source or jmdict_source_path()
        if src is None:
            raise DictionaryError(f"the JMdict data is not installed; install it with: {INSTALL_HINT}")
        tenth = [-1]

        def say(done: float) -> None:
            if share is not None:
                share(done)
            if progress is not None and int(done * 10) > tenth[0]:
                tenth[0] = int(done * 10)
                progress(f"preparing the dictionary… {int(done * 100)}%")

        try:
            info = build_table(src, say, cancelled, dest=self.table)
        except BuildBusy as exc:
            raise DictionaryBusy(f"{exc}; try again when it is done") from exc
        except OSError as exc:
            why = getattr(exc, "strerror", None) or exc
            raise DictionaryError(f"cannot write the dictionary table ({why})") from exc
        self._stamps.clear()
        self._drop_old_table()
        return info

    def _drop_old_table(self) -> None:
        """Remove the JMdict rows a data folder's file held from before the shared table (tens of MB);
        the learner's own dictionaries in it stay."""
        if not self._own_meta().get("jmdict.built"):
            return
        with self._connect(write=True) as conn:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("DELETE FROM entries WHERE source = ?", [JMDICT_SOURCE])
            conn.execute("DELETE FROM meta WHERE key LIKE 'jmdict.%' OR key = 'table.version'")
            conn.execute("COMMIT")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute("VACUUM")

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
