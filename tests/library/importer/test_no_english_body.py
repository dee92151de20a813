"""A page whose only English is headwords, links and a banner has no article to study: refused."""

from __future__ import annotations

import pytest

from library import ImportRefused
from library.importer import parse_text


def test_headwords_links_and_a_banner_are_not_a_body() -> None:
    page = "STUDY ENGLISH TODAY\n\nhttps://example.jp/a/b\n\n今日は新しい橋が開通した。\n\nbridge\nopen\n"
    with pytest.raises(ImportRefused, match="no English text"):
        parse_text(page)


def test_one_short_sentence_is_a_body() -> None:
    assert parse_text("Bridges\n\nA bridge opened.\n\n新しい橋が開通した。\n").blocks[0].text == "A bridge opened."
