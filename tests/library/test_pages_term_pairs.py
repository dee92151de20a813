"""A line of term–gloss pairs (`harbour 港 ferry フェリー passenger 乗客`) given the glossary role whole is
one entry a pair, as the line cut into its pairs is (tests/data/pageview/quay_pairs.txt, a page of our own,
where the import took the line for the paragraph's second translation); the paragraph keeps its real one."""

from __future__ import annotations

from pathlib import Path

from library import Library

PAGE = Path(__file__).resolve().parents[1] / "data" / "pageview" / "quay_pairs.txt"
PAIRS = "harbour 港 ferry フェリー passenger 乗客"


def test_a_line_of_pairs_made_glossary_is_one_entry_a_pair_and_the_real_translation_stays(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        lid = lib.lessons.import_file(PAGE).lesson_id
        pairs = next(ln for ln in lib.pages.lines(lid) if ln.text == PAIRS)
        assert pairs.role == "translation"  # as the import read it
        lib.pages.set_role(lid, pairs.n, "glossary")
        lesson = lib.lessons.get(lid)
        assert [(g.term, g.translation) for g in lesson.glossary] == [
            ("harbour", "港"),
            ("ferry", "フェリー"),
            ("passenger", "乗客"),
        ]
        assert lesson.blocks[0].translation() == "島のフェリーは冬の修理の後、再び古い岸壁から出航する。"
        assert not lesson.unplaced
