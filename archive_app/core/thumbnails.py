"""Thumbnails of image sources under ``derived/thumbnails``: made at import by the image
importer, and made again from the original whenever one is missing (they are derived files)."""

from __future__ import annotations

from pathlib import Path

THUMBNAIL_SIZE = 512


def thumbnail_path(derived: Path, sha256: str) -> Path:
    return derived / "thumbnails" / sha256[:2] / f"{sha256}.jpg"
