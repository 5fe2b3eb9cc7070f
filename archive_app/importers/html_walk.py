"""Blocks read straight from the page's markup, without trafilatura's judgement.

Used where trafilatura finds no article (an index page, a page of links) and for the parts of an
article it misses (a body split over several containers with advertisements between them).
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from archive_app.importers.document import Block
from archive_app.importers.html_text import element_text
from archive_app.importers.text_normal import normalize_text

_SPACE = re.compile(r"\s+")
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_LISTS = frozenset({"ul", "ol"})
# fmt: off
_SKIPPED = frozenset({
    "script", "style", "noscript", "template", "svg", "figure", "figcaption", "img", "picture",
    "video", "audio", "iframe", "object", "canvas", "head", "title", "meta", "link", "button",
    "form", "select", "input", "textarea",
})
# Elements that start a new block; everything else is inline and joins the text around it.
_BLOCK_LEVEL = frozenset({
    "address", "article", "aside", "blockquote", "body", "dd", "details", "dialog", "div", "dl",
    "dt", "fieldset", "footer", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "caption", "center",
    *_HEADINGS,
})
# fmt: on


def walk_blocks(element: HtmlElement) -> list[Block]:
    """The blocks of ``element`` in document order: headings, paragraphs, quotes, list items."""
    walker = _Walker()
    walker.visit(element, list_depth=0)
    walker.flush()
    return walker.blocks


class _Walker:
    """Collects inline text until a block-level element ends the current paragraph."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._inline: list[str] = []

    def visit(self, element: HtmlElement, list_depth: int) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIPPED or not tag:
            return
        if tag in _HEADINGS:
            self._whole("heading", element, _HEADINGS[tag])
        elif tag == "blockquote":
            self._whole("quote", element)
        elif tag == "pre":
            self._whole("preformatted", element)
        elif tag == "li" and not _has_block_children(element):
            self._whole("list_item", element, max(list_depth, 1))
        elif tag == "br":
            self._inline.append("\n")
        elif tag in _BLOCK_LEVEL:
            self._container(element, list_depth + (tag in _LISTS))
        else:
            self._inline_element(element, list_depth)

    def flush(self) -> None:
        text = normalize_text("".join(self._inline))
        self._inline = []
        if text:
            self.blocks.append(Block("paragraph", text))

    def _whole(self, kind: str, element: HtmlElement, level: int = 0) -> None:
        self.flush()
        text = (
            normalize_text(_text_with_breaks(element))
            if kind == "preformatted"
            else element_text(element)
        )
        if text:
            self.blocks.append(Block(kind, text, level))  # type: ignore[arg-type]

    def _container(self, element: HtmlElement, list_depth: int) -> None:
        self.flush()
        self._inline_element(element, list_depth)
        self.flush()

    def _inline_element(self, element: HtmlElement, list_depth: int) -> None:
        self._add_text(element.text)
        for child in element:
            self.visit(child, list_depth)
            self._add_text(child.tail)

    def _add_text(self, text: str | None) -> None:
        """Line breaks in the markup are only spaces; ``<br>`` makes the breaks that count."""
        if text:
            self._inline.append(_SPACE.sub(" ", text))


def _has_block_children(element: HtmlElement) -> bool:
    return any(isinstance(child.tag, str) and child.tag in _BLOCK_LEVEL for child in element)


def _text_with_breaks(element: HtmlElement) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag == "br":
            parts.append("\n")
        elif isinstance(child.tag, str) and child.tag not in _SKIPPED:
            parts.append(_text_with_breaks(child))
        parts.append(child.tail or "")
    return "".join(parts)
