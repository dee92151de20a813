#!/usr/bin/env bash
# Build Study Reader as a one-folder app that runs without Python (PyInstaller), on Linux, macOS or
# Windows (Git Bash). Usage: bash scripts/build-app.sh [--dictionary] [--dist DIR]
#   --dictionary  bundle the JMdict data for the offline dictionary (~325 MB more)
#   --dist DIR    where the app goes (default build/dist, or build/dist-dictionary with --dictionary)
# The build uses its own virtual environment, $BUILD_VENV (default build/venv), never .venv.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
dictionary=0
dist=""
while [ $# -gt 0 ]; do
    case "$1" in
        --dictionary) dictionary=1 ;;
        --dist) dist="$2"; shift ;;
        *) echo "build-app.sh: unknown argument $1" >&2; exit 2 ;;
    esac
    shift
done
[ -n "$dist" ] || { if [ "$dictionary" = 1 ]; then dist="build/dist-dictionary"; else dist="build/dist"; fi; }
venv="${BUILD_VENV:-build/venv}"
case "$(uname -s)" in
    MINGW*|MSYS*|CYGWIN*) os=windows; py="$venv/Scripts/python.exe"; python="${PYTHON:-python}" ;;
    Darwin) os=macos; py="$venv/bin/python"; python="${PYTHON:-python3}" ;;
    *) os=linux; py="$venv/bin/python"; python="${PYTHON:-python3}" ;;
esac
started=$(date +%s)

[ -x "$py" ] || "$python" -m venv "$venv"
extra=""
[ "$dictionary" = 1 ] && extra="[dictionary]"
# setuptools reuses build/lib: a module deleted from the checkout would be bundled from it.
rm -rf build/lib build/bdist.*
"$py" -m pip install -q "pyinstaller>=6.10,<7" ".$extra"

# The icon in the form each system's app bundle wants, rendered from resources/icon.svg by Qt.
mkdir -p build/icons
QT_QPA_PLATFORM=offscreen "$py" -m reader.desktop_integration render-icons build/icons
if [ "$os" = windows ]; then
    QT_QPA_PLATFORM=offscreen "$py" -m reader.desktop_integration render-ico build/icon.ico
elif [ "$os" = macos ]; then
    rm -rf build/icon.iconset && mkdir -p build/icon.iconset
    for s in 16 32 128 256 512; do
        cp "build/icons/${s}x${s}.png" "build/icon.iconset/icon_${s}x${s}.png"
        d=$((s * 2))
        [ -f "build/icons/${d}x${d}.png" ] && cp "build/icons/${d}x${d}.png" "build/icon.iconset/icon_${s}x${s}@2x.png"
    done
    iconutil -c icns build/icon.iconset -o build/icon.icns
fi

STUDY_READER_DICTIONARY="$dictionary" "$py" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$dist" --workpath build/pyinstaller packaging/study-reader.spec

case "$os" in
    windows) app="$dist/study-reader/study-reader.exe" ;;
    macos) app="$dist/Study Reader.app/Contents/MacOS/study-reader" ;;
    *) app="$dist/study-reader/study-reader" ;;
esac
# The frozen app starts and paints its window (offscreen: no display is needed).
rm -rf build/try && mkdir -p build/try
QT_QPA_PLATFORM=offscreen "$app" --library build/try/lib.db --screenshot build/try/shot.png
test -s build/try/shot.png
size=$(du -sm "$dist/study-reader" | cut -f1)
echo "built $app: ${size} MB in $(( $(date +%s) - started )) s (dictionary: $dictionary, in $root/$dist)"
