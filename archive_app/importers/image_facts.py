"""What a researcher wants to know about a photo, chosen from its EXIF, IPTC and XMP.

The same fact is often written in two or three places, and not all of them are equally
trustworthy. A caption typed by a photo desk goes into IPTC Caption-Abstract (and is mirrored in
XMP dc:description); EXIF ImageDescription is where cameras write their own name
("OLYMPUS DIGITAL CAMERA") or a run of spaces. So every fact is looked up in order of trust and
camera boilerplate is passed over.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from archive_app.importers.image_metadata import ExifValue
from archive_app.importers.xmp import XmpValue, first_text, text_list, xmp_date

_TITLE_MAX = 120

_CAMERA_DEFAULT = re.compile(
    r"^(?:\S+\s+){0,3}(?:digital\s+(?:still\s+)?camera|dsc|exif[_ ]jpeg[_ ]picture)$"
    r"|^(?:default|untitled|image|picture|photo|no description|description|"
    r"created with (?:the )?gimp|exif_jpeg_picture)$"
    r"|^<.*>$",
    re.IGNORECASE,
)
_EMPTY_COPYRIGHT = re.compile(r"^(?:copyright|\(c\)|©)?[\s,.:]*(?:\d{4})?[\s.]*$", re.IGNORECASE)
_LETTER = re.compile(r"[^\W\d_]")
_COMPANY_WORDS = frozenset(
    {
        "ag",
        "camera",
        "co",
        "company",
        "computer",
        "corp",
        "corporation",
        "digital",
        "electric",
        "electronics",
        "gmbh",
        "global",
        "imaging",
        "inc",
        "limited",
        "llc",
        "ltd",
        "optical",
        "techwin",
    }
)
_EXIF_DATE = re.compile(r"^(\d{4})[:\-](\d{2})[:\-](\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?")
_OFFSET = re.compile(r"^[+-]\d{2}:\d{2}$")
_IPTC_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_IPTC_TIME = re.compile(r"^(\d{2})(\d{2})(\d{2})(?:([+-]\d{2})(\d{2}))?$")
_XMP_COORDINATE = re.compile(r"^(\d{1,3}),(\d{1,2}(?:\.\d+)?)(?:,(\d{1,2}(?:\.\d+)?))?([NSEW])$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“'‘(]?[A-Z0-9À-ÖØ-ÞƏ])")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Gen|Lt|"
    r"Col|Maj|Capt|Sgt|Gov|Pres|Rep|Sen|No|Jr|Sr|vs|Mt))\.$"
)


def photo_facts(
    exif: Mapping[str, ExifValue],
    iptc: Mapping[str, list[str]],
    xmp: Mapping[str, XmpValue],
) -> dict[str, Any]:
    """The essentials of a photo's metadata, each from the most trusted place that has it."""
    camera = camera_name(_text(exif, "Make"), _text(exif, "Model"))
    ignored = {camera.casefold(), _text(exif, "Make").casefold(), _text(exif, "Model").casefold()}
    return {
        "caption": _first_real(
            [
                _iptc(iptc, "Caption-Abstract"),
                first_text(xmp, "dc:description"),
                _text(exif, "ImageDescription"),
            ],
            ignored,
        ),
        "creator": _first_real(
            [
                "; ".join(iptc.get("By-line", [])),
                "; ".join(text_list(xmp, "dc:creator")),
                _text(exif, "Artist"),
            ],
            ignored,
        ),
        "credit": _first_real(
            [_iptc(iptc, "Credit"), first_text(xmp, "photoshop:Credit")], ignored
        ),
        "copyright": _copyright(
            [
                _iptc(iptc, "CopyrightNotice"),
                first_text(xmp, "dc:rights"),
                _text(exif, "Copyright"),
            ]
        ),
        "taken_at": taken_at(exif, iptc, xmp),
        "camera": camera,
        "gps": gps_position(exif, xmp),
        "headline": _iptc(iptc, "Headline") or first_text(xmp, "photoshop:Headline"),
        "object_name": _iptc(iptc, "ObjectName") or first_text(xmp, "dc:title"),
        "keywords": iptc.get("Keywords") or text_list(xmp, "dc:subject"),
        "location": _location(iptc, xmp),
        "source": _iptc(iptc, "Source") or first_text(xmp, "photoshop:Source"),
    }


def camera_name(make: str, model: str) -> str:
    """ "Make Model", without the make twice ("Canon Canon EOS 40D") or its company words."""
    brand = [word for word in re.split(r"[\s,.]+", make) if word.casefold() not in _COMPANY_WORDS]
    model_words = {word.casefold() for word in re.split(r"[\s,]+", model)}
    if not model or any(word.casefold() in model_words for word in brand if word):
        return model or " ".join(word for word in brand if word)
    return " ".join([*(word for word in brand if word), model])


def is_boilerplate(text: str, ignored: set[str] | frozenset[str] = frozenset()) -> bool:
    """True for text that says nothing: blank, no letters, a camera's default description."""
    stripped = text.strip()
    return (
        not _LETTER.search(stripped)
        or stripped.casefold() in ignored
        or bool(_CAMERA_DEFAULT.match(stripped))
    )


def first_sentence(text: str) -> str:
    """The caption's first sentence, cut at a word boundary when it is very long."""
    sentence = text
    for match in _SENTENCE_END.finditer(text):
        if not _ABBREVIATION.search(text[: match.start()]):
            sentence = text[: match.start()]
            break
    sentence = sentence.strip()
    if len(sentence) <= _TITLE_MAX:
        return sentence
    return sentence[:_TITLE_MAX].rsplit(" ", 1)[0].rstrip(",;:-") + "…"


def taken_at(
    exif: Mapping[str, ExifValue],
    iptc: Mapping[str, list[str]],
    xmp: Mapping[str, XmpValue],
) -> str:
    """When the photo was taken, as ISO 8601, from the most precise source that has it."""
    original = exif_datetime(_text(exif, "DateTimeOriginal"), _text(exif, "OffsetTimeOriginal"))
    if original:
        return original
    for key in ("exif:DateTimeOriginal", "photoshop:DateCreated", "xmp:CreateDate"):
        value = first_text(xmp, key)
        moment = xmp_date(value) or exif_datetime(value, "")
        if moment:
            return moment
    return iptc_datetime(_iptc(iptc, "DateCreated"), _iptc(iptc, "TimeCreated")) or exif_datetime(
        _text(exif, "DateTimeDigitized"), _text(exif, "OffsetTimeDigitized")
    )


def exif_datetime(text: str, offset: str) -> str:
    """``2020:10:08 11:30:00`` (+ ``+04:00``) as ISO 8601; '' for blanks and zeros."""
    match = _EXIF_DATE.match(text.strip())
    if not match:
        return ""
    year, month, day, hour, minute, second = (int(part or 0) for part in match.groups())
    try:
        moment = datetime(year, month, day, hour, minute, second)
    except ValueError:
        return ""
    if match.group(4) is None:
        return moment.date().isoformat()
    zone = offset.strip() if _OFFSET.match(offset.strip()) else ""
    return moment.isoformat() + zone


def iptc_datetime(date_text: str, time_text: str) -> str:
    """IPTC DateCreated ``20201008`` and TimeCreated ``113000+0400`` as ISO 8601."""
    date_match = _IPTC_DATE.match(date_text)
    if not date_match:
        return ""
    year, month, day = date_match.groups()
    time_match = _IPTC_TIME.match(time_text)
    if not time_match:
        return exif_datetime(f"{year}:{month}:{day}", "")
    hours, minutes, seconds, zone_hours, zone_minutes = time_match.groups()
    zone = f"{zone_hours}:{zone_minutes}" if zone_hours else ""
    return exif_datetime(f"{year}:{month}:{day} {hours}:{minutes}:{seconds}", zone)


def gps_position(
    exif: Mapping[str, ExifValue], xmp: Mapping[str, XmpValue]
) -> dict[str, float] | None:
    """Latitude and longitude in signed decimal degrees, or None when absent or impossible.

    0,0 counts as absent: it is what receivers write when they have no fix.
    """
    latitude = _exif_coordinate(exif.get("GPSLatitude"), _text(exif, "GPSLatitudeRef"))
    longitude = _exif_coordinate(exif.get("GPSLongitude"), _text(exif, "GPSLongitudeRef"))
    if latitude is None or longitude is None:
        latitude = _xmp_coordinate(first_text(xmp, "exif:GPSLatitude"))
        longitude = _xmp_coordinate(first_text(xmp, "exif:GPSLongitude"))
    if latitude is None or longitude is None:
        return None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180) or latitude == longitude == 0:
        return None
    return {"lat": round(latitude, 7), "lon": round(longitude, 7)}


def _exif_coordinate(value: ExifValue | None, reference: str) -> float | None:
    if not isinstance(value, tuple) or not 1 <= len(value) <= 3:
        return None
    degrees, minutes, seconds = (*value, 0.0, 0.0)[:3]
    return _degrees(degrees, minutes, seconds, reference)


def _xmp_coordinate(text: str) -> float | None:
    match = _XMP_COORDINATE.match(text.strip())
    if not match:
        return None
    degrees, minutes, seconds, reference = match.groups()
    return _degrees(float(degrees), float(minutes), float(seconds or 0), reference)


def _degrees(degrees: float, minutes: float, seconds: float, reference: str) -> float | None:
    if min(degrees, minutes, seconds) < 0 or minutes >= 60 or seconds >= 60:
        return None
    value = degrees + minutes / 60 + seconds / 3600
    return -value if reference.strip().upper()[:1] in ("S", "W") else value


def _first_real(candidates: list[str], ignored: set[str]) -> str:
    return next((text for text in candidates if text and not is_boilerplate(text, ignored)), "")


def _copyright(candidates: list[str]) -> str:
    return next((text for text in candidates if text and not _EMPTY_COPYRIGHT.match(text)), "")


def _location(iptc: Mapping[str, list[str]], xmp: Mapping[str, XmpValue]) -> str:
    parts = [
        _iptc(iptc, "Sub-location") or first_text(xmp, "Iptc4xmpCore:Location"),
        _iptc(iptc, "City") or first_text(xmp, "photoshop:City"),
        _iptc(iptc, "Province-State") or first_text(xmp, "photoshop:State"),
        _iptc(iptc, "Country-PrimaryLocationName") or first_text(xmp, "photoshop:Country"),
    ]
    return ", ".join(part for part in parts if part)


def _text(exif: Mapping[str, ExifValue], name: str) -> str:
    value = exif.get(name)
    return value if isinstance(value, str) else ""


def _iptc(iptc: Mapping[str, list[str]], name: str) -> str:
    values = iptc.get(name)
    return values[0] if values else ""
