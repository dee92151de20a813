"""HTML, EPUB, Markdown and the tutor formats import through the same steps as plain text."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from library import ImportRefused, Library
from library.books import book_of
from library.bulk import import_many
from library.importer import parse_document, parse_page, sniff_format
from library.importer.epub import read_book, write_epub
from library.importer.html import extract

CHAPTER = (
    '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Book</title>'
    "</head><body><h1>Chapter {n}</h1><p>The boat left the harbour at dawn on day {n} of the long trip.</p>"
    "<p>Everyone on board watched the grey water and said very little.</p></body></html>"
)
PAGE = """<!DOCTYPE html><html><head><title>Bees Return | Blog</title><script>track()</script></head>
<body><nav class="menu"><a href="/">Home</a></nav><div class="share">Share this</div>
<article><h1>Bees Return to City Parks</h1>
<p>Bees are coming back to city <strong>parks</strong> after years of decline.</p>
<p>ミツバチが数年間の減少の後、都市の公園に戻ってきています。</p>
<p>Volunteers in Leeds planted 4,000 flowers last spring. <img src="https://example.com/x.png"></p>
<p>リーズのボランティアは昨年の春に4000本の花を植えました。</p>
<iframe src="https://example.com/video"></iframe></article>
<aside><p>Popular posts: something else entirely here.</p></aside>
<footer>© 2025 Blog</footer></body></html>"""


def test_sniffing_by_name_and_content() -> None:
    assert sniff_format(b"<!DOCTYPE html><html></html>", "page.txt") == "html"
    assert sniff_format(b"Hello", "page.htm") == "html"
    assert sniff_format(b"# Title\n\nText.", "a.md") == "markdown"
    assert sniff_format(b"a\tb", "a.tsv") == "tsv"
    assert sniff_format(b'{"blocks": []}', "lesson") == "json"
    assert sniff_format(write_epub("B", [("c.xhtml", CHAPTER.format(n=1))]), "book.bin") == "epub"
    assert sniff_format(b"Plain English text.", "a.txt") == "text"


def test_html_finds_the_article_and_drops_chrome() -> None:
    lesson = parse_page(PAGE.encode(), "bees.html")
    assert lesson.title == "Bees Return to City Parks"
    texts = [b.text for b in lesson.blocks]
    assert texts == [
        "Bees are coming back to city parks after years of decline.",
        "Volunteers in Leeds planted 4,000 flowers last spring.",
    ]
    assert lesson.blocks[1].translations == {"ja": "リーズのボランティアは昨年の春に4000本の花を植えました。"}
    everything = json.dumps(lesson.to_json(), ensure_ascii=False)
    for chrome in ("Home", "Share this", "Popular posts", "© 2025", "track()", "example.com"):
        assert chrome not in everything


def test_html_keeps_only_web_links_as_note_sources() -> None:
    page = (
        "<html><body><article><h1>Rain Falls</h1><p>It rained in Osaka[1] all week long and the rivers rose.</p>"
        '<p>[1] 大阪は日本の都市です。出典：<a href="https://example.jp/osaka">大阪市</a></p>'
        '<p>[2] ローカル <a href="file:///etc/passwd">file</a></p></article></body></html>'
    )
    lesson = parse_page(page.encode(), "rain.html")
    urls = [n.source_url for n in lesson.notes]
    assert urls[0] == "https://example.jp/osaka"
    assert "file://" not in json.dumps(lesson.to_json())


def test_html_declared_charset_is_used() -> None:
    page = (
        '<html><head><meta charset="shift_jis"></head><body><p>Tokyo is a very big city in Japan.</p>'
        "<p>東京は日本のとても大きな都市です。</p></body></html>"
    )
    lesson = parse_page(page.encode("cp932"), "sj.html")
    assert lesson.encoding == "shift_jis"
    assert lesson.blocks[0].translations["ja"] == "東京は日本のとても大きな都市です。"


def test_extract_tables_and_definition_lists_become_lines() -> None:
    page = (
        "<html><body><article><p>First paragraph of the story is long enough.</p>"
        "<table><tr><td>harbour</td><td>n.</td><td>港</td></tr></table>"
        "<dl><dt>dawn</dt><dd>夜明け</dd></dl></article></body></html>"
    )
    assert extract(page).lines[-2:] == ["harbour (n.) 港", "dawn: 夜明け"]


def test_markdown_joins_wrapped_paragraphs() -> None:
    text = (
        "# Owls in the Snow\n\nOwls hunt at night and can hear a mouse\nunder deep snow.\n\n"
        "## How they hear\n\n* Their faces work like **dishes** that collect sound.\n"
        "* One ear sits higher than the other.\n\n![owl](https://example.com/owl.jpg)\n"
    )
    lesson = parse_page(text.encode(), "owls.md")
    assert lesson.title == "Owls in the Snow"
    assert [(b.kind, b.text) for b in lesson.blocks] == [
        ("paragraph", "Owls hunt at night and can hear a mouse under deep snow."),
        ("heading", "How they hear"),
        ("paragraph", "Their faces work like dishes that collect sound."),
        ("paragraph", "One ear sits higher than the other."),
    ]


def test_tsv_lesson() -> None:
    tsv = (
        "#title\tFerries Go Electric\n#lang\tja\n# a comment the tutor wrote\n"
        "Norway now runs many electric ferries.\tノルウェーでは今、多くの電気フェリーが運航している。\n"
        "#heading\tQuiet boats\t静かな船\n"
        "The new boats are quiet and clean.\n"
        "#note\t※1\telectric ferries\t電気で動くフェリーのこと。\\n二段落目。\thttps://example.no/ferry\n"
        "#word\tferry\tn.\ta boat that carries people\tフェリー\tWe took the ferry.\n"
    )
    lesson = parse_page(tsv.encode(), "ferries.tsv")
    assert lesson.title == "Ferries Go Electric"
    assert [b.kind for b in lesson.blocks] == ["paragraph", "heading", "paragraph"]
    assert lesson.blocks[1].translations == {"ja": "静かな船"}
    note = lesson.notes[0]
    assert note.paragraphs == ["電気で動くフェリーのこと。", "二段落目。"]
    assert note.anchor is not None and lesson.blocks[0].text[note.anchor.start : note.anchor.end] == "electric ferries"
    assert lesson.glossary[0].example == "We took the ferry."
    assert lesson.translation_language == "ja"


def test_json_lesson_round_trips_the_show_json_form() -> None:
    doc = {
        "title": "Snow in April",
        "blocks": ["It snowed in Madrid in April.", {"kind": "heading", "text": "Cold"}],
        "notes": [{"marker": "[1]", "text": "Madrid is in Spain.", "anchor": {"block": 0, "text": "Madrid"}}],
        "glossary": [{"term": "snow", "pos": "v.", "translation": "雪が降る"}],
    }
    lesson = parse_page(json.dumps(doc).encode(), "snow.json")
    again = parse_page(json.dumps(lesson.to_json()).encode(), "again.json")
    assert again.to_json()["blocks"] == lesson.to_json()["blocks"]
    assert lesson.notes[0].anchor is not None
    with pytest.raises(ImportRefused, match="blocks"):
        parse_page(b'{"title": "x"}', "bad.json")


def test_translation_only_tutor_file_is_refused() -> None:
    with pytest.raises(ImportRefused, match="no English"):
        parse_page("これは日本語だけです。\n".encode(), "ja.tsv")


def test_epub_is_one_lesson_per_chapter(tmp_path: Path) -> None:
    data = write_epub("Sea Story", [(f"c{n}.xhtml", CHAPTER.format(n=n)) for n in (1, 2, 3)])
    lessons = parse_document(data, "sea.epub")
    assert [ls.title for ls in lessons] == ["Chapter 1", "Chapter 2", "Chapter 3"]
    with Library(tmp_path / "lib.db") as lib:
        result = lib.lessons.import_file(_write(tmp_path / "sea.epub", data))
        assert [c.title for c in result.chapters] == ["Chapter 1", "Chapter 2", "Chapter 3"]
        assert book_of(lib.db, result.chapters[2].lesson_id) == (1, "Sea Story", 3)
        again = lib.lessons.import_bytes(data, "sea.epub")
        assert not again.created and again.lesson_id == result.lesson_id
        assert lib.lessons.count() == 3
        lib.search.index_pending()
        hits = lib.search.query("harbour")  # a search hit says which book its chapter is in
        assert sorted(h.title for h in hits) == [f"Sea Story › Chapter {n}" for n in (1, 2, 3)]
        assert [h.title for h in lib.search.query("Chapter 2")][:1] == ["Sea Story › Chapter 2"]
    # The whole book as one lesson, for callers that want one: a heading per chapter.
    whole = parse_page(data, "sea.epub")
    assert [b.text for b in whole.blocks if b.kind == "heading"] == ["Chapter 1", "Chapter 2", "Chapter 3"]


def test_bulk_import_stores_each_chapter(tmp_path: Path) -> None:
    data = write_epub("Sea Story", [(f"c{n}.xhtml", CHAPTER.format(n=n)) for n in (1, 2)])
    with Library(tmp_path / "lib.db") as lib:
        result = import_many(lib.lessons, items=[("sea.epub", data), ("a.txt", b"Some title\n\nA paragraph here.")])
        assert len(result.imported) == 3 and not result.refused


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _zip(entries: dict[str, bytes], level: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=level) as z:
        z.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        for name, data in entries.items():
            z.writestr(name, data)
    return out.getvalue()


def test_zip_bomb_is_refused() -> None:
    bomb = _zip({"META-INF/container.xml": b"<x/>", "OEBPS/big.xhtml": b"\0" * (40 * 1024 * 1024)})
    with pytest.raises(ImportRefused, match="zip bomb"):
        read_book(bomb, "bomb.epub")


def test_paths_leaving_the_book_are_not_followed() -> None:
    container = (
        b'<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
        b'<rootfile full-path="../../etc/content.opf"/></rootfiles></container>'
    )
    with pytest.raises(ImportRefused, match="package file"):
        read_book(_zip({"META-INF/container.xml": container, "../../etc/content.opf": b"<package/>"}), "x.epub")


def test_damaged_epub_is_refused_in_one_line() -> None:
    with pytest.raises(ImportRefused, match="damaged"):
        parse_page(b"PK\x03\x04application/epub+zip" + b"\x00" * 50, "broken.epub")


def test_command_line_report_lists_what_was_found(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reader.cli.main import run_cli

    page = tmp_path / "bees.html"
    page.write_text(PAGE, encoding="utf-8")
    book = _write(tmp_path / "sea.epub", write_epub("Sea", [(f"c{n}.xhtml", CHAPTER.format(n=n)) for n in (1, 2)]))
    assert run_cli(["import", "--library", str(tmp_path / "lib.db"), "--report", str(page), str(book)]) == 0
    out = capsys.readouterr().out
    assert "translations placed: 2 (ja)" in out
    assert "← (ja) リーズのボランティアは昨年の春に4000本の花を植えました。" in out
    assert "unplaced: 0" in out
    assert "chapter 2: Chapter 1" in out and "chapter 3: Chapter 2" in out
    assert out.count("sea.epub: ") == 2  # a line per chapter
