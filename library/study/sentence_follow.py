"""A saved word's sentence follows its lesson's English when the English is fixed (a typo, a split,
a join): the sentence saved with the word is found again in the new text, as near to it as it is."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from library.store.database import Database
from library.study.words import Word, form_in

# Below this likeness a sentence of the new text is another sentence, not the one the word was saved with.
LIKE = 0.6
NEAR = 2  # blocks either side of where the word was saved
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
    for word_id, text, lemma, sentence, block in rows:
        if sentence in whole:
            continue  # still in the lesson as it was saved
        # A fix moves a sentence a block or two at most (a split, a join): those near where it was saved first.
        near = [c for c in found if block is None or abs(c[0] - block) <= NEAR]
        best = _likest(Word(word_id, text, lemma, "new"), sentence, near)
        if best is not None:
            db.execute("UPDATE words SET sentence = ?, block_pos = ? WHERE id = ?", [best[1], best[0], word_id])
            changed += 1
    return changed


def _likest(word: Word, sentence: str, candidates: list[tuple[int, str]]) -> tuple[int, str] | None:
    """The candidate (block, sentence) most like `sentence` that holds the word, at LIKE or more."""
    best, like = None, LIKE
    matcher = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(sentence)  # the saved sentence is compared with each: its tables are made once
    for pos, candidate in candidates:
        matcher.set_seq1(candidate)
        if matcher.real_quick_ratio() < like or matcher.quick_ratio() < like:
            continue  # cheap bounds first: most sentences are nothing like it
        ratio = matcher.ratio()
        if ratio >= like and form_in(candidate, word) is not None:
            best, like = (pos, candidate), ratio
    return best


def likest_sentence(sentence: str, text: str) -> str | None:
    """The sentence of paragraph `text` most like `sentence` (its wording changed), at LIKE or more, or None."""
    best, like = None, LIKE
    matcher = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(sentence)
    for candidate in sentences_of(text):
        matcher.set_seq1(candidate)
        if matcher.real_quick_ratio() < like or matcher.quick_ratio() < like:
            continue
        ratio = matcher.ratio()
        if ratio >= like:
            best, like = candidate, ratio
    return best
