"""A lesson's translation language is the same on every run: where a page's translations are in two
languages as often, it is the one with the more text, then the one first on the page; never the
order of a set, which changes with Python's hash seed from one run to the next."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from library.importer.text import main_language

ROOT = Path(__file__).resolve().parents[3]
# Two paragraphs, one with a Japanese translation and one with a (longer) Chinese one.
PAGE = (
    "Sunday at the Lake\\n\\nThe water was calm and the air was cool all morning.\\n\\n"
    "水は穏やかで、朝のあいだずっと空気が涼しかった。\\n\\n"
    "We rowed a small boat across to the far side and back again.\\n\\n"
    "我们划着一条小船到了湖的对岸，然后又划了回来，真是愉快的一天。\\n"
)
SCRIPT = f"from library.importer.text import parse_text; print(parse_text('{PAGE}').translation_language)"


def test_the_translation_language_does_not_change_with_the_hash_seed() -> None:
    seen = set()
    for seed in ("0", "1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        out = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=True)
        seen.add(out.stdout.strip())
    assert seen == {"zh"}  # as many lines each: the more text


def test_on_a_whole_tie_the_language_first_on_the_page_is_taken() -> None:
    assert main_language([("ko", "가나다"), ("ja", "あいう")]) == "ko"
    assert main_language([("ja", "あいう"), ("ko", "가나다")]) == "ja"
    assert main_language([("zh", "一"), ("ja", "あ"), ("ja", "い")]) == "ja"
    assert main_language([]) is None
