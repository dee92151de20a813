"""Lines mixing English and its translation: each cut into its parts, and what could not be cut
apart said in the import report."""

from __future__ import annotations

from library.importer.mixcheck import mixed_language_warnings
from library.importer.segments import segment_line
from library.importer.text import parse_text
from library.model import MIXED_LANGUAGES, Block, Lesson


def test_a_line_is_cut_at_its_rule_and_before_its_glosses() -> None:
    line = "The pool opens early. 泳池提早開放。 pool:(n.)泳池 early:(adv.)提早 ──── Swimmers may come at six."
    assert segment_line(line) == [
        ("The pool opens early. 泳池提早開放。", False),
        ("pool:(n.)泳池", False),
        ("early:(adv.)提早", False),
        ("────", False),
        ("Swimmers may come at six.", True),
    ]


def test_a_line_of_english_and_its_translation_alone_is_left_to_the_pair_split() -> None:
    assert segment_line("The pool opens early on Monday. 泳池星期一提早開放。") is None
    assert segment_line("Ratio: 3 to 1, said the report.") is None


def test_a_translation_holding_an_english_sentence_is_said() -> None:
    translation = "市立博物館每週五晚上開放。館長說 Visitors can see the old maps by lamp light. 非常特別。"
    page = f"Museum Adds Night Tours\n\nThe city museum will open at night on Fridays this summer.\n{translation}\n"
    lesson = parse_text(page)
    said = [w.text for w in lesson.warnings if w.kind == MIXED_LANGUAGES]
    assert said == [translation]


def test_a_paragraph_mostly_in_the_translation_script_is_said() -> None:
    # (the steps do not make one from a page today: the check stands behind them)
    lesson = Lesson(title="Museum Adds Night Tours")
    lesson.blocks = [
        Block(kind="paragraph", text="The sign reads 夜間導覽每週五晚上七點開始請提前預約 today."),
        Block(kind="paragraph", text="The word 夜市 means a night market."),
    ]
    said = [w.text for w in mixed_language_warnings(lesson)]
    assert said == ["The sign reads 夜間導覽每週五晚上七點開始請提前預約 today."]


def test_same_line_pairs_in_order_say_nothing() -> None:
    page = (
        "Museum Adds Night Tours\n\n"
        "The city museum will open at night on Fridays this summer. 市立博物館今年夏天每週五晚上開放。\n"
        "Tickets cost five dollars for adults. 成人票價五美元。\n"
    )
    lesson = parse_text(page)
    assert [w.kind for w in lesson.warnings] == []
    assert [b.translations for b in lesson.blocks] == [
        {"zh": "市立博物館今年夏天每週五晚上開放。"},
        {"zh": "成人票價五美元。"},
    ]


def test_a_translation_on_its_englishs_line_goes_with_it_sure_on_a_page_putting_translations_first() -> None:
    page = (
        "Library Opens Longer Hours\n\n"
        "市图书馆将从下个月起延长开放时间。\nThe city library will stay open longer from next month.\n\n"
        "The library will also open on Sunday mornings for families. 图书馆周日上午也将为家庭开放。\n\n"
        "孩子们可以在那里做作业，直到晚上九点。\nChildren can do their homework there until nine at night.\n"
    )
    lesson = parse_text(page)
    assert [b.translations["zh"] for b in lesson.blocks] == [
        "市图书馆将从下个月起延长开放时间。",
        "图书馆周日上午也将为家庭开放。",
        "孩子们可以在那里做作业，直到晚上九点。",
    ]
    assert lesson.warnings == []  # written on its English's own line: no guess


def test_a_question_is_a_heading_only_when_written_as_a_headline() -> None:
    page = (
        "Weekly Science Notes\n\n"
        "Why Do Owls Hunt at Night?\nフクロウはなぜ夜に狩りをするのか\n\n"
        "Owls can see well in the dark, so they hunt when mice come out.\n\n"
        "Do you like owls?\nフクロウは好きですか。\n\n"
        "Many readers wrote to us about the owls in their own gardens this spring.\n"
    )
    lesson = parse_text(page)
    assert [(b.kind, b.text) for b in lesson.blocks][:3] == [
        ("heading", "Why Do Owls Hunt at Night?"),
        ("paragraph", "Owls can see well in the dark, so they hunt when mice come out."),
        ("paragraph", "Do you like owls?"),
    ]
