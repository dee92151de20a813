"""What the page view asks for (`PageRequest`s) and the changes its keys and menus offer."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class PageEdit(enum.Enum):
    """What the page view asks for; a role's value is the role the lines are given."""

    TITLE = "title"
    TITLE_TRANSLATION = "title_translation"
    CAPTION = "caption"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    GLOSSARY = "glossary"
    NOTE = "note"
    EXERCISE = "exercise"
    SITE = "site"
    UNPLACED = "unplaced"
    TRANSLATES = "translation"  # of the paragraph `target`
    TRANSLATES_ABOVE = "translates_above"
    TRANSLATES_BELOW = "translates_below"
    JOIN = "join"
    SPLIT = "split"  # line `lines[0]` at character `at`
    SPLIT_LINES = "split_lines"  # line `lines[0]`, holding several lines of the page, into them
    LINES_TO_GLOSSARY = "lines_to_glossary"  # the same, each line a glossary entry
    FIX_TEXT = "fix_text"  # line `lines[0]` now reads `text`
    DELETE = "delete"
    MOVE_UP = "move_up"
    MOVE_DOWN = "move_down"
    SPLIT_LESSON = "split_lesson"  # a new lesson starts at `lines[0]`
    SWAP_LANGUAGES = "swap_languages"


@dataclass(frozen=True)
class PageRequest:
    """A change the user asked for: what, on which lines (page line numbers), with what."""

    edit: PageEdit
    lines: tuple[int, ...]
    target: int | None = None
    at: int | None = None
    text: str | None = None
    # The text the view showed for each of `lines`, to check they still read so (not part of what is asked).
    shown: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class KeyedEdit:
    """A change as the menus show it: its words, its key."""

    edit: PageEdit
    text: str
    key: str


# The keys work while the table has the focus; the menus show them.
ROLE_EDITS = (
    KeyedEdit(PageEdit.TITLE, "Make this the &title", "T"),
    KeyedEdit(PageEdit.TITLE_TRANSLATION, "This translates the t&itle", "Shift+T"),
    KeyedEdit(PageEdit.HEADING, "Make &heading", "H"),
    KeyedEdit(PageEdit.PARAGRAPH, "Make &paragraph", "P"),
    KeyedEdit(PageEdit.GLOSSARY, "Make &glossary entry", "G"),
    KeyedEdit(PageEdit.NOTE, "Make &note", "N"),
    KeyedEdit(PageEdit.SITE, "Make &site text", "S"),
    KeyedEdit(PageEdit.CAPTION, "Make &caption", "C"),
    KeyedEdit(PageEdit.UNPLACED, "Make &unplaced", "U"),
)
PLACE_EDITS = (
    KeyedEdit(PageEdit.TRANSLATES, "This &translates paragraph…", "R"),
    KeyedEdit(PageEdit.TRANSLATES_ABOVE, "Translates the paragraph &above", "A"),
    KeyedEdit(PageEdit.TRANSLATES_BELOW, "Translates the paragraph &below", "B"),
    KeyedEdit(PageEdit.JOIN, "&Join with the next line", "J"),
    KeyedEdit(PageEdit.SPLIT, "Sp&lit here (at the cursor in the text)", "Ctrl+Return"),
    KeyedEdit(PageEdit.SPLIT_LINES, "Split into lines", "L"),
    KeyedEdit(PageEdit.LINES_TO_GLOSSARY, "Make each line a glossary entry", "Shift+G"),
    KeyedEdit(PageEdit.MOVE_UP, "Move paragraph up", "Alt+Up"),
    KeyedEdit(PageEdit.MOVE_DOWN, "Move paragraph down", "Alt+Down"),
    KeyedEdit(PageEdit.DELETE, "&Delete the line", "Del"),
)
PAGE_EDITS = (
    KeyedEdit(PageEdit.SPLIT_LESSON, "Split into lessons &here", "Ctrl+Shift+S"),
    KeyedEdit(PageEdit.SWAP_LANGUAGES, "S&wap languages", "Ctrl+Shift+X"),
)


# The changes that cut a line into the lines of the page it holds: offered where there are some.
PIECE_EDITS = (PageEdit.SPLIT_LINES, PageEdit.LINES_TO_GLOSSARY)
