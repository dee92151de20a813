"""The page view on the command line: `show ID --lines [--json]`, `fix ID N ROLE [--to M]`, the
English edits, `fix ID --undo`, and `reimport ID` keeping the changes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from library import Library
from reader.__main__ import main

GARDEN = Path(__file__).resolve().parents[2] / "data" / "pageview" / "garden_page.txt"


@pytest.fixture
def lib_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "lib.db"
    assert main(["import", str(GARDEN), "--library", str(path)]) == 0
    capsys.readouterr()
    return path


def run(capsys: pytest.CaptureFixture[str], lib: Path, *args: str) -> tuple[int, str, str]:
    code = main([*args, "--library", str(lib)])
    out, err = capsys.readouterr()
    return code, out, err


def lines(capsys: pytest.CaptureFixture[str], lib: Path) -> list[dict[str, Any]]:
    code, out, err = run(capsys, lib, "show", "1", "--lines", "--json")
    assert code == 0, err
    data: list[dict[str, Any]] = json.loads(out)
    return data


def n_of(rows: list[dict[str, Any]], start: str) -> str:
    return str(next(r["n"] for r in rows if r["text"].startswith(start)))


def lesson(capsys: pytest.CaptureFixture[str], lib: Path) -> dict[str, Any]:
    code, out, _ = run(capsys, lib, "show", "1", "--json")
    assert code == 0
    data: dict[str, Any] = json.loads(out)
    return data


def test_show_lines_json_has_the_documented_form(capsys, lib_path) -> None:
    rows = lines(capsys, lib_path)
    assert rows and all({"n", "role", "target", "confidence", "text"} <= set(r) for r in rows)
    assert rows[0] == {**rows[0], "n": 0, "role": "title", "text": "Saturday Morning Notes"}
    assert {r["role"] for r in rows} >= {"title", "heading", "paragraph", "translation"}
    code, out, _ = run(capsys, lib_path, "show", "1", "--lines")
    assert code == 0
    assert out.splitlines()[0].split("\t") == ["0", "title", "1.0", "Saturday Morning Notes"]


def test_a_session_of_fixes_each_shown_as_asked_and_each_undone(capsys, lib_path) -> None:
    rows = lines(capsys, lib_path)
    steps: list[tuple[str, ...]] = [
        ("fix", "1", n_of(rows, "City Gardens"), "title"),
        ("fix", "1", n_of(rows, "Our team picks"), "site"),
        ("fix", "1", n_of(rows, "Sign in to save"), "site"),
    ]
    states = [(rows, lesson(capsys, lib_path))]
    for step in steps:
        code, _, err = run(capsys, lib_path, *step)
        assert code == 0, err
        states.append((lines(capsys, lib_path), lesson(capsys, lib_path)))
    rows = states[-1][0]
    assert next(r for r in rows if r["text"] == "City Gardens Bring Neighbors Together")["role"] == "title"
    assert [r["role"] for r in rows if r["text"].startswith(("Our team", "Sign in"))] == ["site", "site"]
    assert states[-1][1]["title"] == "City Gardens Bring Neighbors Together"
    for word in ("lot ", "neighbor ", "retired ", "volunteer "):
        assert run(capsys, lib_path, "fix", "1", n_of(rows, word), "glossary")[0] == 0
        rows = lines(capsys, lib_path)
        states.append((rows, lesson(capsys, lib_path)))
    assert [g["term"] for g in states[-1][1]["glossary"]] == ["lot", "neighbor", "retired", "volunteer"]
    teacher = next(i for i, b in enumerate(states[-1][1]["blocks"]) if b["text"].startswith("One retired"))
    code, _, err = run(capsys, lib_path, "fix", "1", n_of(rows, "退職した"), "translation", "--to", str(teacher))
    assert code == 0, err
    rows = lines(capsys, lib_path)
    assert next(r for r in rows if r["text"].startswith("退職した"))["target"] == teacher
    assert lesson(capsys, lib_path)["blocks"][teacher]["translations"] == {
        "ja": "退職した先生は、庭が毎日家を出る理由になったと言いました。"
    }
    states.append((rows, lesson(capsys, lib_path)))
    # Undo, one change at a time, back to the import.
    for k in range(len(states) - 1, 0, -1):
        assert run(capsys, lib_path, "fix", "1", "--undo")[0] == 0
        assert (lines(capsys, lib_path), lesson(capsys, lib_path)) == states[k - 1]
    code, _, err = run(capsys, lib_path, "fix", "1", "--undo")
    assert code == 1 and "no change to take back" in err


def test_join_split_and_fix_a_typo(capsys, lib_path) -> None:
    rows = lines(capsys, lib_path)
    n = n_of(rows, "Across the city")
    code, _, err = run(
        capsys, lib_path, "fix", "1", n, "--text", "Across the city, empty lots are turning into gardens."
    )
    assert code == 0, err
    assert any(
        b["text"] == "Across the city, empty lots are turning into gardens." for b in lesson(capsys, lib_path)["blocks"]
    )
    assert run(capsys, lib_path, "fix", "1", n, "--join")[0] == 0
    joined = next(b["text"] for b in lesson(capsys, lib_path)["blocks"] if b["text"].startswith("Across"))
    assert (
        joined == "Across the city, empty lots are turning into gardens. Many of the gardeners had never met"
        " before they started working side by side."
    )
    at = str(len("Across the city, empty lots are turning into gardens. "))
    assert run(capsys, lib_path, "fix", "1", n, "--split", at)[0] == 0
    texts = [b["text"] for b in lesson(capsys, lib_path)["blocks"]]
    i = texts.index("Across the city, empty lots are turning into gardens.")
    assert texts[i + 1].startswith("Many of the gardeners")


@pytest.mark.parametrize(
    ("args", "status", "words"),
    [
        (("fix", "1", "999", "title"), 2, "no line 999"),
        (("fix", "1", "2", "banner"), 2, "no such role"),
        (("fix", "1", "8", "translation", "--to", "77"), 2, "no paragraph 77"),
        (("fix", "1", "3", "translation", "--to", "2"), 2, "line 3 is paragraph 2 itself"),
        (("fix", "1", "4", "translation", "--to", "3"), 2, "cannot be its own translation"),
        (("fix", "1", "8", "translation"), 1, "--to M"),
        (("fix", "1", "3", "--split", "0"), 1, "cannot split line 3 at 0: the first piece would be empty"),
        (("fix", "1"), 2, "line number"),
        (("fix", "1", "1", "--move", "up"), 1, "line 1 is the first heading or paragraph: it cannot move up"),
        (("fix", "1", "13", "--move", "down"), 1, "line 13 is the last paragraph: it cannot move down"),
        (("fix", "1", "0", "--move", "up"), 1, "line 0 is a title: a move takes a heading or a paragraph"),
        (("fix", "1", "13", "--join"), 1, "line 13 is the last line: there is nothing after it to join"),
        (("fix", "9", "1", "title"), 1, "no lesson with id 9"),
        (("show", "9", "--lines"), 1, "no lesson with id 9"),
    ],
)
def test_a_wrong_line_role_or_target_is_one_line_and_changes_nothing(capsys, lib_path, args, status, words) -> None:
    before = lines(capsys, lib_path)
    code, _, err = run(capsys, lib_path, *args)
    assert code == status
    assert words in err and len(err.strip().splitlines()) == 1
    assert lines(capsys, lib_path) == before


def test_reimport_keeps_the_decisions_whose_lines_are_still_there(capsys, lib_path) -> None:
    rows = lines(capsys, lib_path)
    assert run(capsys, lib_path, "fix", "1", n_of(rows, "City Gardens"), "title")[0] == 0
    assert run(capsys, lib_path, "fix", "1", n_of(rows, "Sign in to save"), "site")[0] == 0
    assert run(capsys, lib_path, "fix", "1", n_of(rows, "lot "), "glossary")[0] == 0
    fixed = lesson(capsys, lib_path)
    code, out, _ = run(capsys, lib_path, "reimport", "1")
    assert code == 0 and "3 changes kept" in out and "0 not kept" in out
    assert lesson(capsys, lib_path) == fixed
    # The page as a newer importer might read it: a line more at the top, the "Sign in" line gone.
    with Library(lib_path) as lib:
        data = GARDEN.read_bytes().replace(b"Sign in to save this story and read it again later on.\n", b"")
        lib.db.execute("UPDATE sources SET data = ? WHERE lesson_id = 1", [b"Weekend edition\n\n" + data])
    code, out, _ = run(capsys, lib_path, "reimport", "1")
    assert code == 0 and "2 changes kept" in out and "1 not kept" in out and "Sign in to save" in out
    again = lesson(capsys, lib_path)
    assert again["title"] == "City Gardens Bring Neighbors Together"  # found by its text on another line
    assert [g["term"] for g in again["glossary"]] == ["lot"]


def test_split_lesson_makes_a_lesson_of_the_lines_from_n_on(capsys, tmp_path) -> None:
    lib = tmp_path / "posts.db"
    posts = GARDEN.parent / "two_posts.txt"
    assert main(["import", str(posts), "--library", str(lib)]) == 0
    capsys.readouterr()
    n = n_of(lines(capsys, lib), "A Library Opens")
    code, out, err = run(capsys, lib, "fix", "1", n, "--split-lesson")
    assert code == 0, err
    assert out.startswith("2\tA Library Opens Its Doors at Night\t")
    code, out, _ = run(capsys, lib, "list")
    assert "Rain Returns to the Valley Farms" in out and "A Library Opens Its Doors at Night" in out
    assert [b["text"][:10] for b in lesson(capsys, lib)["blocks"]] == ["After thre", "Farmers sa", "Some roads"]


CHANGE_OPTIONS: list[tuple[str, ...]] = [
    ("--undo",),
    ("--join",),
    ("--split", "5"),
    ("--text", "New words."),
    ("--delete",),
    ("--move", "up"),
    ("--split-lesson",),
]


@pytest.mark.parametrize(
    "args",
    [
        *[(*a, *b) for i, a in enumerate(CHANGE_OPTIONS) for b in CHANGE_OPTIONS[i + 1 :]],
        *[(*a, "--to", "2") for a in CHANGE_OPTIONS],
        *[("title", *a) for a in CHANGE_OPTIONS[1:]],
        ("title", "--to", "2"),
        ("site", "--to", "2"),
        ("--to", "2"),
    ],
)
def test_options_that_do_not_go_together_are_refused_in_one_line(capsys, lib_path, args) -> None:
    before = lines(capsys, lib_path)
    code, _, err = run(capsys, lib_path, "fix", "1", "3", *args)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and ("not" in err or "goes with" in err), err
    assert lines(capsys, lib_path) == before


def test_counts_of_one_are_said_in_the_singular(capsys, tmp_path) -> None:
    code, out, err = run(capsys, tmp_path / "one.db", "import", str(GARDEN))
    assert code == 0, err
    assert "1 heading," in out and "10 paragraphs" in out and "2 translations placed" in out
    assert "1 headings" not in out
    rows = lines(capsys, tmp_path / "one.db")
    assert run(capsys, tmp_path / "one.db", "fix", "1", n_of(rows, "Sign in to save"), "site")[0] == 0
    code, out, _ = run(capsys, tmp_path / "one.db", "reimport", "1")
    assert code == 0 and "\t1 change kept\t" in out


def test_show_lines_gives_the_block_index_and_the_windows_paragraph_number(capsys, lib_path) -> None:
    code, out, _ = run(capsys, lib_path, "show", "1", "--lines")
    assert code == 0
    roles = {row.split("\t")[3]: row.split("\t")[1] for row in out.splitlines()}
    assert roles["City Gardens Bring Neighbors Together"] == "heading 0"  # headings have no ¶N
    assert roles["Many of the gardeners had never met before they started working side by side."] == "paragraph 3 ¶3"
    assert roles["その多くは、一緒に作業を始めるまで会ったこともありませんでした。"] == "translation → 3 ¶3"


def test_a_line_given_its_role_by_hand_is_sure(capsys, tmp_path) -> None:
    page = GARDEN.parents[1] / "corpus" / "en_site_buttons_comments.txt"
    lib = tmp_path / "sure.db"
    assert run(capsys, lib, "import", str(page))[0] == 0
    rows = lines(capsys, lib)
    unsure = [r for r in rows if r["confidence"] < 1.0]
    assert len(unsure) >= 2  # the importer's guesses about the site's menu lines
    assert run(capsys, lib, "fix", "1", str(unsure[0]["n"]), "site")[0] == 0
    after = {r["n"]: r["confidence"] for r in lines(capsys, lib)}
    assert after[unsure[0]["n"]] == 1.0 and after[unsure[1]["n"]] == unsure[1]["confidence"]
    code, out, _ = run(capsys, lib, "show", "1", "--lines")
    assert code == 0
    assert out.splitlines()[unsure[0]["n"]].split("\t")[2] == "1.0"


def test_a_translation_split_over_two_paragraphs_names_both(capsys, tmp_path) -> None:
    page = GARDEN.parents[1] / "corpus" / "ja_one_translation_two_paragraphs.txt"
    lib = tmp_path / "two.db"
    assert run(capsys, lib, "import", str(page))[0] == 0
    row = next(r for r in lines(capsys, lib) if r["text"].startswith("ミルブルック町"))
    assert row["role"] == "translation" and row["targets"] == [0, 1]
    code, out, _ = run(capsys, lib, "show", "1", "--lines")
    assert code == 0
    assert out.splitlines()[row["n"]].split("\t")[1] == "translation → 0 ¶1, 1 ¶2"


def test_reimport_of_a_changed_source_moves_the_users_translation_and_lists_what_found_no_text(
    capsys, lib_path
) -> None:
    from library import Library

    volunteers = "Volunteers also teach children how to plant seeds and care for young plants."
    with Library(lib_path) as lib:
        k = next(i for i, b in enumerate(lib.lessons.get(1).blocks) if b.text == volunteers)
        lib.editing.set_translation(1, k, "ja", "ボランティアは子供たちに種まきを教えます。")
        lib.editing.add_question(1, k - 1, "Who said the garden gave her a reason?", "teacher")
        # A newer copy of the page: a paragraph above the volunteers' added, the teacher's removed.
        data = GARDEN.read_text(encoding="utf-8")
        data = data.replace("Across the city,", "Rain fell on the city all week long.\n\nAcross the city,")
        teacher = "One retired teacher said the garden gave her a reason to leave the house every day.\n\n"
        data = data.replace(teacher, "")
        lib.db.execute("UPDATE sources SET data = ? WHERE lesson_id = 1", [data.encode()])
    code, out, err = run(capsys, lib_path, "reimport", "1")  # the question would be lost: asked first
    assert code == 1 and "1\twould lose: your question “Who said the garden gave her a reason?”" in out
    assert err.count("\n") == 1 and "nothing was changed; `reimport 1 --yes` re-imports anyway" in err
    assert [b["text"] for b in lesson(capsys, lib_path)["blocks"] if b["user_translations"]] == [volunteers]
    assert lesson(capsys, lib_path)["questions"]
    code, out, _ = run(capsys, lib_path, "reimport", "1", "--yes")
    assert code == 0 and "1 not kept" in out
    assert "not kept: your question “Who said the garden gave her a reason?” on “One retired teacher" in out
    assert "(its paragraph is no longer on the page)" in out
    blocks = lesson(capsys, lib_path)["blocks"]
    assert [b["text"] for b in blocks if b["user_translations"]] == [volunteers]


def test_each_fix_says_in_one_line_what_it_changed_and_undo_what_it_took_back(capsys, lib_path) -> None:
    rows = lines(capsys, lib_path)
    n = n_of(rows, "lot ")
    assert run(capsys, lib_path, "fix", "1", n, "glossary") == (0, f"1\tline {n}: glossary\n", "")
    at = str(len("Across the city, "))
    code, out, _ = run(capsys, lib_path, "fix", "1", n_of(rows, "Across the city"), "--split", at)
    assert (code, out) == (0, f"1\tline {n_of(rows, 'Across the city')}: split at {at}\n")
    assert run(capsys, lib_path, "fix", "1", "--undo")[1] == f"1\tundone: split of line {n_of(rows, 'Across')}\n"
    assert run(capsys, lib_path, "fix", "1", "--undo")[1] == f"1\tundone: role of line {n}\n"


def test_a_line_number_after_undo_points_to_the_fix_commands_help(capsys, lib_path) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["fix", "1", "--undo", "3", "--library", str(lib_path)])
    assert stopped.value.code == 2
    assert capsys.readouterr().err == "study-reader: fix: unrecognized arguments: 3 (see `study-reader fix --help`)\n"


def test_a_split_asked_inside_a_word_says_where_it_was_made(capsys, lib_path) -> None:
    n = n_of(lines(capsys, lib_path), "Across the city")
    at = len("Across the ci")
    code, out, _ = run(capsys, lib_path, "fix", "1", n, "--split", str(at))
    assert code == 0
    made = len("Across the ")  # the word's start and end are as near: the earlier
    assert out == (
        f"1\tline {n}: split at {made} (not at {at}, inside a word or a note marker: at the nearest place"
        " between them)\n"
    )
    assert [r["text"] for r in lines(capsys, lib_path)][int(n)] == "Across the"
