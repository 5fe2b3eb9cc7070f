#!/usr/bin/env bash
# Install Research Archive for this user: the program under ~/.local/lib/archive-app, the
# command `archive-app` in ~/.local/bin, and the menu entry and icons under ~/.local/share.
# Run it from the unpacked folder:  ./install.sh      (again to update;  --remove  to uninstall)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
lib="$HOME/.local/lib/archive-app"
bin="$HOME/.local/bin"
if [ "${1:-}" = "--remove" ]; then
    [ -x "$bin/archive-app" ] && "$bin/archive-app" desktop remove || true
    rm -rf "$lib" "$bin/archive-app"
    echo "Research Archive removed (your archives are kept)."
    exit 0
fi
mkdir -p "$lib" "$bin"
rm -rf "$lib.new"
cp -a "$here/archive-app" "$lib.new"
rm -rf "$lib" && mv "$lib.new" "$lib"
ln -sfn "$lib/archive-app" "$bin/archive-app"
"$bin/archive-app" desktop install
case ":$PATH:" in
*":$bin:"*) echo "Installed. Start it from the application menu or with: archive-app" ;;
*) echo "Installed. Start it from the application menu, or add $bin to your PATH." ;;
esac
