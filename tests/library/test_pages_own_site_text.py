"""The site's own lines in the translation's language are taken as site text by the import, and
the user can still say otherwise: a line made a translation by hand stays one."""

from __future__ import annotations

from pathlib import Path

from library import Library
from library.pagelines import Role

PAGE = Path(__file__).resolve().parents[1] / "data" / "corpus" / "zh_hans_blog_site_lines_kept_translation.txt"


def test_a_related_title_the_user_makes_a_translation_stays_placed(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        lesson_id = lib.lessons.import_file(PAGE).lesson_id
        lines = lib.pages.lines(lesson_id)
        related = next(ln for ln in lines if ln.text == "夏天的英文单词大全")
        assert related.role == Role.SITE
        lib.pages.set_role(lesson_id, related.n, "translation", to=2)
        again = next(ln for ln in lib.pages.lines(lesson_id) if ln.n == related.n)
        assert again.role == Role.TRANSLATION and again.target == 2
        assert "夏天的英文单词大全" in lib.lessons.get(lesson_id).blocks[2].translations["zh"]
