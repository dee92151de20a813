"""The lesson as plain data: what an import produces and what the window shows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Between a book's title and a chapter's, where a chapter is named with its book ("Book › Chapter").
BOOK_TITLE_SEPARATOR = " › "


@dataclass
class Anchor:
    """A character span of one block's English text."""

    block: int
    start: int
    end: int


@dataclass
class Note:
    """A note (※1, [1], *1, 注1…) with its text and where it is anchored."""

    marker: str
    text: str
    source_url: str | None = None
    source_text: str = ""
    anchor: Anchor | None = None
    label: str = ""
    origin: str = "import"
    ref: str = ""  # "import:N" or "user:ID": how editing refers to it

    @property
    def paragraphs(self) -> list[str]:
        """The note's paragraphs, in order."""
        return [p for p in self.text.split("\n") if p.strip()]


@dataclass
class GlossaryEntry:
    """One entry of the lesson's own word list."""

    term: str
    pos: str = ""
    definition: str = ""
    translation: str = ""
    example: str = ""
    origin: str = "import"
    ref: str = ""  # "import:N" or "user:ID": how editing refers to it


@dataclass
class Block:
    """A heading or paragraph of English text, with its translations by language."""

    kind: str
    text: str
    translations: dict[str, str] = field(default_factory=dict)
    user_translations: dict[str, str] = field(default_factory=dict)
    id: int | None = None

    def translation(self, lang: str | None = None) -> str | None:
        """The translation to show: the user's own first, then the imported one."""
        merged = {**self.translations, **self.user_translations}
        if not merged:
            return None
        if lang is not None:
            return merged.get(lang)
        return next(iter(merged.values()))

    @property
    def all_translations(self) -> dict[str, str]:
        """Imported translations overlaid with the user's own."""
        return {**self.translations, **self.user_translations}


# The reason an unplaced line carries where the user gave it that role (not the importer's doing).
MADE_UNPLACED = "made unplaced by you"


@dataclass
class Unplaced:
    """Material the importer could not place; kept for the user to place by hand."""

    text: str
    lang: str
    reason: str = ""
    ref: str = ""  # "import:N": how editing refers to it


# What an import can be unsure of, as ImportWarning.kind.
TITLE_GUESSED = "title guessed"
SITE_TEXT = "taken as site text"
LOW_CONFIDENCE = "translation placed with low confidence"
# A translation placed by the aligner's guess, sure enough not to be called low (see ImportWarning).
PLACED_GUESS = "translation placed by a guess"
LIST_WITHOUT_HEADING = "word list found without a heading"
TEXT_REMOVED = "markup or decoration taken out"
ONE_LINE_SPLIT = "page on one line split into parts"
REPEATED_PARAGRAPH = "repeated paragraph kept once"
LANGUAGE_GUESSED = "language of a line guessed"
SEVERAL_POSTS = "several posts kept as one lesson"
EXERCISE_WITHOUT_HEADING = "exercise found without a heading"
REJOINED_ACROSS_BLANK = "sentence rejoined across a blank line"
LETTER_SPACING_REJOINED = "letter-spaced text rejoined"
STORIES_SPLIT = "a line of several stories split into pairs"
MIXED_LANGUAGES = "paragraph or translation holds the other language"
CUT_WITHOUT_STOP = "translation cut off English with no stop"
WORD_LIST_ONLY = "page read as a word list with no article"
HEADLINES_ONLY = "page read as headlines with their translations, no article"


@dataclass(frozen=True)
class ImportWarning:
    """Something the importer guessed: what kind of guess, the text it concerns, how sure it was (0–1)."""

    kind: str
    text: str
    confidence: float = 0.5

    def __post_init__(self) -> None:
        # The wording agrees with the figure wherever a warning is made, stored or read back
        # (an old library may hold "low confidence" at 98%): low only under LOW_SURE.
        if self.kind in PLACEMENT_GUESSES:
            object.__setattr__(self, "kind", LOW_CONFIDENCE if self.confidence < LOW_SURE else PLACED_GUESS)


# A translation's placement sure under this figure is "low confidence"; at it or over, a guess.
# (The page view calls a line unsure under the same figure: reader/teaching/page_model.UNSURE.)
LOW_SURE = 0.75
PLACEMENT_GUESSES = frozenset({LOW_CONFIDENCE, PLACED_GUESS})


@dataclass
class Exercise:
    """An exercise the page holds (a cloze passage, a quiz): its kind, its title, its lines as written."""

    kind: str  # "cloze" (it has gaps to fill) or "quiz"
    title: str
    lines: list[str] = field(default_factory=list)


@dataclass
class Question:
    """A comprehension question a tutor added to a paragraph."""

    block: int
    text: str
    answer: str = ""
    ref: str = ""


@dataclass
class Lesson:
    """One imported lesson: title, captions, blocks, notes, glossary, exercises, unplaced material."""

    title: str
    captions: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    exercises: list[Exercise] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)
    glossary_heading: str = ""
    title_translation: str = ""  # the title in the translation's language, where the page gives one
    language: str = "en"
    translation_language: str | None = None
    source_name: str = ""
    source_hash: str = ""
    encoding: str = ""
    id: int | None = None
    imported_at: str = ""

    @property
    def paragraphs(self) -> list[Block]:
        """The paragraph blocks, in order."""
        return [b for b in self.blocks if b.kind == "paragraph"]

    @property
    def headings(self) -> list[Block]:
        """The heading blocks, in order."""
        return [b for b in self.blocks if b.kind == "heading"]

    def word_count(self) -> int:
        """English words in the body."""
        return sum(len(b.text.split()) for b in self.blocks)

    def to_json(self) -> dict[str, Any]:
        """The lesson in the documented JSON form (`study-reader show ID --json`)."""
        return {
            "id": self.id,
            "title": self.title,
            "title_translation": self.title_translation,
            "caption": list(self.captions),
            "language": self.language,
            "translation_language": self.translation_language,
            "source": {"name": self.source_name, "sha256": self.source_hash, "encoding": self.encoding},
            "blocks": [
                {
                    "kind": b.kind,
                    "text": b.text,
                    "translations": b.all_translations,
                    "user_translations": dict(b.user_translations),
                }
                for b in self.blocks
            ],
            "notes": [
                {
                    "marker": n.marker,
                    "label": n.label,
                    "text": n.text,
                    "paragraphs": n.paragraphs,
                    "source_url": n.source_url,
                    "anchor": (
                        {"block": n.anchor.block, "start": n.anchor.start, "end": n.anchor.end} if n.anchor else None
                    ),
                    "anchor_text": (
                        self.blocks[n.anchor.block].text[n.anchor.start : n.anchor.end] if n.anchor else None
                    ),
                }
                for n in self.notes
            ],
            "glossary_heading": self.glossary_heading,
            "glossary": [
                {
                    "term": g.term,
                    "pos": g.pos,
                    "definition": g.definition,
                    "translation": g.translation,
                    "example": g.example,
                }
                for g in self.glossary
            ],
            "exercises": [{"kind": e.kind, "title": e.title, "lines": list(e.lines)} for e in self.exercises],
            "unplaced": [{"text": u.text, "lang": u.lang, "reason": u.reason} for u in self.unplaced],
            "dropped": list(self.dropped),
            "warnings": [{"kind": w.kind, "text": w.text, "confidence": w.confidence} for w in self.warnings],
            **self._edits_json(),
        }

    def _edits_json(self) -> dict[str, Any]:
        """What the user added over the import: questions, and where each note and entry came from."""
        return {
            "questions": [{"block": q.block, "text": q.text, "answer": q.answer} for q in self.questions],
            "note_origins": [n.origin for n in self.notes],
            "glossary_origins": [g.origin for g in self.glossary],
        }
