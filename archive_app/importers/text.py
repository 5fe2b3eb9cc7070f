"""Plain text and Markdown: decode, normalise, find a title, keep paragraphs and headings."""

from __future__ import annotations

import re
from pathlib import Path

from archive_app.importers.document import Block, ExtractedDocument
from archive_app.importers.encoding import decode_bytes
from archive_app.importers.text_normal import normalize_inline, normalize_text

IMPORTER_VERSION = "text/1"

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.DOTALL)
_FRONT_MATTER_LINE = re.compile(r"^(\w[\w-]*)\s*:\s*(.*)$")
_TITLE_MAX = 200


def extract(data: bytes, *, name: str = "", path: Path | None = None) -> ExtractedDocument:
    """Read a ``.txt`` or ``.md`` file; ``path`` is unused (text files stand alone)."""
    markdown = name.lower().endswith((".md", ".markdown"))
    decoded = decode_bytes(data)
    text = normalize_text(decoded.text)
    document = ExtractedDocument(
        kind="text", mime_type="text/markdown" if markdown else "text/plain"
    )
    document.metadata["encoding"] = decoded.encoding
    if markdown:
        text = _read_front_matter(text, document)
    blocks = [_block(chunk, markdown) for chunk in text.split("\n\n") if chunk.strip()]
    document.blocks = blocks
    if not document.title:
        document.title = _first_line_title(blocks) or _title_from_name(name)
    return document


def _block(chunk: str, markdown: bool) -> Block:
    if not markdown:
        return Block("paragraph", chunk)
    heading = _HEADING.match(chunk) if "\n" not in chunk else None
    if heading:
        return Block("heading", normalize_inline(heading.group(2)), len(heading.group(1)))
    lines = chunk.split("\n")
    if all(line.startswith(">") for line in lines):
        return Block("quote", "\n".join(line.lstrip(">").strip() for line in lines))
    if _LIST_ITEM.match(lines[0]):
        return Block("list_item", chunk)
    return Block("paragraph", chunk)


def _first_line_title(blocks: list[Block]) -> str:
    for block in blocks:
        line = block.text.split("\n", 1)[0].strip()
        if line:
            if len(line) <= _TITLE_MAX:
                return line
            return line[:_TITLE_MAX].rsplit(" ", 1)[0] + "…"
    return ""


def _title_from_name(name: str) -> str:
    stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return normalize_inline(stem.replace("_", " ").replace("-", " "))


def _read_front_matter(text: str, document: ExtractedDocument) -> str:
    match = _FRONT_MATTER.match(text)
    if not match:
        return text
    for line in match.group(1).split("\n"):
        field = _FRONT_MATTER_LINE.match(line)
        if not field:
            continue
        key, value = field.group(1).lower(), normalize_inline(field.group(2).strip("\"'"))
        if key == "title":
            document.title = value
        elif key in {"author", "authors", "by"}:
            document.authors = [a.strip() for a in re.split(r"[;,]| and ", value) if a.strip()]
        elif key in {"date", "published"}:
            document.published = value
        elif key in {"url", "source", "source_url"}:
            document.source_url = value
        elif key in {"site", "publication", "site_name"}:
            document.site_name = value
        elif key in {"lang", "language"}:
            document.language = value
    return text[match.end() :]
