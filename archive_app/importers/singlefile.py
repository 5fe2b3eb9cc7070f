"""Pages saved by the SingleFile extension (and Zotero 7's snapshots, which use it): one HTML
file with every picture inlined as a ``data:`` URI and a header comment naming the address and
the time it was saved.

The inlined pictures are written to the import's spill folder and become image sources linked
to the article's figures; one too large to keep is left out with a note.
"""

from __future__ import annotations

import base64
import binascii
import re
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote_to_bytes

from archive_app.importers.document import ExtractedDocument
from archive_app.importers.web_page import capture_record, page_document, spill_name, utc_iso

IMPORTER_VERSION = "singlefile/1"
MAX_IMAGE_BYTES = 20 << 20
_HEADER_BYTES = 4096
_HEADER = re.compile(rb"<!--\s*Page saved with SingleFile(?P<body>.*?)-->", re.S | re.I)
_FIELD = re.compile(r"^\s*(url|saved date):\s*(.+?)\s*$", re.M | re.I)
_DATA_IMAGE = re.compile(
    rb"(?P<lead><img\b[^>]*?\bsrc\s*=\s*)(?P<quote>[\"'])data:(?P<type>image/[\w.+-]+)"
    rb"(?P<base64>;base64)?,(?P<data>[^\"']*)(?P=quote)",
    re.I,
)


def extract_pages(path: Path, *, name: str, spill: Path) -> list[ExtractedDocument]:
    data = path.read_bytes()
    header = _HEADER.search(data[:_HEADER_BYTES])
    comment = header.group("body").decode("utf-8", "replace") if header else ""
    fields = {key.lower(): value for key, value in _FIELD.findall(comment)}
    url = fields.get("url", "")
    notes: list[str] = []
    resources: dict[str, str] = {}
    counter = iter(range(1, 1 << 30))

    def inline_image(match: re.Match[bytes]) -> bytes:
        index = next(counter)
        content_type = match.group("type").decode("ascii").lower()
        encoded = match.group("data")
        size = len(encoded) * 3 // 4 if match.group("base64") else len(encoded)
        picture = _decoded(encoded, bool(match.group("base64"))) if size <= MAX_IMAGE_BYTES else b""
        if not picture:
            notes.append(
                f"Inlined picture {index} ({size / (1 << 20):.0f} MB) was too large or damaged "
                "to keep; the article was imported without it."
            )
            return match.group("lead") + b'""'
        target = spill_name(spill, index, content_type, f"inline-picture-{index}")
        target.write_bytes(picture)
        key = f"singlefile:image-{index}{target.suffix}"
        resources[key] = str(target)
        return match.group("lead") + b'"' + key.encode("ascii") + b'"'

    page = _DATA_IMAGE.sub(inline_image, data)
    document = page_document(
        page, name=name, page_url=url, content_type="text/html", resources=resources
    )
    document.notes.extend(notes)
    document.capture = capture_record(
        "singlefile",
        url=url,
        captured_at=_saved_date(fields.get("saved date", "")),
        payload=data,
    )
    return [document]


def _decoded(encoded: bytes, is_base64: bool) -> bytes:
    if not is_base64:
        return unquote_to_bytes(encoded)
    try:
        return base64.b64decode(encoded, validate=False)
    except (binascii.Error, ValueError):
        return b""


def _saved_date(text: str) -> str:
    """SingleFile writes JavaScript's date: ``Thu Dec 05 2024 10:15:00 GMT+0100 (CET)``."""
    cleaned = re.sub(r"\s*\(.*\)\s*$", "", text).strip()
    for pattern in ("%a %b %d %Y %H:%M:%S GMT%z", "%m/%d/%Y, %I:%M:%S %p"):
        try:
            return utc_iso(datetime.strptime(cleaned, pattern))
        except ValueError:
            continue
    return ""
