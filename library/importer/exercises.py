"""Exercises on a page: a cloze passage (blanks and numbered gaps, a word bank, choices) or a
practice section (a quiz repeating the body's sentences with blanks, choices or as questions).

They are recognised before the body is read, so their lines never become paragraphs (nor,
repeating the body, captions), and kept as the lesson's exercises, each with its own lines.
"""

from __future__ import annotations

import re

from library.importer import patterns as P
from library.importer import split as K
from library.importer.split import Line
from library.model import EXERCISE_WITHOUT_HEADING, Exercise, ImportWarning

# A practice section's heading, its step number or brackets around it allowed.
_HEADING = re.compile(
    r"^(?:#+\s*)?(?:(?:step|part|section)\s*\d{1,2}\s*[.:：\-–]?\s*|[【\[■□◆●▶►]\s*)*"
    r"(?:let'?s\s+practi[cs]e|practi[cs]e(?:\s+(?:questions?|time|exercises?))?|exercises?|(?:quick\s+)?quiz(?:zes)?|"
    r"check\s+your\s+understanding|comprehension(?:\s+(?:questions?|check))?|fill\s+in\s+the\s+blanks?|"
    r"cloze(?:\s+test)?|test\s+yourself|review\s+quiz|let'?s\s+(?:talk|discuss)|discussion|"
    r"(?:(?:pre|post|after|before)[-\s]?reading\s+|discussion\s+|review\s+|comprehension\s+)?questions?|"
    r"練習問題|練習|確認問題|確認テスト|穴埋め(?:問題|テスト)?|クイズ|復習(?:問題|テスト)|理解度チェック|"
    r"연습\s?문제|연습|퀴즈|확인\s?문제|빈칸\s?채우기|"
    r"练习题?|練習題|小测验|测验|測驗|填空(?:题|題|练习|練習)?)"
    r"(?:\s*\d{1,2})?\s*[】\]]?\s*(?:[(（][^)）]{1,30}[)）])?\s*[:：]?$",
    re.IGNORECASE,
)
# A gap to fill: a run of underscores, empty or numbered brackets with space inside
# (`( 1 )`, `[ ]`, `（　）`), or a hint of a word's first letters (`1(un )`). `(1)` alone is
# a note marker's shape, so a numbered gap needs the space a blank leaves.
_BLANK = re.compile(
    r"_{3,}|[(（［\[]\s+\d{0,2}\s*[)）］\]]|[(（［\[]\s*\d{1,2}\s+[)）］\]]|（\s*\d{0,2}\s*）|\d\s?\([A-Za-z]{1,3}\s\)"
)
_GAP_CHARS = ("_", "(", "（", "[", "［")
# A numbered item or question (`1.`, `Q1`, `(2)`, `問3`, `①`), a choice (`a)`, `(B)`, `A.`).
_ITEM = re.compile(r"^(?:Q\s?\d{1,2}|\d{1,2}\s?[.)．）]|[(（]\d{1,2}[)）]|問\s?\d{1,2}|[①-⑳])\s*")
_CHOICE = re.compile(r"(?:^|\s)[(（]?[a-dA-D][).）]\s+\S")
_CHOICES_INLINE = re.compile(r"[(（][^()（）/]{1,20}(?:\s?/\s?[^()（）/]{1,20}){1,4}[)）]")
_ANSWER = re.compile(
    r"^[【\[(（]?(?:answers?(?:\s+key)?|答え|正解|解答|정답|答案|参考答案)(?:[】\])）]|\s*[:：]|$)", re.I
)
_TRUE_FALSE = re.compile(r"\b(?:T\s?/\s?F|true\s+or\s+false|true\s?/\s?false)\b|[○〇]\s?/?\s?[×✕]", re.I)
_WORD_BANK = re.compile(r"^[【\[(（]?(?:word\s+bank|words?\s+box|語群|보기|选项|選項|词库)[】\])）]?\s*[:：]?", re.I)
_INSTRUCTION = re.compile(
    r"^(?:choose|fill|complete|read|match|answer|put|write|circle|decide|use|listen|underline)\b", re.I
)
# An instruction inside a short line: `I will read each question. Then, please answer them.`
_ASKS = re.compile(
    r"\b(?:please\s+)?(?:answer|choose|fill\s+in|complete|circle|match|discuss|underline)\s+(?:the|them|each|it)\b",
    re.IGNORECASE,
)
INSTRUCTION_WORDS = 20
_QUESTION = re.compile(r"[?？]\s*[)）]?$")
_BANK_SPLIT = re.compile(r"\s*(?:[/|,、・]|\s{2,})\s*")
# A word bank: this many short options on one line, each of at most this many words.
BANK_OPTIONS = 3
BANK_WORDS = 3
# A page keeps its exercises only when an English line this long stands outside them.
BODY_WORDS = 6
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# Numbered items run together on one line: `答え: 1. night 2. used`, `意味 : 1. 無事で 2. …`.
_NUMBERED_RUN = re.compile(r"(?:^|[\s:：])1\s?[.)．]\s*\S.*?\s2\s?[.)．]\s*\S")
# An unheaded exercise: this many of its lines hold a gap.
UNHEADED_GAP_LINES = 2


def is_heading(text: str) -> bool:
    """Whether a line is a practice section's heading (`Let's practise`, `練習問題`, `STEP 4 Quiz`)."""
    return len(text) <= 60 and bool(_HEADING.match(text))


def _has_gap(text: str) -> bool:
    """Whether a line holds a gap to fill (most lines have none of the characters one needs)."""
    return any(c in text for c in _GAP_CHARS) and _BLANK.search(text) is not None


def _is_bank(text: str) -> bool:
    """A word bank or a line of options: a label, or several short options separated alike."""
    if _WORD_BANK.match(text):
        return True
    parts = [p for p in _BANK_SPLIT.split(text.strip("[]【】()（）")) if p]
    return len(parts) >= BANK_OPTIONS and all(len(p.split()) <= BANK_WORDS and len(p) <= 30 for p in parts)


def _evidence(line: Line) -> bool:
    """Whether a line reads as part of an exercise: a gap, an item number, choices, a question,
    an answer line, a word bank or an instruction."""
    t = line.text
    return bool(
        _has_gap(t)
        or _ITEM.match(t)
        or _CHOICE.search(t)
        or _CHOICES_INLINE.search(t)
        or _QUESTION.search(t)
        or _ANSWER.match(t)
        or _NUMBERED_RUN.search(t)
        or _TRUE_FALSE.search(t)
        or _INSTRUCTION.match(t)
        or (len(t.split()) <= INSTRUCTION_WORDS and _ASKS.search(t) is not None)
        or _is_bank(t)
    )


def _stops(line: Line) -> bool:
    """A line that ends an exercise: a word list, a note, site text, another section's label."""
    if line.kind == K.JUNK and not line.lang:
        return False  # a line of gaps and numbers has no language of its own
    if line.kind and not _ANSWER.match(line.text):
        return True
    return P.is_wordlist_heading(line.text) or bool(P.NOTE_START.match(line.text) and not _ITEM.match(line.text))


def mark_exercises(lines: list[Line]) -> None:
    """Mark the lines of every exercise (Kind.EXERCISE, `exercise` = its first line's index):
    a section under a practice heading, and a run of lines with gaps that has no heading.
    A page whose English is all in its exercises (a review quiz of news passages) is read as
    an article instead: its passages are what there is to study."""
    before = [line.kind for line in lines]
    _mark_headed(lines)
    _mark_unheaded(lines)
    if not any(not line.kind and line.lang == "en" and len(_LATIN_WORD.findall(line.text)) >= BODY_WORDS
               for line in lines):
        for line, kind in zip(lines, before, strict=True):
            line.kind, line.exercise = kind, None


def _mark_headed(lines: list[Line]) -> None:
    """A practice heading and the lines after it that read as exercise lines (or are in the
    learner's language right under one: instructions and questions), up to a line that ends it."""
    i = 0
    while i < len(lines):
        head = lines[i]
        if head.kind not in (K.UNDECIDED, K.LABEL, K.JUNK) or not head.lang or not is_heading(head.text):
            i += 1
            continue
        j = i + 1
        while j < len(lines) and not _stops(lines[j]) and not is_heading(lines[j].text):
            line = lines[j]
            # A line in the learner's language right under an exercise line is its instruction or
            # translation; after a blank line it may be the article's first translation.
            cjk = line.lang in ("ja", "zh", "ko") and line.gap == 0
            if not (_evidence(line) or cjk or not line.lang or _is_short(line)):
                break
            j += 1
        if any(_evidence(line) for line in lines[i + 1 : j]):
            for line in lines[i:j]:
                line.kind, line.exercise = K.EXERCISE, i
        i = j


def _is_short(line: Line) -> bool:
    """A short English line in an exercise: an option or an answer, not a paragraph."""
    return line.lang == "en" and len(line.text.split()) <= BANK_WORDS


def _mark_unheaded(lines: list[Line]) -> None:
    """Lines in a row of which at least two hold a gap (or one holds two), with the item,
    choice, bank and answer lines after them and an instruction or question just before."""
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.kind or not _has_gap(line.text):
            i += 1
            continue
        start = i
        before = lines[i - 1] if i > 0 else None
        if before is not None and _joins(before) and (_ITEM.match(before.text) or _INSTRUCTION.match(before.text)):
            start = i - 1
        j = i
        gaps = 0
        while j < len(lines) and _joins(lines[j]) and _evidence(lines[j]):
            gaps += _has_gap(lines[j].text)
            j += 1
        if gaps >= UNHEADED_GAP_LINES or len(_BLANK.findall(line.text)) >= UNHEADED_GAP_LINES:
            for ln in lines[start:j]:
                ln.kind, ln.exercise = K.EXERCISE, start
        i = max(j, i + 1)


def _joins(line: Line) -> bool:
    return not line.kind or (line.kind == K.JUNK and not line.lang)


def build_exercises(lines: list[Line]) -> tuple[list[Exercise], list[ImportWarning]]:
    """The exercises the marked lines hold, in page order; a warning for each found without a heading."""
    groups: dict[int, list[Line]] = {}
    for line in lines:
        if line.kind == K.EXERCISE and line.exercise is not None:
            groups.setdefault(line.exercise, []).append(line)
    out: list[Exercise] = []
    warnings: list[ImportWarning] = []
    for group in groups.values():
        first = group[0]
        headed = is_heading(first.text)
        title = first.text.strip("#【】[]■□◆●▶► :：") if headed else ""
        body = [ln.text for ln in (group[1:] if headed else group)]
        kind = "cloze" if any(_has_gap(t) for t in body) else "quiz"
        out.append(Exercise(kind, title, body))
        if not headed:
            warnings.append(ImportWarning(EXERCISE_WITHOUT_HEADING, first.text, 0.6))
    return out, warnings
