"""The pipeline's steps pass typed values: a kind from one enum, entries parsed once."""

from __future__ import annotations

import importlib
from collections import Counter

import pytest

import library.importer as importer
from library.importer import glossary
from library.importer.classify import classify
from library.importer.split import Kind, split_lines

# The word-list step's module, where it looks the parser up.
wordlists_step = importlib.import_module("library.importer.wordlists")

PAGE = """Parks on the River

The city opened a floating park on the river in May, and 3,000 people came.
市は5月に川に浮かぶ公園を開き、3,000人が訪れた。

Key vocabulary
floating – adj. resting on water 浮かぶ
visitor – n. a person who comes to see a place 訪問者
"""


def test_every_line_gets_a_kind_from_the_enum() -> None:
    lines = split_lines(PAGE)
    classify(lines)
    kinds = [ln.kind for ln in lines]
    assert all(isinstance(k, Kind) for k in kinds)
    assert Kind.UNDECIDED not in kinds
    assert kinds.count(Kind.ENTRY) == 2
    assert all(len(ln.entries) == 1 for ln in lines if ln.kind == Kind.ENTRY)


def test_each_word_list_line_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: Counter[str] = Counter()
    real = glossary.parse_entries

    def counting(line: str) -> list[glossary.GlossaryEntry]:
        calls[line] += 1
        return real(line)

    # Wherever a step looks the parser up, it finds the counting one.
    monkeypatch.setattr(wordlists_step, "parse_entries", counting)
    monkeypatch.setattr(importer, "parse_entries", counting, raising=False)
    lesson = importer.parse_text(PAGE)
    assert [g.term for g in lesson.glossary] == ["floating", "visitor"]
    assert calls["floating – adj. resting on water 浮かぶ"] == 1
    assert calls["visitor – n. a person who comes to see a place 訪問者"] == 1
