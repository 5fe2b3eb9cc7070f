#!/usr/bin/env bash
# Install the program as a user would, outside this folder and with a fresh HOME, then use it:
# the command line imports and searches, the window starts (offscreen) and stays up, and a
# second launch hands a file to it.
#   packaging/check_install.sh wheel dist/archive_app-*.whl
#   packaging/check_install.sh bundle dist/archive-app-linux-*.tar.gz
set -euo pipefail
kind=$1
artifact=$(realpath "$2")
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'kill "${window_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share" QT_QPA_PLATFORM=offscreen
unset ARCHIVE_APP_HOME
mkdir -p "$HOME"
cd "$work"

case "$kind" in
wheel)
    python3 -m venv "$work/venv"
    "$work/venv/bin/python" -m pip install --quiet --require-hashes -r "$repo/requirements/runtime.lock"
    "$work/venv/bin/python" -m pip install --quiet --no-deps "$artifact"
    program="$work/venv/bin/archive-app"
    ;;
bundle)
    tar -xzf "$artifact"
    bash archive-app-linux-*/install.sh
    program="$HOME/.local/bin/archive-app"
    ;;
*)
    echo "usage: $0 wheel|bundle FILE" >&2
    exit 2
    ;;
esac

echo "== installed: $("$program" --version)"
"$program" desktop install
test -f "$XDG_DATA_HOME/applications/io.github.archive_app.research_archive.desktop"

"$program" import "$repo/resources/sample/articles"
"$program" search --limit 3 Stepanakert | tee "$work/search.txt"
grep -q "hits\|hit" "$work/search.txt"

"$program" gui >"$work/window.log" 2>&1 &
window_pid=$!
sleep 6
if ! kill -0 "$window_pid" 2>/dev/null; then
    echo "the window did not stay up:" >&2
    cat "$work/window.log" >&2
    exit 1
fi
printf 'Handed over to the open window.\n' >"$work/handed.txt"
"$program" gui "$work/handed.txt" | tee "$work/second.txt"
grep -q "already open" "$work/second.txt"
echo "== $kind: installed, imported, searched, the window came up and took a file from a second launch"
