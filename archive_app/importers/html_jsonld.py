"""JSON-LD (``<script type="application/ld+json">``): the schema.org description a page gives of
itself for search engines, read leniently because publishers often write it by hand."""

from __future__ import annotations

import json
import re
from typing import Any

from lxml.html import HtmlElement

_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_WRAPPERS = re.compile(r"^\s*(?:<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)|(?:-->|//\s*\]\]>|\]\]>)\s*$")
# Kinds of schema.org item that describe an article, best first.
_ARTICLE_TYPES = (
    "NewsArticle",
    "ReportageNews",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "Article",
    "BlogPosting",
    "LiveBlogPosting",
    "ScholarlyArticle",
    "Report",
    "SocialMediaPosting",
)
_REFERENCE_KEYS = ("author", "publisher", "mainEntityOfPage", "creator")


def read_json_ld(tree: HtmlElement) -> list[dict[str, Any]]:
    """Every JSON-LD item on the page (lists and ``@graph`` flattened, ``@id`` references to other
    items resolved); blocks that are not valid JSON are skipped."""
    items: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if script.get("type", "").strip().lower() == "application/ld+json":
            items += _flatten(_parse(script.text or ""))
    _resolve_references(items)
    return items


def article_items(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The items that describe an article, the most specific kind first."""
    ranked = []
    for index, item in enumerate(items):
        rank = _article_rank(item)
        if rank is not None:
            ranked.append((rank, index, item))
    return [item for _, _, item in sorted(ranked, key=lambda entry: entry[:2])]


def _parse(text: str) -> Any:
    text = _WRAPPERS.sub("", text.strip())
    for candidate in (text, _TRAILING_COMMA.sub(r"\1", text)):
        try:
            return json.loads(candidate, strict=False)
        except ValueError:
            continue
    return None


def _flatten(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, list):
        return [item for element in value for item in _flatten(element)]
    if not isinstance(value, dict):
        return []
    graph = value.get("@graph")
    own = [value] if "@type" in value else []
    return own + (_flatten(graph) if graph is not None else [])


def _resolve_references(items: list[dict[str, Any]]) -> None:
    """Yoast and other plugins point from an article to its author by ``{"@id": ...}``."""
    by_id = {item["@id"]: item for item in items if isinstance(item.get("@id"), str)}
    for item in items:
        for key in _REFERENCE_KEYS:
            item[key] = _resolved(item.get(key), by_id)


def _resolved(value: Any, by_id: dict[str, dict[str, Any]]) -> Any:
    if isinstance(value, list):
        return [_resolved(element, by_id) for element in value]
    if isinstance(value, dict) and set(value) == {"@id"}:
        return by_id.get(value["@id"], value)
    return value


def _article_rank(item: dict[str, Any]) -> int | None:
    kinds = item.get("@type")
    names = kinds if isinstance(kinds, list) else [kinds]
    ranks = [_ARTICLE_TYPES.index(name) for name in names if name in _ARTICLE_TYPES]
    return min(ranks) if ranks else None
