"""Helpers to compare texts found in different places of a page (meta tags, headings, body)."""

from __future__ import annotations

import re
from functools import lru_cache

from lxml.html import HtmlElement

from archive_app.importers.text_normal import normalize_inline

_WORD = re.compile(r"[^\W_]+")
_REMEMBERED_LENGTH = 2000
"""Texts up to this long (paragraphs, headings) have their key remembered; a container's whole
text is keyed afresh, so the memory held stays small (a few MB at most)."""


def text_key(text: str) -> str:
    """The words of ``text``, lower-cased and single-spaced: punctuation and quotes do not count."""
    return _remembered_key(text) if len(text) <= _REMEMBERED_LENGTH else _key(text)


@lru_cache(maxsize=4096)
def _remembered_key(text: str) -> str:
    """A page's texts are compared many times (blocks with paragraphs, headings, figures), and
    the same paragraph's text is read from each copy of the page."""
    return _key(text)


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def same_text(first: str, second: str) -> bool:
    """Whether two texts say the same thing, give or take punctuation, case and a cut-off end
    ("Headline…" in a meta tag against the full headline on the page)."""
    first_key, second_key = text_key(first), text_key(second)
    if not first_key or not second_key:
        return False
    if first_key == second_key:
        return True
    shorter, longer = sorted((first_key, second_key), key=len)
    return len(shorter) >= 0.8 * len(longer) and longer.startswith(shorter)


def element_text(element: HtmlElement) -> str:
    """The visible text of an element on one line (scripts and styles left out)."""
    strings: list[str] = []
    _collect_visible(element, strings)
    return normalize_inline("".join(strings))


def _collect_visible(element: HtmlElement, strings: list[str]) -> None:
    # Each of lxml's .tag, .text and .tail makes a new string: each is read once.
    separate = element.tag in _BLOCK_TAGS
    if separate:
        strings.append(" ")
    text = element.text
    if text:
        strings.append(text)
    for child in element:
        tag = child.tag
        if isinstance(tag, str) and tag not in _INVISIBLE:
            _collect_visible(child, strings)
        tail = child.tail
        if tail:
            strings.append(tail)
    if separate:
        strings.append(" ")


_INVISIBLE = frozenset({"script", "style", "noscript", "template"})
# Elements that begin on a line of their own: their text does not run into the next word.
# fmt: off
_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
    "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
})
# fmt: on
