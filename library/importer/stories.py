"""A line holding several stories, each English sentence (or two) then its translation, the
next story's English on the same line (a news digest: `A zoo in Chile … 칠레의 한 동물원이 …
Engineers in Denmark … 덴마크의 …`): split into its pairs, each a paragraph of its own.

A line of two pairs stays one paragraph with its translation (chunks.py): a paragraph is often
two sentences, each followed by its translation. From three pairs on, each whole sentence
followed by a whole translation, the line is read as a list of stories, and the import says so.
A bare `※` after a translation (the page's comment on that story) becomes a line of its own.
"""

from __future__ import annotations

import re

from library.importer.chunks import CJK, MIN_RATIO, line_chunks
from library.importer.normalise import language_of
from library.importer.oneline import headline_before

STORY_PAIRS = 3
# Three pairs of whole sentences are longer than this: shorter lines are not looked at.
STORY_CHARS = 90
_EN_START = re.compile(r"^[\"“‘'(]?[A-Z]")
_EN_END = re.compile(r"[.!?][\"”’)]?$")
_TR_END = re.compile(r"[。！？.!?」』)）]$")
# A bare `※` (no number after it) after a translation's sentence end: a comment on the story.
_KOME = re.compile(r"(?<=[。！？.!?」』])\s*(?=※\s?[^\d\s])")
_ENDS = "。.!?！？"


def split_stories(text: str) -> list[tuple[str, bool]] | None:
    """The line's pieces in order, each with whether it opens a story (an English piece), for a
    line of several stories each with its translation; else None. A banner in capitals the
    line opens with is a piece of its own, before the first story."""
    if len(text) < STORY_CHARS or sum(map(text.count, _ENDS)) < 2 * STORY_PAIRS:
        return None  # too few sentence ends for three pairs: most lines stop here
    chunks = line_chunks(text)
    if chunks is None or len(chunks) < 2 * STORY_PAIRS or len(chunks) % 2:
        return None
    if any(is_en != (k % 2 == 0) for k, (is_en, _) in enumerate(chunks)):
        return None  # not English, translation, English, translation … in turn
    out: list[tuple[str, bool]] = []
    banner, first = _banner_before(chunks[0][1])
    if banner:
        out.append((banner, False))  # `WORLD NEWS DIGEST May 2, 2025 A small town…`: the digest's own head
        chunks[0] = (True, first)
    for (_, english), (_, translated) in zip(chunks[::2], chunks[1::2], strict=True):
        if not (_EN_START.match(english) and _EN_END.search(english) and _TR_END.search(translated)):
            return None  # a chunk ending mid-phrase: slash reading, one paragraph (chunks.py)
        if len(translated) < MIN_RATIO * len(english) or language_of(translated) not in CJK:
            return None
        out.append((english, True))
        out += [(part, False) for part in split_comment(translated)]
    return out


def _banner_before(english: str) -> tuple[str, str]:
    """(the digest's banner, the first story) when the line opens with a banner in capitals run
    on into the first sentence (`WORLD NEWS DIGEST May 2, 2025 A small town…`), else ("", english)."""
    head = english.split(" ", 1)[0]
    if len(head) < 2 or not head.isupper() or not head.isalpha():
        return "", english
    banner, first = headline_before(english)
    return (banner, first) if banner else ("", english)


def split_comment(text: str) -> list[str]:
    """A translation and the page's `※ …` comment after it on the same line (`…焼いた。※ 市は…`),
    as two lines; any other line as it is."""
    if "※" not in text:
        return [text]
    return [part.strip() for part in _KOME.split(text) if part.strip()]
