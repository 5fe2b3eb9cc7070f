"""One page out of a web capture (MHTML, SingleFile, WARC, WACZ), read by the importer for
its real type: a web page by the HTML importer, with its pictures taken from the capture; a
PDF, photo or text that was captured at an address by theirs."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from archive_app.core.errors import UnsupportedFormatError
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.importers import html, importer_module
from archive_app.importers.document import ExtractedDocument
from archive_app.importers.sniff import SNIFF_BYTES, sniff

# What a server's Content-Type says a payload is, when its bytes alone do not tell.
_SUFFIX_OF_TYPE = {
    "text/html": ".html",
    "application/xhtml+xml": ".xhtml",
    "application/pdf": ".pdf",
    "text/plain": ".txt",
    "text/markdown": ".md",
}
SPILLED_TYPES = ("text/html", "application/xhtml+xml", "application/pdf", "text/plain", "image/")


def suffix_for(content_type: str) -> str:
    """A file suffix for a payload of this Content-Type (``.bin`` when unknown)."""
    media = media_type(content_type)
    if media.startswith("image/"):
        return "." + media.removeprefix("image/").split("+")[0].replace("jpeg", "jpg")
    return _SUFFIX_OF_TYPE.get(media, ".bin")


def media_type(content_type: str) -> str:
    return content_type.split(";", maxsplit=1)[0].strip().lower()


def worth_keeping(content_type: str) -> bool:
    """Pages and pictures; never scripts, style sheets, fonts or data a page loads."""
    media = media_type(content_type)
    return not media or media.startswith(SPILLED_TYPES)


def page_document(
    payload: bytes,
    *,
    name: str,
    page_url: str,
    content_type: str = "",
    resources: Mapping[str, str] | None = None,
) -> ExtractedDocument:
    """The document for a captured page, whatever its type; its address is where it was
    captured."""
    file_type = sniff(payload[:SNIFF_BYTES], suffix_for(content_type))
    if file_type in ("html", "singlefile"):
        document = html.extract(payload, name=name, page_url=page_url, resources=resources)
    elif file_type in ("pdf", "image", "text"):
        document = importer_module(file_type).extract(payload, name=name)
    else:
        raise UnsupportedFormatError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core", "The page at {url} is of a kind the archive does not read ({type})."
                ),
                url=page_url,
                type=media_type(content_type) or "unknown type",
            )
        )
    if page_url:
        if document.source_url and document.source_url != page_url:
            document.metadata["canonical_url"] = document.source_url
        document.source_url = page_url
    return document


def capture_record(
    method: str,
    *,
    url: str,
    final_url: str = "",
    status: int | None = None,
    captured_at: str = "",
    payload: bytes | None = None,
    payload_sha256: str = "",
    tls: dict[str, Any] | None = None,
    http_headers: list[tuple[str, str]] | None = None,
    **details: Any,
) -> dict[str, Any]:
    """The capture provenance of a document (see :class:`ExtractedDocument`)."""
    if payload is not None:
        payload_sha256 = hashlib.sha256(payload).hexdigest()
    return {
        "method": method,
        "url": url,
        "final_url": final_url or url,
        "status": status,
        "captured_at": captured_at,
        "payload_sha256": payload_sha256,
        "tls": tls,
        "http_headers": [list(pair) for pair in http_headers or []],
        "details": details,
    }


def utc_iso(moment: datetime) -> str:
    """``2024-03-01T10:15:00Z``: capture times are kept in UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def parse_http_date(text: str) -> str:
    """An RFC 5322 date (MHTML's ``Date``) in UTC ISO form, or '' when it cannot be read."""
    try:
        return utc_iso(parsedate_to_datetime(text.strip()))
    except (TypeError, ValueError, IndexError):
        return ""


def parse_iso_date(text: str) -> str:
    """A WARC-Date (ISO 8601, often with ``Z``) in UTC ISO form, or ''."""
    try:
        return utc_iso(datetime.fromisoformat(text.strip().replace("Z", "+00:00")))
    except ValueError:
        return ""


def spill_name(spill: Path, index: int, content_type: str, url: str = "") -> Path:
    """Where to write the ``index``-th part of a capture: named after its address (a photo's
    file name becomes its source's original name), with a suffix for its type."""
    folder = spill / f"{index:05d}"
    folder.mkdir(parents=True, exist_ok=True)
    stem = Path(unquote(urlsplit(url).path)).stem if url else ""
    stem = re.sub(r"[^\w.-]+", "-", stem).strip(".-")[:80] or "part"
    return folder / f"{stem}{suffix_for(content_type)}"
