"""Searching the archive: a query in, ranked hits with snippets, facets and a suggestion out.

The pieces: :mod:`.syntax` reads the query language into a tree (never failing),
:mod:`.compile` turns the tree into a Whoosh query (aliases, labels, dates, wildcards),
:mod:`.hits` makes snippets, :mod:`.facets` counts facets, :mod:`.suggest`
proposes a spelling correction. A search never raises at the user: whatever the text, it finds
sources or finds none.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, TypedDict, get_args

import numpy as np
from whoosh import query as wq
from whoosh.collectors import (
    FilterCollector,
    SortingCollector,
    TermsCollector,
    WrappingCollector,
)
from whoosh.searching import Searcher
from whoosh.sorting import FieldFacet

from archive_app.core.aliases import Aliases
from archive_app.core.db import Database
from archive_app.core.errors import InvalidInputError, NotFoundError
from archive_app.core.index import SearchIndex
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.core.research import Kind
from archive_app.core.search.compile import (
    KINDS,
    NOTHING,
    CompiledQuery,
    QueryCompiler,
    all_of,
    any_of,
    date_bounds,
    ids_query,
    published_query,
)
from archive_app.core.search.docsets import DocSets, Matches
from archive_app.core.search.facets import FacetCounter
from archive_app.core.search.gazetteer import Gazetteer
from archive_app.core.search.hits import HitMaker
from archive_app.core.search.labels import Labels
from archive_app.core.search.reading import read_query
from archive_app.core.search.results import Hit, SearchResults, SortOrder
from archive_app.core.search.suggest import SUGGEST_BELOW, suggestion
from archive_app.core.search.syntax import Node, parse

__all__ = ["Hit", "SearchOptions", "SearchResults", "SearchService", "SortOrder"]

MAX_QUERY_CHARS = 1000
"""Longer queries are cut here (a pasted page is still searched by its first words)."""
SIMILAR_TERMS = 25
NEWEST_FIRST = FieldFacet("date_order", reverse=True)


class SearchOptions(TypedDict, total=False):
    """The keyword arguments of :meth:`SearchService.run` (and ``Archive.search``)."""

    limit: int
    offset: int
    sort: SortOrder
    kinds: Sequence[str]
    events: Sequence[int]
    perspectives: Sequence[int]
    tags: Sequence[int]
    years: Sequence[int]
    facets: bool
    snippets: bool


@dataclass(frozen=True)
class _Filters:
    """Narrowing that ANDs with the text query, as the window's facet chips and sidebar give it:
    within one kind of filter any value will do (two events: either), across kinds all must
    hold. Events include their sub-events."""

    kinds: Sequence[str] = ()
    events: Sequence[int] = ()
    perspectives: Sequence[int] = ()
    tags: Sequence[int] = ()
    years: Sequence[int] = ()

    def __bool__(self) -> bool:
        return bool(self.kinds or self.events or self.perspectives or self.tags or self.years)


@dataclass(frozen=True)
class _Request:
    """One search as the steps after compiling need it."""

    text: str
    compiled: CompiledQuery
    labels: Labels
    filters: _Filters


class SearchService:
    """The archive's search. One per archive: it keeps facet values between searches."""

    def __init__(
        self,
        database: Database,
        index: SearchIndex,
        aliases: Aliases,
        gazetteer: Gazetteer | None = None,
    ) -> None:
        self.database = database
        self.index = index
        self.aliases = aliases
        self.gazetteer = gazetteer
        self._held: tuple[object, dict[tuple[str, str], bool]] = (None, {})
        """The reader last searched and which terms its fields hold, as far as asked."""
        self._facets = FacetCounter()
        self._docsets = DocSets()

    def run(
        self,
        query: str,
        *,
        limit: int = 20,
        offset: int = 0,
        sort: SortOrder = "relevance",
        kinds: Sequence[str] = (),
        events: Sequence[int] = (),
        perspectives: Sequence[int] = (),
        tags: Sequence[int] = (),
        years: Sequence[int] = (),
        facets: bool = True,
        snippets: bool = True,
    ) -> SearchResults:
        """Search for ``query`` (the query language of :mod:`.help`), narrowed by the
        structured filters; hits ``offset`` to ``offset + limit``, by relevance or newest first
        (undated last). An empty query with filters lists every source they allow; a query
        with nothing to rank by (only filters or exclusions) is listed newest first. Set
        ``facets=False`` for a further page, to skip counting them, and ``snippets=False`` when
        only the sources are wanted (no snippets or highlights are made)."""
        _check_options(limit, offset, sort)
        filters = _Filters(kinds, events, perspectives, tags, years)
        text = query.strip()[:MAX_QUERY_CHARS]
        reading = read_query(text)
        empty = SearchResults(
            query,
            0,
            [],
            offset=offset,
            sort=sort,
            understood=reading.understood,
            notes=reading.notes,
        )
        with self.index.searcher() as searcher:
            labels = Labels(self.database)
            compiled = self._compile(searcher, reading.tree, labels)
            request = _Request(text, compiled, labels, filters)
            main, narrowing = _combined(compiled.query, _filter_query(filters, labels))
            empty = replace(empty, place_choices=compiled.place_choices)
            if main is None or main is NOTHING or narrowing is NOTHING:
                return self._with_suggestion(empty, searcher, request)
            if sort == "date" or not compiled.scored:
                matches = _newest_first(searcher, main, offset + limit, narrowing)
            else:
                matches = self._docsets.ranked(searcher, main, narrowing, offset + limit)
            docnums = matches.docnums
            maker = HitMaker(
                matches.results,
                compiled.alias_groups,
                [w.text for w in compiled.words],
                snippets=snippets,
            )
            hits = [maker.hit(found) for found in matches.results[offset : offset + limit]]
            counts = (
                self._facet_counts(searcher, docnums, labels) if facets and len(docnums) else {}
            )
            found = replace(empty, total=len(docnums), hits=hits, facets=counts)
            return self._with_suggestion(found, searcher, request)

    def warm_up(self) -> None:
        """Read what the first search with hits would otherwise stop to read: each segment's
        facet values (0.45 s at 100,000 sources). The window does it in the background once it
        is up."""
        with self.index.searcher() as searcher:
            self._facets.read(searcher.reader())

    def forget_matches(self) -> None:
        """Forget the matches of the words searched so far (``bench_search`` times the first
        search of each query after this)."""
        self._docsets.forget()

    def similar(self, source_id: int, *, limit: int = 10) -> list[Hit]:
        """The sources closest to ``source_id`` in content: those sharing most of its most
        telling words (Whoosh's "more like this"), best first, the source itself left out."""
        with self.index.searcher() as searcher:
            docnum = searcher.document_number(id=str(source_id))
            if docnum is None:
                raise NotFoundError(
                    Message(
                        QT_TRANSLATE_NOOP("core", "There is no source with id {id}."),
                        id=str(source_id),
                    )
                )
            stored = searcher.stored_fields(docnum)
            text = "\n".join(stored.get(f, "") for f in ("title", "body", "caption", "note"))
            key_terms = searcher.key_terms_from_text("body", text, numterms=SIMILAR_TERMS)
            if not key_terms or limit <= 0:
                return []
            likeness = wq.Or(
                [
                    wq.Term(f, word, boost=weight)
                    for word, weight in key_terms
                    for f in ("title", "body")
                ]
            )
            results = searcher.search(likeness, limit=limit, mask={docnum}, terms=True)
            maker = HitMaker(results, [])
            return [maker.hit(found) for found in results]

    # Steps

    def _compile(self, searcher: Searcher, tree: Node | None, labels: Labels) -> CompiledQuery:
        reader = searcher.reader()
        held = self._held
        if held[0] is not reader:
            held = self._held = (reader, {})
        compiler = QueryCompiler(reader, self.aliases.table(), labels, self.gazetteer, held[1])
        return compiler.compile(tree)

    def _count(self, searcher: Searcher, text: str, labels: Labels, filters: _Filters) -> int:
        compiled = self._compile(searcher, parse(text), labels)
        main, narrowing = _combined(compiled.query, _filter_query(filters, labels))
        if main is None or main is NOTHING or narrowing is NOTHING:
            return 0
        return len(self._docsets.matching(searcher, main, narrowing))

    def _with_suggestion(
        self, results: SearchResults, searcher: Searcher, request: _Request
    ) -> SearchResults:
        if results.total >= SUGGEST_BELOW or not request.compiled.words or results.offset:
            return results
        better = suggestion(
            searcher.reader(),
            request.text,
            request.compiled.words,
            results.total,
            lambda corrected: self._count(searcher, corrected, request.labels, request.filters),
        )
        return results if better is None else replace(results, suggestion=better)

    def _facet_counts(
        self, searcher: Searcher, docnums: Any, labels: Labels
    ) -> dict[str, dict[str, int]]:
        counts = self._facets.count(searcher.reader(), docnums)
        named: dict[str, Counter[str]] = {}
        for facet, counter in counts.items():
            if facet == "event":
                named[facet] = _label_counts(counter, labels, "event", roll_up=True)
            elif facet == "perspective":
                named[facet] = _label_counts(counter, labels, "perspective", roll_up=False)
            else:
                named[facet] = Counter({value: n for value, n in counter.items() if value})
        return {
            facet: dict(sorted(counter.items(), key=lambda item: (-item[1], item[0])))
            for facet, counter in named.items()
        }


class _Recorder(WrappingCollector):  # type: ignore[misc]
    """Keeps the number of every matching document while the collector it wraps ranks them,
    so the total and the facets come from the same single pass over the matches."""

    def prepare(self, top_searcher: Searcher, q: Any, context: Any) -> None:
        super().prepare(top_searcher, q, context)
        self.docnums: list[int] = []

    def collect(self, sub_docnum: int) -> Any:
        self.docnums.append(self.offset + sub_docnum)
        return self.child.collect(sub_docnum)


def _newest_first(searcher: Searcher, main: Any, limit: int, narrowing: Any) -> Matches:
    """Run ``main`` (narrowed) newest first: every match, and the first ``limit`` with their
    matched terms (for highlights)."""
    terms = TermsCollector(SortingCollector(NEWEST_FIRST, limit=max(1, limit)))
    recorder = _Recorder(terms)
    outer = recorder if narrowing is None else FilterCollector(recorder, allow=narrowing)
    searcher.search_with_collector(main, outer)
    return Matches(np.array(sorted(recorder.docnums), dtype=np.int64), outer.results())


def _check_options(limit: int, offset: int, sort: str) -> None:
    if limit < 0 or offset < 0:
        raise InvalidInputError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core", "The number of hits and the first hit cannot be negative."
                )
            )
        )
    if sort not in get_args(SortOrder):
        raise InvalidInputError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core", "Results can be sorted by relevance or by date, not '{sort}'."
                ),
                sort=str(sort),
            )
        )


def _filter_query(filters: _Filters, labels: Labels) -> Any:
    if not filters:
        return None
    parts = [
        any_of([wq.Term("kind", KINDS.get(kind, kind)) for kind in filters.kinds]),
        ids_query("event", labels.with_sub_events(filters.events)) if filters.events else None,
        ids_query("perspective", set(filters.perspectives)) if filters.perspectives else None,
        ids_query("tag", set(filters.tags)) if filters.tags else None,
        any_of([_year_query(year) for year in filters.years]),
    ]
    return all_of(parts)


def _year_query(year: int) -> Any:
    bounds = date_bounds(str(year))
    return NOTHING if bounds is None else published_query(*bounds)


def _combined(main: Any, narrowing: Any) -> tuple[Any, Any]:
    """The query to run and the filter to narrow it by. With no text, the filter is the query
    (so an empty query lists what the filters allow)."""
    if main is None and narrowing is not None:
        return narrowing, None
    return main, narrowing


def _label_counts(
    counter: Counter[tuple[int, ...]], labels: Labels, kind: Kind, *, roll_up: bool
) -> Counter[str]:
    """Counts of id tuples as counts of names; with ``roll_up``, a source counts once for each
    event it is about and for every event those are part of."""
    named: Counter[str] = Counter()
    for ids, count in counter.items():
        chosen = labels.with_parent_events(ids) if roll_up else set(ids)
        for label_id in chosen:
            name = labels.name(kind, label_id)
            if name is not None:
                named[name] += count
    return named
