"""A part's name glued to the start of its line (`Headline: …`, `Summary: …`, `헤드라인: …`,
`要約：…`, `摘要：…`): the page says which part the line is, in either language. Where each such
name stands once on the page (a page of items repeats `Headline:` on each, for the items step),
it is taken off the line before the lines are classified and kept aside with the lesson.
"""

from __future__ import annotations

import re
from collections import Counter

from library.importer import split as K
from library.importer.split import Line

_NAME = re.compile(
    r"^(?P<name>Headline|Title|Summary|Lead|見出し|タイトル|要約|要旨|헤드라인|제목|요약|标题|標題|摘要|导语|導語)"
    r"\s?[:：]\s?(?=\S)",
    re.IGNORECASE,
)
# The characters a line starts with for the pattern to be tried (most lines are not).
_FIRST = frozenset("HhTtSsLl見タ要헤제요标標摘导導")


def take_part_names(lines: list[Line]) -> None:
    """Take each part's name off its line, where the page names that part once (in place)."""
    found = [(line, m) for line in lines if line.text[:1] in _FIRST and (m := _NAME.match(line.text))]
    if not found:
        return
    names = Counter(m.group("name").lower() for _, m in found)
    for line, m in found:
        rest = line.text[m.end() :]
        if names[m.group("name").lower()] > 1 or len(rest) < 2:
            continue
        line.part_label = line.text[: m.end()].strip()
        line.label_name = PART + _PART_OF[m.group("name").lower()]
        line.text = rest


PART = "part:"
_PART_OF = {
    **dict.fromkeys(("headline", "title", "見出し", "タイトル", "헤드라인", "제목", "标题", "標題"), "headline"),
    **dict.fromkeys(("summary", "lead", "要約", "要旨", "요약", "摘要", "导语", "導語"), "summary"),
}


def headline_translation(lines: list[Line]) -> None:
    """After classify: the line the page names its headline in the translation's language
    (`헤드라인: …` under `Headline: …`) is the title's translation, where none was found."""
    if not any(ln.label_name == PART + "headline" for ln in lines):
        return  # most pages
    title = next((ln for ln in lines if ln.kind == K.TITLE), None)
    if title is None or title.label_name != PART + "headline" or any(ln.kind == K.TITLE_TRANSLATION for ln in lines):
        return
    named = [ln for ln in lines if ln.label_name == PART + "headline" and ln.lang in ("ja", "zh", "ko")]
    if len(named) == 1 and named[0].kind == K.CJK:
        named[0].kind = K.TITLE_TRANSLATION
