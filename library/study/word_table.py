"""Fast lookups behind levelling: cefrpy's list read in whole slices (kept as a per-machine table,
library/study/level_table.py), lemmas of many words at once
(lemminflect's guesser for unlisted words run as one matrix product, not once a word), and
syllables counted from pyphen's patterns without building its position objects.

Each gives what the one-word calls give (cefrpy's easiest level of a word, `lemma_of`, pyphen's
positions kept 2 letters from either end); tests compare them on thousands of words."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

_lock = threading.Lock()
_levels: dict[str, int] | None = None
_by_part: dict[str, dict[int, int]] | None = None
_ranks: dict[str, int] | None = None
_patterns: dict[str, Any] | None = None


def cefr_table() -> dict[str, int]:
    """Every word cefrpy lists → the level index (0–5) of its easiest part of speech, held whole
    (~27 MB: levelling looks words up in the per-machine table instead, library/study/level_table.py)."""
    global _levels
    if _levels is None:
        with _lock:
            if _levels is None:
                _levels = _read_cefr()
    return _levels


def cefr_data_path() -> Path:
    """cefrpy's data file, found without running the package."""
    from importlib.util import find_spec

    spec = find_spec("cefrpy")
    if spec is None or spec.origin is None:
        raise ImportError("cefrpy is not installed")
    return Path(spec.origin).parent / "data.bin"


def _cefr_file() -> tuple[int, tuple[int, ...], bytes]:
    """cefrpy's data file: how many word lengths, where each length's blocks start, the blocks."""
    import struct

    raw = cefr_data_path().read_bytes()
    count = raw[0]
    return count, struct.unpack(f"={count}I", raw[1 : 1 + 4 * count]), raw[1 + 4 * count :]


def _read_cefr() -> dict[str, int]:
    """Every word of cefrpy's data file with its easiest level, in one dict."""
    out: dict[str, int] = {}
    for levels in cefr_levels_by_length():
        out.update(levels)
    return out


PROPER_PARTS = frozenset({10, 11})  # cefrpy's parts of speech for names (NNP, NNPS)


def cefr_common_by_length() -> Iterator[dict[str, int]]:
    """As cefr_levels_by_length, the easiest level of each word as anything but a name; a word the
    list has only as a name (john, takashi) is left out."""
    for levels in _read_cefr_by_part_by_length():
        yield {w: min(v for p, v in parts.items() if p not in PROPER_PARTS) for w, parts in levels.items()
               if set(parts) - PROPER_PARTS}


def cefr_levels_by_length() -> Iterator[dict[str, int]]:
    """cefrpy's words of each length in turn → the level index (0–5) of each one's easiest part of
    speech. The file holds a count n, n offsets (one per word length), then for each length L fixed
    blocks of L letters, a part of speech and a level byte. Read here in whole slices: importing
    cefrpy checks the file byte by byte in Python (0.2 s) and its lookups walk it one byte a call."""
    count, starts, data = _cefr_file()
    # cefrpy's level byte b means level b / 50 + 1, rounded to the nearest CEFR level as its
    # analyser rounds it (Python's round: a half goes to the even level); here its index 0–5.
    index = [min(round(b / 50 + 1), 6) - 1 for b in range(256)]
    for length in range(1, count):
        block = length + 2
        segment = data[starts[length - 1] : starts[length]]
        text = segment.decode("latin-1")  # the letters are a–z; the other bytes are sliced off
        words = [text[i : i + length] for i in range(0, len(segment), block)]
        # As cefrpy's answer is a dict by part of speech, a part listed twice keeps its last level.
        keys = zip(words, segment[length::block], strict=True)
        parts = dict(zip(keys, segment[length + 1 :: block], strict=True))
        out: dict[str, int] = {}
        get = out.get
        for (word, _), level in parts.items():
            found, old = index[level], get(word)
            if old is None or found < old:
                out[word] = found
        yield out


def cefr_levels_by_part() -> dict[str, dict[int, int]]:
    """Every word cefrpy lists → its level index (0–5) for each part of speech (cefrpy's tag ids)."""
    global _by_part
    if _by_part is None:
        with _lock:
            if _by_part is None:
                _by_part = _read_cefr_by_part()
    return _by_part


def _read_cefr_by_part() -> dict[str, dict[int, int]]:
    """cefrpy's data file read as `_read_cefr` does, each part of speech kept apart."""
    out: dict[str, dict[int, int]] = {}
    for levels in _read_cefr_by_part_by_length():
        out.update(levels)
    return out


def _read_cefr_by_part_by_length() -> Iterator[dict[str, dict[int, int]]]:
    """cefrpy's words of each length in turn, each part of speech's level kept apart."""
    count, starts, data = _cefr_file()
    index = [min(round(b / 50 + 1), 6) - 1 for b in range(256)]
    for length in range(1, count):
        out: dict[str, dict[int, int]] = {}
        block = length + 2
        segment = data[starts[length - 1] : starts[length]]
        text = segment.decode("latin-1")
        words = [text[i : i + length] for i in range(0, len(segment), block)]
        for word, part, level in zip(words, segment[length::block], segment[length + 1 :: block], strict=True):
            out.setdefault(word, {})[part] = index[level]
        yield out


def frequency_ranks() -> dict[str, int]:
    """Each of the 100,000 most common English word forms → its rank from 1 (wordfreq's list, read on
    first use: it is not needed to level a lesson)."""
    global _ranks
    if _ranks is None:
        with _lock:
            if _ranks is None:
                _ranks = _read_ranks()
    return _ranks


RANKED = 100_000
# wordfreq leaves out of its lists words with a run of digits (numbers.py's MULTI_DIGIT_RE).
_DIGITS = re.compile(r"\d[\d.,]+")


def wordfreq_path() -> Path | None:
    """wordfreq's large English list, found without importing the package (None where it is not)."""
    from importlib.util import find_spec

    spec = find_spec("wordfreq")
    path = Path(spec.origin).parent / "data" / "large_en.msgpack.gz" if spec and spec.origin else None
    return path if path is not None and path.exists() else None


def _read_ranks() -> dict[str, int]:
    """The ranks of `top_n_list("en", RANKED, wordlist="large")`, read from the front of wordfreq's
    file: the whole list (ten times as many words, ~40 MB as Python lists, which wordfreq keeps in
    its caches) is never built, nor is wordfreq imported."""
    path = wordfreq_path()
    try:
        if path is None:
            raise ImportError("wordfreq's file is not where its package keeps it")
        words = _front_of_list(path)  # msgpack: wordfreq's own dependency
    except ImportError:  # laid out otherwise: wordfreq's own reading
        from wordfreq import top_n_list

        words = top_n_list("en", RANKED, wordlist="large")
    ranks: dict[str, int] = {}
    for rank, word in enumerate(words, 1):
        ranks.setdefault(word, rank)
    return ranks


def _front_of_list(path: Path) -> list[str]:
    """The first RANKED words of a wordfreq cBpack file."""
    words: list[str] = []
    for bucket in wordfreq_buckets(path):
        words += [w for w in bucket if not _DIGITS.match(w)]
        if len(words) >= RANKED:
            break
    return words[:RANKED]


def wordfreq_buckets(path: Path) -> Iterator[list[str]]:
    """The lists of a wordfreq cBpack file (gzip, msgpack: a header, then one list of words per
    centibel of frequency, the commonest first: list i holds the words at -i cB), unpacked one at a
    time as they are asked for."""
    import gzip

    import msgpack

    with gzip.open(path, "rb") as file:
        unpacker = msgpack.Unpacker(file, raw=False)
        lists = unpacker.read_array_header()
        header = unpacker.unpack()
        if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
            raise ValueError(f"unexpected wordfreq file: {path.name}")
        for _ in range(lists - 1):
            yield unpacker.unpack()


_Trie = dict[str, Any]  # letter → the node of patterns going on with it; "" → (offset, values) ending here


def _hyphenation() -> _Trie:
    """pyphen's American English patterns as a trie of letters (a walk stops at the first letter no
    pattern goes on with: most stop after two or three)."""
    global _patterns
    if _patterns is None:
        import pyphen

        root: _Trie = {}
        for pattern, found in pyphen.Pyphen(lang="en_US").hd.patterns.items():
            node = root
            for letter in pattern:
                node = node.setdefault(letter, {})
            node[""] = found
        _patterns = root
    return _patterns


def syllables(word: str) -> int:
    """Syllables of a word: hyphenation points (not within 2 letters of an end) plus one."""
    if len(word) < 4:  # no point is 2 letters from both ends
        return 1
    root = _hyphenation()
    pointed = f".{word.lower()}."
    n = len(pointed)
    refs = [0] * (n + 1)
    for i in range(n - 1):
        node = root
        for letter in pointed[i:]:
            going_on: _Trie | None = node.get(letter)
            if going_on is None:
                break
            node = going_on
            found = node.get("")
            if found is not None:
                offset, values = found
                for k, v in enumerate(values, i + offset):
                    if v > refs[k]:
                        refs[k] = v
    # pyphen's point i sits at reference i + 1; pyphen keeps points with 2 <= i <= len - 2.
    points = sum(1 for i in range(2, len(word) - 1) if refs[i + 1] % 2)
    return max(1, points + 1)
