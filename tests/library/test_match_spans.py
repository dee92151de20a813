"""Where a query matched a block's text, found as the search found it (for marking the hit in the article)."""

from __future__ import annotations

from library.search import match_spans

TEXT = "Open source models, an open-source idea: the Open Sourcing of models."


def spans_of(text: str, query: str, english: bool) -> list[str]:
    return [text[s:e] for s, e in match_spans(text, query, english)]


def test_english_matches_whole_words_the_last_as_a_word_start() -> None:
    assert spans_of(TEXT, "open sou", True) == ["Open source", "open-source", "Open Sourcing"]
    assert spans_of(TEXT, "pen source", True) == []  # not inside a word
    assert spans_of(TEXT, "  models ", True) == ["models", "models"]


def test_translations_match_any_substring() -> None:
    text = "オーストリアの国営鉄道会社は、国営鉄道として"
    assert spans_of(text, "国営鉄道", False) == ["国営鉄道", "国営鉄道"]
    assert spans_of("Nightjet（ナイトジェット）", "nightjet", False) == ["Nightjet"]
    assert spans_of(text, "   ", False) == []
