"""scripts/run.sh installs the package only when pyproject.toml or the sources changed since the last install."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# A stand-in for the environment's Python: it logs each pip command, and `pip install .` (run in the checkout)
# puts a stand-in `study-reader` beside it that says it started and where, so the script runs end to end
# without installing anything. Marker files in the environment play its states: no-pip (an interrupted setup),
# dep-removed (a requirement uninstalled by hand); scripts/check_install.py is answered from them.
FAKE_PYTHON = """#!/usr/bin/env bash
here="$(dirname "$0")/.."
case "$1" in
    *check_install.py)
        echo "$2" > "$here/checked"
        [ -f "$here/no-pip" ] && exit 11
        [ -x "$here/bin/study-reader" ] || exit 10
        [ -f "$here/dep-removed" ] && exit 10
        exit 0 ;;
esac
echo "python $*" >> "$here/calls.log"
if [ "$1 $2" = "-m pip" ] && [ -f "$here/no-pip" ]; then echo "No module named pip" >&2; exit 1; fi
if [ "$*" = "-m pip install -q .[dictionary]" ]; then
    [ -n "${FAIL_INSTALL:-}" ] && { echo "ERROR: could not reach the index" >&2; echo "more detail" >&2; exit 1; }
    [ -f pyproject.toml ] || exit 1  # `.` is the checkout
    [ -e build/lib ] && echo "stale build/lib" >> "$here/calls.log"
    rm -f "$here/dep-removed"
    cat > "$here/bin/study-reader" <<'END'
#!/usr/bin/env bash
echo "window opened with: $*"
echo "$PWD" > "$(dirname "$0")/../app-folder"
END
    chmod +x "$here/bin/study-reader"
fi
exit 0
"""
# A stand-in for the system's python3: `-m venv DIR` makes DIR an environment with the stand-in Python.
FAKE_BASE_PYTHON = """#!/usr/bin/env bash
[ "$1 $2" = "-m venv" ] || exit 1
mkdir -p "$3/bin" && cp "$(dirname "$0")/fake-python" "$3/bin/python" && touch "$3/pyvenv.cfg"
echo "base -m venv" >> "$3/calls.log"
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
    for name, text in (("fake-python", FAKE_PYTHON), ("python3", FAKE_BASE_PYTHON)):
        (tmp_path / name).write_text(text)
        (tmp_path / name).chmod(0o755)
    return copy


def _run(project: Path, *args: str, cwd: Path | None = None,
         **env: str) -> tuple[subprocess.CompletedProcess[str], list[str], float]:
    """Run the copy's run.sh; returns the result, the pip commands it ran, and how long it took."""
    log = project / "venv" / "calls.log"
    log.unlink(missing_ok=True)
    started = time.perf_counter()
    env = {"STUDY_READER_VENV": str(project / "venv"), "PYTHON": str(project.parent / "python3"), **env}
    done = subprocess.run(["bash", str(project / "scripts" / "run.sh"), *args], capture_output=True, text=True,
                          timeout=120, env={**os.environ, **env}, cwd=cwd or project.parent)
    took = time.perf_counter() - started
    return done, log.read_text().splitlines() if log.exists() else [], took


def test_second_start_skips_the_install_until_the_project_changes(project: Path) -> None:
    done, calls, _ = _run(project, "--lang", "ja")
    assert done.returncode == 0, done.stderr
    # the offline dictionary comes with it; pip is upgraded only when the environment is made
    assert calls == ["python -m pip install -q .[dictionary]"]
    assert (project / "venv" / "checked").read_text() == "study-reader[dictionary]\n"  # the extra is checked too
    assert done.stdout == "window opened with: --lang ja\n"
    stamp = (project / "venv" / ".study-reader-installed").read_text()

    done, calls, _ = _run(project, "--lang", "ja")
    assert (done.returncode, calls, done.stdout) == (0, [], "window opened with: --lang ja\n")  # no pip run

    source = project / "reader" / "app.py"  # a source changed: installed again, and the stamp follows
    source.write_text(source.read_text() + "\n# changed\n")
    done, calls, _ = _run(project)
    assert calls[-1] == "python -m pip install -q .[dictionary]"
    assert (project / "venv" / ".study-reader-installed").read_text() != stamp
    assert _run(project)[1] == []

    pyproject = project / "pyproject.toml"  # so does the project's metadata (a new dependency, say)
    pyproject.write_text(pyproject.read_text().replace('"charset-normalizer>=3.3",', '"charset-normalizer>=3.4",'))
    assert _run(project)[1][-1] == "python -m pip install -q .[dictionary]"
    assert _run(project)[1] == []


def test_a_failed_install_is_tried_again_next_start(project: Path) -> None:
    done, calls, _ = _run(project, FAIL_INSTALL="1")
    assert done.returncode != 0 and calls[-1] == "python -m pip install -q .[dictionary]"
    assert not (project / "venv" / ".study-reader-installed").exists()
    done, calls, _ = _run(project)
    assert done.returncode == 0 and calls[-1] == "python -m pip install -q .[dictionary]"
    assert _run(project)[1] == []


def test_a_removed_command_is_installed_again(project: Path) -> None:
    assert _run(project)[0].returncode == 0
    (project / "venv" / "bin" / "study-reader").unlink()  # the environment lost the package
    done, calls, _ = _run(project)
    assert done.returncode == 0 and calls[-1] == "python -m pip install -q .[dictionary]"


def test_an_interrupted_setup_is_made_anew(project: Path) -> None:
    (project / "venv" / "no-pip").touch()  # killed inside ensurepip: bin/python is there, pip is not
    done, calls, _ = _run(project, "--lang", "ja")
    assert done.returncode == 0, done.stderr
    assert "incomplete" in done.stderr and "making it anew" in done.stderr
    assert calls == ["base -m venv", "python -m pip install -q --upgrade pip", "python -m pip install -q .[dictionary]"]
    assert done.stdout == "window opened with: --lang ja\n"
    assert _run(project)[1] == []


def test_a_folder_that_is_no_environment_is_left_alone(project: Path, tmp_path: Path) -> None:
    mine = tmp_path / "my-files"
    mine.mkdir()
    (mine / "notes.txt").write_text("mine")
    done, _, _ = _run(project, STUDY_READER_VENV=str(mine))
    assert done.returncode == 1 and "is not a virtual environment" in done.stderr
    assert (mine / "notes.txt").read_text() == "mine"


def test_stale_build_output_is_removed_before_the_install(project: Path) -> None:
    build = project / "build"
    for stale in ("lib/reader/deleted_module.py", "bdist.linux-x86_64/wheel/x", "venv/keep", "dist/keep"):
        (build / stale).parent.mkdir(parents=True, exist_ok=True)
        (build / stale).write_text("")
    done, calls, _ = _run(project)
    assert done.returncode == 0, done.stderr
    assert "stale build/lib" not in calls and calls[-1] == "python -m pip install -q .[dictionary]"
    assert not (build / "lib").exists() and not (build / "bdist.linux-x86_64").exists()
    assert (build / "venv" / "keep").exists() and (build / "dist" / "keep").exists()  # build-app.sh's


def test_a_requirement_removed_by_hand_is_installed_again(project: Path) -> None:
    assert _run(project)[0].returncode == 0
    (project / "venv" / "dep-removed").touch()  # `pip uninstall selectolax`: the stamp still matches
    done, calls, _ = _run(project)
    assert done.returncode == 0 and calls == ["python -m pip install -q .[dictionary]"]
    assert _run(project)[1] == []


def test_the_app_runs_in_the_users_folder(project: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    for _ in range(2):  # the start that installs, and the one that does not
        done, _, _ = _run(project, "import", "page.txt", cwd=elsewhere)
        assert done.returncode == 0, done.stderr
        assert (project / "venv" / "app-folder").read_text().strip() == str(elsewhere)


def test_an_install_that_fails_opens_the_installed_app(project: Path) -> None:
    assert _run(project)[0].returncode == 0
    stamp = (project / "venv" / ".study-reader-installed").read_text()
    source = project / "reader" / "app.py"
    source.write_text(source.read_text() + "\n# changed\n")
    done, calls, _ = _run(project, "--lang", "ja", FAIL_INSTALL="1")  # offline: the build cannot fetch setuptools
    assert calls == ["python -m pip install -q .[dictionary]"]
    assert done.returncode == 0 and done.stdout == "window opened with: --lang ja\n"
    assert len(done.stderr.splitlines()) == 1 and "opening the installed Study Reader" in done.stderr
    assert (project / "venv" / ".study-reader-installed").read_text() == stamp  # tried again next start
    assert _run(project)[1] == ["python -m pip install -q .[dictionary]"]


METADATA = """Metadata-Version: 2.1
Name: fake-app
Version: 1.0
Requires-Dist: pytest
Requires-Dist: no-such-distribution-here; extra == "dictionary"
Requires-Dist: no-such-distribution-either; python_version < "3"
"""


def test_check_install_finds_a_missing_requirement(tmp_path: Path) -> None:
    """scripts/check_install.py itself, with this Python: the real metadata of a stand-in distribution."""
    info = tmp_path / "site" / "fake_app-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(METADATA)

    def check(name: str = "fake-app") -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, str(REPO / "scripts" / "check_install.py"), name],
                              capture_output=True, text=True, timeout=60,
                              env={**os.environ, "PYTHONPATH": str(tmp_path / "site")})

    assert check().returncode == 0  # the extra's and the other Python's requirements are not asked for
    done = check("fake-app[dictionary]")  # run.sh asks for the dictionary extra: its requirement is missing
    assert done.returncode == 10 and "no-such-distribution-here" in done.stderr
    assert "no-such-distribution-either" not in done.stderr  # for another Python still
    assert check("fake-app[speech]").returncode == 0  # an extra with nothing in it
    (info / "METADATA").write_text(METADATA + "Requires-Dist: selectolax-gone>=0.3\n")
    done = check()
    assert done.returncode == 10 and "selectolax-gone>=0.3" in done.stderr
    assert check("no-such-app").returncode == 10
