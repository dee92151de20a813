"""A translation placed by its position alone (right under or over a paragraph) that the
evidence is against: far longer or shorter than that paragraph, or of another number of
sentences, or naming what the paragraph does not. Where an untranslated paragraph in the same
stretch fits it whole (its length, the same number of sentences, two or more, and names no worse), it is moved there; a
translation paragraph is kept whole rather than spread over paragraphs it does not fit. Either
way the placement is a guess, and said. Lines standing right against their paragraph are left
as they are, but for lines at their far end that make them misfit where the rest fits: a
related story's headline or a blog's byline under a translation is not part of it.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from library.importer import split as K
from library.importer.sentencecut import MAX_COVERED, sentences
from library.importer.split import Line

if TYPE_CHECKING:
    from library.importer.evidence import EnglishBlock, Evidence

# How far the placement may be from its paragraph (log of the length ratio, plus half the log
# of the ratio of sentence counts) before its position alone is not enough.
MISFIT = 0.8
# How well another paragraph must fit to take the translation, and by how much better.
FITS = 0.45
BETTER_BY = 0.5
SENTENCE_WEIGHT = 0.5
# Names and numbers the translation has that its paragraph lacks, past this, are against it.
CONTENT_AGAINST = -1.5
# A paragraph at least this long is weighed (a short one's translation varies too much).
MIN_ENGLISH = 40
_ENGLISH_END = re.compile(r"[.!?][\"”’)]?(?=\s+[A-Z\"“]|\s*$)")


def english_sentences(text: str) -> int:
    """How many sentences an English paragraph holds."""
    return max(1, len(_ENGLISH_END.findall(text)))


def recheck(
    lines: list[Line],
    blocks: list[EnglishBlock],
    evidence: Evidence,
    runs: list[tuple[list[int], EnglishBlock]],
    placed: dict[int, int],
    step: int,
) -> tuple[list[tuple[list[int], EnglishBlock]], set[int]]:
    """The runs with their blocks after the check (a run moved to the paragraph it fits), and the
    lines whose placement the evidence is against (each a guess to say). `step`: the side the
    paragraphs a translation may belong to stand on (-1: before it). A translation standing
    right against its paragraph, with no blank line between, is left as it is: the layout is
    strong evidence (a translator may leave sentences out)."""
    taken = set(placed.values())
    doubtful: set[int] = set()
    out: list[tuple[list[int], EnglishBlock]] = []
    unfinished = _unfinished(lines, runs)
    for run, block in runs:
        pos = block.pos
        tight = (lines[run[0]].gap if step < 0 else lines[block.line].gap) == 0
        moved = any(placed.get(i) != pos for i in run)
        lang = lines[run[0]].lang
        text = "".join(lines[i].text for i in run)
        count = len(run) if len(run) > 1 else len(sentences(text))
        # (right against its paragraph, a headline-like translation is still one; not past site text)
        near = run[0] - 1 if step < 0 else run[-1] + 1
        against = tight and 0 <= near < len(lines) and lines[near].kind not in (K.JUNK, K.LABEL)
        if run[-1] in unfinished and not against:
            doubtful.update(run)
        elif len(run) == 1 and run[0] in unfinished and block.kind == K.PARAGRAPH and not moved:
            # Right against it but no sentence, and its length or its names and numbers against it
            # (`【関連記事】2024年の…` under a long paragraph with no translation): a guess, said.
            cost = _cost(evidence, blocks[pos], len(text), 1, lang)
            if cost > MISFIT or evidence.parts(pos, text, lang)[0] <= CONTENT_AGAINST:
                doubtful.update(run)
        weighed = block.kind == K.PARAGRAPH and len(block.text) >= MIN_ENGLISH and not moved
        if tight and len(run) > 1 and weighed and _cost(evidence, blocks[pos], len(text), count, lang) > MISFIT:
            # Lines right against a paragraph, more of them and longer than it: another line (a
            # related story's headline, a byline, a box) was taken in. The lines furthest from the
            # paragraph are left out where the rest then fits (for the evidence to place, or unplaced).
            rest = _best_part(lines, evidence, blocks[pos], run, step, lang)
            if rest is not None:
                for i in run:
                    if i not in rest:
                        placed.pop(i, None)
                out.append((rest, block))
                continue
        if tight or not weighed:
            out.append((run, block))
            continue
        here = _cost(evidence, blocks[pos], len(text), count, lang)
        content = evidence.parts(pos, text, lang)[0]
        if here <= MISFIT and content > CONTENT_AGAINST:
            out.append((run, block))
            continue
        doubtful.update(run)
        best = _better(lines, blocks, evidence, pos, step, taken, text, count, lang, here, content)
        if best is None:
            out.append((run, block))
            continue
        for i in run:
            placed[i] = best
        taken.discard(pos)
        taken.add(best)
        out.append((run, blocks[best]))
    return out, doubtful


# Where more than this share of a page's translations (and two at least) end as sentences do,
# one that does not, under a paragraph that does, is likely no translation (a box of headlines).
FINISHED_SHARE = 0.5
_SENTENCE_CLOSE = tuple("。．.！？!?」』”\"）)")


def _unfinished(lines: list[Line], runs: list[tuple[list[int], EnglishBlock]]) -> set[int]:
    """The last lines of the runs on paragraphs ending as sentences that end as no sentence,
    on a page whose other translations do (`相关新闻` / `老城区新开三家书店` under a paragraph)."""
    on_paragraphs = [(run, b) for run, b in runs if b.kind == K.PARAGRAPH and b.text.rstrip()[-1:] in ".!?\"”"]
    finished = [lines[run[-1]].text.endswith(_SENTENCE_CLOSE) for run, _b in on_paragraphs]
    if sum(finished) < 2 or sum(finished) <= FINISHED_SHARE * len(finished):
        return set()
    return {run[-1] for (run, _b), done in zip(on_paragraphs, finished, strict=True) if not done}


def _best_part(
    lines: list[Line], evidence: Evidence, block: EnglishBlock, run: list[int], step: int, lang: str
) -> list[int] | None:
    """The lines of a run nearest its paragraph that fit it, when they do (else None): the run
    without the lines at its far end that end as no sentence does (a byline, a category line, a
    headline), or, with none, without its furthest line."""
    far = -1 if step < 0 else 0
    part = list(run)
    while len(part) > 1 and not lines[part[far]].text.endswith(_SENTENCE_CLOSE):
        part.pop(far)
    if len(part) == len(run):
        part = run[:-1] if step < 0 else run[1:]
    text = "".join(lines[i].text for i in part)
    count = len(part) if len(part) > 1 else len(sentences(text))
    return part if _cost(evidence, block, len(text), count, lang) <= MISFIT else None


def _better(
    lines: list[Line],
    blocks: list[EnglishBlock],
    evidence: Evidence,
    pos: int,
    step: int,
    taken: set[int],
    text: str,
    count: int,
    lang: str,
    here: float,
    content: float,
) -> int | None:
    """The untranslated paragraph next to `pos` (on the side `step`, up to a heading or a
    translated paragraph) that fits the translation whole clearly better, or None."""
    best: tuple[float, int] | None = None
    j = pos + step
    while 0 <= j < len(blocks) and abs(j - pos) <= MAX_COVERED:
        other = blocks[j]
        if other.kind != K.PARAGRAPH or j in taken:
            break
        cost = _cost(evidence, other, len(text), count, lang)
        if (
            count >= 2
            and count == english_sentences(other.text)
            and cost <= FITS
            and here - cost >= BETTER_BY
            and evidence.parts(j, text, lang)[0] >= content - 0.3
            and (best is None or cost < best[0])
        ):
            best = (cost, j)
        j += step
    return None if best is None else best[1]


def _cost(evidence: Evidence, block: EnglishBlock, length: int, count: int, lang: str) -> float:
    """How far a translation of `length` characters and `count` sentences is from the block."""
    expected = evidence.ratio.get(lang, 0.5) * max(1, len(block.text))
    off = abs(math.log(max(length, 1) / expected))
    return off + SENTENCE_WEIGHT * abs(math.log(count / english_sentences(block.text)))


def fits_whole(evidence: Evidence, blocks: list[EnglishBlock], group: list[int], text: str, lang: str) -> int | None:
    """Of the paragraphs one translation would be shared out among, the one it fits whole (its
    length, as many sentences, two or more, names and numbers no worse than the others'), or
    None: a translation paragraph is kept whole rather than spread over paragraphs it does
    not fit."""
    count = len(sentences(text))
    if count < 2:
        return None
    contents = {p: evidence.parts(p, text, lang)[0] for p in group}
    best: tuple[float, int] | None = None
    for p in group:
        if count != english_sentences(blocks[p].text) or contents[p] < max(contents.values()) - 0.3:
            continue
        cost = _cost(evidence, blocks[p], len(text), count, lang)
        if cost <= FITS and (best is None or cost < best[0]):
            best = (cost, p)
    return None if best is None else best[1]

