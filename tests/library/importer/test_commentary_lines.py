"""Commentary written on its label's line, and a bare ※ comment under a translation: notes,
not lines of the translation above them."""

from __future__ import annotations

from library.importer.text import parse_text

PAGE = (
    "Ferry Fares Stay the Same\n\n"
    "The ferry company said fares would not rise this year.\n"
    "フェリー会社は、今年は運賃を上げないと述べた。\n"
    "{comment}\n"
)


def test_a_labelled_commentary_line_is_a_note_marked_by_its_label() -> None:
    lesson = parse_text(PAGE.format(comment="注釈：rise はここでは「上がる」という意味です。"))
    assert lesson.blocks[0].translations == {"ja": "フェリー会社は、今年は運賃を上げないと述べた。"}
    assert [(n.marker, n.text) for n in lesson.notes] == [("注釈", "rise はここでは「上がる」という意味です。")]


def test_a_bare_kome_comment_under_a_translation_is_a_note() -> None:
    lesson = parse_text(PAGE.format(comment="※ 燃料費は上がっているという。"))
    assert lesson.blocks[0].translations == {"ja": "フェリー会社は、今年は運賃を上げないと述べた。"}
    assert [(n.marker, n.text) for n in lesson.notes] == [("※", "燃料費は上がっているという。")]


def test_a_kome_comment_on_the_translations_line_is_a_note() -> None:
    page = PAGE.replace("述べた。\n", "述べた。※ 燃料費は上がっているという。\n").format(comment="")
    lesson = parse_text(page)
    assert lesson.blocks[0].translations == {"ja": "フェリー会社は、今年は運賃を上げないと述べた。"}
    assert [(n.marker, n.text) for n in lesson.notes] == [("※", "燃料費は上がっているという。")]


def test_a_commentary_label_with_a_space_after_it_is_a_note() -> None:
    lesson = parse_text(PAGE.format(comment="注釈 rise はここでは「上がる」という意味です。"))
    assert lesson.blocks[0].translations == {"ja": "フェリー会社は、今年は運賃を上げないと述べた。"}
    assert [n.marker for n in lesson.notes] == ["注釈"]


def test_a_bracketed_note_or_point_label_on_its_line_is_a_note() -> None:
    for label, marker in (("【注】", "注"), ("【ポイント】", "ポイント")):
        lesson = parse_text(PAGE.format(comment=f"{label}rise は自動詞です。"))
        assert lesson.blocks[0].translations == {"ja": "フェリー会社は、今年は運賃を上げないと述べた。"}
        assert [(n.marker, n.text) for n in lesson.notes] == [(marker, "rise は自動詞です。")]
