"""`dictionary import` of hostile or broken files: control characters never reach a lookup, and a
quote left open is named with its line instead of swallowing the rest of the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from library.study import dictionary as dictionary_module
from reader.__main__ import main


@pytest.fixture(autouse=True)
def _no_jmdict(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lookups use the imported dictionary alone (no JMdict build in these tests)."""
    monkeypatch.setattr(dictionary_module, "jmdict_source_path", lambda: None)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_control_characters_in_cells_never_reach_a_lookup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    own = tmp_path / "own.csv"
    own.write_bytes(
        b"english,japanese,reading,note\n"
        b"park,\x00\x00,x\n"  # Japanese of nothing but NULs: no entry
        b"tree,\x1b[31m\xe6\x9c\xa8\x1b[0m,\xc2\x85ki\n"  # ESC, and a C1 control (U+0085) in the reading
        b'river,"\xe5\xb7\x9d\n\x07",kawa\n'  # a bell, and a line break inside a quoted cell
    )
    code, out, err = _run(capsys, "dictionary", "import", str(own))
    assert code == 0 and "imported 2 entries" in out, err
    code, out, _ = _run(capsys, "lookup", "park", "--json")
    assert code == 1 and "\\u0000" not in out and "【x】" not in out
    code, out, _ = _run(capsys, "lookup", "tree")
    # The controls are gone (not merely escaped on output); the printable rest is plain text.
    assert code == 0 and "\\u001b" not in out and "\\u0085" not in out and "\x1b" not in out
    assert "[31m木[0m【ki】" in out
    code, out, _ = _run(capsys, "lookup", "river", "--json")
    assert code == 0 and '"headword": "川"' in out, out


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('park,"公園\ntree,木\nriver,川\n', 1),  # before: "公園\ntree,木\nriver,川" was park's Japanese
        ('english,japanese\npark,公園\ntree,"木\n', 3),
        ('"park,公園\n', 1),  # before: "no dictionary rows found"
    ],
)
def test_a_quote_left_open_is_named_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, line: int
) -> None:
    own = tmp_path / "own.csv"
    own.write_text(text, encoding="utf-8")
    code, out, err = _run(capsys, "dictionary", "import", str(own))
    assert code == 1 and out == "", out
    assert err == f'study-reader: line {line}: a quote (") opened in this row is never closed\n', err
    code, out, _ = _run(capsys, "dictionary", "list")
    assert "own" not in out  # nothing of it was kept
