"""Searching the archive: a query in, ranked hits with snippets out.

A query that cannot be parsed is searched as plain words; a search never raises at the user.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from whoosh import highlight
from whoosh.qparser import AndGroup, MultifieldParser
from whoosh.query import Query

if TYPE_CHECKING:
    from archive_app.core.archive import Archive

SEARCH_FIELDS = ("title", "body", "caption", "note", "author", "site")
SNIPPET_FIELDS = ("body", "caption", "note", "title")
MAX_QUERY_CHARS = 2000
SortOrder = Literal["relevance", "date"]


@dataclass(frozen=True)
class Hit:
    """One source that matched. ``highlights`` are ``(start, end)`` spans of ``snippet`` that
    show matched words."""

    id: int
    kind: str
    title: str
    score: float
    snippet: str
    highlights: list[tuple[int, int]] = field(default_factory=list)
    page: int | None = None
    matched_aliases: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "score": round(self.score, 4),
            "snippet": self.snippet,
            "highlights": [list(span) for span in self.highlights],
            "page": self.page,
            "matched_aliases": self.matched_aliases,
        }


@dataclass(frozen=True)
class SearchResults:
    query: str
    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    suggestion: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "total": self.total,
            "hits": [hit.to_json() for hit in self.hits],
            "facets": self.facets,
            "suggestion": self.suggestion,
        }


def run_search(
    archive: Archive,
    query: str,
    *,
    limit: int = 20,
    offset: int = 0,
    sort: SortOrder = "relevance",
) -> SearchResults:
    text = query.strip()[:MAX_QUERY_CHARS]
    if not text:
        return SearchResults(query, 0, [])
    with archive.index.searcher() as searcher:
        parsed = _parse(text, archive.index.schema)
        sortedby = "published" if sort == "date" else None
        results = searcher.search(
            parsed, limit=offset + limit, sortedby=sortedby, reverse=sort == "date", terms=True
        )
        results.fragmenter = highlight.ContextFragmenter(maxchars=220, surround=60)
        results.formatter = _SpanFormatter()
        results.fragmenter.charlimit = None
        hits = [_hit(hit) for hit in results[offset : offset + limit]]
        return SearchResults(query, len(results), hits)


def _parse(text: str, schema: Any) -> Query:
    parser = MultifieldParser(list(SEARCH_FIELDS), schema, group=AndGroup)
    try:
        return parser.parse(text)
    except Exception:  # any parse failure: fall back to the words themselves
        words = " ".join(re.findall(r"\w+", text))
        return parser.parse(words)


class _SpanFormatter(highlight.Formatter):  # type: ignore[misc]
    """Formats a fragment as text with the matched words' spans marked by sentinels."""

    def format_token(self, text: str, token: Any, replace: bool = False) -> str:
        return "\x02" + str(highlight.get_text(text, token, replace)) + "\x03"


def _hit(hit: Any) -> Hit:
    snippet_source = ""
    for name in SNIPPET_FIELDS:
        if hit.get(name):
            snippet_source = hit.highlights(name, top=2)
            if snippet_source:
                break
    if not snippet_source:
        snippet_source = (hit.get("body") or hit.get("caption") or "")[:200]
    snippet, spans = _split_marks(snippet_source)
    return Hit(
        id=int(hit["id"]),
        kind=hit["kind"],
        title=hit.get("title", ""),
        score=float(hit.score or 0.0),
        snippet=snippet,
        highlights=spans,
    )


def _split_marks(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """Remove the formatter's sentinels, remembering where they were."""
    text: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    start = 0
    for char in marked:
        if char == "\x02":
            start = length
        elif char == "\x03":
            spans.append((start, length))
        else:
            text.append(char)
            length += 1
    return " ".join("".join(text).split("\n")), spans
