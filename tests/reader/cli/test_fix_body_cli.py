"""`fix ID N --join | --split | --move | --text | --delete` edit the English body: they are refused on
a note or a translation (a word list's line may be joined and no other change), and a join takes the
line right after it, whatever its role."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reader.__main__ import main
from tests.reader.cli.test_page_cli import run

MARKET = Path(__file__).resolve().parents[2] / "data" / "pageview" / "fish_market_page.txt"


@pytest.fixture
def lib_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "lib.db"
    assert main(["import", str(MARKET), "--library", str(path)]) == 0
    capsys.readouterr()
    return path



def show(capsys: pytest.CaptureFixture[str], lib: Path, *what: str) -> Any:
    code, out, err = run(capsys, lib, "show", "1", *what, "--json")
    assert code == 0, err
    return json.loads(out)


def n_of(capsys: pytest.CaptureFixture[str], lib: Path, start: str) -> str:
    return str(next(r["n"] for r in show(capsys, lib, "--lines") if r["text"].startswith(start)))


@pytest.mark.parametrize(
    ("line", "change", "role"),
    [
        ("※1 harbour", ["--join"], "a note"),
        ("※1 harbour", ["--split", "2"], "a note"),
        ("※1 harbour", ["--move", "up"], "a note"),
        ("※1 harbour", ["--delete"], "a note"),
        ("一部の買い物客", ["--join"], "a translation"),
        ("一部の買い物客", ["--split", "4"], "a translation"),
        ("一部の買い物客", ["--move", "down"], "a translation"),
        ("trader", ["--text", "trader – n. a seller"], "a word list's line"),
    ],
)
def test_an_edit_of_the_english_is_refused_on_a_line_outside_the_body(
    capsys: pytest.CaptureFixture[str], lib_path: Path, line: str, change: list[str], role: str
) -> None:
    before = show(capsys, lib_path)
    lines = show(capsys, lib_path, "--lines")
    code, _, err = run(capsys, lib_path, "fix", "1", n_of(capsys, lib_path, line), *change)
    assert code == 1
    assert len(err.splitlines()) == 1
    assert f"is {role}:" in err and ("takes a heading or a paragraph" in err or "takes a heading, a paragraph" in err)
    assert show(capsys, lib_path) == before
    assert show(capsys, lib_path, "--lines") == lines


def test_joining_the_last_paragraph_takes_its_translation_line_and_no_note(
    capsys: pytest.CaptureFixture[str], lib_path: Path
) -> None:
    n = n_of(capsys, lib_path, "Some shoppers")
    code, _, err = run(capsys, lib_path, "fix", "1", n, "--join")
    assert code == 0, err
    after = show(capsys, lib_path)
    assert after["blocks"][-1]["text"] == (
        "Some shoppers said they would miss the busy streets around the old market."
        " 一部の買い物客は、古い市場の周りのにぎやかな通りが恋しくなると話した。"
    )
    assert [x["marker"] for x in after["notes"]] == ["※1"] and after["glossary_heading"] == "Words"


def test_joining_the_last_line_is_refused(capsys: pytest.CaptureFixture[str], lib_path: Path) -> None:
    before = show(capsys, lib_path)
    n = n_of(capsys, lib_path, "hall")  # a word list's line may be joined: this one has no line after it
    code, _, err = run(capsys, lib_path, "fix", "1", n, "--join")
    assert code == 1
    assert err == f"study-reader: lesson 1: line {n} is the last line: there is nothing after it to join\n"
    assert show(capsys, lib_path) == before


def test_a_join_takes_the_line_right_after_it_its_translation_too(
    capsys: pytest.CaptureFixture[str], lib_path: Path
) -> None:
    code, _, err = run(capsys, lib_path, "fix", "1", n_of(capsys, lib_path, "Traders"), "--join")
    assert code == 0, err
    blocks = show(capsys, lib_path)["blocks"]
    assert len(blocks) == 3
    assert blocks[1]["text"].startswith("Traders") and blocks[1]["text"].endswith("新しいホールに移る。")
    assert blocks[2]["text"].startswith("Some shoppers")
    assert len(show(capsys, lib_path)["notes"]) == 1


def test_the_titles_text_may_be_fixed(capsys: pytest.CaptureFixture[str], lib_path: Path) -> None:
    code, _, err = run(capsys, lib_path, "fix", "1", "0", "--text", "Fish Market Moves to the Harbour Side")
    assert code == 0, err
    assert show(capsys, lib_path)["title"] == "Fish Market Moves to the Harbour Side"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("fix", "1", "1", "--split", "abc"), "fix: argument --split: not a whole number: 'abc'"),
        (("fix", "1", "1", "--move", "sideways"), "fix: argument --move: invalid choice: 'sideways'"),
        (("fix", "1", "abc", "paragraph"), "fix: argument N: not a whole number: 'abc'"),
        (("fix", "1", "99999999999999999999999", "paragraph"), "fix: argument N: a number too large"),
        (("fix", "1", "1", "--split", "99999999999999999999999"), "fix: argument --split: a number too large"),
        (("reimport", "99999999999999999999999"), "reimport: argument id: a number too large"),
    ],
)
def test_a_wrong_command_line_is_one_line_with_status_2(
    capsys: pytest.CaptureFixture[str], lib_path: Path, args: tuple[str, ...], words: str
) -> None:
    with pytest.raises(SystemExit) as stopped:
        run(capsys, lib_path, *args)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"study-reader: {words}") and len(err.splitlines()) == 1, err
    assert "usage:" not in err


@pytest.mark.parametrize("text", ["Traders will move.\n\nThey like it.", "Traders will\nmove.", "Traders\u2028move."])
def test_new_text_with_a_line_break_is_refused(capsys: pytest.CaptureFixture[str], lib_path: Path, text: str) -> None:
    before = show(capsys, lib_path, "--lines")
    code, _, err = run(capsys, lib_path, "fix", "1", n_of(capsys, lib_path, "Traders"), "--text", text)
    assert code == 1 and "line break" in err and len(err.splitlines()) == 1
    assert show(capsys, lib_path, "--lines") == before


def test_a_title_line_made_a_paragraph_leaves_the_file_name_as_the_title_and_says_so(
    capsys: pytest.CaptureFixture[str], lib_path: Path
) -> None:
    code, out, err = run(capsys, lib_path, "fix", "1", "0", "paragraph")
    assert code == 0, err
    assert out == "1\tline 0: paragraph\n1\tthe lesson has no title line now: its title is “fish_market_page”\n"
    lesson = show(capsys, lib_path)
    assert lesson["title"] == "fish_market_page"
    assert lesson["blocks"][0]["text"] == "Fish Market Moves to the Harbour"
    code, out, err = run(capsys, lib_path, "fix", "1", "0", "--delete")  # the paragraph it is now
    assert code == 0 and out == "1\tline 0: deleted\n", err
    assert show(capsys, lib_path)["title"] == "fish_market_page"  # not the next paragraph's text
    run(capsys, lib_path, "fix", "1", "--undo")
    run(capsys, lib_path, "fix", "1", "--undo")
    assert show(capsys, lib_path)["title"] == "Fish Market Moves to the Harbour"


def test_reimport_keeps_a_join_both_of_whose_lines_are_found_and_names_what_changed_when_not(
    capsys: pytest.CaptureFixture[str], lib_path: Path
) -> None:
    from library import Library

    first = n_of(capsys, lib_path, "The old fish market")
    assert run(capsys, lib_path, "fix", "1", first, "--join")[0] == 0
    joined = show(capsys, lib_path)
    # A newer reading of the page: another line changed; both lines of the join are still there.
    with Library(lib_path) as lib:
        data = MARKET.read_bytes().replace(b"Some shoppers", b"Many shoppers")
        lib.db.execute("UPDATE sources SET data = ? WHERE lesson_id = 1", [data])
    code, out, _ = run(capsys, lib_path, "reimport", "1")
    assert code == 0 and "1 change kept" in out and "0 not kept" in out
    assert show(capsys, lib_path)["blocks"][0]["text"] == joined["blocks"][0]["text"]
    # Now the line after it is another (not a small edit of it): the join is not kept, and the reason
    # says what changed.
    with Library(lib_path) as lib:
        data = MARKET.read_bytes().replace(  # the line after it: its translation, another sentence now
            "市の中心部にある古い魚市場は来春閉鎖されると、市議会が月曜日に発表した。".encode(),
            "春になると商人たちは港へ行き、客もそれについて行く。".encode(),
        )
        lib.db.execute("UPDATE sources SET data = ? WHERE lesson_id = 1", [data])
    code, out, _ = run(capsys, lib_path, "reimport", "1")
    assert code == 0 and "1 not kept" in out
    assert "not kept: join of line 1 “The old fish market" in out
    assert out.rstrip().endswith("(the line after it changed)")
