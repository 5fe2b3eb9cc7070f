"""Saved web pages (``.html``, ``.htm``, ``.xhtml``, and a browser's "Web page, complete").

The page is decoded (windows-1251, ISO-8859-9, UTF-8, UTF-16 … whatever it declares or is), parsed
once, and read three ways: its metadata (:mod:`html_metadata`), the article text as blocks
(:mod:`html_body`, built on trafilatura, with boilerplate left out) and its figures with caption
and credit (:mod:`html_figures`). Pure: nothing is fetched, nothing but ``path``'s folder is read.
"""

from __future__ import annotations

import re
from codecs import BOM_UTF8
from collections.abc import Mapping
from copy import deepcopy
from pathlib import Path

from lxml.etree import ElementDefaultClassLookup, HTMLParser, ParserError
from lxml.html import (
    HtmlComment,
    HtmlElement,
    HtmlEntity,
    HtmlProcessingInstruction,
    document_fromstring,
)

from archive_app.core.errors import ExtractionError
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.importers.document import ExtractedDocument
from archive_app.importers.encoding import decode_bytes
from archive_app.importers.html_body import main_text_blocks
from archive_app.importers.html_boilerplate import (
    paragraph_text_length,
    prune_boilerplate,
    remove_captions,
    remove_unread,
)
from archive_app.importers.html_figures import article_figures
from archive_app.importers.html_metadata import PageMetadata, read_metadata
from archive_app.importers.html_safeguard import safeguarded, text_length_bound
from archive_app.importers.text_normal import normalize_inline

IMPORTER_VERSION = "html/1"

_DECLARATION_BYTES = 4096
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"^\s*<\?xml[^>]+encoding\s*=\s*[\"']([\w.:-]+)", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# Browsers note where a page saved as "Web page, complete" came from.
_SAVED_FROM = re.compile(
    r"<!--\s*saved from url=\(\d+\)\s*(https?://[^\s>]+?)\s*-->", re.IGNORECASE
)
_SAVED_FROM_CHARS = 2048
# Every element an HtmlElement, chosen in C: lxml.html's own lookup calls Python for each element
# the code touches (a fifth of a million calls for 61 pages) to give form fields classes of
# their own, which nothing here uses.
_ELEMENT_CLASSES = ElementDefaultClassLookup(
    element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
)
_NO_TEXT_NOTE = QT_TRANSLATE_NOOP(
    "core", "The page has no readable text; only its title and metadata were imported."
)


def extract(
    data: bytes,
    *,
    name: str = "",
    path: Path | None = None,
    page_url: str = "",
    resources: Mapping[str, str] | None = None,
) -> ExtractedDocument:
    """Read a saved web page. ``path`` locates the page so that pictures saved beside it (the
    ``X_files/`` folder of "Web page, complete") are found; they are never fetched.

    A page out of a web archive gives the address it was captured at (``page_url``, against
    which its links resolve) and ``resources``: picture address → the file holding its bytes.
    """
    decoded = decode_bytes(data, declared=declared_charset(data))
    # Strict UTF-8 without a byte-order mark: the bytes are the text's UTF-8 as they stand.
    utf8 = data if decoded.encoding == "utf-8" and not data.startswith(BOM_UTF8) else None
    tree = _parse(decoded.text, utf8)
    base_href = _base_href(tree)
    paragraph_chars = paragraph_text_length(tree)
    text_bound = text_length_bound(tree, paragraph_chars)
    pruned = prune_boilerplate(tree, paragraph_chars=paragraph_chars)
    metadata = read_metadata(pruned)
    if not metadata.title:
        metadata.title = _title_from_name(name)
    if not metadata.source_url:
        metadata.source_url = _saved_from(decoded.text)
    blocks = main_text_blocks(
        remove_captions(remove_unread(deepcopy(pruned))),
        title=metadata.title,
        description=metadata.description,
    )
    blocks, safeguard_note = safeguarded(
        blocks,
        # pruned in place: the rare page that needs it whole again reads it anew
        lambda: _parse(decoded.text, utf8),
        text_bound=text_bound,
        title=metadata.title,
        description=metadata.description,
    )
    images = article_figures(
        pruned,
        blocks,
        page_path=path,
        base_url=base_href or page_url or metadata.source_url,
        title=metadata.title,
        authors=metadata.authors,
        resources=resources,
    )
    document = _document(metadata, name)
    document.blocks = blocks
    document.images = images
    document.metadata["encoding"] = decoded.encoding
    if safeguard_note:
        document.notes.append(safeguard_note)
    if not blocks:
        document.notes.append(_NO_TEXT_NOTE)
    return document


def declared_charset(data: bytes) -> str | None:
    """The encoding the page names for itself: an XML declaration, ``<meta charset>`` or
    ``<meta http-equiv="Content-Type" content="text/html; charset=…">``."""
    head = data[:_DECLARATION_BYTES]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def _parse(text: str, utf8: bytes | None = None) -> HtmlElement:
    """Comments go at parse time: React pages put ``<!-- -->`` between the words of a sentence.
    lxml is handed the text as UTF-8, which it reads faster than a str (the same tree): the
    page's own bytes (``utf8``) when they are that already."""
    if _XML_DECLARATION.match(text):
        text, utf8 = _XML_DECLARATION.sub("", text, count=1), None
    if not text.strip():
        raise ExtractionError(Message(QT_TRANSLATE_NOOP("core", "The web page is empty.")))
    parser = HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, collect_ids=False)
    parser.set_element_class_lookup(_ELEMENT_CLASSES)
    try:
        return document_fromstring(text.encode("utf-8") if utf8 is None else utf8, parser=parser)
    except (ParserError, ValueError) as error:
        raise ExtractionError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core", "The web page could not be read: its markup is too damaged."
                )
            ),
            detail=str(error),
        ) from error


def _document(metadata: PageMetadata, name: str) -> ExtractedDocument:
    document = ExtractedDocument(
        kind="article",
        title=metadata.title,
        authors=metadata.authors,
        site_name=metadata.site_name,
        source_url=metadata.source_url,
        published=metadata.published,
        language=metadata.language,
        mime_type="application/xhtml+xml" if name.lower().endswith(".xhtml") else "text/html",
    )
    extra = {
        "description": metadata.description,
        "modified": metadata.modified,
        "keywords": metadata.keywords,
    }
    document.metadata.update({key: value for key, value in extra.items() if value})
    return document


def _saved_from(text: str) -> str:
    match = _SAVED_FROM.search(text[:_SAVED_FROM_CHARS])
    return match.group(1) if match else ""


def _base_href(tree: HtmlElement) -> str:
    """The page's ``<base href>``, when it is a web address: its links resolve against it."""
    base = tree.find(".//base")
    href = base.get("href", "").strip() if base is not None else ""
    return href if href.startswith(("http://", "https://")) else ""


def _title_from_name(name: str) -> str:
    stem = Path(name).stem if name else ""
    return normalize_inline(stem.replace("_", " "))
