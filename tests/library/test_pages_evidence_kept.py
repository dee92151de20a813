"""A lesson assembled again after a change to one line reads again only the texts that changed:
the evidence of the others (their names and numbers) is kept from the assembly before."""

from __future__ import annotations

from pathlib import Path

from library import Library
from library.importer.evidence import text_tokens

BAKERY = Path(__file__).resolve().parents[1] / "data" / "pageview" / "bakery_page.txt"


def test_a_role_change_reads_no_unchanged_text_again(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib.db")
    lid = lib.lessons.import_file(BAKERY).lesson_id
    n = next(ln.n for ln in lib.pages.lines(lid) if ln.text.startswith("About 200 people"))
    lib.pages.set_role(lid, n, "site")
    lib.pages.set_role(lid, n, "paragraph")
    before = text_tokens.cache_info()
    lib.pages.set_role(lid, n, "site")  # the same texts as two changes ago
    after = text_tokens.cache_info()
    assert after.misses == before.misses
    assert after.hits > before.hits
