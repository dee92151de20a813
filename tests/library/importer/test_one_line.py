"""A page that came as one long line is cut into its lines before the steps read it."""

from __future__ import annotations

from library.importer import parse_text
from library.model import ONE_LINE_SPLIT

PAGE = (
    "Ferry Returns to the Island The island ferry will run again from next week after repairs. "
    "島のフェリーが、修理を終えて来週から再び運航する。 *ferry:(n.)フェリー *repair:(n.)修理 "
    "Tickets cost the same as before. 切符の値段は以前と同じだ。"
)


def test_a_page_on_one_line_imports_as_its_lines() -> None:
    lesson = parse_text(PAGE)
    assert lesson.title == "Ferry Returns to the Island"
    assert [b.text for b in lesson.blocks] == [
        "The island ferry will run again from next week after repairs.",
        "Tickets cost the same as before.",
    ]
    assert [b.translations["ja"] for b in lesson.blocks] == [
        "島のフェリーが、修理を終えて来週から再び運航する。",
        "切符の値段は以前と同じだ。",
    ]
    entries = [(g.term, g.pos, g.translation) for g in lesson.glossary]
    assert entries == [("ferry", "n.", "フェリー"), ("repair", "n.", "修理")]
    assert ONE_LINE_SPLIT in [w.kind for w in lesson.warnings]


def test_a_long_english_line_is_not_cut() -> None:
    text = "The island ferry will run again from next week. " * 6
    lesson = parse_text(text)
    assert len(lesson.blocks) == 1
    assert ONE_LINE_SPLIT not in [w.kind for w in lesson.warnings]
