"""The command line shows the dictionary's meaning for words saved before the dictionary existed."""

from __future__ import annotations

import json

import pytest

from library.study import dictionary as dictionary_module
from reader.__main__ import main
from tests.study_data import install_tiny_dictionary


@pytest.fixture(autouse=True)
def _no_jmdict(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lookups use the hand-made dictionary alone (no JMdict build in these tests)."""
    monkeypatch.setattr(dictionary_module, "jmdict_source_path", lambda: None)


def _saved_before_the_dictionary(capsys: pytest.CaptureFixture[str]) -> None:
    """Save a word while there is no dictionary, then install one."""
    assert main(["words", "add", "carriages"]) == 0
    capsys.readouterr()
    install_tiny_dictionary(with_reference_words=True)


def test_words_list_fills_the_meaning_of_a_word_saved_before_the_dictionary(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _saved_before_the_dictionary(capsys)
    assert main(["words", "list"]) == 0
    assert "carriage — 客車" in capsys.readouterr().out
    assert main(["words", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["gloss"] for r in rows if r["text"] == "carriage"] == ["客車"]


def test_lookup_fills_the_meaning_of_a_word_saved_before_the_dictionary(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _saved_before_the_dictionary(capsys)
    assert main(["lookup", "carriages", "--json"]) == 0
    saved = json.loads(capsys.readouterr().out)["saved"]
    assert saved is not None and saved["gloss"] == "客車"
