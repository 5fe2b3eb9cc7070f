"""Decide which importer reads a file: its content first (magic bytes), then its name."""

from __future__ import annotations

import re
from typing import Literal

FileType = Literal["html", "pdf", "image", "text"]

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml", ".mhtml"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
IMAGE_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".png", ".gif", ".tif", ".tiff", ".webp", ".heic", ".heif", ".bmp"}
)

_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)
_HTML_ANYWHERE = re.compile(rb"<(?:head|body|meta|title|article|div|p)\b[^>]*>", re.I)

SNIFF_BYTES = 8192

READABLE_FORMATS = (
    "web pages (.html), PDFs, photos (JPEG, PNG, TIFF, WebP, GIF, BMP, HEIC), text (.txt, .md) "
    "and reference lists (.ris, .bib, CSL-JSON .json)"
)
"""What the archive reads, as the message about a file it cannot read names it."""


def sniff(head: bytes, suffix: str) -> FileType | None:
    """The type of a file from its first :data:`SNIFF_BYTES` bytes and its suffix (lower case).

    None means no importer reads it.
    """
    if head.lstrip(b"\r\n\t \x00")[:5] == b"%PDF-" or b"%PDF-" in head[:1024]:
        return "pdf"
    if _image_signature(head):
        return "image"
    text_head = _ascii_view(head)
    if _HTML_START.match(text_head):
        return "html"
    if suffix in HTML_SUFFIXES and _HTML_ANYWHERE.search(text_head):
        return "html"
    if suffix in TEXT_SUFFIXES or suffix in MARKDOWN_SUFFIXES:
        return "text"
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
