"""`dictionary build` and `dictionary list` with the shared table, built from the small JMdict."""

from __future__ import annotations

from pathlib import Path

import pytest

from library.study import dictionary as dictionary_module
from tests.jmdict_fixture import write_mini_jmdict


@pytest.fixture
def mini(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The small JMdict, as if the `jamdict-data` package held it."""
    source = write_mini_jmdict(tmp_path / "jamdict" / "jamdict.db")
    monkeypatch.setattr(dictionary_module, "jmdict_source_path", lambda: source)
    return source


def test_dictionary_list_says_when_the_table_is_out_of_date(
    tmp_path: Path, mini: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.__main__ import main

    assert main(["dictionary", "build"]) == 0
    capsys.readouterr()
    assert main(["dictionary", "list"]) == 0
    assert capsys.readouterr().out.startswith("JMdict: ready (built ")
    write_mini_jmdict(mini, version="test-2")
    assert main(["dictionary", "list"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("JMdict: stale (built ") and "builds it again" in out
