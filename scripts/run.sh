#!/usr/bin/env bash
# Set up a virtual environment with Study Reader and open the reader on a built-in sample lesson.
# The install is redone only when pyproject.toml or the sources changed since the last one (a stamp
# of their contents is kept in the environment), so a second start opens the window at once.
# $STUDY_READER_VENV names another environment folder (default .venv).
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${STUDY_READER_VENV:-.venv}"
stamp_file="$venv/.study-reader-installed"

# What the installed package is built from: every file of the project's packages, and its metadata.
stamp() {
    find pyproject.toml library reader resources -type f ! -name '*.pyc' -print0 | LC_ALL=C sort -z \
        | xargs -0 sha256sum | sha256sum | cut -d' ' -f1
}

now="$(stamp)"
if [ ! -x "$venv/bin/study-reader" ] || [ "$(cat "$stamp_file" 2>/dev/null)" != "$now" ]; then
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    "$venv/bin/python" -m pip install -q --upgrade pip
    "$venv/bin/python" -m pip install -q .
    echo "$now" > "$stamp_file"  # written only once the install succeeded (set -e)
fi
exec "$venv/bin/study-reader" "$@"
