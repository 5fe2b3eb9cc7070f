"""Plain text and Markdown: decode, normalise, find a title, keep paragraphs and headings."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

import yaml

from archive_app.core.messages import QT_TRANSLATE_NOOP
from archive_app.importers.document import Block, ExtractedDocument
from archive_app.importers.encoding import decode_bytes
from archive_app.importers.text_normal import normalize_inline, normalize_text

IMPORTER_VERSION = "text/1"

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.DOTALL)
_NAME_SEPARATORS = re.compile(r"[;,]| and ")
_COMMAS = re.compile(r",")
_NAME_MAX = 200
_BAD_FRONT_MATTER_NOTE = QT_TRANSLATE_NOOP(
    "core",
    "The file's front matter (between its --- lines) is not valid YAML; it was kept as text.",
)
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
    """Take the YAML front matter off a Markdown file and read what it says about the file
    (safe loading: YAML's tags that build Python objects are refused, not run)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return text
    try:
        fields = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        document.notes.append(_BAD_FRONT_MATTER_NOTE)
        return text
    if not isinstance(fields, dict):
        document.notes.append(_BAD_FRONT_MATTER_NOTE)
        return text
    values = {str(key).lower(): value for key, value in fields.items()}
    document.title = _first_value(values, "title")
    document.authors = _names(_first_present(values, "authors", "author", "by"), split=True)
    document.tags = _names(_first_present(values, "tags", "keywords", "categories"), split=False)
    document.published = _first_value(values, "date", "published")
    document.source_url = _first_value(values, "url", "source", "source_url")
    document.site_name = _first_value(values, "site", "publication", "site_name")
    document.language = _first_value(values, "lang", "language")
    return text[match.end() :]


def _first_present(values: dict[str, Any], *keys: str) -> Any:
    return next((values[key] for key in keys if values.get(key) not in (None, "", [])), None)


def _first_value(values: dict[str, Any], *keys: str) -> str:
    """A scalar as text; a date (YAML reads ``2023-10-10`` as one) in ISO form."""
    value = _first_present(values, *keys)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return normalize_inline(str(value)) if isinstance(value, (str, int, float)) else ""


def _names(value: Any, *, split: bool) -> list[str]:
    """A list of names from a YAML list, or from one string ("A and B; C" when ``split``,
    "a, b" always)."""
    items = value if isinstance(value, list) else [value] if value is not None else []
    names: list[str] = []
    for item in items:
        if not isinstance(item, (str, int, float)):
            continue
        pattern = _NAME_SEPARATORS if split else _COMMAS
        names += [normalize_inline(part) for part in pattern.split(str(item))]
    return list(dict.fromkeys(name[:_NAME_MAX] for name in names if name))
