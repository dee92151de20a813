"""One translation written for several paragraphs is shared out among them; a translation
that fits its own paragraph is left alone."""

from __future__ import annotations

from library.importer.covering import Paragraph, covered, sentences, share_out
from library.importer.text import parse_text


def test_sentences_keep_their_closing_marks() -> None:
    got = sentences("町は試す。授業は月曜から。「来年も」と話した。")
    assert got == ["町は試す。", "授業は月曜から。", "「来年も」と話した。"]
    assert sentences("시장은 열린다. 사람이 많다!") == ["시장은 열린다.", "사람이 많다!"]


def test_sentences_are_shared_out_in_proportion_to_the_paragraphs() -> None:
    parts = ["短い文。", "とても長い二つ目の文で、いろいろなことを説明している。", "三つ目。"]
    assert share_out(parts, [20, 140], "ja") == ["短い文。", parts[1] + "三つ目。"]
    assert share_out(parts, [10, 10, 10, 10], "ja") is None  # fewer sentences than paragraphs


def test_a_translation_that_fits_its_own_paragraph_covers_only_it() -> None:
    paragraphs = [Paragraph(0, 100, True), Paragraph(1, 100, True)]
    assert covered(paragraphs, 1, -1, {0}, 50, 0.5, lambda p: 0.0) == [1]


def test_a_translation_twice_its_paragraphs_length_covers_the_one_before() -> None:
    paragraphs = [Paragraph(0, 100, True), Paragraph(1, 100, True)]
    assert covered(paragraphs, 1, -1, {0}, 100, 0.5, lambda p: 0.0) == [0, 1]


def test_a_heading_ends_the_group() -> None:
    paragraphs = [Paragraph(0, 100, False), Paragraph(1, 100, True)]
    assert covered(paragraphs, 1, -1, {0}, 100, 0.5, lambda p: 0.0) == [1]


def test_a_page_with_a_merged_translation_gives_each_paragraph_its_share() -> None:
    lesson = parse_text(
        "Bridge Opens\n\nThe new bridge opened in May after 3 years of work.\n\n"
        "It carries 12,000 cars a day and has a wide path for bicycles.\n"
        "新しい橋は3年の工事を経て5月に開通した。1日1万2000台の車が通り、自転車用の広い道もある。\n\n"
        "The old bridge will become a park.\n古い橋は公園になる。\n\n"
        "Work on the park starts next spring.\n公園の工事は来春始まる。\n"
    )
    assert [b.translations.get("ja") for b in lesson.blocks] == [
        "新しい橋は3年の工事を経て5月に開通した。",
        "1日1万2000台の車が通り、自転車用の広い道もある。",
        "古い橋は公園になる。",
        "公園の工事は来春始まる。",
    ]
    assert any(w.text.startswith("新しい橋は") for w in lesson.warnings)
