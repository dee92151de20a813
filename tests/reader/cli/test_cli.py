"""The command line: import, list, show, search, and bad input that leaves the library as it was."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.__main__ import main
from tests.helpers import dump

REPO = Path(__file__).resolve().parents[3]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_prints_one_line_per_file(capsys, tmp_path, reference_path) -> None:
    lib = tmp_path / "lib.db"
    code, out, err = run(capsys, "import", str(reference_path), "--library", str(lib))
    assert code == 0, err
    lines = out.strip().splitlines()
    assert len(lines) == 1
    assert "Night Trains Make a Comeback Across Europe" in lines[0]
    for part in ("20 paragraphs", "3 translations placed", "4/4 notes anchored", "4 glossary entries", "0 unplaced"):
        assert part in lines[0]


def test_show_json_has_the_documented_form(capsys, tmp_path, reference_path) -> None:
    lib = tmp_path / "lib.db"
    run(capsys, "import", str(reference_path), "--library", str(lib))
    code, out, _ = run(capsys, "show", "1", "--json", "--library", str(lib))
    assert code == 0
    data = json.loads(out)
    assert isinstance(data["title"], str)
    assert isinstance(data["caption"], list) and len(data["caption"]) == 1
    assert all(b["kind"] in ("heading", "paragraph") for b in data["blocks"])
    assert all(isinstance(b["translations"], dict) for b in data["blocks"])
    for note in data["notes"]:
        assert set(note) >= {"marker", "text", "source_url", "anchor"}
        a = note["anchor"]
        assert data["blocks"][a["block"]]["text"][a["start"] : a["end"]] == note["anchor_text"]
    assert [g["term"] for g in data["glossary"]] == ["sleeper", "reserve", "berth", "privacy"]
    assert all(set(g) >= {"term", "pos", "definition"} for g in data["glossary"])
    assert data["unplaced"] == []


def test_list_and_search(capsys, tmp_path, reference_path) -> None:
    lib = tmp_path / "lib.db"
    run(capsys, "import", str(reference_path), "--library", str(lib))
    code, out, _ = run(capsys, "list", "--json", "--library", str(lib))
    assert code == 0 and json.loads(out)[0]["title"].startswith("Night Trains")
    code, out, _ = run(capsys, "search", "SJ", "--json", "--library", str(lib))
    hits = json.loads(out)
    assert {(h["block_pos"], h["lang"]) for h in hits} >= {(8, "en"), (8, "ja")}
    # Japanese substrings, two characters and longer
    for query in ("鉄道", "約束した", "オーロラ"):
        code, out, _ = run(capsys, "search", query, "--json", "--library", str(lib))
        assert any(h["lang"] == "ja" for h in json.loads(out)), query


def test_env_variable_chooses_the_library(capsys, tmp_path, reference_path, monkeypatch) -> None:
    lib = tmp_path / "env.db"
    monkeypatch.setenv("STUDY_READER_LIBRARY", str(lib))
    code, _, _ = run(capsys, "import", str(reference_path))
    assert code == 0 and lib.exists()


BAD = {
    "empty.txt": b"",
    "blank.txt": b"\n\n   \n",
    "binary.bin": bytes(range(256)) * 40,
    "undecodable.txt": b"\x81\xff\xfe\x80\x90" * 400,
    "no_english.txt": "これは日本語だけのページです。\n\n英語の本文はありません。\n".encode(),
    "png.txt": b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(200),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_is_refused_in_one_line_and_changes_nothing(capsys, tmp_path, reference_path, name) -> None:
    lib = tmp_path / "lib.db"
    run(capsys, "import", str(reference_path), "--library", str(lib))
    before = dump(lib)
    bad = tmp_path / name
    bad.write_bytes(BAD[name])
    code, out, err = run(capsys, "import", str(bad), "--library", str(lib))
    assert code != 0
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert name in err and "Traceback" not in err
    assert dump(lib) == before


def test_missing_file_is_one_line(capsys, tmp_path) -> None:
    code, _, err = run(capsys, "import", str(tmp_path / "nope.txt"), "--library", str(tmp_path / "l.db"))
    assert code != 0 and len(err.strip().splitlines()) == 1 and "nope.txt" in err


def test_a_bad_file_does_not_stop_the_good_ones(capsys, tmp_path, reference_path) -> None:
    lib = tmp_path / "lib.db"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, err = run(capsys, "import", str(empty), str(reference_path), "--library", str(lib))
    assert code != 0
    assert "empty.txt" in err and "Night Trains" in out


def test_reimport_prints_already_and_keeps_one(capsys, tmp_path, reference_path) -> None:
    lib = tmp_path / "lib.db"
    run(capsys, "import", str(reference_path), "--library", str(lib))
    code, out, _ = run(capsys, "import", str(reference_path), "--library", str(lib))
    assert code == 0 and "already in library" in out
    code, out, _ = run(capsys, "list", "--json", "--library", str(lib))
    assert len(json.loads(out)) == 1


def test_installed_command_runs_outside_the_source_tree(tmp_path, reference_path) -> None:
    """The `study-reader` script of this environment works from another folder."""
    script = Path(sys.executable).with_name("study-reader")
    if not script.exists():
        pytest.skip("study-reader is not installed in this environment")
    env = {**os.environ, "STUDY_READER_LIBRARY": str(tmp_path / "lib.db")}
    res = subprocess.run(
        [str(script), "import", str(reference_path)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert res.returncode == 0, res.stderr
    res = subprocess.run(
        [sys.executable, "-m", "reader", "list"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert res.returncode == 0 and "Night Trains" in res.stdout


def test_a_page_of_several_posts_imports_as_one_lesson_each_and_says_how_many(capsys, tmp_path) -> None:
    page = REPO / "tests" / "data" / "corpus" / "zh_hant_feed_posts.txt"
    code, out, err = run(capsys, "import", str(page), "--library", str(tmp_path / "lib.db"))
    assert code == 0, err
    lines = out.strip().splitlines()
    assert "Rainy Day Ferry Rides Get Cheaper" in lines[0] and "A Bakery Teaches Children" in lines[1]
    assert lines[2] == f"2 lessons from {page}"
