"""A page of several posts: one lesson per post, stored together; kept whole where the split is unsure."""

from __future__ import annotations

from pathlib import Path

from library import Library
from library.bulk import import_many
from library.importer import parse_document
from library.importer.posts import find_posts
from library.model import SEVERAL_POSTS

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
ARCHIVE = CORPUS / "ja_blog_archive_posts.txt"

# Two dated headlines, but the second post has no English of its own: not two lessons.
UNSURE = """May 3, 2024
Gardens on School Roofs

Three schools in the city now grow vegetables on their roofs for lunch.
市内の3つの学校が、給食のために屋上で野菜を育てている。

May 1, 2024
Notes From the Editor

今週は記事を一つだけ載せました。来週もお楽しみに。
"""


def test_each_post_becomes_a_lesson_with_its_own_text_as_source(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        result = lib.lessons.import_file(ARCHIVE)
        assert [(c.title, c.created) for c in result.chapters] == [
            ("A Cat Café Opens Near the Station", True),
            ("Students Plant Trees Along the River", True),
        ]
        assert lib.lessons.count() == 2
        first, second = (c.lesson_id for c in result.chapters)
        # Each keeps its own text, from its date on; the site's header is the first's site text.
        assert lib.lessons.source(first).decode().startswith("2024年5月3日\nA Cat Café")
        assert lib.lessons.source(second).decode().startswith("2024年4月26日\nStudents Plant Trees")
        assert "Students Plant" not in lib.lessons.source(first).decode()
        assert lib.lessons.get(first).dropped[:2] == ["Emi's English Notes", "Home | About | Contact"]
        # A post's own text imports as that post again (as a lesson pack does it).
        assert parse_document(lib.lessons.source(first), "post.txt")[0].title == "A Cat Café Opens Near the Station"
        # The same file again: both posts are in the library already, nothing is added.
        again = lib.lessons.import_file(ARCHIVE)
        assert [(c.lesson_id, c.created) for c in again.chapters] == [(first, False), (second, False)]
        assert lib.lessons.count() == 2


def test_a_bulk_import_stores_every_post(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        other = CORPUS / "ja_after_kome_notes.txt"
        result = import_many(lib.lessons, paths=[ARCHIVE, other], workers=1)
        assert len(result.imported) == 3 and not result.refused
        titles = {s.title for s in lib.lessons.list()}
        assert {"A Cat Café Opens Near the Station", "Students Plant Trees Along the River"} <= titles


def test_posts_without_english_of_their_own_stay_one_lesson_and_say_so() -> None:
    text = UNSURE
    assert find_posts(text).starts == () and find_posts(text).unsure == "Gardens on School Roofs"
    (lesson,) = parse_document(text.encode(), "roofs.txt")
    assert lesson.title == "Gardens on School Roofs"
    assert [w.text for w in lesson.warnings if w.kind == SEVERAL_POSTS] == ["Gardens on School Roofs"]


def test_one_dated_article_is_not_split() -> None:
    text = UNSURE.split("May 1, 2024")[0]
    assert find_posts(text).starts == () and find_posts(text).unsure == ""
    (lesson,) = parse_document(text.encode(), "roofs.txt")
    assert not [w for w in lesson.warnings if w.kind == SEVERAL_POSTS]


def test_a_posts_number_before_its_headline_does_not_hide_the_post() -> None:
    archive = ARCHIVE.read_text(encoding="utf-8")
    for number in ("#12 ", "No.12 ", "第12回 ", "12. "):
        numbered = archive.replace("\nA Cat", f"\n{number}A Cat").replace("\nStudents", f"\n{number}Students")
        assert len(find_posts(numbered).starts) == 2, number


def test_a_posts_number_alone_between_its_date_and_headline_is_passed_over() -> None:
    archive = ARCHIVE.read_text(encoding="utf-8")
    numbered = archive.replace("日\nA Cat", "日\n第12回\nA Cat").replace("日\nStudents", "日\n第11回\nStudents")
    assert len(find_posts(numbered).starts) == 2
    lessons = parse_document(numbered.encode(), "archive.txt")
    assert [lesson.title for lesson in lessons] == [
        "A Cat Café Opens Near the Station",
        "Students Plant Trees Along the River",
    ]
