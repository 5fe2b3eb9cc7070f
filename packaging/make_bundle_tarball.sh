#!/usr/bin/env bash
# Wrap PyInstaller's one-folder program with an install script into
# dist/archive-app-linux-<arch>.tar.gz.
set -euo pipefail
bundle=$(realpath "$1")
repo=$(cd "$(dirname "$0")/.." && pwd)
version=$("$bundle/archive-app" --version | awk '{print $2}')
name="archive-app-linux-$(uname -m)-$version"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/$name"
cp -a "$bundle" "$stage/$name/archive-app"
install -m755 "$repo/packaging/install.sh" "$stage/$name/install.sh"
cp "$repo/LICENSE" "$stage/$name/"
tar -C "$stage" -czf "$repo/dist/$name.tar.gz" "$name"
echo "dist/$name.tar.gz: $(du -h "$repo/dist/$name.tar.gz" | cut -f1) packed, $(du -sh "$bundle" | cut -f1) installed"
