"""What a web page says about itself: title, authors, site, dates, canonical address, language.

The page's own explicit metadata comes first, because publishers fill it in for search engines
and social networks and it is usually exact: JSON-LD (``NewsArticle``, ``Article``, also inside
``@graph``), Open Graph and other ``<meta>`` tags, ``<link rel=canonical>``, ``<html lang>``.
trafilatura's guesses (and htmldate's date search) fill the gaps, then a byline in the page.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any
from urllib.parse import urljoin, urlparse

from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura.metadata import (
    META_URL,
    examine_meta,
    extract_author,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.settings import Document, set_date_params
from trafilatura.utils import line_processing

from archive_app.importers.html_authors import byline_authors, clean_authors
from archive_app.importers.html_dates import normalize_date
from archive_app.importers.html_jsonld import article_items, read_json_ld
from archive_app.importers.html_text import element_text, same_text
from archive_app.importers.text_normal import normalize_inline

log = logging.getLogger(__name__)

_DAY_LENGTH = len("2020-09-27")
_MAX_GUESS_LENGTH = 10000
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " » ")


@dataclass
class PageMetadata:
    title: str = ""
    authors: list[str] = field(default_factory=list)
    site_name: str = ""
    published: str = ""
    modified: str = ""
    source_url: str = ""
    language: str = ""
    description: str = ""
    keywords: list[str] = field(default_factory=list)


class TrafilaturaGuesses:
    """trafilatura's guesses (htmldate's date search among them), the slowest part of reading
    metadata: each made only when the page's explicit metadata leaves its field to guess.

    The steps of trafilatura's ``extract_metadata`` that give a field, taken one by one: the
    whole of it also reads categories, tags, a licence and the host's public suffix (loading
    the suffix list the first time), and searches for a date when only an author was missing.
    Each field reads as ``extract_metadata`` reads it (its ``clean_and_trim`` included)."""

    def __init__(self, tree: HtmlElement) -> None:
        self._tree = tree

    @cached_property
    def _stated(self) -> Document:
        """What trafilatura reads from the meta tags and JSON-LD, before it guesses."""
        stated = examine_meta(self._tree)
        if stated.author and " " not in stated.author:
            stated.author = None
        try:
            return extract_meta_json(self._tree, stated)
        except Exception as error:  # its JSON-LD reader's bugs: extract_metadata passes them by
            log.info("trafilatura could not read the page's JSON-LD: %s", error)
            return stated

    @cached_property
    def _url(self) -> str | None:
        return self._stated.url or extract_url(self._tree)

    def site_name(self) -> str:
        site_name = self._stated.sitename or extract_sitename(self._tree)
        if site_name:
            site_name = site_name.lstrip("@")
            if site_name and "." not in site_name and not site_name[0].isupper():
                site_name = site_name.title()
        elif self._url:
            found = META_URL.match(self._url)
            site_name = found[1] if found else None
        return _trimmed(site_name)

    def title(self) -> str:
        return _trimmed(self._stated.title or extract_title(self._tree))

    def url(self) -> str:
        return _trimmed(self._url)

    def date(self) -> str:
        return _trimmed(find_date(self._tree, **set_date_params(extensive=True), url=self._url))

    def author(self) -> str:
        return _trimmed(self._stated.author or extract_author(self._tree))


def _trimmed(value: str | None) -> str:
    """A field as trafilatura's ``Document.clean_and_trim`` leaves it."""
    if not value:
        return ""
    if len(value) > _MAX_GUESS_LENGTH:
        value = value[: _MAX_GUESS_LENGTH - 1] + "…"
    return line_processing(html.unescape(value)) or ""


def read_metadata(tree: HtmlElement) -> PageMetadata:
    """Everything ``tree`` states about itself; fields it does not state stay empty."""
    meta = _meta_tags(tree)
    article = _first_article(tree)
    guessed = TrafilaturaGuesses(tree)
    site_name = _first(
        meta.get("og:site_name"), _name_of(article.get("publisher")), meta.get("application-name")
    ) or _first(guessed.site_name())
    metadata = PageMetadata(site_name=site_name.lstrip("@"))
    metadata.title = _title(tree, meta, article, guessed.title, site_name)
    metadata.source_url = _source_url(tree, meta, article, guessed.url)
    metadata.published = _published(tree, meta, article, guessed.date)
    metadata.modified = _first_date(article.get("dateModified"), meta.get("article:modified_time"))
    metadata.language = _language(tree, meta, article)
    metadata.description = _first(
        meta.get("og:description"), meta.get("description"), _text(article.get("description"))
    )
    metadata.keywords = _keywords(meta.get("keywords") or meta.get("news_keywords") or "")
    metadata.authors = _authors(tree, meta, article, guessed.author, site_name)
    return metadata


_DATE_META_NAMES = (
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.created",
    "dcterms.issued",
    "citation_publication_date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "original-publish-date",
)


def _meta_tags(tree: HtmlElement) -> dict[str, str]:
    """``<meta>`` values by lower-cased name, property, itemprop or http-equiv; the first wins."""
    tags: dict[str, str] = {}
    for meta in tree.iter("meta"):
        content = _decoded(meta.get("content", ""))
        if not content:
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = meta.get(attribute, "").strip().lower()
            if key:
                tags.setdefault(key, content)
    return tags


def _first_article(tree: HtmlElement) -> dict[str, Any]:
    items = article_items(read_json_ld(tree))
    return items[0] if items else {}


def _title(
    tree: HtmlElement,
    meta: dict[str, str],
    article: dict[str, Any],
    guessed: Callable[[], str],
    site_name: str,
) -> str:
    headline = _first_heading(tree)
    page_title = _without_site_name(_document_title(tree), site_name)

    def candidates() -> Iterator[str]:
        yield _text(article.get("headline"))
        yield meta.get("og:title", "")
        yield meta.get("twitter:title", "")
        yield guessed()
        yield page_title

    # The headline on the page, when a meta title agrees with it, is the most complete form
    # (meta titles are often shortened or carry the site's name).
    if headline and any(same_text(headline, candidate) for candidate in candidates() if candidate):
        return headline
    first = next((title for candidate in candidates() if (title := _first(candidate))), "")
    return _without_site_name(first or _first(headline), site_name)


def _first_heading(tree: HtmlElement) -> str:
    for heading in tree.iter("h1"):
        text = element_text(heading)
        if text:
            return text
    return ""


def _document_title(tree: HtmlElement) -> str:
    title = tree.find(".//title")
    return _decoded(element_text(title)) if title is not None else ""


def _without_site_name(title: str, site_name: str) -> str:
    """ "Shusha, a year on | OC Media" without " | OC Media"."""
    if not site_name:
        return title
    for separator in _TITLE_SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if found and head and same_text(tail, site_name):
            return head.strip()
        tail, found, head = title.partition(separator)
        if found and head and same_text(tail, site_name):
            return head.strip()
    return title


def _source_url(
    tree: HtmlElement, meta: dict[str, str], article: dict[str, Any], guessed: Callable[[], str]
) -> str:
    canonical = ""
    for link in tree.iter("link"):
        if "canonical" in link.get("rel", "").lower().split():
            canonical = link.get("href", "").strip()
            break
    entity = article.get("mainEntityOfPage")
    entity_url = entity.get("@id", "") if isinstance(entity, dict) else _text(entity)
    base = canonical or meta.get("og:url", "")
    for candidate in (canonical, meta.get("og:url", ""), _text(article.get("url")), entity_url):
        url = _absolute_web_url(candidate, base=base)
        if url:
            return url
    return _absolute_web_url(guessed(), base=base)


def _absolute_web_url(url: str, *, base: str) -> str:
    url = url.strip()
    if not url:
        return ""
    if base and not urlparse(url).scheme:
        url = urljoin(base, url)
    return url if urlparse(url).scheme in {"http", "https"} else ""


def _language(tree: HtmlElement, meta: dict[str, str], article: dict[str, Any]) -> str:
    root = tree.getroottree().getroot()
    for candidate in (
        root.get("lang", ""),
        root.get("{http://www.w3.org/XML/1998/namespace}lang", ""),
        root.get("xml:lang", ""),
        meta.get("content-language", ""),
        meta.get("language", ""),
        _text(article.get("inLanguage")),
        meta.get("og:locale", ""),
    ):
        language = _language_code(candidate)
        if language:
            return language
    return ""


def _language_code(tag: str) -> str:
    """The primary language of a tag: "az-Latn-AZ" and "az_AZ" give "az"."""
    primary = tag.strip().replace("_", "-").split("-")[0].split(",")[0].lower()
    return primary if primary.isalpha() and 2 <= len(primary) <= 3 else ""


def _time_element(tree: HtmlElement) -> str:
    """``<time itemprop="datePublished">`` or ``<time pubdate>``: a date the page shows."""
    for time in tree.iter("time"):
        marked = time.get("itemprop") == "datePublished" or time.get("pubdate") is not None
        if marked and time.get("datetime"):
            return str(time.get("datetime"))
    return ""


def _published(
    tree: HtmlElement,
    meta: dict[str, str],
    article: dict[str, Any],
    guessed: Callable[[], str],
) -> str:
    """The stated publication date; trafilatura's guess (a day at most) only when nothing is
    stated, or when it could make a stated year or month more precise."""
    dates = _dates(
        article.get("datePublished"),
        meta.get("article:published_time"),
        meta.get("og:published_time"),
        meta.get("datepublished"),
        _time_element(tree),
        *(meta.get(name) for name in _DATE_META_NAMES),
        article.get("dateCreated"),
    )
    if not dates or (len(dates[0]) < _DAY_LENGTH and _refined(dates) == dates[0]):
        dates += _dates(guessed())
    return _refined(dates)


def _first_date(*candidates: Any) -> str:
    """The first date found, or a later one that says the same with more precision (a date-time
    on the same day)."""
    return _refined(_dates(*candidates))


def _dates(*candidates: Any) -> list[str]:
    return [date for date in (normalize_date(_text(candidate)) for candidate in candidates) if date]


def _refined(dates: list[str]) -> str:
    if not dates:
        return ""
    first = dates[0]
    return next(
        (date for date in dates if date.startswith(first) and len(date) > len(first)), first
    )


def _authors(
    tree: HtmlElement,
    meta: dict[str, str],
    article: dict[str, Any],
    guessed: Callable[[], str],
    site_name: str,
) -> list[str]:
    publisher = _name_of(article.get("publisher"))
    not_authors = {name for name in (site_name, publisher) if name}
    readers: tuple[Callable[[], list[str]], ...] = (
        lambda: _people(article.get("author")),
        lambda: [meta.get("author", "")],
        lambda: [
            meta.get("article:author", ""),
            meta.get("dc.creator", ""),
            meta.get("parsely-author", ""),
        ],
        lambda: byline_authors(tree),  # a walk of the page: only when nothing above names one
    )
    for read in readers:
        authors = clean_authors(read(), not_authors=not_authors)
        if authors:
            return authors
    return clean_authors([guessed()], not_authors=not_authors)


def _people(value: Any) -> list[str]:
    """Author names from a JSON-LD ``author``: a name, a Person, or a list of them."""
    if isinstance(value, list):
        return [name for item in value for name in _people(item)]
    return [_name_of(value)] if value else []


def _name_of(value: Any) -> str:
    if isinstance(value, dict):
        return _text(value.get("name"))
    if isinstance(value, list):
        return _name_of(value[0]) if value else ""
    return _text(value)


def _keywords(text: str) -> list[str]:
    words = [normalize_inline(word) for word in text.split(",")]
    return list(dict.fromkeys(word for word in words if word))


def _text(value: Any) -> str:
    if isinstance(value, list):
        return _text(value[0]) if value else ""
    if isinstance(value, dict):
        return _text(value.get("@value") or value.get("name") or "")
    return _decoded(str(value)) if value is not None else ""


def _first(*candidates: str | None) -> str:
    for candidate in candidates:
        text = _decoded(candidate or "")
        if text:
            return text
    return ""


def _decoded(text: str) -> str:
    """One line of text with HTML entities decoded: many sites escape meta values and JSON-LD
    strings twice, so ``&quot;`` and ``&#039;`` are still there after the page is parsed."""
    return normalize_inline(html.unescape(text))
