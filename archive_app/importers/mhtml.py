"""MHTML (``.mhtml``, ``.mht``): a page saved by Chrome ("Save as single file"), Edge or
Hunchly as one MIME message.

The message is decoded by the standard library's email package, so quoted-printable and base64
parts come out as the bytes the server sent. The first HTML part is the page; its picture parts
are written to the import's spill folder and become image sources linked to the article's
figures. ``Snapshot-Content-Location`` is the page's address and ``Date`` the capture time.
"""

from __future__ import annotations

import email
import email.errors
import email.policy
from email.message import EmailMessage
from pathlib import Path

from archive_app.core.errors import ExtractionError
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.importers.document import ExtractedDocument
from archive_app.importers.web_page import (
    capture_record,
    media_type,
    page_document,
    parse_http_date,
    spill_name,
)

IMPORTER_VERSION = "mhtml/1"
MAX_PART_BYTES = 20 << 20
_BROKEN = Message(
    QT_TRANSLATE_NOOP(
        "core",
        "The MHTML file is damaged: its parts cannot be told apart (the MIME boundary is broken).",
    )
)


def extract_pages(path: Path, *, name: str, spill: Path) -> list[ExtractedDocument]:
    with path.open("rb") as handle:
        message = email.message_from_binary_file(handle, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    if not message.is_multipart() or any(
        isinstance(defect, email.errors.StartBoundaryNotFoundDefect) for defect in message.defects
    ):
        raise ExtractionError(_BROKEN)
    parts = [part for part in message.walk() if not part.is_multipart()]
    page = next((part for part in parts if part.get_content_type() == "text/html"), None)
    if page is None:
        raise ExtractionError(
            _BROKEN
            if message.defects
            else Message(QT_TRANSLATE_NOOP("core", "The MHTML file holds no web page."))
        )
    url = str(message.get("Snapshot-Content-Location") or page.get("Content-Location") or "")
    resources: dict[str, str] = {}
    notes: list[str] = []
    for index, part in enumerate(parts):
        if part.get_content_maintype() != "image":
            continue
        data = part.get_payload(decode=True)
        if not isinstance(data, bytes) or not data:
            continue
        location = str(part.get("Content-Location") or "")
        if len(data) > MAX_PART_BYTES:
            notes.append(f"A picture of {len(data) >> 20} MB ({location}) was too large to keep.")
            continue
        target = spill_name(spill, index, part.get_content_type(), location)
        target.write_bytes(data)
        resources[location] = str(target)
        content_id = str(part.get("Content-ID") or "").strip("<>")
        if content_id:
            resources[f"cid:{content_id}"] = str(target)
    payload = page.get_payload(decode=True)
    if not isinstance(payload, bytes):
        raise ExtractionError(_BROKEN)
    charset = page.get_content_charset()
    readable = payload
    if charset and b"charset" not in payload[:4096].lower():
        readable = f'<meta charset="{charset}">'.encode("ascii") + payload
    document = page_document(
        readable,
        name=name,
        page_url=url,
        content_type=media_type(page.get_content_type()),
        resources=resources,
    )
    if message.defects:
        notes.append(
            QT_TRANSLATE_NOOP(
                "core", "The MHTML file is slightly damaged; what could be read was imported."
            )
        )
    document.notes.extend(notes)
    document.capture = capture_record(
        "mhtml",
        url=url,
        captured_at=parse_http_date(str(message.get("Date") or "")),
        payload=payload,
        saved_by=str(message.get("From") or ""),
    )
    return [document]
