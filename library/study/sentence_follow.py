"""A saved word's sentence follows its lesson's English when the English is fixed (a typo, a split,
a join): the sentence saved with the word is found again in the new text, as near to it as it is."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from library.store.database import Database
from library.study.words import Word, form_in

# Below this likeness a sentence of the new text is another sentence, not the one the word was saved with.
LIKE = 0.6
_SENTENCE = re.compile(r"[^.!?。！？]+(?:[.!?。！？]+[\"”’)]*|$)")


def sentences_of(text: str) -> list[str]:
    """The sentences of a paragraph, each stripped."""
    return [s.strip() for s in _SENTENCE.findall(text) if s.strip()]


def follow_text(db: Database, lesson_id: int, blocks: list[str]) -> int:
    """Each word saved from lesson `lesson_id` whose sentence is no longer in its English `blocks` takes the
    sentence of the new text most like it that holds the word (and that sentence's block); how many changed."""
    rows = db.execute("SELECT id, text, lemma, sentence, block_pos FROM words WHERE lesson_id = ? AND sentence != ''",
                      [lesson_id]).fetchall()
    if not rows:
        return 0
    found = [(pos, s) for pos, text in enumerate(blocks) for s in sentences_of(text)]
    whole = "\n".join(blocks)
    changed = 0
    for word_id, text, lemma, sentence, _block in rows:
        if sentence in whole:
            continue  # still in the lesson as it was saved
        word = Word(word_id, text, lemma, "new")
        best, like = None, LIKE
        for pos, candidate in found:
            ratio = SequenceMatcher(None, sentence, candidate).ratio()
            if ratio >= like and form_in(candidate, word) is not None:
                best, like = (pos, candidate), ratio
        if best is not None:
            db.execute("UPDATE words SET sentence = ?, block_pos = ? WHERE id = ?", [best[1], best[0], word_id])
            changed += 1
    return changed
