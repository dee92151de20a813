"""The levelled worksheet's per-machine word lists: built once into a table, or, where its folder
cannot be written, worked out in memory alike."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from library.study import distractor_table


@pytest.fixture(autouse=True)
def _fresh_table() -> Iterator[None]:
    """Each test opens the table in its own folder (the isolated STUDY_READER_DICTIONARY_DIR)."""
    distractor_table.close()
    yield
    distractor_table.close()


def test_the_lists_are_alike_from_the_table_and_from_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    words = ["pledged", "glacier", "outside", "river", "x-ray"]
    pools = {(level, upos): distractor_table.pool(level, upos) for level in ("A2", "C1") for upos in ("NOUN", "VERB")}
    tags = distractor_table.tag_levels(words)
    assert distractor_table.is_current() and distractor_table.table_path().is_file()
    assert tags["pledged"] == {"VBN": "C1"} and "x-ray" not in tags and tags["outside"]["RB"] == "A1"
    verbs = pools["C1", "VERB"]
    assert verbs and list(verbs) == sorted(verbs)
    assert all(forms["VB"] == lemma for lemma, forms in verbs.items())  # every lemma has its base form
    assert any(form.endswith("ed") for forms in verbs.values() for tag, form in forms.items() if tag == "VBD")
    distractor_table.close()
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")  # a file where the folder should be: nothing can be written
    monkeypatch.setattr(distractor_table, "table_path", lambda: blocked / distractor_table.TABLE_NAME)
    assert distractor_table.tag_levels(words) == tags
    assert {key: distractor_table.pool(*key) for key in pools} == pools
    distractor_table.ensure()  # says why in the log, and leaves the worksheet to work the lists out
