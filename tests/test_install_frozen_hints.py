"""The packaged app, which has no pip, points a learner to its dictionary build rather than to `pip install`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# Starts the command line as the packaged build does (sys.frozen is set before anything is imported), in an
# environment without the JMdict data (jamdict_data cannot be imported).
AS_BUILT = """import sys
sys.frozen = {frozen}
sys.modules["jamdict_data"] = None
from reader.__main__ import main
sys.exit(main(sys.argv[1:]))
"""


def _study_reader(tmp_path: Path, *args: str, frozen: bool) -> subprocess.CompletedProcess[str]:
    """Run `study-reader ARGS` on a library in tmp_path, frozen or not."""
    return subprocess.run([sys.executable, "-c", AS_BUILT.format(frozen=frozen), *args,
                           "--library", str(tmp_path / "lib.db")], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "STUDY_READER_PROFILE": ""})


@pytest.mark.parametrize("args", [("dictionary", "build"), ("lookup", "harvest")])
def test_missing_dictionary_hint_fits_the_build(tmp_path: Path, args: tuple[str, ...]) -> None:
    frozen = _study_reader(tmp_path, *args, frozen=True)
    said = frozen.stdout + frozen.stderr
    assert "build-app.sh --dictionary" in said, said
    assert "pip install" not in said
    plain = _study_reader(tmp_path, *args, frozen=False)
    assert "pip install 'study-reader[dictionary]'" in plain.stdout + plain.stderr
