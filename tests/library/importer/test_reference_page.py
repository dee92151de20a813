"""The seed page (../shared/seeds) imports exactly as PRODUCT.md §1 describes; skipped where it is absent."""

from __future__ import annotations

import pytest

from library import Lesson, Library
from library.importer import lesson_texts, parse_page
from library.importer.normalise import content_key, normalise

TITLE = "US Plans to Limit American-made AI Models in China"


@pytest.fixture
def lesson(seed_bytes: bytes, tmp_path) -> Lesson:
    """The reference lesson as stored in and read back from a library."""
    with Library(tmp_path / "lib.db") as lib:
        result = lib.lessons.import_bytes(seed_bytes, "reference.txt")
        return lib.lessons.get(result.lesson_id)


def _block_starting(lesson: Lesson, prefix: str) -> int:
    hits = [i for i, b in enumerate(lesson.blocks) if b.text.startswith(prefix)]
    assert len(hits) == 1, f"expected one block starting {prefix!r}, found {len(hits)}"
    return hits[0]


def test_title_and_caption(lesson: Lesson) -> None:
    assert lesson.title == TITLE
    assert len(lesson.captions) == 1
    assert lesson.captions[0].startswith("FILE - Figurines with computers and smartphones")


def test_body_counts_and_order(lesson: Lesson) -> None:
    assert len(lesson.paragraphs) == 20
    assert [h.text for h in lesson.headings] == ["OpenAI and China", "Open source"]
    kinds = [b.kind for b in lesson.blocks]
    assert kinds.index("heading") == 4
    assert lesson.blocks[0].text.startswith("The Biden administration plans")
    assert lesson.blocks[-1].text.startswith("China has also been quick")
    body = " ".join(b.text for b in lesson.blocks)
    assert "Words in This Story" not in body
    assert "converse with humans" not in body
    assert "\u00a0" not in body


def test_glossary(lesson: Lesson) -> None:
    got = [(g.term, g.pos, g.definition) for g in lesson.glossary]
    assert got == [
        ("chatbot", "n.", "a program that is designed to converse with humans"),
        ("access", "v.", "to be able to use something"),
        ("address", "n.", "a location where information is stored"),
        ("autonomy", "n.", "the state of existing separately from others"),
    ]


@pytest.mark.parametrize(
    ("translation_start", "paragraph_start"),
    [
        ("ChatGPTやDALL-E画像ジェネレーター", "OpenAI’s key AI services"),
        ("オープンAIは中国企業による", "OpenAI has shut down"),
        ("しかし、中国はメタ プラットフォーム", "However, China has been using many open source models"),
    ],
)
def test_translations_attached_to_their_paragraphs(
    lesson: Lesson, translation_start: str, paragraph_start: str
) -> None:
    pos = _block_starting(lesson, paragraph_start)
    assert lesson.blocks[pos].translations["ja"].startswith(translation_start)


def test_other_paragraphs_have_no_translation(lesson: Lesson) -> None:
    assert sum(1 for b in lesson.blocks if b.translations) == 3
    assert all(b.kind == "paragraph" for b in lesson.blocks if b.translations)


@pytest.mark.parametrize(
    ("marker", "anchor_text", "paragraph_start", "paragraphs", "source"),
    [
        ("※1", "chatbots", "The aim is to restrict", 1, "https://it-trend.jp/words/chatbot"),
        (
            "※2",
            "generative AI",
            "But China in the past year has built its own generative AI industry",
            1,
            "https://aismiley.co.jp/ai_news/what-is-generative-ai/",
        ),
        ("※3", "Copilot", "Access to OpenAI’s AI models", 3, None),
        ("※4", "Llama", "However, China has been using", 1, "https://ai-market.jp/technology/llama/"),
    ],
)
def test_notes(
    lesson: Lesson, marker: str, anchor_text: str, paragraph_start: str, paragraphs: int, source: str | None
) -> None:
    note = next(n for n in lesson.notes if n.marker == marker)
    assert note.anchor is not None
    block = lesson.blocks[note.anchor.block]
    assert block.text.startswith(paragraph_start)
    assert block.text[note.anchor.start : note.anchor.end] == anchor_text
    assert len(note.paragraphs) == paragraphs
    assert note.source_url == source
    assert "出典" not in note.text and "http" not in note.text


def test_copilot_anchor_is_the_release_sentence(lesson: Lesson) -> None:
    note = next(n for n in lesson.notes if n.marker == "※3")
    assert note.anchor is not None
    block = lesson.blocks[note.anchor.block].text
    assert block[note.anchor.start :].startswith("Copilot to the public.")


def test_note_marker_inside_translation_is_kept(lesson: Lesson) -> None:
    pos = _block_starting(lesson, "However, China has been using many open source models")
    assert "※4" in lesson.blocks[pos].translations["ja"]
    assert [n.marker for n in lesson.notes] == ["※1", "※2", "※3", "※4"]


def test_nothing_lost(lesson: Lesson, seed_bytes: bytes) -> None:
    held = [content_key(t) for t in lesson_texts(lesson)]
    lines = [normalise(raw) for raw in seed_bytes.decode("utf-8").splitlines()]
    missing = [ln for ln in lines if ln and not any(content_key(ln) in h for h in held)]
    assert missing == []
    assert lesson.unplaced == []


def test_original_bytes_kept(seed_bytes: bytes, tmp_path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        lesson_id = lib.lessons.import_bytes(seed_bytes, "reference.txt").lesson_id
        assert lib.lessons.source(lesson_id) == seed_bytes
        again = parse_page(lib.lessons.source(lesson_id))
        assert again.to_json()["blocks"] == lib.lessons.get(lesson_id).to_json()["blocks"]


def test_reimport_does_not_duplicate(seed_bytes: bytes, tmp_path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        first = lib.lessons.import_bytes(seed_bytes, "a.txt")
        second = lib.lessons.import_bytes(seed_bytes, "b.txt")
        assert first.created and not second.created
        assert first.lesson_id == second.lesson_id
        assert lib.lessons.count() == 1


@pytest.mark.parametrize(
    ("encoding", "newline"),
    [
        ("cp932", "\r\n"),
        ("shift_jis", "\n"),
        ("utf-16", "\r\n"),
        ("utf-16-le", "\r\n"),
        ("utf-8-sig", "\r\n"),
        ("euc_jp", "\n"),
    ],
)
def test_reencoded_reference_imports_the_same(seed_bytes: bytes, encoding: str, newline: str) -> None:
    text = seed_bytes.decode("utf-8")
    # Shift_JIS and EUC-JP have no no-break space and no en dash: real copies of such pages
    # in those encodings carry a plain space and a hyphen instead.
    if encoding in ("cp932", "shift_jis", "euc_jp"):
        text = text.replace("\u00a0", " ").replace("\u2013", "-")
    data = text.replace("\n", newline).encode(encoding, errors="strict")
    original = parse_page(seed_bytes).to_json()
    other = parse_page(data).to_json()
    for key in ("title", "caption", "blocks", "notes", "glossary", "unplaced"):
        assert other[key] == original[key], key
