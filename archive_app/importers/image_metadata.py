"""The metadata embedded in a photo: EXIF, IPTC IIM and XMP, read into plain values.

Each reader returns JSON-friendly values (text, numbers, tuples of numbers) and raises
:class:`DamagedMetadataError` when its part of the file cannot be read, so the importer can say
so in a note and still import the picture. Deciding which source to trust for a caption, a
creator or a date is :mod:`archive_app.importers.image_facts`'s job.
"""

from __future__ import annotations

import contextlib
import math
import numbers
import struct
from collections.abc import Iterable, Mapping
from typing import Any

from PIL import ExifTags, Image, ImageFile, IptcImagePlugin, TiffImagePlugin

from archive_app.importers.text_normal import normalize_inline
from archive_app.importers.xmp import XmpError, XmpValue, parse_xmp

ExifValue = str | float | tuple[float, ...]

_MAX_TAGS = 200
_MAX_TEXT = 2000
_MAX_TUPLE = 16

# Tags that hold offsets, binary blobs or whole other metadata blocks, not facts about the photo.
_SKIPPED_TAGS = frozenset(
    {
        ExifTags.Base.StripOffsets,
        ExifTags.Base.StripByteCounts,
        ExifTags.Base.TileOffsets,
        ExifTags.Base.TileByteCounts,
        ExifTags.Base.JpegIFOffset,
        ExifTags.Base.JpegIFByteCount,
        ExifTags.Base.ExifOffset,
        ExifTags.Base.GPSInfo,
        ExifTags.Base.XMLPacket,
        TiffImagePlugin.IPTC_NAA_CHUNK,
        ExifTags.Base.ImageResources,
        ExifTags.Base.InterColorProfile,
        ExifTags.Base.MakerNote,
        ExifTags.Base.PrintImageMatching,
        ExifTags.Base.ExifInteroperabilityOffset,
        ExifTags.Base.ColorMap,
        ExifTags.Base.JPEGTables,
        0xEA1C,  # Microsoft's padding
    }
)
_WINDOWS_TEXT_TAGS = frozenset(
    {
        ExifTags.Base.XPTitle,
        ExifTags.Base.XPComment,
        ExifTags.Base.XPAuthor,
        ExifTags.Base.XPKeywords,
        ExifTags.Base.XPSubject,
    }
)
_USER_COMMENT_CODES = {
    b"ASCII\x00\x00\x00": "ascii",
    b"UNICODE\x00": "utf-16",
    b"JIS\x00\x00\x00\x00\x00": "shift_jis",
}

IPTC_NAMES = {
    5: "ObjectName",
    7: "EditStatus",
    10: "Urgency",
    15: "Category",
    20: "SupplementalCategories",
    25: "Keywords",
    40: "SpecialInstructions",
    55: "DateCreated",
    60: "TimeCreated",
    62: "DigitalCreationDate",
    63: "DigitalCreationTime",
    80: "By-line",
    85: "By-lineTitle",
    90: "City",
    92: "Sub-location",
    95: "Province-State",
    100: "Country-PrimaryLocationCode",
    101: "Country-PrimaryLocationName",
    103: "OriginalTransmissionReference",
    105: "Headline",
    110: "Credit",
    115: "Source",
    116: "CopyrightNotice",
    118: "Contact",
    120: "Caption-Abstract",
    122: "Writer-Editor",
}
_IPTC_CHARSET = (1, 90)
_IPTC_UTF8 = b"\x1b%G"


class DamagedMetadataError(ValueError):
    """One block of metadata (EXIF, IPTC or XMP) could not be read."""


def read_exif(image: Image.Image) -> dict[str, ExifValue]:
    """The EXIF tags of the main IFD, the Exif IFD and the GPS IFD, by their EXIF names."""
    try:
        exif = image.getexif()
        ifds = [
            (ExifTags.TAGS, dict(exif)),
            (ExifTags.TAGS, exif.get_ifd(ExifTags.IFD.Exif)),
            (ExifTags.GPSTAGS, exif.get_ifd(ExifTags.IFD.GPSInfo)),
        ]
    except (OSError, SyntaxError, ValueError, KeyError, IndexError, struct.error) as error:
        raise DamagedMetadataError(f"EXIF: {error}") from error
    tags: dict[str, ExifValue] = {}
    for names, ifd in ifds:
        for tag, raw in ifd.items():
            value = None if tag in _SKIPPED_TAGS else _exif_value(tag, raw)
            name = names.get(tag)
            if value is not None and value != "" and name and name not in tags:
                tags[name] = value
            if len(tags) >= _MAX_TAGS:
                return tags
    return tags


def readable_exif(tags: Mapping[str, ExifValue]) -> dict[str, str]:
    """The EXIF tags as text, for the raw ``exif`` dictionary of a source's metadata."""
    return {name: _as_text(value) for name, value in tags.items()}


def read_iptc(image: ImageFile.ImageFile) -> dict[str, list[str]]:
    """IPTC IIM datasets of record 2 (the editorial fields), by their IPTC names."""
    try:
        datasets = IptcImagePlugin.getiptcinfo(image)
    except (OSError, SyntaxError, ValueError, IndexError, KeyError, struct.error) as error:
        raise DamagedMetadataError(f"IPTC: {error}") from error
    if not datasets:
        return {}
    charset = datasets.get(_IPTC_CHARSET, b"")
    utf8 = isinstance(charset, bytes) and _IPTC_UTF8 in charset
    fields: dict[str, list[str]] = {}
    for (record, number), raw in datasets.items():
        name = IPTC_NAMES.get(number) if record == 2 else None
        if name is None:
            continue
        values = [_iptc_text(item, utf8=utf8) for item in _as_list(raw)]
        texts = [value for value in values if value]
        if texts:
            fields[name] = texts
    return fields


def readable_iptc(fields: Mapping[str, list[str]]) -> dict[str, str | list[str]]:
    """The IPTC fields for the raw ``iptc`` dictionary: one text, or a list when repeated."""
    return {
        name: values[0] if len(values) == 1 else list(values) for name, values in fields.items()
    }


def read_xmp(image: Image.Image) -> dict[str, XmpValue]:
    """The XMP packet wherever this format keeps it (JPEG APP1, PNG iTXt, TIFF tag, WebP)."""
    packet = _xmp_packet(image)
    if not packet:
        return {}
    try:
        return parse_xmp(packet)
    except XmpError as error:
        raise DamagedMetadataError(f"XMP: {error}") from error


def _xmp_packet(image: Image.Image) -> bytes:
    for key in ("xmp", "XML:com.adobe.xmp"):
        packet = image.info.get(key)
        if isinstance(packet, str):
            return packet.encode("utf-8")
        if isinstance(packet, bytes) and packet:
            return packet
    if isinstance(image, TiffImagePlugin.TiffImageFile):
        packet = image.tag_v2.get(ExifTags.Base.XMLPacket)
        if isinstance(packet, bytes):
            return packet
        if isinstance(packet, tuple) and all(isinstance(b, int) for b in packet):
            return bytes(b & 0xFF for b in packet)
    return b""


def _exif_value(tag: int, raw: Any) -> ExifValue | None:
    if isinstance(raw, str):
        return _exif_text(raw)
    if isinstance(raw, bytes):
        return _exif_bytes(tag, raw)
    if isinstance(raw, tuple):
        return _exif_numbers(raw)
    if isinstance(raw, numbers.Real):
        return _finite(raw)
    return None


def _exif_text(raw: str) -> str:
    """EXIF ASCII fields: C strings, often UTF-8 that Pillow decoded as Latin-1."""
    text = raw.split("\x00", 1)[0]
    with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
        text = text.encode("latin-1").decode("utf-8")
    return normalize_inline(text)[:_MAX_TEXT]


def _exif_bytes(tag: int, raw: bytes) -> str | None:
    if tag in _WINDOWS_TEXT_TAGS:
        return normalize_inline(raw.decode("utf-16-le", "replace").split("\x00", 1)[0])
    if tag == ExifTags.Base.UserComment:
        return _user_comment(raw)
    if len(raw) <= 64 and all(32 <= byte < 127 or byte == 0 for byte in raw):
        return _exif_text(raw.decode("ascii"))
    return None


def _user_comment(raw: bytes) -> str:
    """UserComment: an 8-byte character code, then the text."""
    code, body = raw[:8], raw[8:]
    encoding = _USER_COMMENT_CODES.get(code, "utf-8")
    if encoding == "utf-16":
        encoding = "utf-16-be" if body[:1] == b"\x00" else "utf-16-le"
    text = body.decode(encoding, "replace").split("\x00", 1)[0]
    return normalize_inline(text)[:_MAX_TEXT]


def _exif_numbers(raw: tuple[Any, ...]) -> tuple[float, ...] | None:
    if not raw or len(raw) > _MAX_TUPLE:
        return None
    values = [_finite(item) if isinstance(item, numbers.Real) else None for item in raw]
    if any(value is None for value in values):
        return None
    return tuple(value for value in values if value is not None)


def _finite(value: numbers.Real) -> float | None:
    number = float(value)
    if not math.isfinite(number):
        return None
    return int(number) if number.is_integer() else round(number, 6)


def _as_text(value: ExifValue) -> str:
    if isinstance(value, tuple):
        return ", ".join(_as_text(item) for item in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _as_list(raw: Any) -> Iterable[Any]:
    return raw if isinstance(raw, list) else [raw]


def _iptc_text(raw: Any, *, utf8: bool) -> str:
    if not isinstance(raw, bytes):
        return ""
    if not utf8:
        try:
            return normalize_inline(raw.decode("utf-8"))[:_MAX_TEXT]
        except UnicodeDecodeError:
            return normalize_inline(raw.decode("cp1252", "replace"))[:_MAX_TEXT]
    return normalize_inline(raw.decode("utf-8", "replace"))[:_MAX_TEXT]
