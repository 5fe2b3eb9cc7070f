"""Photos (JPEG, PNG, TIFF, WebP, GIF, BMP and, with pillow-heif, HEIC): metadata and a thumbnail.

A photo's caption, credit, creator, date and place are what make it a source a researcher can
cite, so they are read from EXIF, IPTC and XMP (see :mod:`archive_app.importers.image_facts`
for which wins). The pixels are decoded only to make a thumbnail. Images are untrusted input:
sizes beyond :data:`MAX_PIXELS` are refused before any pixel is decoded, a truncated file is
imported as far as it can be read, and Pillow's warnings never escape the importer.
"""

from __future__ import annotations

import io
import struct
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PIL import Image, ImageFile, UnidentifiedImageError

from archive_app.core.errors import ExtractionError, UnsupportedFormatError
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.importers.credits import split_credit
from archive_app.importers.document import Caption, ExtractedDocument
from archive_app.importers.image_facts import first_sentence, is_boilerplate, photo_facts
from archive_app.importers.image_fingerprint import fingerprint
from archive_app.importers.image_metadata import (
    DamagedMetadataError,
    ExifValue,
    read_exif,
    read_iptc,
    read_xmp,
    readable_exif,
    readable_iptc,
)
from archive_app.importers.text_normal import normalize_inline
from archive_app.importers.xmp import XmpValue

IMPORTER_VERSION = "image/1"

THUMBNAIL_SIZE = 512
"""The longest side of a thumbnail, in pixels."""

MAX_PIXELS = 150_000_000
"""Larger pictures are refused: decoding one would take gigabytes (a "decompression bomb")."""

_THUMBNAIL_QUALITY = 85
_FORMATS = ("JPEG", "PNG", "TIFF", "WEBP", "GIF", "BMP")
_HEIF_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"heif")
_FORMAT_NAMES = {"MPO": "JPEG"}  # a JPEG with extra pictures (stereo, depth) is still a JPEG
_SIGNATURES = {
    b"\xff\xd8\xff": "JPEG",
    b"\x89PNG\r\n\x1a\n": "PNG",
    b"GIF8": "GIF",
    b"II*\x00": "TIFF",
    b"MM\x00*": "TIFF",
    b"BM": "BMP",
}
# What Pillow raises for damaged image data, besides its own UnidentifiedImageError.
_DAMAGED_IMAGE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, struct.error)
_MetadataBlocks = tuple[dict[str, ExifValue], dict[str, list[str]], dict[str, XmpValue]]
# EXIF orientation → the transposition that shows the picture upright.
_UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def extract(data: bytes, *, name: str = "", path: Path | None = None) -> ExtractedDocument:
    """Read a photo's metadata and make its thumbnail; ``path`` is unused."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        # MAX_PIXELS is enforced below, whatever Pillow's own (global) limit says.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        document = _extract(data, name)
    _note_warnings(document, [str(warning.message) for warning in caught])
    return document


def _extract(data: bytes, name: str) -> ExtractedDocument:
    notes: list[str] = []
    image = _open(data, name)
    try:
        _refuse_oversized(image)
        stored_size = image.size
        image = _load_pixels(image, data, name, notes)
        exif, iptc, xmp = _read_metadata(image, notes)
        orientation = _orientation(exif)
        thumbnail, upright = _thumbnail(image, orientation)
        width, height = _upright_size(stored_size, orientation)
        document = _document(image, (width, height), orientation, (exif, iptc, xmp), name)
        document.metadata["fingerprint"] = fingerprint(upright)
    finally:
        image.close()
    document.thumbnail = thumbnail
    document.notes.extend(notes)
    return document


def _open(data: bytes, name: str) -> ImageFile.ImageFile:
    formats = list(_FORMATS)
    if _is_heif(data):
        _register_heif()
        formats.append("HEIF")
    try:
        return Image.open(io.BytesIO(data), formats=formats)
    except Image.DecompressionBombError as error:
        raise ExtractionError(_too_large_message(), detail=str(error)) from error
    except UnidentifiedImageError as error:
        kind = _signature_kind(data)
        if kind is None:
            raise UnsupportedFormatError(_not_an_image_message(name), detail=str(error)) from error
        raise ExtractionError(_damaged_message(kind), detail=str(error)) from error
    except _DAMAGED_IMAGE_ERRORS as error:
        kind = _signature_kind(data) or "image"
        raise ExtractionError(_damaged_message(kind), detail=str(error)) from error


def _is_heif(data: bytes) -> bool:
    return data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS


def _register_heif() -> None:
    """Teach Pillow to read HEIC, the format iPhones save photos in (needs pillow-heif)."""
    try:
        import pillow_heif
    except ImportError as error:
        raise UnsupportedFormatError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "HEIC photos cannot be read by this installation; "
                    "convert the photo to JPEG and import that.",
                )
            ),
            detail=str(error),
        ) from error
    pillow_heif.register_heif_opener()


def _refuse_oversized(image: Image.Image) -> None:
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise ExtractionError(
            _too_large_message(f" ({width} × {height} pixels)"),
            detail=f"{width * height} pixels > {MAX_PIXELS}",
        )


def _load_pixels(
    image: ImageFile.ImageFile, data: bytes, name: str, notes: list[str]
) -> ImageFile.ImageFile:
    """Decode the first frame; a truncated file is read again, keeping what it has."""
    _decode_small(image)
    try:
        image.load()
    except _DAMAGED_IMAGE_ERRORS:
        image.close()
        kind = _signature_kind(data) or "image"
        retry = _open(data, name)
        _decode_small(retry)
        try:
            with _truncated_images_allowed():
                retry.load()
        except _DAMAGED_IMAGE_ERRORS as error:
            retry.close()
            raise ExtractionError(_damaged_message(kind), detail=str(error)) from error
        notes.append(
            f"The {kind} file is incomplete or damaged; "
            "the part of the picture that could be read was imported."
        )
        return retry
    return image


def _decode_small(image: ImageFile.ImageFile) -> None:
    """A JPEG can be decoded at 1/2, 1/4 or 1/8 scale: enough for a thumbnail, much faster."""
    image.draft(None, (THUMBNAIL_SIZE * 2, THUMBNAIL_SIZE * 2))


@contextmanager
def _truncated_images_allowed() -> Iterator[None]:
    """Pillow's switch is process-wide, so it is on only for the duration of one decode."""
    previous = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = True
    try:
        yield
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = previous


def _read_metadata(image: ImageFile.ImageFile, notes: list[str]) -> _MetadataBlocks:
    exif: dict[str, ExifValue] = {}
    iptc: dict[str, list[str]] = {}
    xmp: dict[str, XmpValue] = {}
    try:
        exif = read_exif(image)
    except DamagedMetadataError:
        notes.append(
            QT_TRANSLATE_NOOP("core", "The photo's EXIF data is damaged and was left out.")
        )
    try:
        iptc = read_iptc(image)
    except DamagedMetadataError:
        notes.append(
            QT_TRANSLATE_NOOP("core", "The photo's IPTC data is damaged and was left out.")
        )
    try:
        xmp = read_xmp(image)
    except DamagedMetadataError:
        notes.append(QT_TRANSLATE_NOOP("core", "The photo's XMP data is damaged and was left out."))
    return exif, iptc, xmp


def _orientation(exif: dict[str, ExifValue]) -> int:
    value = exif.get("Orientation")
    return int(value) if isinstance(value, (int, float)) and int(value) in _UPRIGHT else 1


def _thumbnail(image: Image.Image, orientation: int) -> tuple[bytes, Image.Image]:
    """A JPEG whose longest side is at most :data:`THUMBNAIL_SIZE`, shown upright, and the
    upright picture it was saved from (the fingerprint is taken from it)."""
    frame = _displayable(image)
    scale = min(1.0, THUMBNAIL_SIZE / max(frame.size))
    size = (max(1, round(frame.width * scale)), max(1, round(frame.height * scale)))
    small = frame.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
    if orientation in _UPRIGHT:
        small = small.transpose(_UPRIGHT[orientation])
    buffer = io.BytesIO()
    small.save(buffer, "JPEG", quality=_THUMBNAIL_QUALITY)
    return buffer.getvalue(), small


def _displayable(image: Image.Image) -> Image.Image:
    """The picture in a mode a JPEG can hold: transparency over white, 16-bit scaled to 8."""
    if image.mode in ("RGB", "L"):
        return image
    if image.mode == "1":
        return image.convert("L")
    if image.mode.startswith("I;16") or image.mode == "I":
        return image.convert("I").point(lambda value: value / 256).convert("L")
    if image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, rgba).convert("RGB")
    return image.convert("RGB")


def _document(
    image: Image.Image,
    size: tuple[int, int],
    orientation: int,
    metadata_blocks: _MetadataBlocks,
    name: str,
) -> ExtractedDocument:
    exif, iptc, xmp = metadata_blocks
    facts = photo_facts(exif, iptc, xmp)
    file_format = _FORMAT_NAMES.get(image.format or "", image.format or "")
    width, height = size
    metadata: dict[str, Any] = {
        **facts,
        "width": width,
        "height": height,
        "format": file_format,
        "orientation": orientation,
        "frames": int(getattr(image, "n_frames", 1)),
        "exif": readable_exif(exif),
        "iptc": readable_iptc(iptc),
        "xmp": dict(xmp),
    }
    caption, embedded_credit = split_credit(facts["caption"])
    credit = facts["credit"] or embedded_credit or facts["creator"]
    return ExtractedDocument(
        kind="image",
        title=_title(caption, facts, name),
        authors=[author for author in facts["creator"].split("; ") if author],
        published=facts["taken_at"][:10],
        captions=[Caption(caption, credit)] if caption else [],
        metadata=metadata,
        mime_type=Image.MIME.get(file_format, ""),
    )


def _upright_size(size: tuple[int, int], orientation: int) -> tuple[int, int]:
    """Width and height as the photo is shown: orientations 5-8 turn it a quarter."""
    width, height = size
    return (height, width) if orientation >= 5 else (width, height)


def _title(caption: str, facts: dict[str, Any], name: str) -> str:
    if caption:
        return first_sentence(caption)
    for candidate in (facts["object_name"], facts["headline"]):
        if candidate and not is_boilerplate(candidate):
            return str(candidate)
    return title_from_file_name(name)


def title_from_file_name(name: str) -> str:
    """What a photo is called when it says nothing about itself: its file name, readably."""
    stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return normalize_inline(stem.replace("_", " ").replace("-", " "))


def _note_warnings(document: ExtractedDocument, messages: list[str]) -> None:
    if not messages:
        return
    document.metadata["warnings"] = sorted(set(messages))[:10]
    document.notes.append(
        QT_TRANSLATE_NOOP(
            "core", "The file has small defects; everything that could be read was imported."
        )
    )


def _signature_kind(data: bytes) -> str | None:
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WebP"
    if _is_heif(data):
        return "HEIC"
    return next((kind for magic, kind in _SIGNATURES.items() if data.startswith(magic)), None)


def _damaged_message(kind: str) -> Message:
    return Message(
        QT_TRANSLATE_NOOP("core", "The {kind} file is damaged and its picture cannot be read."),
        kind=kind,
    )


def _not_an_image_message(name: str) -> Message:
    if name:
        return Message(
            QT_TRANSLATE_NOOP(
                "core",
                "This file is not a picture in a format the archive reads although its name is "
                "{name}; JPEG, PNG, TIFF, WebP, GIF, BMP and HEIC photos can be imported.",
            ),
            name=name,
        )
    return Message(
        QT_TRANSLATE_NOOP(
            "core",
            "This file is not a picture in a format the archive reads; "
            "JPEG, PNG, TIFF, WebP, GIF, BMP and HEIC photos can be imported.",
        )
    )


def _too_large_message(size: str = "") -> Message:
    return Message(
        QT_TRANSLATE_NOOP(
            "core",
            "The picture is too large to open safely{size}; "
            "the file may be damaged or made to exhaust memory.",
        ),
        size=size,
    )
