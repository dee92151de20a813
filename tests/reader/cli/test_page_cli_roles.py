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


def test_a_role_a_line_has_already_is_refused_and_no_change_is_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pairs = Path(__file__).resolve().parents[2] / "data" / "pageview" / "pier_pairs.txt"
    path = tmp_path / "lib.db"
    assert main(["import", str(pairs), "--library", str(path)]) == 0
    capsys.readouterr()
    assert main(["show", "1", "--lines", "--library", str(path)]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    eight = next(r[0] for r in rows if r[3].startswith("By eight"))
    assert main(["fix", "1", eight, "paragraph", "--library", str(path)]) == 1
    assert "nothing to change" in capsys.readouterr().err
    assert main(["fix", "1", "--undo", "--library", str(path)]) == 1
    assert "no change to take back" in capsys.readouterr().err
    buyers = next(r[0] for r in rows if r[3].startswith("The buyers"))  # joined to the paragraph above
    assert next(r[1] for r in rows if r[0] == buyers) == "paragraph 0 ¶1"
    assert main(["fix", "1", buyers, "paragraph", "--library", str(path)]) == 0
    assert main(["show", "1", "--lines", "--library", str(path)]) == 0
    after = {r[0]: r[1] for r in (line.split("\t") for line in capsys.readouterr().out.splitlines())}
    assert after[buyers] == "paragraph 1 ¶2"
