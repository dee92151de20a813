"""Known words seeded at once: every word of CEFR levels up to one ("I know A1–A2"), the most common
words of English (wordfreq's list), the first field of each note of an Anki deck (.apkg), or a word
list (one a line, or CSV: the first column). Words saved before keep their status; an undo takes
back exactly the words one seeding added."""

from __future__ import annotations

import csv
import html
import re
import sqlite3
import tempfile
import unicodedata
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from library.errors import ImportRefused
from library.store.database import Database
from library.study.levels import LEVELS, contraction_parts
from library.study.saved_levels import prepare as prepare_levels
from library.study.saved_levels import saved_word_level
from library.study.words import Words, recount_known

MAX_SEED = 50_000  # more words than any learner knows: a list past it is cut there
MAX_COLLECTION = 512 * 1024 * 1024  # an Anki collection larger than this (unpacked) is refused, unread
_PROPER = {10, 11}  # cefrpy's parts of speech for names (NNP, NNPS): never seeded
# cefrpy's parts of speech for function words: CC, CD, DT, IN, MD, PRP, RP, TO, UH, WDT, WP, WRB
_FUNCTION_WORDS = {0, 1, 2, 3, 7, 12, 16, 17, 18, 25, 26, 27}
_RARE_LEMMA = 2.0  # Zipf: a lemma written less than once in 100 million words is no word to seed
_EASY = 3  # B2: a function word cefrpy puts harder than this is one it guessed (aa, aaa)
_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"^[a-z][a-z'’-]*[a-z]$|^[a-z]$")
_ANKI_FIELD_SEPARATOR = "\x1f"
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")  # kana or kanji: a back field that is a meaning
MAX_MEANING = 200  # characters of a deck's back field kept as a meaning
# Contractions a beginner reads everywhere, seeded with the level of their parts (can't: can + not).
CONTRACTIONS = (
    "cannot", "can't", "won't", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "haven't",
    "hasn't", "hadn't", "wouldn't", "shouldn't", "couldn't", "mustn't", "i'm", "you're", "we're", "they're",
    "i've", "you've", "we've", "they've", "i'll", "you'll", "he'll", "she'll", "it'll", "we'll", "they'll",
    "i'd", "you'd", "he'd", "she'd", "we'd", "they'd", "gonna", "wanna", "gotta",
)


@dataclass
class Seeded:
    """What one seeding did: how many words it marked known (the ids, for an undo), and how many it
    found already saved (left as they were)."""

    word_ids: list[int] = field(default_factory=list)
    already: int = 0
    offered: int = 0
    already_known: int = 0  # of `already`, those known or ignored
    duplicates: int = 0  # terms that were a word given before (the same, or another form of it)
    cut: int = 0  # terms past MAX_SEED, not read
    seeding: int | None = None  # its number among the learner's markings (words.seeding)

    def nothing_text(self) -> str:
        """Why a seeding marked nothing: "all already known", or "all saved before" when some of them
        are saved as new or learning (and kept so)."""
        return "all already known" if self.already_known == self.already else "all saved before"

    @property
    def marked(self) -> int:
        """Words this seeding marked known."""
        return len(self.word_ids)


def level_words(up_to: str) -> list[str]:
    """Base forms of the words cefrpy lists at `up_to` or easier (as anything but a name), easiest first."""
    if up_to.upper() not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}")
    from library.study.lemma_batch import lemmas_of_many
    from library.study.word_table import cefr_levels_by_part

    top = LEVELS.index(up_to.upper())
    found = {
        word: min(levels.values())
        for word, levels in cefr_levels_by_part().items()
        if len(word) > 1 or word in "ai"
        for levels in [{p: v for p, v in levels.items() if p not in _PROPER}]
        if levels and min(levels.values()) <= top
    }
    lemmas = lemmas_of_many(found)
    # A form counts through its lemma: "went" seeds "go". cefrpy's list also holds fragments and
    # abbreviations at easy levels (al, lj, eq, yer) and names (york): only a real word is seeded.
    real = _real_word()
    chosen = {lemmas[w] for w in found if real(lemmas[w])} | {w for w in CONTRACTIONS if contraction_parts(w)}
    # Only at the level the word shows (My words' Level column, `words list --level`): an easy form
    # ("bayous", "diagnosed") must not seed a hard lemma, and cannot (can + not) is A1 though cefrpy
    # puts it at C2.
    prepare_levels(chosen)
    shown = {w: level for w in chosen if (level := saved_word_level(w)) is not None and LEVELS.index(level) <= top}
    return sorted(shown, key=lambda w: (LEVELS.index(shown[w]), w))


def _real_word() -> Callable[[str], bool]:
    """Whether a lemma is a real English word worth seeding: letters only, in wordfreq's list at least
    once in a million words (Zipf 3), a two-letter word far more common still (Zipf 4.5, as am, by, up
    are; lj, eq, rs, sh are not) and listed by cefrpy as other than a name, a three-letter one at
    Zipf 3.5 (yer is not), and not mainly a name (cefrpy's level as a name at least three levels
    easier than as anything else: york, london)."""
    from wordfreq import zipf_frequency

    from library.study.word_table import cefr_levels_by_part

    listed = cefr_levels_by_part()

    def real(word: str) -> bool:
        if not (word.isascii() and word.isalpha()) or (len(word) < 2 and word not in ("a", "i")):
            return False
        zipf = zipf_frequency(word, "en", wordlist="large")
        parts = listed.get(word) or {}
        other = [v for p, v in parts.items() if p not in _PROPER]
        named = [v for p, v in parts.items() if p in _PROPER]
        if zipf < 3.0 or (len(word) == 3 and zipf < 3.5) or (len(word) == 2 and (zipf < 4.5 or not other)):
            return False
        return not (named and other and min(named) + 3 <= min(other)) and dictionary_word(word, parts, zipf)

    return real


def dictionary_word(word: str, parts: dict[int, int], zipf: float) -> bool:
    """Whether a lower-case lemma is a word a dictionary has, not a name written lower-case nor a
    fragment: lemminflect lists it (as a noun, verb, adjective or adverb), or cefrpy lists it as a
    function word (a determiner, preposition, pronoun…) at B2 or easier, or it is one of the
    contractions; or, common (Zipf 4) and never listed as a name, cefrpy puts it at B2 or easier.
    A word only ever written with a capital (winnipeg, windsor, monday) and a fragment wordfreq
    splits off (aa, lago) are none of these."""
    from library.wordforms import listed

    if word in CONTRACTIONS or listed(word):
        return True
    if any(level <= _EASY for part, level in parts.items() if part in _FUNCTION_WORDS):
        return True
    other = [v for p, v in parts.items() if p not in _PROPER]
    return zipf >= 4.0 and not set(parts) & _PROPER and bool(other) and min(other) <= _EASY


def top_words(n: int) -> list[str]:
    """The `n` most common English lemmas (wordfreq's list, read on first use), names left out."""
    from wordfreq import top_n_list, zipf_frequency

    from library.study.lemma_batch import lemmas_of_many
    from library.study.word_table import cefr_levels_by_part

    listed = cefr_levels_by_part()
    ranked = [w for w in top_n_list("en", max(4 * n, 1000), wordlist="large") if _WORD.match(w)]
    lemmas = lemmas_of_many(ranked)
    out: list[str] = []
    seen: set[str] = set()
    for word in ranked:
        lemma = lemmas[word]
        parts = listed.get(lemma) or listed.get(word) or {}
        # A word cefrpy lists only as a name (john, london) is a name here too; a lemma hardly ever
        # written (pantie, of panties), a name lower-case or a fragment (winnipeg, lago) is not seeded.
        if lemma in seen or not set(parts) - _PROPER:
            continue
        zipf = zipf_frequency(lemma, "en", wordlist="large")
        if zipf < _RARE_LEMMA or not dictionary_word(lemma, listed.get(lemma) or {}, zipf):
            continue
        seen.add(lemma)
        out.append(lemma)
        if len(out) == n:
            break
    return out


def _plain(field_text: str) -> str:
    """A note's field as text: tags dropped, entities read, spaces joined."""
    text = html.unescape(_TAG.sub(" ", field_text.replace("<br>", "\n")))
    return " ".join(text.split())


def _english(text: str) -> bool:
    """A term worth seeding: some Latin letters, and short (not a sentence or a definition)."""
    return bool(re.search(r"[A-Za-z]", text)) and len(text) <= 60 and len(text.split()) <= 4


def apkg_words(path: Path) -> list[str]:
    """The first field of each note of an Anki package, as plain text (see apkg_notes)."""
    return [front for front, _back in apkg_notes(path)]


def deck_list(path: Path) -> WordList:
    """A deck's words (its notes' first fields, checked as a list's lines are), each with its back
    field as the learner's own meaning where that is Japanese (HTML stripped)."""
    notes = apkg_notes(path)
    listed = checked([front for front, _back in notes], "note")
    listed.meanings = {front: back for front, back in notes if back and _JAPANESE.search(back)}
    return listed


def apkg_notes(path: Path) -> list[tuple[str, str]]:
    """The first and second fields of each note of an Anki package, as plain text. A file that is not a deck
    (missing, empty, not a zip, no collection inside) is an `ImportRefused`: a bad input, not a
    library that cannot be used."""
    if not path.is_file():  # missing, or a folder: said plainly, not as a zip's error
        raise ImportRefused(f"{path.name}: no such file" if not path.exists() else f"{path.name}: not a file")
    try:
        if path.stat().st_size == 0:
            raise ImportRefused(f"{path.name}: not an Anki deck (the file is empty)")
        with zipfile.ZipFile(path) as pack:
            names = set(pack.namelist())
            inner = next((n for n in ("collection.anki21", "collection.anki2") if n in names), None)
            if inner is None:
                if "collection.anki21b" in names:
                    raise ImportRefused(f"{path.name}: an Anki deck in the newest format; export it from Anki with"
                                       " “Support older Anki versions” ticked")
                raise ImportRefused(f"{path.name}: not an Anki deck (no collection inside)")
            size = pack.getinfo(inner).file_size
            if size > MAX_COLLECTION:
                raise ImportRefused(f"{path.name}: its collection is {size // 2**20:,} MB unpacked;"
                                   f" decks up to {MAX_COLLECTION // 2**20:,} MB are read")
            data = pack.read(inner)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, NotImplementedError, EOFError, ValueError) as exc:
        raise ImportRefused(f"{path.name}: not an Anki deck ({exc})") from exc
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "collection.db"
        copy.write_bytes(data)
        try:
            conn = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
            try:
                rows = conn.execute("SELECT flds FROM notes ORDER BY id").fetchall()
            finally:
                conn.close()
        except sqlite3.DatabaseError as exc:
            raise ImportRefused(f"{path.name}: not an Anki deck ({exc})") from exc
    fields = [str(r[0]).split(_ANKI_FIELD_SEPARATOR) for r in rows]
    return [(_plain(f[0]), _plain(f[1])[:MAX_MEANING] if len(f) > 1 else "") for f in fields]


def read_list(path: Path) -> WordList:
    """The words of a word-list file (UTF-8, with or without a BOM), and the lines skipped as not
    words; a file past the import limit is refused unread."""
    from library.limits import MAX_BYTES

    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ImportRefused(f"{path.name}: {size // 2**20:,} MB; word lists up to {MAX_BYTES // 2**20} MB are read")
    try:
        return word_list(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ImportRefused(f"{path.name}: not UTF-8 text") from exc


HEADERS = {"word", "words", "term", "terms", "english", "vocabulary", "headword", "lemma", "front", "expression"}
_SEPARATOR = re.compile(r"[,\t;]")
MAX_PHRASE = 3  # words in the longest phrase a word list may give ("take part in")
# Why a line of a word list is skipped, as the count says it.
NOT_A_WORD = "not words"
HEADER = "column names"
COMMENT = "comments"
EMPTY = "empty"
TOO_LONG = f"longer than {MAX_PHRASE} words"
MAX_CHARACTERS = 60  # the longest word or phrase: a longer one is a sentence, a definition or junk
TOO_MANY_CHARACTERS = f"longer than {MAX_CHARACTERS} characters"


@dataclass
class WordList:
    """The words of a word list, and how many lines were skipped for each reason."""

    words: list[str] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    unit: str = "line"  # what was skipped: a list's lines, a deck's notes
    meanings: dict[str, str] = field(default_factory=dict)  # a term → the learner's own meaning (a deck's back)

    def skipped_text(self, tr: Callable[[str], str] = str) -> str:
        """"3 lines skipped: not words" (each reason's count when there are several); "" for none.
        `tr` translates the sentence and the reasons (the window's language)."""
        total = sum(self.skipped.values())
        if not total:
            return ""
        if len(self.skipped) == 1:
            why = tr(next(iter(self.skipped)))
        else:
            why = ", ".join(f"{n:,} {tr(reason)}" for reason, n in self.skipped.items())
        sentence = f"{{n}} {self.unit} skipped: {{why}}" if total == 1 else f"{{n}} {self.unit}s skipped: {{why}}"
        return tr(sentence).format(n=f"{total:,}", why=why)


def _latin_letter(ch: str) -> bool:
    return ch.isalpha() and (ch.isascii() or "LATIN" in unicodedata.name(ch, ""))


def word_or_phrase(text: str) -> str | None:
    """Why `text` is not an English word or short phrase (None when it is one): Latin letters with
    apostrophes and hyphens inside (and a plural's possessive apostrophe at the end), words apart by
    single spaces, at most MAX_PHRASE of them and MAX_CHARACTERS characters.
    Control characters, digits, symbols, emoji, commas and other scripts make it not a word."""
    if len(text) > MAX_CHARACTERS:
        return TOO_MANY_CHARACTERS
    parts = text.split(" ")
    for part in parts:
        if part[-1:] in ("'", "’") and part[-2:-1] in ("s", "S"):  # a plural's possessive: companies'
            part = part[:-1]
        if not part or not _latin_letter(part[0]) or not _latin_letter(part[-1]):
            return NOT_A_WORD
        if not all(_latin_letter(c) or c in "'’-" for c in part) or "--" in part:
            return NOT_A_WORD
    return TOO_LONG if len(parts) > MAX_PHRASE else None


def _unmarked(text: str) -> str:
    """A field as plain text: tags dropped and entities read (<b>bold</b> is bold), no-break spaces
    made spaces, runs of spaces one; control characters are kept, so that a line holding them is
    refused, not quietly mended."""
    if "<" in text or "&" in text:
        text = html.unescape(_TAG.sub(" ", text))
    return re.sub(r"[ \u00a0\u2009\u202f]+", " ", text).strip()


def list_words(text: str) -> list[str]:
    """The words of a plain list (see `word_list`)."""
    return word_list(text).words


def word_list(text: str) -> WordList:
    """Words of a plain list: the first field of each line, whatever separates the fields (comma, tab
    or semicolon, each line read alone, so a line with no separator is one word); a first row whose
    first field is a column name (word, term, english…) is a header and is skipped. Markup is dropped
    (<b>bold</b> is bold); a line whose first field is then not a word or a phrase of up to
    MAX_PHRASE words (control characters, emoji, digits, a quoted field holding a comma, a sentence)
    is skipped and counted, as are the header, comment lines (#) and empty first fields: every line
    not blank is a word or a skip counted."""
    lines = [line for line in re.split(r"\r\n|\r|\n", text) if line.strip()]
    comments = sum(1 for line in lines if line.lstrip().startswith("#"))
    lines = [line for line in lines if not line.lstrip().startswith("#")]
    fields: list[str] = []
    header = 0
    for number, line in enumerate(lines):
        found = _SEPARATOR.search(line)
        if found is None:
            first = line
        else:
            row = next(csv.reader([line], delimiter=found.group()), [""])  # a quoted field may hold the separator
            first = row[0] if row else ""
        if number == 0 and first.strip().lower() in HEADERS:
            header = 1
            continue
        fields.append(first)
    out = checked(fields)
    for reason, n in ((HEADER, header), (COMMENT, comments)):
        if n:
            out.skipped[reason] = out.skipped.get(reason, 0) + n
    return out


def checked(terms: Iterable[str], unit: str = "line") -> WordList:
    """The terms that are words or short phrases once their markup is dropped, and how many were
    skipped for each reason (an empty one too); `unit` names what a term is."""
    out = WordList(unit=unit)
    for term in terms:
        text = _unmarked(term)
        if not text:
            out.skipped[EMPTY] = out.skipped.get(EMPTY, 0) + 1
            continue
        why = word_or_phrase(text) if text.isprintable() else NOT_A_WORD
        if why is None:
            out.words.append(text)
        else:
            out.skipped[why] = out.skipped.get(why, 0) + 1
    return out


@dataclass
class Prepared:
    """Words ready to be saved as known: (lemma, text, forms) each, how many terms were offered, how
    many of them were a word given before (`duplicates`), and how many were past MAX_SEED (`cut`)."""

    words: list[tuple[str, str, str]]
    offered: int
    duplicates: int = 0
    cut: int = 0
    meanings: dict[str, str] = field(default_factory=dict)  # a lemma → the learner's own meaning


def prepare(terms: Iterable[str], meanings: dict[str, str] | None = None) -> Prepared:
    """Lemmas and inflected forms of the terms worth seeding, one entry a lemma. Pure (no library):
    the window works it out off its thread, as the word-form tables take a second to load. A term is
    saved lower-case under the lemma saving it would give, unless it is a name (see `is_name`)."""
    from library.study.lemma_batch import lemmas_of_many
    from library.wordforms import forms_of, lemma_of, normal_form

    given = [t for t in (" ".join(normal_form(str(x)).split()) for x in terms) if t and _english(t)]
    texts = list(dict.fromkeys(given))
    cut = max(0, len(texts) - MAX_SEED)
    texts = texts[:MAX_SEED]
    singles = lemmas_of_many(t.lower().replace("’", "'") for t in texts if " " not in t)
    by_lemma: dict[str, str] = {}
    meant: dict[str, str] = {}
    given_meanings = {" ".join(normal_form(k).split()): v for k, v in (meanings or {}).items()}
    for text in texts:
        meaning = given_meanings.get(text, "")
        lower = text.lower().replace("’", "'")
        lemma = singles[lower] if " " not in text else lemma_of(text)
        if " " not in text and is_name(text, lemma):
            lemma = lower
        elif text != "I":
            text = text.lower()
        by_lemma.setdefault(lemma, text)
        if meaning:
            meant.setdefault(lemma, meaning)
    words = [(lemma, text, "|".join(sorted(forms_of(lemma) | {text.lower()}))) for lemma, text in by_lemma.items()]
    return Prepared(words, len(texts), len(given) - cut - len(by_lemma), cut, meant)


def is_name(text: str, lemma: str) -> bool:
    """Whether a listed word written with a capital is a name, kept as written and not lemmatised: in
    capitals (NASA), or one whose lemma is far rarer than it is (Reuters is not a plural of "reuter",
    nor Wales of "wale"), or one wordfreq does not know lower-case, or lemminflect does not list, or
    one cefrpy lists as a name first (Paris, China)."""
    from wordfreq import zipf_frequency

    if not text[:1].isupper():
        return False
    if len(text) > 1 and text.isupper():
        return True
    form = zipf_frequency(text.lower(), "en", wordlist="large")
    if form == 0 or (lemma != text.lower() and zipf_frequency(lemma, "en", wordlist="large") < form - 1.2):
        return True
    from library.study.word_table import cefr_levels_by_part
    from library.wordforms import listed

    if not listed(text):  # a word the lemmatizer does not know, written with a capital: Reuters, Texas
        return True
    # cefrpy lists it as a name at a level no harder than as anything else: Paris, China.
    parts = cefr_levels_by_part().get(text.lower()) or {}
    named = [v for p, v in parts.items() if p in _PROPER]
    other = [v for p, v in parts.items() if p not in _PROPER]
    return bool(named) and (not other or min(named) <= min(other))


class Seeding:
    """Marks many words known at once for the active learner, and takes a seeding back."""

    def __init__(self, db: Database, words: Words) -> None:
        self._db = db
        self._words = words

    def seed(self, terms: Iterable[str], meanings: dict[str, str] | None = None) -> Seeded:
        """Mark these words (or phrases) known, with the learner's own meanings of some of them (a
        term → its meaning); words saved before are left as they are."""
        return self.store(prepare(terms, meanings))

    def store(self, prepared: Prepared) -> Seeded:
        """Save words prepared by `prepare` as known, in one transaction (on the library's thread)."""
        profile = self._words.profile_id
        saved = dict(self._db.execute("SELECT lemma, status FROM words WHERE profile_id = ?", [profile]).fetchall())
        before = [saved[w[0]] for w in prepared.words if w[0] in saved]
        out = Seeded(already=len(before), offered=prepared.offered,
                     already_known=sum(1 for status in before if status in ("known", "ignored")),
                     duplicates=prepared.duplicates, cut=prepared.cut)
        with self._db.atomic():
            last = self._db.execute("SELECT max(seeding) FROM words WHERE profile_id = ?", [profile]).fetchone()[0]
            out.seeding = int(last or 0) + 1
            for lemma, text, forms in prepared.words:
                if lemma in saved:
                    continue
                cur = self._db.execute(  # a deck's meaning is the learner's own (gloss_source '')
                    "INSERT INTO words (profile_id, text, lemma, forms, status, seeding, gloss)"
                    " VALUES (?, ?, ?, ?, 'known', ?, ?)",
                    [profile, text, lemma, forms, out.seeding, prepared.meanings.get(lemma, "")],
                )
                out.word_ids.append(int(cur.lastrowid or 0))
            self._db.conn.executemany(
                "INSERT INTO word_events (profile_id, word_id, status) VALUES (?, ?, 'known')",
                [(profile, i) for i in out.word_ids],
            )
            recount_known(self._db, profile)
        return out

    def undo(self, seeded: Seeded) -> int:
        """Take back the words one seeding marked known (those still saved); how many went. The delete
        and the lessons' known counts are one transaction, committed before this returns: a few
        statements by the seeding's number, however many words it marked."""
        if seeded.seeding is None:
            return self._words.delete(seeded.word_ids).count
        profile = self._words.profile_id
        mine = "SELECT id FROM words WHERE profile_id = ? AND seeding = ?"
        with self._db.atomic():
            # The words' own rows first: word_events and review_log have no index on word_id, and a
            # cascade would scan them once for each word.
            for table in ("review_log", "review_cards", "word_events"):
                self._db.execute(f"DELETE FROM {table} WHERE word_id IN ({mine})", [profile, seeded.seeding])
            gone = self._db.execute("DELETE FROM words WHERE profile_id = ? AND seeding = ?", [profile, seeded.seeding])
            recount_known(self._db, profile)
        self._words.forget_marks()
        return int(gone.rowcount)

    def last(self) -> Seeded | None:
        """The last marking of the active learner whose words are still saved (after a restart too), or None."""
        profile = self._words.profile_id
        row = self._db.execute(
            "SELECT max(seeding) FROM words WHERE profile_id = ? AND seeding IS NOT NULL", [profile]
        ).fetchone()
        if row is None or row[0] is None:
            return None
        ids = [r[0] for r in self._db.execute("SELECT id FROM words WHERE profile_id = ? AND seeding = ?",
                                              [profile, row[0]])]
        return Seeded(word_ids=ids, seeding=int(row[0]))
