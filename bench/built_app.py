"""The packaged build's start to a painted window, beside the installed program's (bench/run.py).

Both run as separate processes on the same library with the reference lesson open, and print "painted" on the
article's first paint (the window's first_painted signal, watched by $STUDY_READER_EXIT_ON_PAINT)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from figures import Figure

REPO = Path(__file__).resolve().parents[1]
BUILT = REPO / "build" / "dist" / "study-reader" / ("study-reader.exe" if sys.platform == "win32" else "study-reader")
SLOWER_AT_MOST = 1.5  # the built app may start no more than 1.5× slower than the installed one


def built_app() -> Path:
    """Where the packaged build is: $STUDY_READER_BUILD, else scripts/build-app.sh's default folder."""
    return Path(os.environ.get("STUDY_READER_BUILD") or BUILT)


def painted_times(command: list[str], library: Path, home: Path, repeat: int, lesson: int) -> list[float]:
    """Wall times (ms) from launching `command` to the article's first paint; one warm-up start first."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("STUDY_READER")}
    env.update(QT_QPA_PLATFORM="offscreen", STUDY_READER_EXIT_ON_PAINT="1", PYTHONPATH=str(REPO),
               XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
               STUDY_READER_DICTIONARY_DIR=str(home / "dictionary"))  # never the user's own table
    args = [*command, "--library", str(library), "--lesson", str(lesson)]
    times = []
    for run in range(repeat + 1):
        started = time.perf_counter()
        proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = proc.stdout.readline() if proc.stdout else ""
        elapsed = (time.perf_counter() - started) * 1000
        proc.wait(timeout=60)
        if not line.startswith("painted"):
            raise RuntimeError(f"{command[0]} did not paint its window")
        if run:  # the first start only warms the disk cache
            times.append(elapsed)
    return times


def bench_built_app(tmp: Path, library: Path, lesson: int, quick: bool) -> list[Figure]:
    """Figures for the installed and the built app's start; none (and a line on stderr) with no build."""
    built = built_app()
    if not built.exists():
        print(f"no packaged build at {built} (bash scripts/build-app.sh): its start is not measured", file=sys.stderr)
        return []
    repeat = 3 if quick else 7
    installed = painted_times([sys.executable, "-m", "reader"], library, tmp / "home-installed", repeat, lesson)
    frozen = painted_times([str(built)], library, tmp / "home-built", repeat, lesson)
    base = statistics.median(installed)
    return [
        Figure("startup_installed", "ms", base, max(installed), None,
               note="`study-reader` from the installed package to the painted window, reference lesson open"),
        Figure("startup_built_app", "ms", statistics.median(frozen), max(frozen), round(base * SLOWER_AT_MOST, 1),
               note=f"the packaged build ({built.parent.name}/) to the painted window; budget "
               f"{SLOWER_AT_MOST:g}× the installed start"),
    ]
