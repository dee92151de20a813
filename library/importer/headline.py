"""A headline's translation standing right above it (a page that puts the translation first,
`小鎮開設工具圖書館` over `Town Opens a Tool Library`): the title's translation, not a line
for the first paragraph. The line right under the title is read by title.py."""

from __future__ import annotations

import re

from library.importer import split as K
from library.importer.split import Line
from library.importer.title import TRANSLATED_TITLE_CHARS

_SENTENCE_END = re.compile(r"[。．.!?！？]$")


def pair_headline_before(lines: list[Line]) -> None:
    """The short line in another language right above the title, with no blank line between
    them and the title's translation not found under it: the title's translation."""
    title = next((ln for ln in lines if ln.kind == K.TITLE), None)
    if title is None or title.index == 0 or title.gap or title.same_line_translation:
        return
    if any(ln.kind == K.TITLE_TRANSLATION for ln in lines):
        return
    before = lines[title.index - 1]
    if before.kind or before.lang not in ("ja", "zh", "ko") or len(before.text) > TRANSLATED_TITLE_CHARS:
        return
    if not _SENTENCE_END.search(before.text):
        before.kind = K.TITLE_TRANSLATION
