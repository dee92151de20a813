"""Choosing the paragraph a translation belongs to, and a menu item's words for a button."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QInputDialog, QWidget

TITLE_CHOICE = -1  # what choose_paragraph gives for the title


def button_text(menu_text: str) -> str:
    """A menu item's words for a button: without its key letter, marked "&R" in English, "(&R)" in Japanese."""
    return re.sub(r"\(&.\)", "", menu_text).replace("&", "")


def choose_paragraph(parent: QWidget, tr: Callable[[str], str], paragraphs: Sequence[tuple[int, str]],
                     current: int = 0, title: str | None = None) -> int | None:
    """Which paragraph a translation belongs to (the index of `paragraphs` chosen), TITLE_CHOICE for
    the title (listed first where `title` is given), or None if cancelled; the list starts at
    `current` (an index of `paragraphs`, or TITLE_CHOICE)."""
    items = [f"¶{i + 1}  {' '.join(text.split())[:70]}" for i, (_block, text) in enumerate(paragraphs)]
    first = 0
    if title is not None:
        items.insert(0, f"{tr('Title')}  {' '.join(title.split())[:70]}")
        first = 1
    if not items:
        return None
    start = 0 if current == TITLE_CHOICE else min(max(0, current + first), len(items) - 1)
    item, ok = QInputDialog.getItem(parent, tr("Translation of which paragraph?"), tr("Paragraph:"), items,
                                    start, False)
    if not ok or item not in items:
        return None
    return items.index(item) - first
