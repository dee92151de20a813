"""The importer's steps on small plain strings: the rules themselves, page by page shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from library import ImportRefused, Library
from library.importer import parse_page, parse_text
from library.importer.decode import decode
from library.importer.glossary import parse_entry
from library.importer.normalise import language_of, normalise


def test_normalise_spaces_fullwidth_emoji_and_keeps_tags_and_entities_as_text() -> None:
    assert normalise("\u00a0access\u00a0 – v.") == "access – v."
    assert normalise("（出典：ＵＲＬ）") == "(出典:URL)"
    assert normalise("中文，标点！") == "中文，标点！"
    assert normalise("A <b>bold</b> word &amp; more") == "A <b>bold</b> word &amp; more"
    assert normalise("**Key** idea 😀🎉") == "Key idea"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The lab told China’s Premier.", "en"),
        ("しかし、中国はメタ(Meta)を使う。", "ja"),
        ("新加坡的研究人员对大约300名高中生", "zh"),
        ("서울이 한강에 첫 번째 수상 공원을", "ko"),
        ("12345 --", ""),
    ],
)
def test_language_of(text: str, lang: str) -> None:
    assert language_of(text) == lang


@pytest.mark.parametrize(
    ("line", "term", "pos", "definition", "translation"),
    [
        (
            "chatbot – n. a program that is designed to converse with humans",
            "chatbot",
            "n.",
            "a program that is designed to converse with humans",
            "",
        ),
        (
            "reef (n.) a line of rocks near the sea surface 岩礁",
            "reef",
            "n.",
            "a line of rocks near the sea surface",
            "岩礁",
        ),
        ("habitat: 栖息地", "habitat", "", "", "栖息地"),
        ("harvest=収穫", "harvest", "", "", "収穫"),
        ("resilient /rɪˈzɪljənt/ (形) 回復力のある", "resilient", "形", "/rɪˈzɪljənt/", "回復力のある"),
        ("3. drought – n. a long time without rain", "drought", "n.", "a long time without rain", ""),
        ("look after (phr. v.) to take care of 世話をする", "look after", "phr. v.", "to take care of", "世話をする"),
    ],
)
def test_word_list_forms(line: str, term: str, pos: str, definition: str, translation: str) -> None:
    entry = parse_entry(line)
    assert entry is not None
    assert (entry.term, entry.pos, entry.definition, entry.translation) == (term, pos, definition, translation)


@pytest.mark.parametrize(
    "line", ["Open source", "The lab told China’s Premier Li Qiang at the time.", "FILE - Figurines"]
)
def test_not_word_list_entries(line: str) -> None:
    assert parse_entry(line) is None


def test_vocabulary_heading_over_prose_invents_no_glossary() -> None:
    lesson = parse_text(
        "Reading Tips\n\nRead every day for ten minutes.\n\nVocabulary\n\n"
        "Learning words takes time, and reading helps more than lists do.\n"
    )
    assert lesson.glossary == []
    assert any("Learning words takes time" in b.text for b in lesson.blocks)


def test_sentence_pairs_make_one_paragraph_each_stanza() -> None:
    lesson = parse_text(
        "Night Trains Return\n\nNight trains are back.\n夜行列車が戻ってきた。\nMany want to avoid flying.\n"
        "多くの人が飛行機を避けたい。\n\nA line opened in 2023.\n2023年に路線が開業した。\nIt takes 15 hours.\n"
        "15時間かかる。\n"
    )
    assert [b.text for b in lesson.blocks] == [
        "Night trains are back. Many want to avoid flying.",
        "A line opened in 2023. It takes 15 hours.",
    ]
    assert lesson.blocks[0].translations == {"ja": "夜行列車が戻ってきた。多くの人が飛行機を避けたい。"}
    assert lesson.blocks[1].translations == {"ja": "2023年に路線が開業した。15時間かかる。"}


def test_two_translations_of_one_paragraph() -> None:
    lesson = parse_text(
        "Driverless Buses\n\nTokyo began testing driverless buses in Shibuya.\n東京は渋谷で無人バスの試験を始めた。\n"
        "东京开始在涩谷测试无人驾驶巴士。\n\nThe buses carry 20 passengers.\nバスは20人を乗せる。\n巴士可载20名乘客。\n"
    )
    assert [sorted(b.translations) for b in lesson.blocks] == [["ja", "zh"], ["ja", "zh"]]


def test_site_chrome_is_set_aside_not_lesson_text() -> None:
    lesson = parse_text(
        "Home | News | Science | Contact\nShare this   Tweet   Email\n\nHow Bees Find Home\n\n"
        "Honeybees use the sun to find their way[1]. They remember landmarks[2].\n\n"
        "😀 Like this story? Subscribe!\n\n[1] Frisch (1967), The Dance Language of Bees.\n"
        "[2] Menzel (2005), Honey bees navigate with a map.\n\n© 2025 Science for Learners.\n"
    )
    assert lesson.title == "How Bees Find Home"
    assert [b.text for b in lesson.blocks] == ["Honeybees use the sun to find their way. They remember landmarks."]
    assert [(n.marker, n.anchor is not None) for n in lesson.notes] == [("[1]", True), ("[2]", True)]
    block = lesson.blocks[0].text
    assert [block[n.anchor.start : n.anchor.end] for n in lesson.notes if n.anchor] == ["way", "landmarks"]
    assert len(lesson.dropped) == 4


def test_korean_interleaved() -> None:
    lesson = parse_text(
        "Seoul Opens a Floating Park\n\nSeoul has opened a floating park on the Han River.\n"
        "서울이 한강에 수상 공원을 열었습니다.\n\nThe park covers 8,000 square meters.\n"
        "이 공원은 8,000제곱미터 규모입니다.\n"
    )
    assert [list(b.translations) for b in lesson.blocks] == [["ko"], ["ko"]]


def test_translation_only_page_is_refused() -> None:
    with pytest.raises(ImportRefused, match="only a translation"):
        parse_text("これは日本語だけのページです。\n\n英語の本文はありません。\n")


def test_cut_off_page_keeps_what_is_there() -> None:
    lesson = parse_text("Rain Returns\n\nThe rain came back on Monday after a long dry\n")
    assert lesson.blocks[0].text == "The rain came back on Monday after a long dry"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp932", "euc_jp"])
def test_decode_encodings(encoding: str) -> None:
    text = "Title\n\nEnglish text here.\n\n日本語の訳です。\n"
    data = text.encode(encoding)
    if encoding == "utf-16-le":
        data = text.encode("utf-16-le")
    got, _ = decode(data)
    assert got.replace("\ufeff", "") == text


def test_crlf_and_cr_line_ends() -> None:
    for newline in ("\r\n", "\r"):
        lesson = parse_page(f"Title Here{newline}{newline}One paragraph of text.{newline}".encode())
        assert lesson.title == "Title Here" and len(lesson.blocks) == 1


def test_a_utf8_page_with_a_few_stray_bytes_imports_with_them_marked(tmp_path: Path) -> None:
    """A stray byte or two (a page pasted together) does not cost the learner the page: the
    bytes show as U+FFFD and the rest reads as written."""
    page = (
        "Rivers Run Dry\n\n"
        "Farmers in the valley say the river is lower than it has been for fifty years.\n"
        "渓谷の農家は、川の水位がこの50年で最も低いと言います。\n\n"
        "The town will share water between farms until the autumn rains arrive.\n"
        "町は秋の雨が降るまで、農場の間で水を分け合います。\n"
    ).encode()
    cut = page.index(b"fifty")
    data = page[:cut] + b"\xff\xfe" + page[cut:]
    with Library(tmp_path / "lib.db") as lib:
        lesson = lib.lessons.get(lib.lessons.import_bytes(data, "rivers.txt").lesson_id)
    assert lesson.encoding == "utf-8"
    assert "\ufffd\ufffdfifty years" in lesson.blocks[0].text
    assert lesson.blocks[1].translation("ja") == "町は秋の雨が降るまで、農場の間で水を分け合います。"


def test_a_page_in_another_encoding_is_not_taken_for_damaged_utf8() -> None:
    for text, encoding in (("Café au lait, naïve résumé — à la carte. " * 10, "cp1252"),
                           ("日本語のページです。川の水位が低い。" * 10, "shift_jis")):  # fmt: skip
        decoded, _name = decode(text.encode(encoding))
        assert decoded == text and "\ufffd" not in decoded


def test_a_word_list_under_a_title_is_refused_for_what_it_is() -> None:
    with pytest.raises(ImportRefused, match="only a title, a word list of 2 entries and text in Japanese were found"):
        parse_text("Words for the Rainy Season\n\n梅雨の単語です。\n\n単語\numbrella – n. 傘\npuddle – n. 水たまり\n")
