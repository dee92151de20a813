#!/usr/bin/env bash
# Set up a virtual environment with Study Reader and open the reader on a built-in sample lesson.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q .
exec .venv/bin/study-reader "$@"
