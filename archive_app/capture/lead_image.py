"""The page's lead image: the picture it names for link previews (``og:image``) or in its
schema.org description (the article's JSON-LD ``image``). Sites often show it above the headline,
outside the article's text, so the figures the importer reads do not include it."""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

import lxml.html
from lxml.etree import ParserError

from archive_app.importers.html_jsonld import article_items, read_json_ld

_OPEN_GRAPH = ("og:image", "og:image:url", "og:image:secure_url")


def lead_image(page: bytes, page_url: str) -> str:
    """The absolute http(s) address of the page's lead image ('' when it names none)."""
    try:
        tree = lxml.html.fromstring(page)
    except (ParserError, ValueError):
        return ""
    candidates = [
        str(meta.get("content") or "")
        for meta in tree.iter("meta")
        if (meta.get("property") or meta.get("name") or "").strip().lower() in _OPEN_GRAPH
    ]
    candidates += [_image_address(item.get("image")) for item in article_items(read_json_ld(tree))]
    for candidate in candidates:
        address = urljoin(page_url, candidate.strip())
        if candidate.strip() and address.startswith(("http://", "https://")):
            return address
    return ""


def _image_address(value: Any) -> str:
    """schema.org's ``image``: an address, an ImageObject, or a list of either."""
    if isinstance(value, list):
        return next((found for found in map(_image_address, value) if found), "")
    if isinstance(value, dict):
        return _image_address(value.get("url") or value.get("contentUrl"))
    return value if isinstance(value, str) else ""
