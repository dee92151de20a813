"""`fix ID N caption` and `fix ID N title_translation`: every role the page view gives, on the command line too."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.__main__ import main
from tests.reader.teaching.test_page_view import JA, PAGE


def test_fix_gives_a_line_the_titles_translation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "lib.db"
    assert main(["import", str(PAGE), "--library", str(path)]) == 0
    assert main(["fix", "1", "5", "title_translation", "--library", str(path)]) == 0
    capsys.readouterr()
    assert main(["show", "1", "--json", "--library", str(path)]) == 0
    assert f'"title_translation": "{JA}"' in capsys.readouterr().out
    assert main(["fix", "1", "7", "caption", "--library", str(path)]) == 0
    capsys.readouterr()
    assert main(["show", "1", "--json", "--library", str(path)]) == 0
    assert '"Officials hope other villages will copy the idea before next spring."' in capsys.readouterr().out
