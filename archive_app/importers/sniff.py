"""Decide which importer reads a file: its content first (magic bytes), then its name."""

from __future__ import annotations

import re
import zlib
from typing import Literal

from archive_app.core.messages import QT_TRANSLATE_NOOP, Message

FileType = Literal["html", "pdf", "image", "text", "mhtml", "singlefile", "warc", "wacz"]
# Web archives that may hold many pages: read as a stream, however large.
STREAMED_TYPES: frozenset[FileType] = frozenset({"warc", "wacz"})

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
MHTML_SUFFIXES = frozenset({".mhtml", ".mht"})
WEB_ARCHIVE_SUFFIXES = frozenset({".warc", ".wacz"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
IMAGE_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".png", ".gif", ".tif", ".tiff", ".webp", ".heic", ".heif", ".bmp"}
)

_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)
_HTML_ANYWHERE = re.compile(rb"<(?:head|body|meta|title|article|div|p)\b[^>]*>", re.I)
_SINGLEFILE_MARK = re.compile(rb"<!--\s*Page saved with SingleFile", re.I)
_MIME_HEADER = re.compile(rb"^[A-Za-z][\w-]*:[^\r\n]*\r?\n")
_MULTIPART_RELATED = re.compile(rb"^content-type:\s*multipart/related", re.I | re.M)
_WARC_START = re.compile(rb"^WARC/1\.[01]\r?\n")

SNIFF_BYTES = 8192

READABLE_FORMATS = Message(
    QT_TRANSLATE_NOOP(
        "core",
        "web pages (.html, .mhtml, SingleFile), web archives (.warc, .warc.gz, .wacz), PDFs, "
        "photos (JPEG, PNG, TIFF, WebP, GIF, BMP, HEIC), text (.txt, .md) and reference lists "
        "(.ris, .bib, CSL-JSON .json)",
    )
)
"""What the archive reads, as the message about a file it cannot read names it."""


def sniff(head: bytes, suffix: str) -> FileType | None:
    """The type of a file from its first :data:`SNIFF_BYTES` bytes and its suffix (lower case).

    None means no importer reads it.
    """
    web_archive = _web_archive(head, suffix)
    if web_archive is not None:
        return web_archive
    if head.lstrip(b"\r\n\t \x00")[:5] == b"%PDF-" or b"%PDF-" in head[:1024]:
        return "pdf"
    if _image_signature(head):
        return "image"
    text_head = _ascii_view(head)
    if _HTML_START.match(text_head) or (
        suffix in HTML_SUFFIXES and _HTML_ANYWHERE.search(text_head)
    ):
        return "singlefile" if _SINGLEFILE_MARK.search(text_head) else "html"
    if suffix in TEXT_SUFFIXES or suffix in MARKDOWN_SUFFIXES:
        return "text"
    return None


def _web_archive(head: bytes, suffix: str) -> FileType | None:
    """WARC (plain or gzipped record by record), WACZ (a zip) and MHTML (a MIME message)."""
    if _WARC_START.match(head):
        return "warc"
    if head.startswith(b"\x1f\x8b"):
        try:
            start = zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(head, 16)
        except zlib.error:
            return None
        return "warc" if _WARC_START.match(start) else None
    if head.startswith(b"PK\x03\x04"):
        named = suffix == ".wacz" or b"datapackage.json" in head or b"pages/pages.jsonl" in head
        return "wacz" if named else None
    headers = re.split(rb"\r?\n\r?\n", head, maxsplit=1)[0]
    if _MIME_HEADER.match(headers) and _MULTIPART_RELATED.search(headers):
        return "mhtml"
    return None


def _image_signature(head: bytes) -> bool:
    return (
        head.startswith(b"\xff\xd8\xff")
        or head.startswith(b"\x89PNG\r\n\x1a\n")
        or head[:6] in (b"GIF87a", b"GIF89a")
        or head[:4] in (b"II*\x00", b"MM\x00*")
        or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")
        or (head[:2] == b"BM" and len(head) > 14 and head[6:10] == b"\x00\x00\x00\x00")
        or (head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"heif"))
    )


def _ascii_view(head: bytes) -> bytes:
    """UTF-16 pages become readable for the HTML patterns by dropping their zero bytes."""
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return head[2:].replace(b"\x00", b"")
    if head.startswith(b"\xef\xbb\xbf"):
        return head[3:]
    return head
