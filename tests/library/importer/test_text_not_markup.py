"""Lesson text that looks like a tag is text, in every format: only real HTML tags a copy-paste
left in a plain-text or Markdown page are taken out, each said in the import report; a tutor's
lesson keeps every character; an HTML page's entities are decoded once, by its parser."""

from __future__ import annotations

import json

import pytest

from library.importer import lesson_texts, parse_page
from library.importer.normalise import strip_html
from library.model import TEXT_REMOVED

START = "The park opened today, and many people came to see it.\n\n"
LOOKS_LIKE_TAGS = "if a<b and c>d then the park is open. Use <Ctrl> and <Enter> keys."


@pytest.mark.parametrize("name", ["page.txt", "page.md"])
def test_text_that_looks_like_a_tag_is_kept_in_text_and_markdown(name: str) -> None:
    lesson = parse_page((START + LOOKS_LIKE_TAGS + "\n").encode(), name)
    assert [b.text for b in lesson.blocks][-1] == LOOKS_LIKE_TAGS
    assert [w for w in lesson.warnings if w.kind == TEXT_REMOVED] == []


@pytest.mark.parametrize("name", ["page.txt", "page.md"])
def test_copied_html_tags_are_taken_out_and_reported(name: str) -> None:
    line = 'The <b>park</b> is open.<br/> We walk <span class="x">there</span> today.'
    lesson = parse_page((START + line + "\n").encode(), name)
    assert lesson.blocks[-1].text == "The park is open. We walk there today."
    removed = [w.text for w in lesson.warnings if w.kind == TEXT_REMOVED]
    assert removed == ['<b> </b> <br/> <span class="x"> </span>']
    assert removed[0] in lesson.dropped


def test_entities_in_a_text_page_are_text() -> None:
    line = 'Tom &amp; Jerry wrote &lt;img src="F"&gt; on the park sign.'
    lesson = parse_page((START + line + "\n").encode(), "page.txt")
    assert lesson.blocks[-1].text == line


def test_an_html_page_is_decoded_once() -> None:
    page = (
        "<html><body><h1>The park opens</h1><p>The park opened today, and many people came.</p>"
        "<p>Tom &amp;amp; Jerry wrote &lt;img src=\"F\"&gt; on the park sign, they said.</p></body></html>"
    )
    lesson = parse_page(page.encode(), "page.html")
    assert lesson.blocks[-1].text == 'Tom &amp; Jerry wrote <img src="F"> on the park sign, they said.'


def test_a_tutor_tsv_keeps_every_character() -> None:
    tsv = "#title\tLess <than> test\nThe park <b>is</b> open a<b and c>d.\t公園は<b>開いて</b>いる。\n"
    lesson = parse_page(tsv.encode(), "lesson.tsv")
    assert lesson.title == "Less <than> test"
    assert lesson.blocks[0].text == "The park <b>is</b> open a<b and c>d."
    assert lesson.blocks[0].translations["ja"] == "公園は<b>開いて</b>いる。"


def test_a_tutor_json_keeps_every_character() -> None:
    data = {
        "title": "Use <Ctrl> keys",
        "blocks": [{"text": "The park is <b>open</b> &amp; free.", "translations": {"ja": "公園は<i>無料</i>。"}}],
    }
    lesson = parse_page(json.dumps(data).encode(), "lesson.json")
    assert lesson.title == "Use <Ctrl> keys"
    assert lesson.blocks[0].text == "The park is <b>open</b> &amp; free."
    assert lesson.blocks[0].translations["ja"] == "公園は<i>無料</i>。"


@pytest.mark.parametrize(
    ("text", "kept", "removed"),
    [
        ("<Ctrl> <than> a<b and c>d <bold>", "<Ctrl> <than> a<b and c>d <bold>", []),
        ("x</p>y<br>z<img src='a.png'/>", "x y z", ["</p>", "<br>", "<img src='a.png'/>"]),
        ("</b class='x'> <b x>", "</b class='x'> <b x>", []),
    ],
)
def test_only_known_elements_in_real_tag_syntax_are_markup(text: str, kept: str, removed: list[str]) -> None:
    out, tags = strip_html(text)
    assert (" ".join(out.split()), tags) == (kept, removed)


def test_a_line_of_only_tags_or_emoji_is_kept_aside_and_reported() -> None:
    lesson = parse_page((START + "<br><br>\n\n\U0001f600\U0001f389\n").encode(), "page.txt")
    assert [w.text for w in lesson.warnings if w.kind == TEXT_REMOVED] == ["<br> <br>", "\U0001f600\U0001f389"]
    assert "\U0001f600\U0001f389" in lesson_texts(lesson)


def test_paragraph_tags_pasted_on_one_line_keep_the_paragraphs_apart() -> None:
    line = "<p>The park opened today.</p><p>公園は今日開いた。</p><p>Children ran to the<br> swings first.</p>"
    lesson = parse_page((START + line + "\n").encode(), "page.txt")
    # Each <p> is its own line (a <br> inside one stays a space): two paragraphs, one translated.
    assert [b.text for b in lesson.blocks][-2:] == ["The park opened today.", "Children ran to the swings first."]
    assert lesson.blocks[-2].translations == {"ja": "公園は今日開いた。"}
    assert strip_html("<p>a</p><div>b</div>")[0].split() == ["a", "b"]
    assert "\n" in strip_html("<p>a</p><p>b</p>")[0] and "\n" not in strip_html("a<br>b<td>c")[0]
