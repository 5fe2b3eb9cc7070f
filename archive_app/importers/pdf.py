"""PDFs: the text of every page, the document's metadata, and honest notes on what is missing.

Every page becomes one ``page`` block whose ``level`` is its page number, even when the page has
no text, so a character offset in the body always maps back to the page it came from.

PDFs are untrusted input. pypdf reads them in its tolerant mode and repairs what it can; its log
messages and warnings are collected here (never left to reach the program's log or to fail a
test) and turned into a note. pypdf reports a damaged file with many kinds of exception, not only
its own, so those are caught around the calls into pypdf alone, and nowhere else.
"""

from __future__ import annotations

import io
import logging
import re
import shutil
import struct
import warnings
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError, PyPdfError

from archive_app.core.errors import ExtractionError, UnsupportedFormatError
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.importers.document import Block, ExtractedDocument
from archive_app.importers.ocr_languages import REGION_LANGUAGES, install_command
from archive_app.importers.pdf_metadata import document_title, pdf_date, split_authors
from archive_app.importers.pdf_text import clean_pages, first_meaningful_line, title_from_name
from archive_app.importers.text_normal import normalize_inline
from archive_app.importers.xmp import XmpError, XmpValue, first_text, parse_xmp, text_list, xmp_date

IMPORTER_VERSION = "pdf/1"

MAX_TEXT_CHARS = 20_000_000
"""Text beyond this is not read: no real document is that long, a hostile one may be."""

# What pypdf raises, besides its own errors, when a file's structure is broken.
_DAMAGED_PDF_ERRORS = (
    PyPdfError,
    ValueError,
    KeyError,
    IndexError,
    TypeError,
    AttributeError,
    AssertionError,
    NotImplementedError,
    RecursionError,
    ZeroDivisionError,
    OverflowError,
    zlib.error,
    struct.error,
)
_INFO_KEYS = {
    "/Title": "title",
    "/Author": "author",
    "/Subject": "subject",
    "/Keywords": "keywords",
    "/Creator": "creator_tool",
    "/Producer": "producer",
    "/CreationDate": "creation_date",
    "/ModDate": "modification_date",
}
_MAX_WARNINGS = 10
_OBJECT_HEADER = re.compile(rb"(\d{1,10})\s+\d{1,5}\s+obj\b")
_MAX_RECOVERED_OBJECTS = 10_000  # pypdf's own limit when it searches for the catalog

_PASSWORD_MESSAGE = Message(
    QT_TRANSLATE_NOOP(
        "core",
        "The PDF is protected by a password; open it in a PDF reader, "
        "save an unprotected copy and import that.",
    )
)
_CIPHER_MESSAGE = Message(
    QT_TRANSLATE_NOOP(
        "core",
        "The PDF is encrypted in a way this installation cannot read; open it in a PDF reader, "
        "save an unprotected copy and import that.",
    )
)
_DAMAGED_MESSAGE = Message(QT_TRANSLATE_NOOP("core", "The PDF is damaged and cannot be read."))
_HOSTILE_MESSAGE = Message(
    QT_TRANSLATE_NOOP(
        "core",
        "The PDF contains more data than can be read safely; it may be damaged or hostile.",
    )
)
_CUT_OFF_NOTE = QT_TRANSLATE_NOOP(
    "core",
    "The PDF file is incomplete (its end is missing); the pages that could be read were kept.",
)
_NO_TEXT_NOTE = "This PDF has no text layer (it may be a scan)"
_NO_OCR_NOTE = (
    f"{_NO_TEXT_NOTE}; its pages are kept but cannot be searched. To read their text, install "
    f"Tesseract OCR ({install_command(REGION_LANGUAGES)}), then choose Recognise text."
)
_OCR_PENDING_NOTE = QT_TRANSLATE_NOOP(
    "core",
    "This PDF has no text layer (it may be a scan); its text is read by OCR after the import.",
)
_REPAIRED_NOTE = QT_TRANSLATE_NOOP(
    "core", "The PDF file has errors; it was read as far as possible, so some text may be missing."
)


@dataclass
class _PdfContents:
    """What was read from the file, before any of it is interpreted."""

    pages: list[str] = field(default_factory=list)
    unreadable_pages: list[int] = field(default_factory=list)
    unread_pages: int = 0
    info: dict[str, str] = field(default_factory=dict)
    xmp: dict[str, XmpValue] = field(default_factory=dict)
    info_damaged: bool = False
    xmp_damaged: bool = False
    cut_off: bool = False
    encrypted: bool = False
    version: str = ""
    language: str = ""


def extract(data: bytes, *, name: str = "", path: Path | None = None) -> ExtractedDocument:
    """Read a PDF's text and metadata; ``path`` is unused."""
    if b"%PDF-" not in data[:1024]:
        raise UnsupportedFormatError(_not_a_pdf_message(name))
    with _quiet_pypdf() as complaints:
        contents = _read(data)
    document = _document(contents, name)
    if complaints:
        document.metadata["warnings"] = sorted(set(complaints))[:_MAX_WARNINGS]
        if not contents.cut_off:
            document.notes.append(_REPAIRED_NOTE)
    return document


@contextmanager
def _quiet_pypdf() -> Iterator[list[str]]:
    """Collect what pypdf logs and warns while a file is read, instead of letting it out."""
    complaints: list[str] = []
    handler = _Collector(complaints)
    logger = logging.getLogger("pypdf")
    propagate, level = logger.propagate, logger.level
    logger.addHandler(handler)
    logger.propagate = False
    logger.setLevel(logging.WARNING)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield complaints
        complaints.extend(str(warning.message) for warning in caught)
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
        logger.setLevel(level)


class _Collector(logging.Handler):
    def __init__(self, messages: list[str]) -> None:
        super().__init__(level=logging.WARNING)
        self.messages = messages

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _read(data: bytes) -> _PdfContents:
    contents = _PdfContents()
    try:
        reader, page_count = _open(data, contents)
    except (FileNotDecryptedError, DependencyError, LimitReachedError) as error:
        raise _reading_error(error) from error
    except _DAMAGED_PDF_ERRORS as error:
        raise ExtractionError(
            _DAMAGED_MESSAGE, detail=f"{type(error).__name__}: {error}"
        ) from error
    if page_count == 0:
        raise ExtractionError(_DAMAGED_MESSAGE, detail="no page could be found")
    _read_pages(reader, page_count, contents)
    _read_document_facts(reader, contents)
    return contents


def _open(data: bytes, contents: _PdfContents) -> tuple[PdfReader, int]:
    """The reader and the page count; a file cut off before its end is given one and retried."""
    try:
        return _open_as_is(data, contents)
    except (FileNotDecryptedError, DependencyError, LimitReachedError):
        raise
    except _DAMAGED_PDF_ERRORS:
        completed = _with_trailer(data)
        if completed is None:
            raise
    contents.cut_off = True
    return _open_as_is(completed, contents)


def _open_as_is(data: bytes, contents: _PdfContents) -> tuple[PdfReader, int]:
    reader = PdfReader(io.BytesIO(data), strict=False)
    contents.encrypted = reader.is_encrypted
    if contents.encrypted:
        _unlock(reader)
    return reader, len(reader.pages)


def _with_trailer(data: bytes) -> bytes | None:
    """A cut-off file (a broken download) with a trailer that makes pypdf rebuild the rest.

    pypdf cannot open a file whose end, with the cross-reference table and the trailer, is
    missing; given a trailer that points nowhere, it scans the objects that are there and looks
    for the catalog among them. None when the file does not look cut off.
    """
    if b"%%EOF" in data[-1024:]:
        return None
    numbers = [int(match.group(1)) for match in _OBJECT_HEADER.finditer(data)]
    if not numbers:
        return None
    size = min(max(numbers) + 1, _MAX_RECOVERED_OBJECTS)
    return data + b"\ntrailer\n<< /Size %d >>\nstartxref\n0\n%%%%EOF\n" % size


def _unlock(reader: PdfReader) -> None:
    """Open a PDF that is encrypted with an empty user password, as most "secured" ones are."""
    try:
        unlocked = reader.decrypt("")
    except (DependencyError, NotImplementedError) as error:
        raise ExtractionError(_CIPHER_MESSAGE, detail=f"{type(error).__name__}: {error}") from error
    if not unlocked:
        raise ExtractionError(_PASSWORD_MESSAGE)


def _reading_error(error: Exception) -> ExtractionError:
    detail = f"{type(error).__name__}: {error}"
    if isinstance(error, FileNotDecryptedError):
        return ExtractionError(_PASSWORD_MESSAGE, detail=detail)
    if isinstance(error, DependencyError):
        return ExtractionError(_CIPHER_MESSAGE, detail=detail)
    return ExtractionError(_HOSTILE_MESSAGE, detail=detail)


def _read_pages(reader: PdfReader, page_count: int, contents: _PdfContents) -> None:
    characters = 0
    for index in range(page_count):
        if characters > MAX_TEXT_CHARS:
            contents.pages.append("")
            contents.unread_pages += 1
            continue
        try:
            text = reader.pages[index].extract_text()
        except _DAMAGED_PDF_ERRORS:
            contents.unreadable_pages.append(index + 1)
            text = ""
        contents.pages.append(text)
        characters += len(text)


def _read_document_facts(reader: PdfReader, contents: _PdfContents) -> None:
    """The Info dictionary, the language and the XMP packet, each as far as it can be read."""
    try:
        contents.version = reader.pdf_header.removeprefix("%PDF-")
        info = reader.metadata
        if info is not None:
            contents.info = {
                name: _text(info[key]) for key, name in _INFO_KEYS.items() if key in info
            }
        contents.language = _text(reader.root_object.get("/Lang", ""))
    except _DAMAGED_PDF_ERRORS:
        contents.info_damaged = True
    try:
        stream = reader.root_object.get("/Metadata")
        packet = stream.get_object().get_data() if stream is not None else b""
        contents.xmp = parse_xmp(packet) if packet else {}
    except (XmpError, *_DAMAGED_PDF_ERRORS):
        contents.xmp_damaged = True


def _text(value: Any) -> str:
    """An Info value as text: text strings are str already, byte strings are decoded."""
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return normalize_inline(str(value)) if isinstance(value, str) else ""


def _document(contents: _PdfContents, name: str) -> ExtractedDocument:
    pages = clean_pages(contents.pages)
    info, xmp = contents.info, contents.xmp
    document = ExtractedDocument(kind="pdf", mime_type="application/pdf")
    document.blocks = [Block("page", text, level=number) for number, text in enumerate(pages, 1)]
    document.title = (
        document_title(info.get("title", ""))
        or document_title(first_text(xmp, "dc:title"))
        or first_meaningful_line(pages[0] if pages else "")
        or title_from_name(name)
    )
    document.authors = split_authors(info.get("author", "")) or [
        author for text in text_list(xmp, "dc:creator") for author in split_authors(text)
    ]
    created = pdf_date(info.get("creation_date", "")) or xmp_date(first_text(xmp, "xmp:CreateDate"))
    document.published = created
    document.language = contents.language or first_text(xmp, "dc:language")
    document.metadata = _metadata(contents, created, pages)
    document.notes = _notes(contents, pages)
    return document


def _metadata(contents: _PdfContents, created: str, pages: list[str]) -> dict[str, Any]:
    info, xmp = contents.info, contents.xmp
    return {
        "page_count": len(pages),
        "pages_without_text": [number for number, text in enumerate(pages, 1) if not text],
        "producer": info.get("producer", "") or first_text(xmp, "pdf:Producer"),
        "creator_tool": info.get("creator_tool", "") or first_text(xmp, "xmp:CreatorTool"),
        "created": created,
        "modified": pdf_date(info.get("modification_date", ""))
        or xmp_date(first_text(xmp, "xmp:ModifyDate")),
        "subject": info.get("subject", "") or first_text(xmp, "dc:description"),
        "keywords": info.get("keywords", "") or first_text(xmp, "pdf:Keywords"),
        "encrypted": contents.encrypted,
        "pdf_version": contents.version,
        "info": dict(info),
        "xmp": dict(xmp),
    }


def _notes(contents: _PdfContents, pages: list[str]) -> list[str]:
    notes = []
    if contents.cut_off:
        notes.append(_CUT_OFF_NOTE)
    if pages and not any(pages) and not contents.unreadable_pages:
        notes.append(_OCR_PENDING_NOTE if shutil.which("tesseract") else _NO_OCR_NOTE)
    if contents.unreadable_pages:
        listed = ", ".join(str(number) for number in contents.unreadable_pages[:20])
        notes.append(f"The text of page(s) {listed} could not be read; they are kept empty.")
    if contents.unread_pages:
        notes.append(
            f"The PDF's text is too long to index whole; the last {contents.unread_pages} "
            "page(s) were not read."
        )
    if contents.info_damaged:
        notes.append(
            QT_TRANSLATE_NOOP("core", "The PDF's document information is damaged and was left out.")
        )
    if contents.xmp_damaged:
        notes.append(
            QT_TRANSLATE_NOOP("core", "The PDF's XMP metadata is damaged and was left out.")
        )
    return notes


def is_no_text_note(note: str) -> bool:
    """Whether ``note`` is the one that says a PDF has no text layer (which OCR makes untrue)."""
    return note.startswith(_NO_TEXT_NOTE)


def _not_a_pdf_message(name: str) -> Message:
    if name:
        return Message(
            QT_TRANSLATE_NOOP(
                "core",
                "This file is not a PDF although its name is {name}; its content is of another "
                "kind.",
            ),
            name=name,
        )
    return Message(
        QT_TRANSLATE_NOOP("core", "This file is not a PDF; its content is of another kind.")
    )
