"""`library` is pure Python: it imports and works with PySide6 unavailable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6."):
            raise ImportError("PySide6 is blocked in this test")
        return None
sys.meta_path.insert(0, Block())
import library
lib = library.Library(":memory:")
lesson_id = lib.lessons.import_bytes(b"A Title\\n\\nFirst paragraph of English text here.\\n", "x.txt").lesson_id
assert lib.lessons.get(lesson_id).title == "A Title"
assert not any(m.startswith("PySide6") for m in sys.modules)
print("ok")
"""


def test_library_imports_without_qt() -> None:
    res = subprocess.run([sys.executable, "-c", SCRIPT], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "ok"


def test_no_qt_import_in_library_sources() -> None:
    for path in (REPO / "library").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "PySide6" not in text and "import reader" not in text and "from reader" not in text, path
