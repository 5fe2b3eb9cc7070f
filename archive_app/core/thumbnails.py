"""Thumbnails of image sources under ``derived/thumbnails``: made at import by the image
importer, and made again from the original whenever one is missing (they are derived files)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from archive_app.core.errors import ExtractionError
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message

if TYPE_CHECKING:
    from archive_app.core.store import OriginalStore

THUMBNAIL_SIZE = 512


def thumbnail_path(derived: Path, sha256: str) -> Path:
    return derived / "thumbnails" / sha256[:2] / f"{sha256}.jpg"


def ensure_thumbnail(store: OriginalStore, derived: Path, sha256: str, original_ext: str) -> Path:
    """The thumbnail of the image source stored under ``sha256``, made from its original with
    Pillow (by the image importer, which knows orientation, HEIC and damaged files) if it is
    missing. Raises :class:`ExtractionError` when the original cannot be read as a picture."""
    target = thumbnail_path(derived, sha256)
    if target.exists():
        return target
    from archive_app.importers.image import extract

    original = store.path_for(sha256, original_ext)
    try:
        data = original.read_bytes()
    except OSError as error:
        raise ExtractionError(
            Message(
                QT_TRANSLATE_NOOP("core", "The original of this picture cannot be read ({value})."),
                value=str(error.strerror or error),
            )
        ) from error
    thumbnail = extract(data, name=original.name).thumbnail
    if thumbnail is None:
        raise ExtractionError(
            Message(QT_TRANSLATE_NOOP("core", "No thumbnail could be made of this picture."))
        )
    store.write_derived(target, thumbnail)
    return target
