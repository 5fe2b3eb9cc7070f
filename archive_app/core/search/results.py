"""What a search gives back: :class:`SearchResults` holding :class:`Hit` objects.

Plain data (no Whoosh), so the window, the command line and tests can hold on to them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from archive_app.core.search.gazetteer import PlaceChoice

SortOrder = Literal["relevance", "date"]
Span = tuple[int, int]


@dataclass(frozen=True)
class Hit:
    """One source that matched.

    ``snippet`` is the best passages of ``snippet_field`` (body, caption or note; the start of
    the text when no words of it matched), with ``highlights``: ``(start, end)`` spans of the
    snippet that show matched words. ``title_highlights`` are spans of ``title``. ``page``: for
    a PDF, the page of the first highlighted word. ``matched_aliases``: the names of the
    query's alias groups found in this source (Khankendi, for a search for Stepanakert).
    ``published`` is as precise as the source says (``2023``, ``2023-09``, ``2023-09-19``).
    """

    id: int
    kind: str
    title: str
    score: float
    snippet: str
    highlights: list[Span] = field(default_factory=list)
    page: int | None = None
    matched_aliases: list[str] = field(default_factory=list)
    title_highlights: list[Span] = field(default_factory=list)
    snippet_field: str = ""
    published: str = ""
    site: str = ""
    authors: list[str] = field(default_factory=list)

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
            "title_highlights": [list(span) for span in self.title_highlights],
            "snippet_field": self.snippet_field,
            "published": self.published,
            "site": self.site,
            "authors": self.authors,
        }


@dataclass(frozen=True)
class SearchResults:
    """``total`` sources matched; ``hits`` are the page asked for (from ``offset`` on).
    ``facets``: for kind, year, site, event and perspective, how many of all matching sources
    have each value (events count their sub-events' sources too). ``suggestion``: a corrected
    query that finds more, when this one found few or none. ``understood`` and ``notes``: how
    the query was searched, when it was read otherwise than typed (see
    :mod:`archive_app.core.search.reading`)."""

    query: str
    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    suggestion: str | None = None
    offset: int = 0
    sort: SortOrder = "relevance"
    understood: str = ""
    notes: tuple[str, ...] = ()
    place_choices: list[PlaceChoice] = field(default_factory=list)
    """Names in the query that several places have: searched as typed until one is chosen."""

    def to_json(self) -> dict[str, Any]:
        return {
            "place_choices": [choice.to_json() for choice in self.place_choices],
            "query": self.query,
            "total": self.total,
            "offset": self.offset,
            "sort": self.sort,
            "hits": [hit.to_json() for hit in self.hits],
            "facets": self.facets,
            "suggestion": self.suggestion,
            "understood": self.understood,
            "notes": list(self.notes),
        }
