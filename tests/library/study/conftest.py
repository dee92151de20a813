"""The dictionary built from the small JMdict fixture, for the tests of senses."""

from __future__ import annotations

from pathlib import Path

import pytest

from library.study import dictionary as dictionary_module
from library.study.dictionary import Dictionary
from tests.jmdict_fixture import write_mini_jmdict


@pytest.fixture
def dictionary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Dictionary:
    source = write_mini_jmdict(tmp_path / "jamdict" / "jamdict.db")
    monkeypatch.setattr(dictionary_module, "jmdict_source_path", lambda: source)
    found = Dictionary(tmp_path / "data" / "dictionary.db")
    found.build_jmdict()
    return found
