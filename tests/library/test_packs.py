"""Lesson packs: export with edits, import into another library, refuse packs that are not safe."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from library import Anchor, Library
from library.packs import FORMAT, PackRefused, safe_member_name
from reader.__main__ import main
from tests.helpers import dump


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def lesson_json(lib_path: Path, lesson_id: int) -> dict:
    with Library(lib_path) as lib:
        data = lib.lessons.get(lesson_id).to_json()
    data.pop("id")
    return data


def edit_reference(lib_path: Path, reference_path: Path) -> int:
    with Library(lib_path) as lib:
        lid = lib.lessons.import_file(reference_path).lesson_id
        ed = lib.editing
        lesson = lib.lessons.get(lid)
        para = next(i for i, b in enumerate(lesson.blocks) if b.text.startswith("Overnight trains"))
        ed.set_translation(lid, para, "ja", "夜行列車がヨーロッパの鉄道に戻ってきている。")
        text = lesson.blocks[para].text
        at = text.index("Europe’s railways")
        ed.anchor_note(lid, "import:1", Anchor(para, at, at + len("Europe’s railways")))
        ed.add_note(lid, "運輸当局", Anchor(para, text.index("officials"), text.index("officials") + len("officials")))
        ed.add_entry(lid, "export", "v.", "to send goods to another country to sell")
        ed.remove_entry(lid, "import:3")
        ed.add_question(lid, para, "What is coming back to Europe’s railways?", "Overnight trains")
        lib.lessons.rename(lid, "Night trains (class 3)")
        return lid


def test_pack_round_trip_keeps_the_lesson_and_edits(capsys, tmp_path, reference_path) -> None:
    src, dst = tmp_path / "tutor.db", tmp_path / "student.db"
    lid = edit_reference(src, reference_path)
    pack = tmp_path / "class3.studypack"
    code, out, err = run(capsys, "pack", "export", str(lid), "-o", str(pack), "--library", str(src))
    assert code == 0, err
    assert pack.exists() and "1 lesson" in out
    with zipfile.ZipFile(pack) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        assert manifest["format"] == FORMAT and manifest["version"] == 1
        assert zf.read(manifest["lessons"][0]["source"]) == reference_path.read_bytes()
    code, out, err = run(capsys, "import", str(pack), "--library", str(dst))
    assert code == 0, err
    assert "imported" in out and "edits applied" in out
    expected = lesson_json(src, lid)
    assert expected["title"] == "Night trains (class 3)"
    assert expected["questions"] and "export" in [g["term"] for g in expected["glossary"]]
    assert lesson_json(dst, 1) == expected
    # importing the same pack again changes nothing
    before = dump(dst)
    code, out, _ = run(capsys, "import", str(pack), "--library", str(dst))
    assert code == 0 and "already in library" in out
    assert lesson_json(dst, 1) == expected
    assert len(dump(dst)) == len(before)


def test_pack_import_never_overwrites_the_users_own_edits(tmp_path, reference_path) -> None:
    src, dst = tmp_path / "tutor.db", tmp_path / "student.db"
    lid = edit_reference(src, reference_path)
    pack = tmp_path / "p.studypack"
    with Library(src) as lib:
        lib.packs.export([lid], pack)
    with Library(dst) as lib:
        mine = lib.lessons.import_file(reference_path).lesson_id
        lib.editing.add_question(mine, 1, "My own question?")
        result = lib.packs.import_pack(pack)
        assert result.lessons[0].edits == "kept yours"
        assert [q.text for q in lib.lessons.get(mine).questions] == ["My own question?"]


def make_zip(path: Path, members: dict[str, bytes], manifest: object | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        if manifest is not None:
            zf.writestr("manifest.json", json.dumps(manifest))
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def good_manifest(source: str = "lessons/1/source") -> dict:
    return {"format": FORMAT, "version": 1, "lessons": [{"source": source, "source_name": "a.txt"}]}


PAGE = b"Town Gets a New Library\n\nThe town of Elm opened a new library on Monday.\n"


def bad_packs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("lessons/1/source", b"\0" * (30 * 1024 * 1024))
        zf.writestr("manifest.json", json.dumps(good_manifest()))
    (tmp_path / "bomb.studypack").write_bytes(bomb.getvalue())
    return {
        "escape": (
            make_zip(
                tmp_path / "escape.studypack", {"../../evil.txt": PAGE, "lessons/1/source": PAGE}, good_manifest()
            ),
            "escapes",
        ),
        "absolute": (
            make_zip(tmp_path / "abs.studypack", {"/tmp/evil.txt": PAGE}, good_manifest("/tmp/evil.txt")),
            "escapes",
        ),
        "bomb": (tmp_path / "bomb.studypack", "zip bomb"),
        "format": (
            make_zip(
                tmp_path / "fmt.studypack",
                {"lessons/1/source": PAGE},
                {"format": "something-else", "version": 1, "lessons": []},
            ),
            "unknown manifest format",
        ),
        "version": (
            make_zip(tmp_path / "ver.studypack", {"lessons/1/source": PAGE}, {**good_manifest(), "version": 99}),
            "newer Study Reader",
        ),
        "no manifest": (make_zip(tmp_path / "nom.studypack", {"lessons/1/source": PAGE}), "no manifest"),
        "not zip": (tmp_path / "text.studypack", "not a zip"),
    }


def test_unsafe_or_unknown_packs_are_refused_and_change_nothing(capsys, tmp_path, reference_path) -> None:
    (tmp_path / "text.studypack").write_text("hello")
    lib_path = tmp_path / "lib.db"
    run(capsys, "import", str(reference_path), "--library", str(lib_path))
    before = dump(lib_path)
    outside = set(tmp_path.parent.rglob("evil.txt"))
    for name, (pack, reason) in bad_packs(tmp_path).items():
        code, out, err = run(capsys, "import", str(pack), "--library", str(lib_path))
        assert code == 1, name
        assert len(err.strip().splitlines()) == 1 and reason in err, (name, err)
        assert "Traceback" not in err and out == ""
        assert dump(lib_path) == before, name
    assert set(tmp_path.parent.rglob("evil.txt")) == outside
    assert not Path("/tmp/evil.txt").exists()


def test_a_pack_that_lies_about_sizes_is_stopped_while_reading(tmp_path) -> None:
    pack = make_zip(tmp_path / "lie.studypack", {"lessons/1/source": PAGE * 100}, good_manifest())
    raw = bytearray(pack.read_bytes())
    # shrink the declared size of the source in the central directory (and the local header)
    size = len(PAGE * 100)
    raw = raw.replace(size.to_bytes(4, "little"), (10).to_bytes(4, "little"))
    pack.write_bytes(bytes(raw))
    with Library(tmp_path / "lib.db") as lib, pytest.raises(PackRefused):
        lib.packs.import_pack(pack)
    with Library(tmp_path / "lib.db") as lib:
        assert lib.lessons.count() == 0


def test_member_names() -> None:
    assert safe_member_name("lessons/1/source")
    for bad in ("../x", "a/../../x", "/etc/passwd", "C:/x", "a\\..\\x", "", "a//b"):
        assert not safe_member_name(bad), bad
