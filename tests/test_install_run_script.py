"""scripts/run.sh installs the package only when pyproject.toml or the sources changed since the last install."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# A stand-in for the environment's Python: it logs each pip command, and `pip install .` puts a stand-in
# `study-reader` beside it that says it started, so the script runs end to end without installing anything.
FAKE_PYTHON = """#!/usr/bin/env bash
echo "python $*" >> "$(dirname "$0")/../calls.log"
[ -n "${FAIL_INSTALL:-}" ] && [ "$*" = "-m pip install -q ." ] && exit 1
if [ "$*" = "-m pip install -q ." ]; then
    printf '#!/usr/bin/env bash\\necho "window opened with: $*"\\n' > "$(dirname "$0")/study-reader"
    chmod +x "$(dirname "$0")/study-reader"
fi
exit 0
"""

pytestmark = pytest.mark.skipif(shutil.which("bash") is None or shutil.which("sha256sum") is None,
                                reason="run.sh needs bash and coreutils")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's files that run.sh reads, with a stand-in environment in venv/."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("library", "reader", "resources", "scripts"):
        shutil.copytree(REPO / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", copy / "pyproject.toml")
    python = copy / "venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(FAKE_PYTHON)
    python.chmod(0o755)
    return copy


def _run(project: Path, *args: str, **env: str) -> tuple[subprocess.CompletedProcess[str], list[str], float]:
    """Run the copy's run.sh; returns the result, the pip commands it ran, and how long it took."""
    log = project / "venv" / "calls.log"
    log.unlink(missing_ok=True)
    started = time.perf_counter()
    done = subprocess.run(["bash", str(project / "scripts" / "run.sh"), *args], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "STUDY_READER_VENV": str(project / "venv"), **env})
    took = time.perf_counter() - started
    return done, log.read_text().splitlines() if log.exists() else [], took


def test_second_start_skips_the_install_until_the_project_changes(project: Path) -> None:
    done, calls, _ = _run(project, "--lang", "ja")
    assert done.returncode == 0, done.stderr
    assert calls == ["python -m pip install -q --upgrade pip", "python -m pip install -q ."]
    assert done.stdout == "window opened with: --lang ja\n"
    stamp = (project / "venv" / ".study-reader-installed").read_text()

    done, calls, took = _run(project, "--lang", "ja")
    assert (done.returncode, calls, done.stdout) == (0, [], "window opened with: --lang ja\n")
    assert took < 5  # ~0.05 s here: the stamp is a hash of ~120 files

    source = project / "reader" / "app.py"  # a source changed: installed again, and the stamp follows
    source.write_text(source.read_text() + "\n# changed\n")
    done, calls, _ = _run(project)
    assert calls[-1] == "python -m pip install -q ."
    assert (project / "venv" / ".study-reader-installed").read_text() != stamp
    assert _run(project)[1] == []

    pyproject = project / "pyproject.toml"  # so does the project's metadata (a new dependency, say)
    pyproject.write_text(pyproject.read_text().replace('"charset-normalizer>=3.3",', '"charset-normalizer>=3.4",'))
    assert _run(project)[1][-1] == "python -m pip install -q ."
    assert _run(project)[1] == []


def test_a_failed_install_is_tried_again_next_start(project: Path) -> None:
    done, calls, _ = _run(project, FAIL_INSTALL="1")
    assert done.returncode != 0 and calls[-1] == "python -m pip install -q ."
    assert not (project / "venv" / ".study-reader-installed").exists()
    done, calls, _ = _run(project)
    assert done.returncode == 0 and calls[-1] == "python -m pip install -q ."
    assert _run(project)[1] == []


def test_a_removed_command_is_installed_again(project: Path) -> None:
    assert _run(project)[0].returncode == 0
    (project / "venv" / "bin" / "study-reader").unlink()  # the environment lost the package
    done, calls, _ = _run(project)
    assert done.returncode == 0 and calls[-1] == "python -m pip install -q ."
