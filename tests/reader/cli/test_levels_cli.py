"""`show ID --levels`: a lesson's level profile, readability and unknown share."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.__main__ import main
from tests.library.study.test_levels import (
    BAND_COUNT,
    GUESSED,
    GUESSED_COUNT,
    GUESSED_LEMMAS,
    HAND_COUNT,
    PARAGRAPH,
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_show_levels_json_matches_the_hand_count(capsys, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(f"Tomas and the River\n\n{PARAGRAPH}\n", encoding="utf-8")
    code, out, err = run(capsys, "import", str(page))
    assert code == 0, err
    lesson_id = out.split(":", 1)[1].split()[0]
    run(capsys, "words", "add", "river", "--status", "known")
    code, out, err = run(capsys, "show", lesson_id, "--levels", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["levels"] == HAND_COUNT
    assert (data["words"], data["names"], data["sentences"], data["known"]) == (33, 2, 3, 1)
    assert data["unknown_share"] == round(32 / 33, 4)
    assert data["bands"] == BAND_COUNT
    # The words one by one, each once, adding up to the profile level by level and to the bands.
    listed = data["word_list"]
    assert len({w["word"] for w in listed}) == len(listed)
    by_level: dict[str, int] = {}
    by_band: dict[str, int] = dict.fromkeys(BAND_COUNT, 0)
    for w in listed:
        by_level[w["level"] or "unlisted"] = by_level.get(w["level"] or "unlisted", 0) + w["count"]
        by_band[w["band"]] += w["count"]
    assert by_level == HAND_COUNT and by_band == BAND_COUNT
    assert listed[0] == {"word": "the", "lemma": "the", "level": "A1", "band": "1k", "count": 5}
    assert {"word": "praised", "lemma": "praise", "level": "B1", "band": "5k", "count": 1} in listed
    assert listed[-1]["word"] == "blogged" and listed[-1]["level"] is None
    assert not {"tomas"} & {w["word"] for w in listed}  # a name is not levelled
    code, out, err = run(capsys, "show", lesson_id, "--levels")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "33 running words levelled, 2 names left out"
    assert lines[1].split()[:2] == ["A1", "25"] and lines[7].split()[:2] == ["unlisted", "1"]
    assert "Unknown to Default: 97.0% (32 of 33)" in out
    assert lines[-1] == "Frequency (wordfreq): 1k 69.7%  2k 6.1%  5k 9.1%  10k 0.0%  rarer 15.2%"


def test_show_levels_json_lists_guessed_lemmas_contractions_and_compounds_as_counted_by_hand(
    capsys, tmp_path: Path
) -> None:
    page = tmp_path / "page.txt"
    page.write_text(f"Mira's Phone\n\n{GUESSED}\n", encoding="utf-8")
    code, out, err = run(capsys, "import", str(page))
    assert code == 0, err
    code, out, err = run(capsys, "show", out.split(":", 1)[1].split()[0], "--levels", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["levels"] == GUESSED_COUNT and (data["words"], data["names"]) == (29, 2)
    listed = {w["word"]: w for w in data["word_list"]}
    assert {w: listed[w]["lemma"] for w in GUESSED_LEMMAS} == GUESSED_LEMMAS
    levels = {w: listed[w]["level"] for w in (*GUESSED_LEMMAS, "can't", "won't", "well-known", "city's", "reach")}
    assert levels == {"playlists": "C2", "sushis": "C2", "commuters": "C2", "chefs": "A2", "influencers": None,
                      "ringtones": None, "megacities": None, "can't": "A1", "won't": "A1", "well-known": "B2",
                      "city's": "A1", "reach": "A2"}
    assert listed["the"]["count"] == 3 and not {"mira", "kell"} & set(listed)
    by_level: dict[str, int] = {}
    for w in data["word_list"]:
        by_level[w["level"] or "unlisted"] = by_level.get(w["level"] or "unlisted", 0) + w["count"]
    assert by_level == {level: n for level, n in GUESSED_COUNT.items() if n}


def test_show_levels_of_no_lesson_is_one_line(capsys) -> None:
    code, out, err = run(capsys, "show", "99", "--levels")
    assert code == 1 and out == "" and err == "study-reader: no lesson with id 99\n"


def test_level_levels_the_lessons_not_levelled_yet(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """What the window runs in a process of its own for lessons imported elsewhere."""
    from library import Library
    from reader.__main__ import main

    path = tmp_path / "lib.db"
    page = tmp_path / "page.txt"
    page.write_text("Rain Gardens\n\nNeighbours dig small gardens that keep the rain from the streets.\n")
    with Library(path) as lib:
        lib.lessons.import_file(page)
        assert lib.study.levels.pending() == 1
    assert main(["--library", str(path), "level"]) == 0
    assert capsys.readouterr().out == "1 lesson levelled\n"
    with Library(path) as lib:
        assert lib.study.levels.pending() == 0
    assert main(["--library", str(path), "level"]) == 0
    assert capsys.readouterr().out == "0 lessons levelled\n"
