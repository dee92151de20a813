#!/usr/bin/env bash
# Set up a virtual environment with Study Reader and its offline dictionary (the `dictionary` extra:
# JMdict, ~300 MB installed; the window turns it into a compact table once per machine on its first
# start) and open the reader on a built-in sample lesson.
# The install is redone only when pyproject.toml or the sources changed since the last one (a stamp
# of their contents is kept in the environment), or when the environment lost the package or one of
# its requirements, so a second start opens the window at once. An environment left incomplete (a
# first setup interrupted) is made anew. The app runs in the folder run.sh was started from, so
# relative paths given to it are the user's.
# $STUDY_READER_VENV names another environment folder (default .venv in the checkout); $PYTHON the
# Python that makes it (default python3).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
venv="${STUDY_READER_VENV:-.venv}"
case "$venv" in /*) ;; *) venv="$repo/$venv" ;; esac
py="$venv/bin/python"
want="study-reader[dictionary]"  # what the environment must hold (scripts/check_install.py checks the extra too)
stamp_file="$venv/.study-reader-installed"
log="$venv/.study-reader-install.log"

# What the installed package is built from: every file of the project's packages, and its metadata.
stamp() {
    (cd "$repo" && find pyproject.toml library reader resources -type f ! -name '*.pyc' -print0 \
        | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
}

# 0: whole and installed; 10: the package or a requirement is missing; anything else: no working
# Python with pip (the environment is to be made anew).
health=0
if [ -x "$py" ]; then "$py" "$repo/scripts/check_install.py" "$want" 2>/dev/null || health=$?; else health=1; fi

if [ "$health" != 0 ] && [ "$health" != 10 ]; then
    if [ -e "$venv" ]; then
        if [ ! -e "$venv/pyvenv.cfg" ] && [ ! -d "$venv/bin" ]; then
            echo "run.sh: $venv is not a virtual environment; set STUDY_READER_VENV to another folder" >&2
            exit 1
        fi
        echo "run.sh: the environment in $venv is incomplete (its Python or pip does not run); making it anew" >&2
        rm -rf "$venv"
    fi
    "${PYTHON:-python3}" -m venv "$venv"
    "$py" -m pip install -q --upgrade pip || true  # an older pip (from ensurepip) installs the project too
fi

now="$(stamp)"
if [ "$health" != 0 ] || [ ! -x "$venv/bin/study-reader" ] || [ "$(cat "$stamp_file" 2>/dev/null)" != "$now" ]; then
    # setuptools copies the sources to build/lib and reuses what is there: a module deleted from the
    # checkout would be installed again from it. build/venv and build/dist are build-app.sh's.
    rm -rf "$repo/build/lib" "$repo"/build/bdist.*
    if (cd "$repo" && "$py" -m pip install -q ".[dictionary]") 2> "$log"; then
        echo "$now" > "$stamp_file"  # written only once the install succeeded
    elif [ -x "$venv/bin/study-reader" ]; then
        # Offline, say: the install that is there still works, and the next start tries again.
        echo "run.sh: could not install the changed checkout (see $log); opening the installed Study Reader" >&2
    else
        cat "$log" >&2
        exit 1
    fi
fi
exec "$venv/bin/study-reader" "$@"
