#!/usr/bin/env bash
# Debian/Ubuntu packages that the tests and the optional features use. Run as root (CI) or
# with sudo; without them the program still works, and the tests that need them skip.
set -euo pipefail
packages=(
    tesseract-ocr tesseract-ocr-eng tesseract-ocr-rus tesseract-ocr-ukr tesseract-ocr-hye
    tesseract-ocr-aze tesseract-ocr-aze-cyrl tesseract-ocr-tur tesseract-ocr-kat
    tesseract-ocr-ara tesseract-ocr-heb
    poppler-utils fonts-dejavu-core
    desktop-file-utils appstream
)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
        missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
