"""Author names as a clean list: no "By ", no site name, no addresses, no duplicates."""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml.etree import XPath
from lxml.html import HtmlElement

from archive_app.importers.html_text import element_text, same_text, text_key
from archive_app.importers.text_normal import normalize_inline

# "By", and its counterparts on the sites this archive is for.
_BY = re.compile(
    r"^(?:by|written by|posted by|words by|von|par|por|автор(?:ы)?\s*:?|текст\s*:|müəllif\s*:?"
    r"|yazar\s*:?|hazırlayan\s*:?|հեղինակ\s*:?)\s+",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"\s*(?:[,;|/•·]|\band\b|&|\bи\b|\bvə\b|\bve\b|\bև\b)\s*", re.IGNORECASE)
# Trailing roles and dates after a name: "Anna Petrosyan - Staff Writer", "… | 20 Sep 2023".
_TRAILER = re.compile(r"\s+[-–—|]\s+.*$|\s*\(.*\)\s*$")
_NOT_A_NAME = re.compile(r"https?:|www\.|@|\.com\b|\d", re.IGNORECASE)
_ADDRESS = re.compile(r"^\s*(?:https?://|www\.|/)", re.IGNORECASE)
# Words that make a byline part a job title or a desk, not a person: "CNN Editor-at-large".
# fmt: off
_ROLE_WORDS = frozenset({
    "editor", "editors", "correspondent", "reporter", "reporters", "writer", "writers", "staff",
    "contributor", "contributors", "columnist", "analyst", "producer", "desk", "team", "business",
    "news", "newsroom", "international", "at-large", "chief", "senior", "special", "agencies",
})
# fmt: on
# A byline's date run into the last name: "Malcolm Owen Monday" (months are also first names).
_DATE_WORDS = re.compile(
    r"\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|updated|published)\b.*$",
    re.IGNORECASE,
)
# "Monday November 18, 2019 7:45 am PST by Joe Rossignol": the names follow the last "by".
_LAST_BY = re.compile(r"^.*\bby\s+", re.IGNORECASE | re.DOTALL)
# Only elements with the attributes a byline is told by are looked at: an XPath picks them in C.
_BYLINE_CANDIDATES = XPath("descendant-or-self::*[@rel or @itemprop or @class]")
_MAX_NAME_WORDS = 6
_MAX_NAME_LENGTH = 60
_MAX_BYLINE_LENGTH = 150
_BYLINE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:byline|byline__name|byline-name|author|authors|author-?name|article-?author"
    r"|post-?author|entry-?author|contributor|writer)(?:$|[\s_-])",
    re.IGNORECASE,
)


def clean_authors(candidates: Iterable[str], *, not_authors: Iterable[str] = ()) -> list[str]:
    """The distinct person names in ``candidates`` ("By Anna Petrosyan and Aziz Karimov" gives
    two), without the site's or publisher's name."""
    excluded = [name for name in not_authors if name]
    names: list[str] = []
    for candidate in candidates:
        if _ADDRESS.match(candidate):
            continue  # article:author is often the address of the author's page
        for name in _split_names(candidate):
            if any(same_text(name, other) for other in names) or _names_site(name, excluded):
                continue
            names.append(name)
    return names


def _names_site(name: str, sites: list[str]) -> bool:
    """The publication's own name ("CNN", or "CNN Business" on CNN's site) is not an author."""
    key = text_key(name)
    return any(key == text_key(site) or key.startswith(text_key(site) + " ") for site in sites)


def byline_authors(tree: HtmlElement) -> list[str]:
    """Names from the page's byline: ``rel="author"``, ``itemprop="author"`` or a byline class."""
    for element in _BYLINE_CANDIDATES(tree):
        if not _is_byline(element):
            continue
        text = _byline_text(element)
        if text and len(text) <= _MAX_BYLINE_LENGTH:
            names = clean_authors([text])
            if names:
                return names
    return []


def _is_byline(element: HtmlElement) -> bool:
    if "author" in element.get("rel", "").lower().split():
        return True
    if element.get("itemprop") == "author":
        return True
    return _BYLINE_CLASS.search(element.get("class", "")) is not None


def _byline_text(element: HtmlElement) -> str:
    named = element.find(".//*[@itemprop='name']")
    if named is not None:
        return element_text(named) or named.get("content", "")
    return element_text(element)


def _split_names(text: str) -> list[str]:
    text = _LAST_BY.sub("", normalize_inline(text).lstrip("@"))
    names = []
    for part in _SEPARATORS.split(text):
        name = _DATE_WORDS.sub("", _TRAILER.sub("", _BY.sub("", part))).strip(" .:-–—")
        if _looks_like_name(name):
            names.append(name)
    return names


def _looks_like_name(name: str) -> bool:
    """Person and agency names: short, no digits or addresses, no job titles, and written with
    capitals ("admin" and "jdoe" are user names) where the script has capitals at all."""
    if not name or len(name) > _MAX_NAME_LENGTH or _NOT_A_NAME.search(name):
        return False
    words = name.split()
    if len(words) > _MAX_NAME_WORDS or not any(character.isalpha() for character in name):
        return False
    lowered = name.lower()
    if "admin" in lowered or any(part in _ROLE_WORDS for part in re.split(r"[\s-]+", lowered)):
        return False
    cased = [
        character
        for character in name
        if character.isalpha() and character.lower() != character.upper()
    ]
    return not cased or any(character.isupper() for character in cased)
