"""Letter-spaced text, as a PDF's text layer gives it: each letter apart and the words two
spaces apart (`T h e  c i t y  o f`), or each CJK character apart (`東 京 都 の`), put back
together (`The city of`, `東京都の`)."""

from __future__ import annotations

import re

# Words are two spaces (or more) apart, letters one.
_WORD_GAP = re.compile(r" {2,}")
# A letter-spaced line is mostly single characters: this many of its pieces, and this share.
MIN_LETTERS = 6
LETTER_SHARE = 0.8


def rejoin_spacing(text: str) -> str | None:
    """The line with its letters put back together, or None for a line that is not letter-spaced.
    English and Korean letters need the words' double spaces to be told apart; Chinese and
    Japanese characters need none."""
    text = text.replace("\u3000", " ").strip()
    pieces = text.split()
    singles = sum(1 for p in pieces if len(p) == 1)
    if singles < MIN_LETTERS or singles < LETTER_SHARE * len(pieces):
        return None
    # English and Korean write spaces between words: two spaces apart when the letters are spaced.
    spaced_words = sum(1 for p in pieces if (p.isascii() and p.isalpha()) or "\uac00" <= p <= "\ud7a3") > singles / 2
    if spaced_words and "  " not in text:
        return None  # letters with no word gaps: where the words end cannot be told
    if not spaced_words and sum(1 for p in pieces if not p.isascii()) <= singles / 2:
        return None  # figures or marks apart (a calendar's row, `1 2 3 4 5 6`): nothing to join
    joined = " ".join(_joined(word) for word in _WORD_GAP.split(text))
    return joined if spaced_words else _CJK_GAP.sub("", joined)


# A space between two characters of no Latin script (`東京都 の`): no word gap in CJK text.
_CJK_GAP = re.compile(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])")


def _joined(word: str) -> str:
    """One word's letters together; a word with a piece longer than a letter kept as it is."""
    parts = word.split(" ")
    return "".join(parts) if all(len(p) == 1 for p in parts) else word
